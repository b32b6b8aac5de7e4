//! The forms of councils: a council, a member, a meeting, an agenda item.
//! The browser runs the same field rules (`form::Rule`).

use super::{CouncilKind, SeatRole};
use crate::Email;
use crate::form::{FormErrors, Input, clean_text, collapse};
use crate::ids::ResidenceId;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A council's name: 2 to 150 characters.
pub fn council_name(text: &str) -> Result<String, &'static str> {
    let text = collapse(&clean_text(text));
    if (2..=150).contains(&text.chars().count()) { Ok(text) } else { Err("error-council-name") }
}

/// A text of a few lines that may be empty (a description): 2,000 characters at most.
pub fn short_text(text: &str) -> Result<String, &'static str> {
    let text = clean_text(text);
    if text.chars().count() <= 2_000 { Ok(text) } else { Err("error-text-too-long") }
}

/// A place, a presenter: one line, 200 characters at most (may be empty).
pub fn line(text: &str) -> Result<String, &'static str> {
    let text = collapse(&clean_text(text));
    if text.chars().count() <= 200 { Ok(text) } else { Err("error-text-too-long") }
}

/// A video link: nothing, or an `https://` address of 500 characters at most.
pub fn video_link(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(String::new());
    }
    let ok = text.len() <= 500
        && text.starts_with("https://")
        && text.len() > "https://".len()
        && !text.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    if ok { Ok(text.to_owned()) } else { Err("error-video-link") }
}

/// A meeting's length, in minutes: a quarter of an hour to eight hours.
pub fn duration(input: &Input<u32>) -> Result<u32, &'static str> {
    input.value().copied().filter(|n| (15..=480).contains(n)).ok_or("error-meeting-duration")
}

/// An agenda item's expected length, in minutes: 1 to 240.
pub fn item_minutes(input: &Input<u32>) -> Result<u32, &'static str> {
    input.value().copied().filter(|n| (1..=240).contains(n)).ok_or("error-item-minutes")
}

/// An agenda item's title: 2 to 200 characters.
pub fn item_title(text: &str) -> Result<String, &'static str> {
    let text = collapse(&clean_text(text));
    if (2..=200).contains(&text.chars().count()) { Ok(text) } else { Err("error-item-title") }
}

/// The end of a member's term: a date, or nothing.
pub fn term_end(text: &str) -> Result<Option<NaiveDate>, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map(Some).map_err(|_| "error-term-end")
}

/// A council as its organisation's staff set it up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilDraft {
    pub name: String,
    pub kind: CouncilKind,
    /// The residences it covers; none means all of the organisation's.
    pub residences: Vec<ResidenceId>,
    pub description: String,
}

impl CouncilDraft {
    pub fn parse(
        form: &mut FormErrors,
        name: &str,
        kind: &Input<CouncilKind>,
        residences: &[ResidenceId],
        description: &str,
    ) -> Option<Self> {
        let name = form.field("name", name, council_name);
        let kind = form.field("kind", kind.text(), |_| kind.value().copied().ok_or("error-council-kind"));
        for id in residences {
            form.keep("residences", &id.to_string());
        }
        let description = form.field("description", description, short_text);
        let mut residences = residences.to_vec();
        residences.sort();
        residences.dedup();
        Some(Self { name: name?, kind: kind?, residences, description: description? })
    }
}

/// A member as staff or the council's secretary add them: a person with an
/// account, by address, a role, and when their term ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberDraft {
    pub email: Email,
    pub role: SeatRole,
    pub term_ends: Option<NaiveDate>,
}

impl MemberDraft {
    pub fn parse(form: &mut FormErrors, email: &str, role: &Input<SeatRole>, term: &str) -> Option<Self> {
        let email = form.field("email", email, |e| Email::parse(e).map_err(|e| e.message()));
        let role = form.field("role", role.text(), |_| role.value().copied().ok_or("error-seat-role"));
        let term_ends = form.field("term_ends", term, term_end);
        Some(Self { email: email?, role: role?, term_ends: term_ends? })
    }
}

/// A meeting as its council convenes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingDraft {
    pub starts_at: DateTime<Utc>,
    pub minutes: u32,
    pub place: String,
    pub video_link: String,
}

impl MeetingDraft {
    pub fn parse(
        form: &mut FormErrors,
        starts_at: &str,
        minutes: &Input<u32>,
        place: &str,
        video: &str,
    ) -> Option<Self> {
        let starts_at = form.field("starts_at", starts_at, crate::consultations::form::paris_datetime);
        let minutes = form.field("minutes", minutes.text(), |_| duration(minutes));
        let place = form.field("place", place, line);
        let video_link = form.field("video_link", video, video_link);
        if let (Some(place), Some(video)) = (&place, &video_link)
            && place.is_empty()
            && video.is_empty()
        {
            form.add("place", "error-meeting-where");
        }
        if !form.is_empty() {
            return None;
        }
        Some(Self { starts_at: starts_at?, minutes: minutes?, place: place?, video_link: video_link? })
    }
}

/// An item of a meeting's agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDraft {
    pub title: String,
    pub description: String,
    pub presenter: String,
    pub minutes: u32,
}

impl ItemDraft {
    pub fn parse(
        form: &mut FormErrors,
        title: &str,
        description: &str,
        presenter: &str,
        minutes: &Input<u32>,
    ) -> Option<Self> {
        let title = form.field("title", title, item_title);
        let description = form.field("description", description, short_text);
        let presenter = form.field("presenter", presenter, line);
        let minutes = form.field("minutes", minutes.text(), |_| item_minutes(minutes));
        Some(Self { title: title?, description: description?, presenter: presenter?, minutes: minutes? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meeting_is_somewhere_at_a_time_for_a_while() {
        let mut form = FormErrors::new();
        let meeting =
            MeetingDraft::parse(&mut form, "2026-12-15T18:30", &Input::new("90"), " Salle  commune ", "").unwrap();
        assert_eq!((meeting.minutes, meeting.place.as_str()), (90, "Salle commune"));
        assert_eq!(meeting.starts_at.to_rfc3339(), "2026-12-15T17:30:00+00:00", "Paris time");
        let mut form = FormErrors::new();
        assert_eq!(MeetingDraft::parse(&mut form, "demain", &Input::new("5"), "", "http://x"), None);
        for (field, message) in
            [("starts_at", "error-datetime"), ("minutes", "error-meeting-duration"), ("video_link", "error-video-link")]
        {
            assert_eq!(form.for_field(field), Some(message), "{field}");
        }
        let mut form = FormErrors::new();
        assert_eq!(MeetingDraft::parse(&mut form, "2026-12-15T18:30", &Input::new("60"), "", ""), None);
        assert_eq!(form.for_field("place"), Some("error-meeting-where"));
        assert!(video_link("https://visio.example.org/ccl").is_ok());
        assert!(video_link("https://x\"><script>").is_err() && video_link("javascript:alert(1)").is_err());
    }

    #[test]
    fn members_come_by_address_with_a_role() {
        let mut form = FormErrors::new();
        let member =
            MemberDraft::parse(&mut form, "jeanne@example.org", &Input::new("secretary"), "2028-06-30").unwrap();
        assert_eq!(member.role, SeatRole::Secretary);
        assert_eq!(member.term_ends.map(|d| d.to_string()).as_deref(), Some("2028-06-30"));
        let mut form = FormErrors::new();
        assert_eq!(MemberDraft::parse(&mut form, "x", &Input::new("king"), "30/06/2028"), None);
        assert!(form.for_field("email").is_some());
        assert_eq!(form.for_field("role"), Some("error-seat-role"));
        assert_eq!(form.for_field("term_ends"), Some("error-term-end"));
    }

    #[test]
    fn a_council_covers_residences_once_each() {
        let mut form = FormErrors::new();
        let ids = [ResidenceId::new(3), ResidenceId::new(1), ResidenceId::new(3)];
        let draft = CouncilDraft::parse(&mut form, "CCL Habitat", &Input::new("ccl"), &ids, "").unwrap();
        assert_eq!(draft.residences, vec![ResidenceId::new(1), ResidenceId::new(3)]);
        let mut form = FormErrors::new();
        assert_eq!(CouncilDraft::parse(&mut form, "X", &Input::new("club"), &[], ""), None);
        assert_eq!(form.for_field("name"), Some("error-council-name"));
        assert_eq!(form.for_field("kind"), Some("error-council-kind"));
    }
}
