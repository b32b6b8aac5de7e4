//! Councils' meetings as iCalendar (RFC 5545): the invitation a member
//! receives with a convocation (METHOD:REQUEST, its SEQUENCE raised each time
//! the meeting moves; METHOD:CANCEL when it is called off), and the public
//! feed of a council's meetings that calendar applications subscribe to.

use crate::entities::{agenda_item, council, meeting};
use icalendar::{Calendar, Component as _, Event, EventLike as _, EventStatus, Property};
use palier_domain::councils::MeetingStatus;

/// What an invitation asks of the calendar that receives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Add or update the meeting.
    Request,
    /// Remove it: it is called off.
    Cancel,
}

/// The event of `meeting`: stable UID, its sequence, the agenda in its
/// description, the place (or the video link).
fn event(
    host: &str,
    council: &council::Model,
    meeting: &meeting::Model,
    agenda: &[agenda_item::Model],
    link: &str,
) -> Event {
    let mut description = String::new();
    for (n, item) in agenda.iter().enumerate() {
        description.push_str(&format!("{}. {} ({} min)", n + 1, item.title, item.minutes));
        if !item.presenter.is_empty() {
            description.push_str(&format!(" — {}", item.presenter));
        }
        description.push('\n');
    }
    description.push_str(link);
    let location = if meeting.place.is_empty() { meeting.video_link.clone() } else { meeting.place.clone() };
    let cancelled = meeting.status == MeetingStatus::Cancelled.code();
    let mut event = Event::new();
    event
        .uid(&format!("meeting-{}@{host}", meeting.id))
        .summary(&council.name)
        .description(&description)
        .location(&location)
        .starts(meeting.starts_at)
        .ends(meeting.ends_at)
        .timestamp(meeting.updated_at)
        .sequence(u32::try_from(meeting.sequence).unwrap_or(0))
        .url(link)
        .status(if cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed });
    event.done()
}

/// The invitation sent to `recipient` (an address) for `meeting`.
#[expect(clippy::too_many_arguments, reason = "the meeting, its council and agenda, and who sends it to whom")]
pub fn invitation(
    host: &str,
    organiser: &str,
    recipient: &str,
    council: &council::Model,
    meeting: &meeting::Model,
    agenda: &[agenda_item::Model],
    link: &str,
    method: Method,
) -> String {
    let mut event = event(host, council, meeting, agenda, link);
    event.append_property(Property::new("ORGANIZER", format!("mailto:{organiser}")));
    event.append_property(Property::new("ATTENDEE", format!("mailto:{recipient}")));
    let mut calendar = Calendar::new();
    calendar.append_property(Property::new(
        "METHOD",
        match method {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        },
    ));
    calendar.push(event);
    calendar.done().to_string()
}

/// The public feed of `council`'s meetings.
pub fn feed(
    host: &str,
    council: &council::Model,
    meetings: &[(meeting::Model, Vec<agenda_item::Model>, String)],
) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&council.name).append_property(Property::new("METHOD", "PUBLISH"));
    for (meeting, agenda, link) in meetings {
        calendar.push(event(host, council, meeting, agenda, link));
    }
    calendar.done().to_string()
}
