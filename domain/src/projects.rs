//! Habitant 3.0: projects tenants propose for their residence, that
//! neighbours support and discuss and the landlord answers in the open.
//! The lifecycle, the support threshold and the answer deadline are rules
//! of this module; the forms are in [`form`], what pages show in [`views`].

pub mod form;
mod views;

pub use views::{
    AnswerRecord, Category, CategoryName, DefaultCategory, EventKind, Filters, NewProjectPage, ProjectCard,
    ProjectEvent, ProjectPage, ProjectRights, ProjectsPage, Similar,
};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

crate::wire_enum! {
    /// Where a project stands. Drafts are seen by their author only.
    pub enum Status {
        /// Being written by its author; nobody else sees it.
        Draft,
        /// Published: neighbours support and discuss it.
        Submitted,
        /// Enough support (or staff chose to): the landlord owes an answer by its deadline.
        UnderReview,
        Accepted,
        /// Refused, with a public reason.
        Rejected,
        /// Accepted and being carried out.
        InProgress,
        Done,
        /// Withdrawn by its author before it was accepted.
        Withdrawn,
    }
}

impl Status {
    /// The statuses a list can be filtered by (drafts are never listed).
    pub const LISTED: [Status; 7] = [
        Status::Submitted,
        Status::UnderReview,
        Status::Accepted,
        Status::Rejected,
        Status::InProgress,
        Status::Done,
        Status::Withdrawn,
    ];

    /// The landlord answered (accepted or refused it).
    pub fn answered(self) -> bool {
        matches!(self, Status::Accepted | Status::Rejected | Status::InProgress | Status::Done)
    }

    /// Supports can be given and taken back until the review starts.
    pub fn open_to_support(self) -> bool {
        self == Status::Submitted
    }

    /// Its author may withdraw it until it is accepted (a draft is thrown
    /// away instead: it was never public).
    pub fn withdrawable(self) -> bool {
        matches!(self, Status::Submitted | Status::UnderReview)
    }

    /// Its author may add to it (not rewrite it) once neighbours support it.
    pub fn takes_additions(self) -> bool {
        matches!(self, Status::Submitted | Status::UnderReview | Status::Accepted | Status::InProgress)
    }

    /// The landlord may post progress on it.
    pub fn takes_progress(self) -> bool {
        matches!(self, Status::Accepted | Status::InProgress | Status::Done)
    }
}

crate::wire_enum! {
    /// What the landlord does to a project, each a step of the lifecycle.
    pub enum Action {
        /// Start the review before the threshold is reached.
        Review,
        Accept,
        /// Refuse, with a reason.
        Reject,
        /// Start the work of an accepted project.
        Start,
        /// The work is done.
        Finish,
    }
}

impl Action {
    /// The status `self` leads to from `status`, if it may be taken from there.
    pub fn from(self, status: Status) -> Option<Status> {
        match (self, status) {
            (Action::Review, Status::Submitted) => Some(Status::UnderReview),
            (Action::Accept, Status::Submitted | Status::UnderReview) => Some(Status::Accepted),
            (Action::Reject, Status::Submitted | Status::UnderReview) => Some(Status::Rejected),
            (Action::Start, Status::Accepted) => Some(Status::InProgress),
            (Action::Finish, Status::Accepted | Status::InProgress) => Some(Status::Done),
            _ => None,
        }
    }

    /// The actions that can be taken on a project in `status`.
    pub fn available(status: Status) -> Vec<Action> {
        use strum::VariantArray as _;
        Action::VARIANTS.iter().copied().filter(|a| a.from(status).is_some()).collect()
    }

    /// A refusal says why, publicly.
    pub fn needs_message(self) -> bool {
        self == Action::Reject
    }
}

crate::wire_enum! {
    /// The help a project needs.
    pub enum Need {
        Volunteers,
        Space,
        Money,
    }
}

crate::wire_enum! {
    /// The orders of a list of projects.
    pub enum Sort {
        Newest,
        MostSupported,
        /// Those waiting longest for the landlord's answer first.
        OldestUnanswered,
    }
}

crate::wire_enum! {
    /// Who entered a project: its author online, or staff on behalf of a
    /// tenant who called, came to the lodge or wrote.
    pub enum Channel {
        Online,
        Phone,
        Lodge,
        Paper,
    }
}

crate::wire_enum! {
    /// How a support threshold is counted.
    pub enum ThresholdKind {
        /// A number of supports.
        Supports,
        /// A share of the residence's households, in percent.
        Percent,
    }
}

/// The support that moves a project to review: a number of supports, or a
/// share of the residence's households.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Threshold {
    pub kind: ThresholdKind,
    pub value: u32,
}

impl Default for Threshold {
    fn default() -> Self {
        Self { kind: ThresholdKind::Supports, value: 10 }
    }
}

impl Threshold {
    /// The supports a project of a residence of `households` homes needs:
    /// at least one.
    pub fn target(self, households: u64) -> u64 {
        match self.kind {
            ThresholdKind::Supports => u64::from(self.value),
            ThresholdKind::Percent => (households * u64::from(self.value)).div_ceil(100),
        }
        .max(1)
    }
}

/// Days the landlord has to answer a project once its review starts,
/// unless the organisation chooses otherwise.
pub const DEFAULT_ANSWER_DAYS: u16 = 30;
/// Reports by different people that hide an item until a moderator decides.
pub const DEFAULT_REPORT_THRESHOLD: u16 = 3;
/// Photos a project (or an update of it) takes.
pub const MAX_PHOTOS: usize = 3;

/// When the landlord's answer is due, for a review started at `started`.
pub fn answer_due(started: DateTime<Utc>, answer_days: u16) -> DateTime<Utc> {
    started + Duration::days(i64::from(answer_days))
}

/// A project under review whose answer is late.
pub fn overdue(status: Status, due: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    status == Status::UnderReview && due.is_some_and(|due| now > due)
}

/// Its author may still rewrite it: a draft, or published with no support yet.
pub fn editable(status: Status, supports: u64) -> bool {
    status == Status::Draft || (status == Status::Submitted && supports == 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray as _;

    #[test]
    fn the_lifecycle_goes_forward_only() {
        assert_eq!(Action::Review.from(Status::Submitted), Some(Status::UnderReview));
        assert_eq!(Action::Accept.from(Status::UnderReview), Some(Status::Accepted));
        assert_eq!(Action::Reject.from(Status::UnderReview), Some(Status::Rejected));
        assert_eq!(Action::Start.from(Status::Accepted), Some(Status::InProgress));
        assert_eq!(Action::Finish.from(Status::InProgress), Some(Status::Done));
        for status in [Status::Draft, Status::Rejected, Status::Done, Status::Withdrawn] {
            assert!(Action::available(status).is_empty(), "{status}");
        }
        assert_eq!(Action::available(Status::Submitted), vec![Action::Review, Action::Accept, Action::Reject]);
        assert!(Action::VARIANTS.iter().all(|a| a.from(Status::Draft).is_none()), "drafts are the author's");
        assert!(Action::Reject.needs_message() && !Action::Accept.needs_message());
    }

    #[test]
    fn authors_rewrite_until_the_first_support_and_withdraw_until_acceptance() {
        assert!(editable(Status::Draft, 0));
        assert!(editable(Status::Submitted, 0));
        assert!(!editable(Status::Submitted, 1));
        assert!(!editable(Status::UnderReview, 0));
        assert!(Status::UnderReview.withdrawable() && !Status::Accepted.withdrawable());
        assert!(!Status::Draft.withdrawable(), "a withdrawn project is public: a draft is thrown away instead");
        assert!(Status::Submitted.open_to_support() && !Status::UnderReview.open_to_support());
    }

    #[test]
    fn thresholds_count_supports_or_a_share_of_homes() {
        assert_eq!(Threshold { kind: ThresholdKind::Supports, value: 10 }.target(400), 10);
        assert_eq!(Threshold { kind: ThresholdKind::Percent, value: 5 }.target(400), 20);
        assert_eq!(Threshold { kind: ThresholdKind::Percent, value: 5 }.target(30), 2, "rounded up");
        assert_eq!(Threshold { kind: ThresholdKind::Percent, value: 5 }.target(0), 1, "one at least");
    }

    #[test]
    fn an_answer_is_late_the_day_after_its_deadline() {
        let started = DateTime::parse_from_rfc3339("2026-03-01T10:00:00Z").unwrap().with_timezone(&Utc);
        let due = answer_due(started, 30);
        assert_eq!(due.to_rfc3339(), "2026-03-31T10:00:00+00:00");
        assert!(!overdue(Status::UnderReview, Some(due), due));
        assert!(overdue(Status::UnderReview, Some(due), due + Duration::minutes(1)));
        assert!(!overdue(Status::Accepted, Some(due), due + Duration::days(9)), "answered");
    }
}
