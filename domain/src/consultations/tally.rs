//! The arithmetic of results, and results as they are published.

use crate::ids::{OptionId, QuestionId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `part` of `whole` in percent, rounded to one decimal (0 when `whole` is 0).
pub fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    // u64 -> f64 is exact below 2^53, far beyond any vote count.
    #[expect(clippy::cast_precision_loss, reason = "vote counts stay far below 2^53")]
    let value = (part as f64) * 100.0 / (whole as f64);
    (value * 10.0).round() / 10.0
}

/// Whether `participants` of `eligible` reach a quorum of `quorum_percent`.
pub fn quorum_reached(participants: u64, eligible: u64, quorum_percent: u32) -> bool {
    // Integer arithmetic: participants / eligible >= quorum / 100.
    u128::from(participants) * 100 >= u128::from(eligible) * u128::from(quorum_percent)
}

/// Borda scores of a ranking question from how many ballots put each option
/// at each rank (`counts[(option, rank)]`, ranks from 1): an option ranked
/// `r` of `n` earns `n - r` points.
pub fn borda(options: &[OptionId], counts: &BTreeMap<(OptionId, u32), u64>) -> BTreeMap<OptionId, u64> {
    let n = u32::try_from(options.len()).unwrap_or(u32::MAX);
    let mut scores: BTreeMap<OptionId, u64> = options.iter().map(|o| (*o, 0)).collect();
    for (&(option, rank), &count) in counts {
        if rank >= 1
            && rank <= n
            && let Some(score) = scores.get_mut(&option)
        {
            *score += u64::from(n - rank) * count;
        }
    }
    scores
}

/// The mean of a 1–5 scale from how many ballots chose each value, rounded
/// to two decimals; `None` without any answer.
pub fn scale_mean(distribution: &BTreeMap<u8, u64>) -> Option<f64> {
    let answers: u64 = distribution.values().sum();
    if answers == 0 {
        return None;
    }
    let total: u64 = distribution.iter().map(|(value, count)| u64::from(*value) * count).sum();
    #[expect(clippy::cast_precision_loss, reason = "vote counts stay far below 2^53")]
    let mean = total as f64 / answers as f64;
    Some((mean * 100.0).round() / 100.0)
}

/// The count of a consultation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub ballots: u64,
    /// Eligible units, frozen at opening.
    pub eligible: u64,
    pub participants: u64,
    pub online: u64,
    pub paper: u64,
    pub turnout_percent: f64,
    pub quorum_percent: Option<u32>,
    pub quorum_reached: Option<bool>,
    pub turnout: Vec<TurnoutLine>,
    pub questions: Vec<QuestionResult>,
    /// For the live results of an open vote: the fewest ballots by which
    /// they move (and the smallest group whose turnout is shown).
    #[serde(default)]
    pub live_step: Option<u64>,
}

/// Turnout of one residence, or of one building.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TurnoutLine {
    pub residence: String,
    pub building: Option<String>,
    pub eligible: u64,
    pub participants: u64,
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub id: QuestionId,
    pub prompt: String,
    /// Ballots that answered this question.
    pub answered: u64,
    pub detail: Detail,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Detail {
    /// Single or multiple choice: each option's count and share of the
    /// ballots that answered.
    Choice {
        options: Vec<OptionResult>,
        multiple: bool,
    },
    /// Ranking: Borda score and first choices, best first.
    Ranking {
        options: Vec<RankingResult>,
    },
    Scale {
        low: String,
        high: String,
        distribution: Vec<u64>,
        mean: Option<f64>,
    },
    Text {
        samples: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionResult {
    pub id: OptionId,
    pub label: String,
    pub count: u64,
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankingResult {
    pub id: OptionId,
    pub label: String,
    pub borda: u64,
    pub first_choices: u64,
    pub first_percent: f64,
}

/// A ballot in the published list: its receipt and its answers as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedBallot {
    pub receipt: String,
    /// (question id, answer written out), in question order; `None` when left blank.
    pub answers: Vec<(QuestionId, Option<String>)>,
}

/// One group of a consultation's answers, as the database counts them: the
/// answers that share a question, an option, a rank and a scale value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerGroup {
    pub question: QuestionId,
    pub option: Option<OptionId>,
    pub rank: Option<u32>,
    pub value: Option<u8>,
    /// How many answers are in the group.
    pub answers: u64,
    /// How many of them are the first part of their ballot's answer (an
    /// answered question has exactly one), which counts the ballots that
    /// answered it.
    pub first: u64,
}

/// Each question's result, from the answer groups of the consultation and
/// a few free-text answers per question (`samples`).
pub fn tally(
    questions: &[super::Question],
    groups: &[AnswerGroup],
    mut samples: BTreeMap<QuestionId, Vec<String>>,
) -> Vec<QuestionResult> {
    use super::QuestionKind;
    let mut answered: BTreeMap<QuestionId, u64> = BTreeMap::new();
    for group in groups {
        *answered.entry(group.question).or_default() += group.first;
    }
    questions
        .iter()
        .map(|question| {
            let answered_here = answered.get(&question.id).copied().unwrap_or(0);
            let of_question = groups.iter().filter(|g| g.question == question.id);
            let detail = match &question.kind {
                QuestionKind::SingleChoice | QuestionKind::MultipleChoice { .. } => {
                    let counts: BTreeMap<OptionId, u64> = of_question
                        .filter(|g| g.rank.is_none())
                        .filter_map(|g| g.option.map(|o| (o, g.answers)))
                        .collect();
                    Detail::Choice {
                        multiple: matches!(question.kind, QuestionKind::MultipleChoice { .. }),
                        options: question
                            .options
                            .iter()
                            .map(|(option, label)| {
                                let n = counts.get(option).copied().unwrap_or(0);
                                OptionResult {
                                    id: *option,
                                    label: label.clone(),
                                    count: n,
                                    percent: percent(n, answered_here),
                                }
                            })
                            .collect(),
                    }
                }
                QuestionKind::Ranking => {
                    let by_rank: BTreeMap<(OptionId, u32), u64> =
                        of_question.filter_map(|g| Some(((g.option?, g.rank?), g.answers))).collect();
                    let option_ids: Vec<OptionId> = question.options.iter().map(|(id, _)| *id).collect();
                    let scores = borda(&option_ids, &by_rank);
                    let mut options: Vec<RankingResult> = question
                        .options
                        .iter()
                        .map(|(option, label)| {
                            let first = by_rank.get(&(*option, 1)).copied().unwrap_or(0);
                            RankingResult {
                                id: *option,
                                label: label.clone(),
                                borda: scores.get(option).copied().unwrap_or(0),
                                first_choices: first,
                                first_percent: percent(first, answered_here),
                            }
                        })
                        .collect();
                    options.sort_by(|a, b| b.borda.cmp(&a.borda).then(b.first_choices.cmp(&a.first_choices)));
                    Detail::Ranking { options }
                }
                QuestionKind::Scale { low, high } => {
                    let distribution: BTreeMap<u8, u64> =
                        of_question.filter_map(|g| g.value.map(|v| (v, g.answers))).collect();
                    Detail::Scale {
                        low: low.clone(),
                        high: high.clone(),
                        distribution: (1..=5).map(|v| distribution.get(&v).copied().unwrap_or(0)).collect(),
                        mean: scale_mean(&distribution),
                    }
                }
                QuestionKind::FreeText { .. } => {
                    Detail::Text { samples: samples.remove(&question.id).unwrap_or_default() }
                }
            };
            QuestionResult { id: question.id, prompt: question.prompt.clone(), answered: answered_here, detail }
        })
        .collect()
}
