use super::*;
use crate::ids::{OptionId, QuestionId};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn question(id: i64, kind: QuestionKind, options: &[i64]) -> QuestionRules {
    QuestionRules {
        id: QuestionId::new(id),
        kind,
        required: true,
        options: options.iter().map(|o| OptionId::new(*o)).collect(),
    }
}

fn o(id: i64) -> OptionId {
    OptionId::new(id)
}

fn q(id: i64) -> QuestionId {
    QuestionId::new(id)
}

fn raw(pairs: &[(i64, &[&str])]) -> RawAnswers {
    pairs.iter().map(|(id, values)| (q(*id), values.iter().map(|v| (*v).to_owned()).collect())).collect()
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
        &raw(&[(1, &["11"]), (2, &["22", "20"]), (3, &["31:1", "30:3", "32:2"]), (4, &["4"]), (5, &["Plus de bancs"])]),
    )
    .unwrap();
    assert_eq!(
        ballot.answers,
        vec![
            (q(1), Answer::Single(o(11))),
            (q(2), Answer::Multiple(vec![o(20), o(22)])),
            (q(3), Answer::Ranking(vec![o(31), o(32), o(30)])),
            (q(4), Answer::Scale(4)),
            (q(5), Answer::Text("Plus de bancs".into())),
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
    assert_eq!(errors[&q(1)], AnswerError::Missing);
    assert_eq!(errors[&q(2)], AnswerError::TooFew { min: 2 });
    assert_eq!(errors[&q(3)], AnswerError::BadRanking { count: 2 });
    assert_eq!(errors[&q(4)], AnswerError::OutOfScale);
    assert_eq!(errors[&q(5)], AnswerError::TooLong { max: 3 });
    assert_eq!(errors[&q(6)], AnswerError::TooMany { max: 1 });
}

#[test]
fn options_of_other_questions_and_double_picks_are_refused() {
    let questions = vec![question(1, QuestionKind::SingleChoice, &[10, 11])];
    assert_eq!(check_ballot(&questions, &raw(&[(1, &["20"])])).unwrap_err()[&q(1)], AnswerError::UnknownOption);
    assert_eq!(check_ballot(&questions, &raw(&[(1, &["10", "11"])])).unwrap_err()[&q(1)], AnswerError::OnlyOne);
    assert_eq!(check_ballot(&questions, &raw(&[(1, &["x"])])).unwrap_err()[&q(1)], AnswerError::UnknownOption);
}

#[test]
fn optional_questions_may_be_left_blank() {
    let mut optional = question(1, QuestionKind::FreeText { max_chars: 100 }, &[]);
    optional.required = false;
    let ballot = check_ballot(&[optional], &raw(&[(1, &["   "])])).unwrap();
    assert_eq!(ballot.answers, vec![(q(1), Answer::Blank)]);
}

#[test]
fn free_texts_lose_their_control_characters_but_keep_their_lines() {
    let text = question(1, QuestionKind::FreeText { max_chars: 100 }, &[]);
    let ballot = check_ballot(&[text], &raw(&[(1, &["Plus de\u{0}\u{1b} bancs\r\nsvp\t!"])])).unwrap();
    assert_eq!(ballot.answers, vec![(q(1), Answer::Text("Plus de bancs\nsvp\t!".into()))]);
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
    assert_eq!(question(1, QuestionKind::FreeText { max_chars: 0 }, &[]).check(), Err(QuestionProblem::BadTextLimit));
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
    let counts = BTreeMap::from([((o(1), 1), 2), ((o(2), 2), 2), ((o(2), 1), 1), ((o(1), 2), 1), ((o(3), 3), 3)]);
    // 3 options: rank 1 = 2 points, rank 2 = 1, rank 3 = 0.
    assert_eq!(borda(&[o(1), o(2), o(3)], &counts), BTreeMap::from([(o(1), 5), (o(2), 4), (o(3), 0)]));
    assert_eq!(scale_mean(&BTreeMap::from([(1, 1), (5, 3)])), Some(4.0));
    assert_eq!(scale_mean(&BTreeMap::new()), None);
}

proptest! {
    #[test]
    fn any_permutation_is_a_valid_ranking(perm in Just(vec![1i64, 2, 3, 4]).prop_shuffle()) {
        let rules = question(9, QuestionKind::Ranking, &[1, 2, 3, 4]);
        let values: Vec<String> = perm.iter().enumerate().map(|(i, option)| format!("{option}:{}", i + 1)).collect();
        let ballot = check_ballot(&[rules], &BTreeMap::from([(q(9), values)])).unwrap();
        prop_assert_eq!(&ballot.answers[0].1, &Answer::Ranking(perm.into_iter().map(o).collect()));
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
        let raw: RawAnswers = (1..=5).map(|id| (q(id), values.clone())).collect();
        let _ = check_ballot(&questions, &raw);
    }

    #[test]
    fn percentages_stay_between_0_and_100(whole in 1u64..1_000_000, part_share in 0u64..=100) {
        let part = whole * part_share / 100;
        let value = percent(part, whole);
        prop_assert!((0.0..=100.0).contains(&value));
    }
}
