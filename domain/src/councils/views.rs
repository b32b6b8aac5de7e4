//! Councils as pages show them.

use super::{CouncilKind, MeetingStatus, Reply, SeatRole};
use crate::ids::{CouncilId, MeetingId, OrganisationId, ResidenceId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A council in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilSummary {
    pub id: CouncilId,
    pub name: String,
    pub kind: CouncilKind,
    /// The residences it covers (empty: all of its organisation's).
    pub residences: Vec<String>,
}

/// An organisation's councils, for its staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilAdmin {
    pub organisation_id: OrganisationId,
    pub organisation: String,
    pub councils: Vec<CouncilSummary>,
    /// The residences a new council may cover.
    pub residences: Vec<(ResidenceId, String)>,
}

/// A member of a council.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub user_id: UserId,
    pub name: String,
    pub role: SeatRole,
    pub term_ends: Option<NaiveDate>,
}

/// A meeting in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingSummary {
    pub id: MeetingId,
    pub council_id: CouncilId,
    pub council: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub status: MeetingStatus,
}

/// A council's public page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilPage {
    pub id: CouncilId,
    pub organisation: String,
    pub name: String,
    pub kind: CouncilKind,
    /// Sanitised HTML.
    pub description_html: String,
    /// The residences it covers (empty: all of its organisation's).
    pub residences: Vec<String>,
    pub members: Vec<MemberView>,
    pub upcoming: Vec<MeetingSummary>,
    pub past: Vec<MeetingSummary>,
    /// The viewer manages it: its organisation's staff.
    pub can_manage: bool,
    /// The viewer convenes its meetings: staff, its president, its secretary.
    pub can_convene: bool,
}

/// An item of a meeting's agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItemView {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub presenter: String,
    pub minutes: u32,
}

/// A meeting's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingPage {
    pub id: MeetingId,
    pub council_id: CouncilId,
    pub council: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub video_link: String,
    pub status: MeetingStatus,
    pub agenda: Vec<AgendaItemView>,
    /// The items' minutes fit the slot.
    pub fits: bool,
    /// The viewer sits on the council: they answer the convocation.
    pub member: bool,
    pub my_reply: Option<Reply>,
    /// The members' answers, for the council's members and its staff.
    pub replies: Vec<(String, Option<Reply>)>,
    /// The viewer convenes it (and so edits its agenda, moves or cancels it).
    pub can_convene: bool,
    /// It is over.
    pub held: bool,
}
