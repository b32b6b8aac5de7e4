//! What the ballots answered, grouped as the tally needs it: from the ballot
//! tables by one GROUP BY (a closed vote), or from the sealed ballots opened
//! in memory (an open one).

use super::{Definition, TEXT_SAMPLES, count};
use crate::consultations::voting::Seal;
use crate::consultations::voting::seal::for_each_sealed;
use crate::entities::{ballot, ballot_answer};
use palier_domain::consultations::{AnswerGroup, QuestionKind};
use palier_domain::ids::{OptionId, QuestionId};
use sea_orm::sea_query::{Expr, Func, SimpleExpr};
use sea_orm::{
    ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _, JoinType, PaginatorTrait as _, QueryFilter as _,
    QueryOrder as _, QuerySelect as _, RelationTrait as _,
};
use std::collections::{BTreeMap, HashMap};

/// One group of a consultation's answers: question, option, rank, scale
/// value, how many answers, how many of them at position 0.
type AnswerRow = (i64, Option<i64>, Option<i32>, Option<i32>, i64, i64);

/// What the ballots say: how many there are, their answers grouped, and
/// some of their texts.
pub(super) struct Answers {
    pub ballots: u64,
    pub groups: Vec<AnswerGroup>,
    pub samples: BTreeMap<QuestionId, Vec<String>>,
}

/// What answers are grouped by: question, option, rank, scale value.
type GroupKey = (i64, Option<i64>, Option<i32>, Option<i32>);

/// The group of answers `key`, with its counts.
fn group((question, option, rank, value): GroupKey, answers: u64, first: u64) -> AnswerGroup {
    AnswerGroup {
        question: QuestionId::new(question),
        option: option.map(OptionId::new),
        rank: rank.and_then(|r| u32::try_from(r).ok()),
        value: value.and_then(|v| u8::try_from(v).ok()),
        answers,
        first,
    }
}

/// The answers of open consultation `consultation_id`'s sealed ballots,
/// opened a page at a time and grouped as the database groups those of a
/// closed vote. No text is sampled (texts wait for the close).
pub(super) async fn from_sealed<C: ConnectionTrait>(
    conn: &C,
    seal: &Seal,
    consultation_id: i64,
) -> Result<Answers, DbErr> {
    let mut ballots = 0u64;
    // (question, option, rank, value) → (answers, answers at position 0).
    let mut groups: HashMap<GroupKey, (u64, u64)> = HashMap::new();
    for_each_sealed(conn, seal, consultation_id, |contents| {
        ballots += 1;
        for answer in contents.answers {
            let group = groups.entry((answer.question_id, answer.option_id, answer.rank, answer.value)).or_default();
            group.0 += 1;
            group.1 += u64::from(answer.position == 0);
        }
    })
    .await?;
    let groups = groups.into_iter().map(|(key, (answers, first))| group(key, answers, first)).collect();
    Ok(Answers { ballots, groups, samples: BTreeMap::new() })
}

/// The answers of a consultation's ballot tables (a closed vote's).
pub(super) async fn from_tables<C: ConnectionTrait>(conn: &C, definition: &Definition) -> Result<Answers, DbErr> {
    let id = definition.consultation.id;
    let ballots = ballot::Entity::find().filter(ballot::Column::ConsultationId.eq(id)).count(conn).await?;
    // Answers: one GROUP BY over this consultation's answers, reached
    // through its ballots (answers have no index by question: under a crowd
    // of voters, keeping one cost more than half of what each ballot wrote).
    // An answered question has exactly one row at position 0.
    let groups: Vec<AnswerRow> = ballot_answer::Entity::find()
        .select_only()
        .column(ballot_answer::Column::QuestionId)
        .column(ballot_answer::Column::OptionId)
        .column(ballot_answer::Column::Rank)
        .column(ballot_answer::Column::Value)
        .column_as(ballot_answer::Column::BallotId.count(), "n")
        .column_as(
            SimpleExpr::from(Func::sum(Expr::case(ballot_answer::Column::Position.eq(0), 1).finally(0))),
            "first",
        )
        .join(JoinType::InnerJoin, ballot_answer::Relation::Ballot.def())
        .filter(ballot::Column::ConsultationId.eq(id))
        .group_by(ballot_answer::Column::QuestionId)
        .group_by(ballot_answer::Column::OptionId)
        .group_by(ballot_answer::Column::Rank)
        .group_by(ballot_answer::Column::Value)
        .into_tuple()
        .all(conn)
        .await?;
    let groups: Vec<AnswerGroup> = groups
        .into_iter()
        .map(|(question, option, rank, value, answers, first)| {
            group((question, option, rank, value), count(answers), count(first))
        })
        .collect();
    let mut samples = BTreeMap::new();
    for question in definition.questions.iter().filter(|q| matches!(q.kind, QuestionKind::FreeText { .. })) {
        let texts: Vec<String> = ballot_answer::Entity::find()
            .select_only()
            .column(ballot_answer::Column::Text)
            .join(JoinType::InnerJoin, ballot_answer::Relation::Ballot.def())
            .filter(ballot::Column::ConsultationId.eq(id))
            .filter(ballot_answer::Column::QuestionId.eq(question.id.get()))
            .filter(ballot_answer::Column::Text.is_not_null())
            .order_by_asc(ballot_answer::Column::BallotId)
            .limit(TEXT_SAMPLES)
            .into_tuple::<Option<String>>()
            .all(conn)
            .await?
            .into_iter()
            .flatten()
            .collect();
        samples.insert(question.id, texts);
    }
    Ok(Answers { ballots, groups, samples })
}
