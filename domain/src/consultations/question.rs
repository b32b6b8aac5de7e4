//! Questions: their kinds, the rules checked before voting opens, and a
//! question as a ballot shows it.

use crate::ids::{OptionId, QuestionId};
use serde::{Deserialize, Serialize};

/// The kinds of question a consultation can ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionKind {
    /// Pick one option.
    SingleChoice,
    /// Pick between `min` and `max` options.
    MultipleChoice { min: u32, max: u32 },
    /// Put every option in order of preference.
    Ranking,
    /// A number from 1 to 5, with labels for both ends.
    Scale { low: String, high: String },
    /// Free text up to `max_chars` characters.
    FreeText { max_chars: u32 },
}

/// The stored code of a question's kind (its parameters are stored apart).
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
pub enum KindCode {
    Single,
    Multiple,
    Ranking,
    Scale,
    Text,
}

crate::codes!(KindCode);

impl QuestionKind {
    /// The stored code of the kind.
    pub fn code(&self) -> KindCode {
        match self {
            QuestionKind::SingleChoice => KindCode::Single,
            QuestionKind::MultipleChoice { .. } => KindCode::Multiple,
            QuestionKind::Ranking => KindCode::Ranking,
            QuestionKind::Scale { .. } => KindCode::Scale,
            QuestionKind::FreeText { .. } => KindCode::Text,
        }
    }

    /// Whether the question offers options to choose from.
    pub fn has_options(&self) -> bool {
        matches!(self, QuestionKind::SingleChoice | QuestionKind::MultipleChoice { .. } | QuestionKind::Ranking)
    }
}

/// The longest free-text answer any question may allow.
pub const MAX_TEXT_CHARS: u32 = 2000;

/// A question as the rules need it: its options' ids and whether it must be answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionRules {
    pub id: QuestionId,
    pub kind: QuestionKind,
    pub required: bool,
    pub options: Vec<OptionId>,
}

/// Why a question is not ready to be asked (checked before voting opens).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum QuestionProblem {
    #[error("a choice question needs at least two options")]
    TooFewOptions,
    #[error("the minimum and maximum number of choices do not fit the options")]
    BadChoiceLimits,
    #[error("the text length limit must be between 1 and 2000")]
    BadTextLimit,
    #[error("a scale needs a label at each end")]
    MissingScaleLabels,
}

impl QuestionRules {
    /// Whether the question can be asked as it is.
    pub fn check(&self) -> Result<(), QuestionProblem> {
        let options = u32::try_from(self.options.len()).unwrap_or(u32::MAX);
        match &self.kind {
            QuestionKind::SingleChoice | QuestionKind::Ranking if options < 2 => Err(QuestionProblem::TooFewOptions),
            QuestionKind::MultipleChoice { .. } if options < 2 => Err(QuestionProblem::TooFewOptions),
            QuestionKind::MultipleChoice { min, max } if *min > *max || *max == 0 || *max > options => {
                Err(QuestionProblem::BadChoiceLimits)
            }
            QuestionKind::FreeText { max_chars } if *max_chars == 0 || *max_chars > MAX_TEXT_CHARS => {
                Err(QuestionProblem::BadTextLimit)
            }
            QuestionKind::Scale { low, high } if low.trim().is_empty() || high.trim().is_empty() => {
                Err(QuestionProblem::MissingScaleLabels)
            }
            _ => Ok(()),
        }
    }
}

/// A question with its options, as a ballot, a preview or the builder shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: QuestionId,
    pub position: i32,
    pub kind: QuestionKind,
    pub prompt: String,
    pub required: bool,
    /// (option id, label), in order.
    pub options: Vec<(OptionId, String)>,
}

impl Question {
    /// The question's rules, as the ballot checks them.
    pub fn rules(&self) -> QuestionRules {
        QuestionRules {
            id: self.id,
            kind: self.kind.clone(),
            required: self.required,
            options: self.options.iter().map(|(id, _)| *id).collect(),
        }
    }

    /// The label of option `id`.
    pub fn label(&self, id: OptionId) -> &str {
        self.options.iter().find(|(o, _)| *o == id).map_or("", |(_, label)| label.as_str())
    }
}
