//! Consultations as pages show them: what the server sends to the browser.

use super::{Audience, Decision, PublishedBallot, Question, Status, Visibility, VotingUnit};
use crate::ids::{ConsultationId, OrganisationId, QuestionId, UnitId};
use crate::registry::Place;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A consultation in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub id: ConsultationId,
    pub title: String,
    pub summary: String,
    pub status: Status,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

/// A consultation in a tenant's list, with where their home stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantLine {
    pub summary: Summary,
    /// The tenant's unit voted (online or on paper).
    pub voted: bool,
    /// The tenant's unit is eligible (frozen at opening).
    pub eligible: bool,
}

/// An organisation's consultations, for its back office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminList {
    pub organisation_id: OrganisationId,
    pub organisation: String,
    pub consultations: Vec<Summary>,
}

/// A unit staff can record a paper ballot for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperUnit {
    pub unit_id: UnitId,
    /// "Résidence, Logement A01" (and the occupant's name when adults vote).
    pub label: String,
}

/// A consultation as staff build and run it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationAdmin {
    pub id: ConsultationId,
    pub organisation_id: OrganisationId,
    pub organisation: String,
    pub title: String,
    pub summary: String,
    /// Markdown, as written.
    pub body: String,
    /// The body as tenants see it (sanitised HTML), for the preview.
    pub body_html: String,
    pub audience: Audience,
    pub unit: VotingUnit,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub visibility: Visibility,
    pub quorum: Option<u32>,
    pub status: Status,
    pub questions: Vec<Question>,
    /// Where the audience can be chosen from: the organisation's residences and buildings.
    pub places: Vec<Place>,
    /// Eligible units, frozen at opening.
    pub eligible: Option<u64>,
    /// While open, `participants` is rounded down to a multiple of this.
    pub live_step: u64,
    pub participants: u64,
    /// While voting is open: the units a paper ballot can be recorded for.
    pub paper_units: Vec<PaperUnit>,
    /// The landlord's response, as written.
    pub response: String,
    pub decision: Option<Decision>,
}

/// A consultation as everyone in its audience sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationView {
    pub id: ConsultationId,
    pub organisation_id: OrganisationId,
    pub title: String,
    pub summary: String,
    /// Sanitised HTML from the markdown body.
    pub body_html: String,
    pub status: Status,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub unit: VotingUnit,
    pub visibility: Visibility,
    pub quorum: Option<u32>,
    pub questions: Vec<Question>,
    /// Voting is open now.
    pub open: bool,
    /// The reader's unit is eligible (frozen at opening).
    pub eligible: bool,
    /// The reader's unit has voted.
    pub voted: bool,
    pub results_visible: bool,
    /// Sanitised HTML of the landlord's response, once published.
    pub response_html: Option<String>,
    pub decision: Option<Decision>,
    /// The reader is staff of the organisation.
    pub staff: bool,
}

/// A ballot posted for review, written out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// (question, answer written out or `None` when left blank).
    pub lines: Vec<(String, Option<String>)>,
    /// The answers as hidden fields for the confirmation form.
    pub fields: Vec<(String, String)>,
}

/// A page of the published ballot list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotList {
    pub questions: Vec<(QuestionId, String)>,
    pub ballots: Vec<PublishedBallot>,
    pub total: u64,
    /// From 0.
    pub page: u64,
    pub pages: u64,
    /// When a receipt was looked up: whether it is in the count.
    pub found: Option<bool>,
}
