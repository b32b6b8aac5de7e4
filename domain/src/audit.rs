//! The audit log: what staff and councils did, kept for the organisation's admins.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What an audit entry records. Stored as its code, e.g. `residence.created`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::Display,
)]
pub enum Action {
    #[strum(serialize = "organisation.created")]
    OrganisationCreated,
    #[strum(serialize = "organisation.settings_changed")]
    OrganisationSettingsChanged,
    #[strum(serialize = "residence.created")]
    ResidenceCreated,
    #[strum(serialize = "residence.updated")]
    ResidenceUpdated,
    #[strum(serialize = "building.created")]
    BuildingCreated,
    #[strum(serialize = "household.created")]
    HouseholdCreated,
    #[strum(serialize = "household.updated")]
    HouseholdUpdated,
    #[strum(serialize = "household.joined")]
    HouseholdJoined,
    #[strum(serialize = "household.occupant_removed")]
    HouseholdOccupantRemoved,
    #[strum(serialize = "households.imported")]
    HouseholdsImported,
    #[strum(serialize = "letters.issued")]
    LettersIssued,
    #[strum(serialize = "staff.invited")]
    StaffInvited,
    #[strum(serialize = "staff.invitation_revoked")]
    StaffInvitationRevoked,
    #[strum(serialize = "staff.role_changed")]
    StaffRoleChanged,
    #[strum(serialize = "staff.removed")]
    StaffRemoved,
    #[strum(serialize = "staff.joined")]
    StaffJoined,
    #[strum(serialize = "consultation.created")]
    ConsultationCreated,
    #[strum(serialize = "consultation.scheduled")]
    ConsultationScheduled,
    #[strum(serialize = "consultation.unscheduled")]
    ConsultationUnscheduled,
    #[strum(serialize = "consultation.opened_early")]
    ConsultationOpenedEarly,
    #[strum(serialize = "consultation.extended")]
    ConsultationExtended,
    #[strum(serialize = "consultation.published")]
    ConsultationPublished,
    #[strum(serialize = "consultation.archived")]
    ConsultationArchived,
    #[strum(serialize = "consultation.paper_ballot")]
    ConsultationPaperBallot,
    /// A paper ballot refused because the unit had voted: the only way staff
    /// learn that a unit voted while the vote is open, so each one is logged.
    #[strum(serialize = "consultation.paper_ballot_refused")]
    ConsultationPaperBallotRefused,
    /// Staff entered a project for a tenant who called, came or wrote.
    #[strum(serialize = "project.recorded")]
    ProjectRecorded,
    /// Staff moved a project on (review, accepted, refused, started, done).
    #[strum(serialize = "project.status_changed")]
    ProjectStatusChanged,
    #[strum(serialize = "project.progress_posted")]
    ProjectProgressPosted,
    #[strum(serialize = "project.categories_changed")]
    ProjectCategoriesChanged,
    /// A moderator hid reported content.
    #[strum(serialize = "content.hidden")]
    ContentHidden,
    #[strum(serialize = "content.restored")]
    ContentRestored,
    /// A moderator found the reports of an item wrong.
    #[strum(serialize = "content.reports_dismissed")]
    ReportsDismissed,
    /// A tenant was named to moderate their residence's content.
    #[strum(serialize = "moderator.named")]
    ModeratorNamed,
    #[strum(serialize = "moderator.removed")]
    ModeratorRemoved,
    #[strum(serialize = "council.created")]
    CouncilCreated,
    #[strum(serialize = "council.member_added")]
    CouncilMemberAdded,
    #[strum(serialize = "council.member_removed")]
    CouncilMemberRemoved,
    #[strum(serialize = "meeting.convened")]
    MeetingConvened,
    #[strum(serialize = "meeting.moved")]
    MeetingMoved,
    #[strum(serialize = "meeting.cancelled")]
    MeetingCancelled,
    #[strum(serialize = "meeting.agenda_changed")]
    AgendaChanged,
    /// A stored code this version does not know (its code is kept in the details).
    #[strum(serialize = "unknown")]
    Unknown,
}

crate::codes!(Action);

/// An entry as the log page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub at: DateTime<Utc>,
    /// The actor's display name; `None` for the system or a deleted account.
    pub actor: Option<String>,
    pub action: Action,
    /// Its particulars as (name, value) pairs.
    pub details: Vec<(String, String)>,
}

/// A page of an organisation's log, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub organisation: String,
    pub lines: Vec<AuditLine>,
    /// From 0.
    pub page: u64,
    pub pages: u64,
}
