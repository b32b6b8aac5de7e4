//! Consultations: questions, ballots and their rules, the lifecycle, and the
//! arithmetic of results. Pure: the backend stores and counts, this module
//! decides what is valid and what the numbers mean.

mod ballot;
pub mod form;
mod question;
mod tally;
#[cfg(test)]
mod tests;
mod views;

pub use ballot::{
    Answer, AnswerError, RawAnswers, ValidBallot, answer_field, answers_by_question, check_answer, check_ballot,
    question_key,
};
pub use form::{QuestionDraft, Settings};
pub use question::{KindCode, MAX_TEXT_CHARS, Question, QuestionKind, QuestionProblem, QuestionRules};
pub use tally::{
    AnswerGroup, Detail, OptionResult, PublishedBallot, QuestionResult, RankingResult, Results, TurnoutLine, borda,
    percent, quorum_reached, scale_mean, tally,
};
pub use views::{AdminList, BallotList, ConsultationAdmin, ConsultationView, PaperUnit, Review, Summary, TenantLine};

use crate::ids::{BuildingId, ResidenceId};
use serde::{Deserialize, Serialize};

/// Where a consultation is in its life.
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
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    /// Being written: everything can change.
    Draft,
    /// Rules frozen, waiting for the opening time.
    Scheduled,
    /// Voting.
    Open,
    /// Voting over; results counted.
    Closed,
    /// The landlord published the results and its response.
    Published,
    /// Kept for the record, out of the lists.
    Archived,
}

crate::codes!(Status);

impl Status {
    /// Questions, options, scope, unit, start and rules can still change.
    pub fn is_editable(self) -> bool {
        self == Status::Draft
    }

    /// Voting is over (closed, published or archived).
    pub fn is_over(self) -> bool {
        matches!(self, Status::Closed | Status::Published | Status::Archived)
    }

    /// The rules are frozen: voting has opened (or is over).
    pub fn has_opened(self) -> bool {
        matches!(self, Status::Open | Status::Closed | Status::Published | Status::Archived)
    }

    /// The statuses a staff action may move to from here. Opening and
    /// closing also happen by the clock (see [`Status::by_clock`]).
    pub fn can_become(self, next: Status) -> bool {
        matches!(
            (self, next),
            (Status::Draft, Status::Scheduled)
                | (Status::Scheduled, Status::Draft)
                | (Status::Scheduled, Status::Open)
                | (Status::Open, Status::Closed)
                | (Status::Closed, Status::Published)
                | (Status::Published, Status::Archived)
                | (Status::Closed, Status::Archived)
        )
    }

    /// What the clock makes of this status: a scheduled consultation opens
    /// at its opening time, an open one closes at its closing time.
    pub fn by_clock(self, now: i64, opens_at: i64, closes_at: i64) -> Status {
        match self {
            Status::Scheduled if now >= closes_at => Status::Closed,
            Status::Scheduled if now >= opens_at => Status::Open,
            Status::Open if now >= closes_at => Status::Closed,
            other => other,
        }
    }
}

/// What votes: each household once, or each adult occupant registered in Palier.
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
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum VotingUnit {
    Household,
    Adult,
}

crate::codes!(VotingUnit);

/// When results can be seen.
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
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Visibility {
    /// Only once voting is over (the default, so listed first).
    AfterClose,
    /// While voting.
    Live,
}

crate::codes!(Visibility);

/// The landlord's decision, published with its response.
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
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Decision {
    Adopted,
    Adjusted,
    NotRetained,
}

crate::codes!(Decision);

/// Who a consultation is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    /// Every household of the organisation.
    Organisation,
    /// Every household of these residences.
    Residences(Vec<ResidenceId>),
    /// Every household of these buildings.
    Buildings(Vec<BuildingId>),
}

/// The stored code of an audience's kind.
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
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Scope {
    Organisation,
    Residences,
    Buildings,
}

crate::codes!(Scope);

impl Audience {
    pub fn scope(&self) -> Scope {
        match self {
            Audience::Organisation => Scope::Organisation,
            Audience::Residences(_) => Scope::Residences,
            Audience::Buildings(_) => Scope::Buildings,
        }
    }

    /// Whether a home in this residence and building is in the audience.
    pub fn covers(&self, residence: ResidenceId, building: Option<BuildingId>) -> bool {
        match self {
            Audience::Organisation => true,
            Audience::Residences(ids) => ids.contains(&residence),
            Audience::Buildings(ids) => building.is_some_and(|b| ids.contains(&b)),
        }
    }
}

/// What staff can do to a consultation's status by hand (opening and
/// closing also happen by the clock).
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
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum StatusAction {
    /// Freeze a draft; it opens at its opening time.
    Schedule,
    /// Back to a draft, before it opens.
    Unschedule,
    /// Open a scheduled consultation now.
    OpenNow,
    Archive,
}

crate::codes!(StatusAction);

/// What staff can do to a question of a draft.
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
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum QuestionMove {
    Up,
    Down,
    Delete,
}

crate::codes!(QuestionMove);

/// The files a consultation's staff download, by their name in the address
/// (`/consultations/{id}/<name>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
pub enum Export {
    /// The results, as the results page shows them.
    #[strum(serialize = "resultats.csv")]
    Results,
    /// The anonymous ballot list, once voting is over.
    #[strum(serialize = "bulletins.csv")]
    Ballots,
}

impl Export {
    /// The file's name in the address.
    pub fn file_name(self) -> &'static str {
        self.into()
    }
}
