//! Ballots: the answers a voter gives, checked against each question's rule.

use super::question::{Question, QuestionKind, QuestionRules};
use crate::ids::{OptionId, QuestionId};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One question's answer in a valid ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// An optional question left blank.
    Blank,
    Single(OptionId),
    Multiple(Vec<OptionId>),
    /// Options from most to least preferred.
    Ranking(Vec<OptionId>),
    Scale(u8),
    Text(String),
}

impl Answer {
    /// The answer written out for a person (`None` when left blank).
    pub fn written(&self, question: &Question) -> Option<String> {
        match self {
            Answer::Blank => None,
            Answer::Single(option) => Some(question.label(*option).to_owned()),
            Answer::Multiple(options) => {
                Some(options.iter().map(|o| question.label(*o)).collect::<Vec<_>>().join(" ; "))
            }
            Answer::Ranking(options) => Some(
                options
                    .iter()
                    .enumerate()
                    .map(|(rank, o)| format!("{}. {}", rank + 1, question.label(*o)))
                    .collect::<Vec<_>>()
                    .join(" ; "),
            ),
            Answer::Scale(value) => Some(format!("{value} / 5")),
            Answer::Text(text) => Some(text.clone()),
        }
    }
}

/// Why one question's answer breaks its rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AnswerError {
    #[error("this question needs an answer")]
    Missing,
    #[error("choose at least {min}")]
    TooFew { min: u32 },
    #[error("choose at most {max}")]
    TooMany { max: u32 },
    #[error("choose only one option")]
    OnlyOne,
    #[error("an option is not one of this question's")]
    UnknownOption,
    #[error("give each option a different rank, from 1 to {count}")]
    BadRanking { count: u32 },
    #[error("choose a number from 1 to 5")]
    OutOfScale,
    #[error("the answer is longer than {max} characters")]
    TooLong { max: u32 },
}

impl AnswerError {
    /// The id of the message that explains this error, and its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            AnswerError::Missing => ("error-answer-missing", vec![]),
            AnswerError::TooFew { min } => ("error-answer-too-few", vec![("min", min.to_string())]),
            AnswerError::TooMany { max } => ("error-answer-too-many", vec![("max", max.to_string())]),
            AnswerError::OnlyOne => ("error-answer-only-one", vec![]),
            AnswerError::UnknownOption => ("error-answer-unknown", vec![]),
            AnswerError::BadRanking { count } => ("error-answer-ranking", vec![("count", count.to_string())]),
            AnswerError::OutOfScale => ("error-answer-scale", vec![]),
            AnswerError::TooLong { max } => ("error-answer-too-long", vec![("max", max.to_string())]),
        }
    }

    /// Every error a question's rule can give, with the question's own
    /// numbers (so a page can send their texts to the browser).
    pub fn all_for(rules: &QuestionRules) -> Vec<AnswerError> {
        let count = u32::try_from(rules.options.len()).unwrap_or(u32::MAX);
        let (min, max) = match rules.kind {
            QuestionKind::MultipleChoice { min, max } => (min, max),
            _ => (0, 0),
        };
        let max_chars = match rules.kind {
            QuestionKind::FreeText { max_chars } => max_chars,
            _ => 0,
        };
        vec![
            AnswerError::Missing,
            AnswerError::TooFew { min },
            AnswerError::TooMany { max },
            AnswerError::OnlyOne,
            AnswerError::UnknownOption,
            AnswerError::BadRanking { count },
            AnswerError::OutOfScale,
            AnswerError::TooLong { max: max_chars },
        ]
    }
}

/// A ballot whose every answer follows its question's rule, in question order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidBallot {
    pub answers: Vec<(QuestionId, Answer)>,
}

/// Answers as a form posts them, by question: `answers[q12][]=…`.
pub type RawAnswers = BTreeMap<QuestionId, Vec<String>>;

/// The form field that carries question `id`'s answers.
pub fn answer_field(id: QuestionId) -> String {
    format!("answers[q{id}][]")
}

/// The name a question's errors and kept answers go under (`q12`).
pub fn question_key(id: QuestionId) -> String {
    format!("q{id}")
}

/// Posted answers by question, from the form's `answers[q<id>]` keys (keys
/// that are not `q<number>` are ignored).
pub fn answers_by_question(posted: &BTreeMap<String, Vec<String>>) -> RawAnswers {
    posted
        .iter()
        .filter_map(|(key, values)| key.strip_prefix('q').and_then(|id| id.parse().ok()).map(|id| (id, values.clone())))
        .collect()
}

/// Checks raw form answers (question id → submitted values) against the
/// questions. Ranking values are `"option:rank"` pairs. Returns the valid
/// ballot, or every question's problem.
pub fn check_ballot(
    questions: &[QuestionRules],
    raw: &RawAnswers,
) -> Result<ValidBallot, BTreeMap<QuestionId, AnswerError>> {
    let mut answers = Vec::with_capacity(questions.len());
    let mut errors = BTreeMap::new();
    for question in questions {
        let values: Vec<&str> = raw
            .get(&question.id)
            .map(|v| v.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        match check_answer(question, &values) {
            Ok(answer) => answers.push((question.id, answer)),
            Err(error) => {
                errors.insert(question.id, error);
            }
        }
    }
    if errors.is_empty() { Ok(ValidBallot { answers }) } else { Err(errors) }
}

fn option_id(question: &QuestionRules, value: &str) -> Result<OptionId, AnswerError> {
    value.parse::<OptionId>().ok().filter(|id| question.options.contains(id)).ok_or(AnswerError::UnknownOption)
}

/// Checks one question's answer: the values a form posted for it.
pub fn check_answer(question: &QuestionRules, values: &[&str]) -> Result<Answer, AnswerError> {
    if values.is_empty() {
        return if question.required { Err(AnswerError::Missing) } else { Ok(Answer::Blank) };
    }
    match &question.kind {
        QuestionKind::SingleChoice => match values {
            [one] => Ok(Answer::Single(option_id(question, one)?)),
            _ => Err(AnswerError::OnlyOne),
        },
        QuestionKind::MultipleChoice { min, max } => {
            let chosen: BTreeSet<OptionId> = values.iter().map(|v| option_id(question, v)).collect::<Result<_, _>>()?;
            let count = u32::try_from(chosen.len()).unwrap_or(u32::MAX);
            if count < *min {
                Err(AnswerError::TooFew { min: *min })
            } else if count > *max {
                Err(AnswerError::TooMany { max: *max })
            } else {
                Ok(Answer::Multiple(chosen.into_iter().collect()))
            }
        }
        QuestionKind::Ranking => {
            let count = u32::try_from(question.options.len()).unwrap_or(u32::MAX);
            let mut by_rank: BTreeMap<u32, OptionId> = BTreeMap::new();
            for value in values {
                let (option, rank) = value.split_once(':').ok_or(AnswerError::BadRanking { count })?;
                let option = option_id(question, option)?;
                let rank: u32 = rank.trim().parse().map_err(|_| AnswerError::BadRanking { count })?;
                if rank == 0 || rank > count || by_rank.insert(rank, option).is_some() {
                    return Err(AnswerError::BadRanking { count });
                }
            }
            let order: Vec<OptionId> = by_rank.into_values().collect();
            let distinct: BTreeSet<OptionId> = order.iter().copied().collect();
            if order.len() != question.options.len() || distinct.len() != order.len() {
                return Err(AnswerError::BadRanking { count });
            }
            Ok(Answer::Ranking(order))
        }
        QuestionKind::Scale { .. } => match values {
            [one] => {
                one.parse::<u8>().ok().filter(|v| (1..=5).contains(v)).map(Answer::Scale).ok_or(AnswerError::OutOfScale)
            }
            _ => Err(AnswerError::OutOfScale),
        },
        QuestionKind::FreeText { max_chars } => {
            // Control characters (a NUL that PostgreSQL refuses in text, a
            // stray escape) are dropped; line breaks and tabs stay.
            let text: String = values
                .join("\n")
                .replace("\r\n", "\n")
                .chars()
                .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
                .collect();
            if u32::try_from(text.chars().count()).unwrap_or(u32::MAX) > *max_chars {
                Err(AnswerError::TooLong { max: *max_chars })
            } else {
                Ok(Answer::Text(text))
            }
        }
    }
}
