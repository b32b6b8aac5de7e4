//! Tenant councils: an organisation's list for its staff, a council's
//! public page (members, meetings, the calendar to subscribe to), and a
//! meeting's page (its agenda, members' answers, convening, moving and
//! calling it off).

mod admin;
mod council;
mod meeting;

pub use admin::CouncilsAdminPage;
pub use council::CouncilPage;
pub use meeting::MeetingPage;

use crate::i18n::I18n;
use leptos::prelude::*;
use palier_domain::councils::{MeetingStatus, MeetingSummary};

/// A meeting in a list: when, where, and whether it is called off.
pub fn meeting_line(i18n: I18n, meeting: &MeetingSummary, with_council: bool) -> impl IntoView + use<> {
    let href = crate::api::councils::meeting_path(meeting.council_id, meeting.id);
    let when = i18n.datetime(meeting.starts_at);
    let council = with_council.then(|| format!("{} — ", meeting.council));
    let place = (!meeting.place.is_empty()).then(|| format!(" — {}", meeting.place));
    let cancelled = (meeting.status == MeetingStatus::Cancelled)
        .then(|| view! { " " <span class="badge badge--danger">{i18n.t("meeting-status-cancelled")}</span> });
    view! {
        <li>
            {council} <a href=href>{when}</a> {place} {cancelled}
        </li>
    }
}
