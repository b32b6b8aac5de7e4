//! Consultations: questions, ballots and their rules, the lifecycle, and the
//! arithmetic of results. Pure: the backend stores and counts, this module
//! decides what is valid and what the numbers mean.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

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

impl QuestionKind {
    /// The stored code of the kind.
    pub fn code(&self) -> &'static str {
        match self {
            QuestionKind::SingleChoice => "single",
            QuestionKind::MultipleChoice { .. } => "multiple",
            QuestionKind::Ranking => "ranking",
            QuestionKind::Scale { .. } => "scale",
            QuestionKind::FreeText { .. } => "text",
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
    pub id: i64,
    pub kind: QuestionKind,
    pub required: bool,
    pub options: Vec<i64>,
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

/// One question's answer in a valid ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// An optional question left blank.
    Blank,
    Single(i64),
    Multiple(Vec<i64>),
    /// Options from most to least preferred.
    Ranking(Vec<i64>),
    Scale(u8),
    Text(String),
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

/// A ballot whose every answer follows its question's rule, in question order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidBallot {
    pub answers: Vec<(i64, Answer)>,
}

/// Checks raw form answers (question id → submitted values) against the
/// questions. Ranking values are `"option:rank"` pairs. Returns the valid
/// ballot, or every question's problem.
pub fn check_ballot(
    questions: &[QuestionRules],
    raw: &BTreeMap<i64, Vec<String>>,
) -> Result<ValidBallot, BTreeMap<i64, AnswerError>> {
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

fn option_id(question: &QuestionRules, value: &str) -> Result<i64, AnswerError> {
    value.parse::<i64>().ok().filter(|id| question.options.contains(id)).ok_or(AnswerError::UnknownOption)
}

fn check_answer(question: &QuestionRules, values: &[&str]) -> Result<Answer, AnswerError> {
    if values.is_empty() {
        return if question.required { Err(AnswerError::Missing) } else { Ok(Answer::Blank) };
    }
    match &question.kind {
        QuestionKind::SingleChoice => match values {
            [one] => Ok(Answer::Single(option_id(question, one)?)),
            _ => Err(AnswerError::OnlyOne),
        },
        QuestionKind::MultipleChoice { min, max } => {
            let chosen: BTreeSet<i64> = values.iter().map(|v| option_id(question, v)).collect::<Result<_, _>>()?;
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
            let mut by_rank: BTreeMap<u32, i64> = BTreeMap::new();
            for value in values {
                let (option, rank) = value.split_once(':').ok_or(AnswerError::BadRanking { count })?;
                let option = option_id(question, option)?;
                let rank: u32 = rank.trim().parse().map_err(|_| AnswerError::BadRanking { count })?;
                if rank == 0 || rank > count || by_rank.insert(rank, option).is_some() {
                    return Err(AnswerError::BadRanking { count });
                }
            }
            let order: Vec<i64> = by_rank.into_values().collect();
            let distinct: BTreeSet<i64> = order.iter().copied().collect();
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
            let text = values.join("\n");
            if u32::try_from(text.chars().count()).unwrap_or(u32::MAX) > *max_chars {
                Err(AnswerError::TooLong { max: *max_chars })
            } else {
                Ok(Answer::Text(text))
            }
        }
    }
}

/// Where a consultation is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Scheduled => "scheduled",
            Status::Open => "open",
            Status::Closed => "closed",
            Status::Published => "published",
            Status::Archived => "archived",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Some(match code {
            "draft" => Status::Draft,
            "scheduled" => Status::Scheduled,
            "open" => Status::Open,
            "closed" => Status::Closed,
            "published" => Status::Published,
            "archived" => Status::Archived,
            _ => return None,
        })
    }

    /// Questions, options, scope, unit, start and rules can still change.
    pub fn is_editable(self) -> bool {
        self == Status::Draft
    }

    /// Voting is over (closed, published or archived).
    pub fn is_over(self) -> bool {
        matches!(self, Status::Closed | Status::Published | Status::Archived)
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

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

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
pub fn borda(options: &[i64], counts: &BTreeMap<(i64, u32), u64>) -> BTreeMap<i64, u64> {
    let n = u32::try_from(options.len()).unwrap_or(u32::MAX);
    let mut scores: BTreeMap<i64, u64> = options.iter().map(|o| (*o, 0)).collect();
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

// ---------------------------------------------------------------- results

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
    pub id: i64,
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
    pub id: i64,
    pub label: String,
    pub count: u64,
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankingResult {
    pub id: i64,
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
    pub answers: Vec<(i64, Option<String>)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn question(id: i64, kind: QuestionKind, options: &[i64]) -> QuestionRules {
        QuestionRules { id, kind, required: true, options: options.to_vec() }
    }

    fn raw(pairs: &[(i64, &[&str])]) -> BTreeMap<i64, Vec<String>> {
        pairs.iter().map(|(id, values)| (*id, values.iter().map(|v| (*v).to_owned()).collect())).collect()
    }

    #[test]
    fn a_complete_ballot_is_valid() {
        let questions = vec![
            question(1, QuestionKind::SingleChoice, &[10, 11]),
            question(2, QuestionKind::MultipleChoice { min: 1, max: 2 }, &[20, 21, 22]),
            question(3, QuestionKind::Ranking, &[30, 31, 32]),
            question(4, QuestionKind::Scale { low: "Pas du tout".into(), high: "Tout à fait".into() }, &[]),
            question(5, QuestionKind::FreeText { max_chars: 20 }, &[]),
        ];
        let ballot = check_ballot(
            &questions,
            &raw(&[
                (1, &["11"]),
                (2, &["22", "20"]),
                (3, &["31:1", "30:3", "32:2"]),
                (4, &["4"]),
                (5, &["Plus de bancs"]),
            ]),
        )
        .unwrap();
        assert_eq!(
            ballot.answers,
            vec![
                (1, Answer::Single(11)),
                (2, Answer::Multiple(vec![20, 22])),
                (3, Answer::Ranking(vec![31, 32, 30])),
                (4, Answer::Scale(4)),
                (5, Answer::Text("Plus de bancs".into())),
            ]
        );
    }

    #[test]
    fn each_broken_rule_is_reported_on_its_question() {
        let questions = vec![
            question(1, QuestionKind::SingleChoice, &[10, 11]),
            question(2, QuestionKind::MultipleChoice { min: 2, max: 2 }, &[20, 21, 22]),
            question(3, QuestionKind::Ranking, &[30, 31]),
            question(4, QuestionKind::Scale { low: "a".into(), high: "b".into() }, &[]),
            question(5, QuestionKind::FreeText { max_chars: 3 }, &[]),
            question(6, QuestionKind::MultipleChoice { min: 1, max: 1 }, &[60, 61]),
        ];
        let errors = check_ballot(
            &questions,
            &raw(&[(2, &["20"]), (3, &["30:1", "31:1"]), (4, &["6"]), (5, &["trop long"]), (6, &["60", "61"])]),
        )
        .unwrap_err();
        assert_eq!(errors[&1], AnswerError::Missing);
        assert_eq!(errors[&2], AnswerError::TooFew { min: 2 });
        assert_eq!(errors[&3], AnswerError::BadRanking { count: 2 });
        assert_eq!(errors[&4], AnswerError::OutOfScale);
        assert_eq!(errors[&5], AnswerError::TooLong { max: 3 });
        assert_eq!(errors[&6], AnswerError::TooMany { max: 1 });
    }

    #[test]
    fn options_of_other_questions_and_double_picks_are_refused() {
        let questions = vec![question(1, QuestionKind::SingleChoice, &[10, 11])];
        assert_eq!(check_ballot(&questions, &raw(&[(1, &["20"])])).unwrap_err()[&1], AnswerError::UnknownOption);
        assert_eq!(check_ballot(&questions, &raw(&[(1, &["10", "11"])])).unwrap_err()[&1], AnswerError::OnlyOne);
        assert_eq!(check_ballot(&questions, &raw(&[(1, &["x"])])).unwrap_err()[&1], AnswerError::UnknownOption);
    }

    #[test]
    fn optional_questions_may_be_left_blank() {
        let mut optional = question(1, QuestionKind::FreeText { max_chars: 100 }, &[]);
        optional.required = false;
        let ballot = check_ballot(&[optional], &raw(&[(1, &["   "])])).unwrap();
        assert_eq!(ballot.answers, vec![(1, Answer::Blank)]);
    }

    #[test]
    fn questions_are_checked_before_opening() {
        assert_eq!(question(1, QuestionKind::SingleChoice, &[1]).check(), Err(QuestionProblem::TooFewOptions));
        assert_eq!(
            question(1, QuestionKind::MultipleChoice { min: 3, max: 2 }, &[1, 2, 3]).check(),
            Err(QuestionProblem::BadChoiceLimits)
        );
        assert_eq!(
            question(1, QuestionKind::MultipleChoice { min: 1, max: 4 }, &[1, 2, 3]).check(),
            Err(QuestionProblem::BadChoiceLimits)
        );
        assert_eq!(
            question(1, QuestionKind::FreeText { max_chars: 0 }, &[]).check(),
            Err(QuestionProblem::BadTextLimit)
        );
        assert_eq!(
            question(1, QuestionKind::Scale { low: " ".into(), high: "b".into() }, &[]).check(),
            Err(QuestionProblem::MissingScaleLabels)
        );
        assert_eq!(question(1, QuestionKind::Ranking, &[1, 2]).check(), Ok(()));
    }

    #[test]
    fn the_clock_opens_and_closes() {
        assert_eq!(Status::Scheduled.by_clock(5, 10, 20), Status::Scheduled);
        assert_eq!(Status::Scheduled.by_clock(10, 10, 20), Status::Open);
        assert_eq!(Status::Open.by_clock(19, 10, 20), Status::Open);
        assert_eq!(Status::Open.by_clock(20, 10, 20), Status::Closed);
        assert_eq!(Status::Scheduled.by_clock(25, 10, 20), Status::Closed);
        assert_eq!(Status::Draft.by_clock(25, 10, 20), Status::Draft);
        assert!(Status::Draft.can_become(Status::Scheduled));
        assert!(!Status::Open.can_become(Status::Draft));
        assert!(!Status::Closed.can_become(Status::Open));
    }

    #[test]
    fn results_arithmetic() {
        assert_eq!(percent(1, 3), 33.3);
        assert_eq!(percent(0, 0), 0.0);
        assert!(quorum_reached(25, 100, 25));
        assert!(!quorum_reached(24, 100, 25));
        assert!(quorum_reached(0, 0, 30));
        let counts = BTreeMap::from([((1, 1), 2), ((2, 2), 2), ((2, 1), 1), ((1, 2), 1), ((3, 3), 3)]);
        // 3 options: rank 1 = 2 points, rank 2 = 1, rank 3 = 0.
        assert_eq!(borda(&[1, 2, 3], &counts), BTreeMap::from([(1, 5), (2, 4), (3, 0)]));
        assert_eq!(scale_mean(&BTreeMap::from([(1, 1), (5, 3)])), Some(4.0));
        assert_eq!(scale_mean(&BTreeMap::new()), None);
    }

    proptest! {
        #[test]
        fn any_permutation_is_a_valid_ranking(perm in Just(vec![1i64, 2, 3, 4]).prop_shuffle()) {
            let q = question(9, QuestionKind::Ranking, &[1, 2, 3, 4]);
            let values: Vec<String> = perm.iter().enumerate().map(|(i, o)| format!("{o}:{}", i + 1)).collect();
            let ballot = check_ballot(&[q], &BTreeMap::from([(9, values)])).unwrap();
            prop_assert_eq!(&ballot.answers[0].1, &Answer::Ranking(perm));
        }

        #[test]
        fn checking_never_panics(values in proptest::collection::vec(".{0,12}", 0..6)) {
            let questions = vec![
                question(1, QuestionKind::SingleChoice, &[1, 2]),
                question(2, QuestionKind::MultipleChoice { min: 1, max: 2 }, &[1, 2, 3]),
                question(3, QuestionKind::Ranking, &[1, 2, 3]),
                question(4, QuestionKind::Scale { low: "a".into(), high: "b".into() }, &[]),
                question(5, QuestionKind::FreeText { max_chars: 5 }, &[]),
            ];
            let raw: BTreeMap<i64, Vec<String>> = (1..=5).map(|id| (id, values.clone())).collect();
            let _ = check_ballot(&questions, &raw);
        }

        #[test]
        fn percentages_stay_between_0_and_100(whole in 1u64..1_000_000, part_share in 0u64..=100) {
            let part = whole * part_share / 100;
            let value = percent(part, whole);
            prop_assert!((0.0..=100.0).contains(&value));
        }
    }
}
