//! Results, counted by the database: every number comes from a GROUP BY on
//! the answers or the register, never from a loop over ballots, so a page of
//! results costs the same few queries for ten ballots or a hundred thousand.
//! The published ballot list lets anyone recount.
//!
//! Once a vote is closed no ballot can be added, so its count is kept
//! ([`counted`]): the results page of a closed vote reads one row, however
//! many ballots it holds.

mod csv;
mod live;

pub use csv::{ballots_csv, results_csv};
pub use live::{FROZEN_BEFORE_CLOSE, LIVE_FOR, LiveCounts, SECRECY_K, frozen};

use super::Definition;
use super::voting::Seal;
use super::voting::seal::for_each_sealed;
use crate::entities::{ballot, ballot_answer, building, eligible_unit, participation, residence, result_snapshot};
use palier_domain::consultations::{
    AnswerGroup, PublishedBallot, QuestionKind, Results, TurnoutLine, percent, quorum_reached, tally,
};
use palier_domain::ids::{OptionId, QuestionId};
use sea_orm::sea_query::{Expr, Func, SimpleExpr};
use sea_orm::{
    ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _, JoinType, PaginatorTrait as _, QueryFilter as _,
    QueryOrder as _, QuerySelect as _, RelationTrait as _,
};
use std::collections::{BTreeMap, HashMap};

/// How many text answers the results page shows (the ballot list has them all).
pub const TEXT_SAMPLES: u64 = 20;

fn count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

/// The results to show: kept once a vote is closed (computed and stored the
/// first time), counted afresh while it is open.
pub async fn counted<C: ConnectionTrait>(conn: &C, definition: &Definition) -> Result<Results, DbErr> {
    if !definition.status().is_over() {
        return compute(conn, definition).await;
    }
    let id = definition.consultation.id;
    if let Some(kept) = result_snapshot::Entity::find_by_id(id).one(conn).await? {
        match serde_json::from_str(&kept.body) {
            Ok(results) => return Ok(results),
            // Written by an older version: count again below.
            Err(error) => tracing::warn!(%error, consultation = id, "a kept count could not be read"),
        }
    }
    let results = compute(conn, definition).await?;
    keep(conn, id, &results).await?;
    Ok(results)
}

/// Stores the count of closed consultation `id` (the first one stays).
async fn keep<C: ConnectionTrait>(conn: &C, id: i64, results: &Results) -> Result<(), DbErr> {
    let body = serde_json::to_string(results).map_err(|error| DbErr::Custom(error.to_string()))?;
    result_snapshot::Entity::insert(result_snapshot::ActiveModel {
        consultation_id: sea_orm::ActiveValue::Set(id),
        computed_at: sea_orm::ActiveValue::Set(chrono::Utc::now()),
        body: sea_orm::ActiveValue::Set(body),
    })
    .on_conflict(
        sea_orm::sea_query::OnConflict::column(result_snapshot::Column::ConsultationId).do_nothing().to_owned(),
    )
    .do_nothing()
    .exec(conn)
    .await?;
    Ok(())
}

/// How many units took part (online and on paper), from the register.
pub async fn participants<C: ConnectionTrait>(conn: &C, consultation_id: i64) -> Result<u64, DbErr> {
    participation::Entity::find().filter(participation::Column::ConsultationId.eq(consultation_id)).count(conn).await
}

/// One group of a consultation's answers: question, option, rank, scale
/// value, how many answers, how many of them at position 0.
type AnswerRow = (i64, Option<i64>, Option<i32>, Option<i32>, i64, i64);

/// What the ballots say: how many there are, their answers grouped, and
/// some of their texts.
struct Answers {
    ballots: u64,
    groups: Vec<AnswerGroup>,
    samples: BTreeMap<QuestionId, Vec<String>>,
}

/// What answers are grouped by: question, option, rank, scale value.
type GroupKey = (i64, Option<i64>, Option<i32>, Option<i32>);

/// Counts a consultation whose ballots are in the ballot tables (a closed one).
pub async fn compute<C: ConnectionTrait>(conn: &C, definition: &Definition) -> Result<Results, DbErr> {
    let answers = answers(conn, definition).await?;
    with_register(conn, definition, answers).await
}

/// Counts an open consultation, whose ballots are sealed: they are opened
/// in memory, a page at a time, and grouped as the database groups the
/// answers of a closed vote. No text is sampled (texts wait for the close).
pub async fn compute_sealed<C: ConnectionTrait>(
    conn: &C,
    seal: &Seal,
    definition: &Definition,
) -> Result<Results, DbErr> {
    let mut ballots = 0u64;
    // (question, option, rank, value) → (answers, answers at position 0).
    let mut groups: HashMap<GroupKey, (u64, u64)> = HashMap::new();
    for_each_sealed(conn, seal, definition.consultation.id, |contents| {
        ballots += 1;
        for answer in contents.answers {
            let group = groups.entry((answer.question_id, answer.option_id, answer.rank, answer.value)).or_default();
            group.0 += 1;
            group.1 += u64::from(answer.position == 0);
        }
    })
    .await?;
    let groups = groups
        .into_iter()
        .map(|((question, option, rank, value), (answers, first))| AnswerGroup {
            question: QuestionId::new(question),
            option: option.map(OptionId::new),
            rank: rank.and_then(|r| u32::try_from(r).ok()),
            value: value.and_then(|v| u8::try_from(v).ok()),
            answers,
            first,
        })
        .collect();
    with_register(conn, definition, Answers { ballots, groups, samples: BTreeMap::new() }).await
}

/// The results of `answers`, with the turnout from the register.
async fn with_register<C: ConnectionTrait>(
    conn: &C,
    definition: &Definition,
    answers: Answers,
) -> Result<Results, DbErr> {
    let id = definition.consultation.id;
    let Answers { ballots, groups, samples } = answers;

    // Register: totals by channel, by residence and by building.
    let channels: Vec<(String, i64)> = participation::Entity::find()
        .select_only()
        .column(participation::Column::Channel)
        .column_as(participation::Column::Id.count(), "n")
        .filter(participation::Column::ConsultationId.eq(id))
        .group_by(participation::Column::Channel)
        .into_tuple()
        .all(conn)
        .await?;
    let channel = |name: &str| channels.iter().find(|(c, _)| c == name).map_or(0, |(_, n)| count(*n));
    let (online, paper) = (channel("online"), channel("paper"));
    let participants = online + paper;
    let eligible = definition.consultation.eligible_count.map_or(0, count);

    let by_place = |column_p: participation::Column, column_e: eligible_unit::Column| async move {
        let done: Vec<(Option<i64>, i64)> = participation::Entity::find()
            .select_only()
            .column(column_p)
            .column_as(participation::Column::Id.count(), "n")
            .filter(participation::Column::ConsultationId.eq(id))
            .group_by(column_p)
            .into_tuple()
            .all(conn)
            .await?;
        let all: Vec<(Option<i64>, i64)> = eligible_unit::Entity::find()
            .select_only()
            .column(column_e)
            .column_as(eligible_unit::Column::UnitId.count(), "n")
            .filter(eligible_unit::Column::ConsultationId.eq(id))
            .group_by(column_e)
            .into_tuple()
            .all(conn)
            .await?;
        Ok::<_, DbErr>((done.into_iter().collect::<HashMap<_, _>>(), all))
    };
    let (done_r, all_r) = by_place(participation::Column::ResidenceId, eligible_unit::Column::ResidenceId).await?;
    let (done_b, all_b) = by_place(participation::Column::BuildingId, eligible_unit::Column::BuildingId).await?;
    let residence_names: HashMap<i64, String> = residence::Entity::find()
        .filter(residence::Column::Id.is_in(all_r.iter().filter_map(|(r, _)| *r)))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let buildings: HashMap<i64, building::Model> = building::Entity::find()
        .filter(building::Column::Id.is_in(all_b.iter().filter_map(|(b, _)| *b)))
        .all(conn)
        .await?
        .into_iter()
        .map(|b| (b.id, b))
        .collect();
    let mut turnout = Vec::new();
    for (residence_id, n) in &all_r {
        let Some(residence_id) = residence_id else { continue };
        let done = done_r.get(&Some(*residence_id)).map_or(0, |n| count(*n));
        turnout.push(TurnoutLine {
            residence: residence_names.get(residence_id).cloned().unwrap_or_default(),
            building: None,
            eligible: count(*n),
            participants: done,
            percent: percent(done, count(*n)),
        });
        let mut in_residence: Vec<TurnoutLine> = all_b
            .iter()
            .filter_map(|(building_id, n)| {
                let building = buildings.get(&(*building_id)?)?;
                (building.residence_id == *residence_id).then(|| {
                    let done = done_b.get(building_id).map_or(0, |n| count(*n));
                    TurnoutLine {
                        residence: residence_names.get(residence_id).cloned().unwrap_or_default(),
                        building: Some(building.name.clone()),
                        eligible: count(*n),
                        participants: done,
                        percent: percent(done, count(*n)),
                    }
                })
            })
            .collect();
        in_residence.sort_by(|a, b| a.building.cmp(&b.building));
        turnout.extend(in_residence);
    }
    turnout.sort_by(|a, b| (&a.residence, &a.building).cmp(&(&b.residence, &b.building)));

    let questions = tally(&definition.questions, &groups, samples);

    let quorum_percent = definition.consultation.quorum_percent.and_then(|q| u32::try_from(q).ok());
    Ok(Results {
        ballots,
        eligible,
        participants,
        online,
        paper,
        turnout_percent: percent(participants, eligible),
        quorum_reached: quorum_percent.map(|q| quorum_reached(participants, eligible, q)),
        quorum_percent,
        turnout,
        questions,
        live_step: None,
    })
}

/// The answers of a consultation's ballot tables.
async fn answers<C: ConnectionTrait>(conn: &C, definition: &Definition) -> Result<Answers, DbErr> {
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
        .map(|(question, option, rank, value, answers, first)| AnswerGroup {
            question: QuestionId::new(question),
            option: option.map(OptionId::new),
            rank: rank.and_then(|r| u32::try_from(r).ok()),
            value: value.and_then(|v| u8::try_from(v).ok()),
            answers: count(answers),
            first: count(first),
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

/// A page of the ballot list, by receipt, and the number of ballots.
pub async fn ballot_list<C: ConnectionTrait>(
    conn: &C,
    definition: &Definition,
    page: u64,
    per_page: u64,
) -> Result<(Vec<PublishedBallot>, u64), DbErr> {
    let id = definition.consultation.id;
    let base = ballot::Entity::find().filter(ballot::Column::ConsultationId.eq(id));
    let total = base.clone().count(conn).await?;
    let ballots = base
        .order_by_asc(ballot::Column::Receipt)
        .offset(crate::db::page_offset(page, per_page))
        .limit(per_page)
        .all(conn)
        .await?;
    Ok((written_out(conn, definition, ballots).await?, total))
}

/// Every ballot, by receipt (for the CSV download).
pub async fn all_ballots<C: ConnectionTrait>(conn: &C, definition: &Definition) -> Result<Vec<PublishedBallot>, DbErr> {
    let ballots = ballot::Entity::find()
        .filter(ballot::Column::ConsultationId.eq(definition.consultation.id))
        .order_by_asc(ballot::Column::Receipt)
        .all(conn)
        .await?;
    let mut all = Vec::with_capacity(ballots.len());
    for chunk in ballots.chunks(500) {
        all.extend(written_out(conn, definition, chunk.to_vec()).await?);
    }
    Ok(all)
}

async fn written_out<C: ConnectionTrait>(
    conn: &C,
    definition: &Definition,
    ballots: Vec<ballot::Model>,
) -> Result<Vec<PublishedBallot>, DbErr> {
    let mut answers: HashMap<String, Vec<ballot_answer::Model>> = HashMap::new();
    for answer in ballot_answer::Entity::find()
        .filter(ballot_answer::Column::BallotId.is_in(ballots.iter().map(|b| b.id.clone())))
        .order_by_asc(ballot_answer::Column::Position)
        .all(conn)
        .await?
    {
        answers.entry(answer.ballot_id.clone()).or_default().push(answer);
    }
    let labels: HashMap<i64, &str> = definition
        .questions
        .iter()
        .flat_map(|q| q.options.iter().map(|(id, label)| (id.get(), label.as_str())))
        .collect();
    Ok(ballots
        .into_iter()
        .map(|ballot| {
            let mine = answers.remove(&ballot.id).unwrap_or_default();
            let written = definition
                .questions
                .iter()
                .map(|question| {
                    let mut parts: Vec<&ballot_answer::Model> =
                        mine.iter().filter(|a| a.question_id == question.id.get()).collect();
                    parts.sort_by_key(|a| (a.rank, a.position));
                    if parts.is_empty() {
                        return (question.id, None);
                    }
                    let text = match &question.kind {
                        QuestionKind::Scale { .. } => {
                            parts.iter().filter_map(|a| a.value).map(|v| v.to_string()).collect::<Vec<_>>().join("")
                        }
                        QuestionKind::FreeText { .. } => {
                            parts.iter().filter_map(|a| a.text.clone()).collect::<Vec<_>>().join("")
                        }
                        QuestionKind::Ranking => parts
                            .iter()
                            .filter_map(|a| {
                                a.option_id
                                    .and_then(|o| labels.get(&o))
                                    .map(|l| format!("{}. {l}", a.rank.unwrap_or(0)))
                            })
                            .collect::<Vec<_>>()
                            .join(" ; "),
                        _ => parts
                            .iter()
                            .filter_map(|a| a.option_id.and_then(|o| labels.get(&o)))
                            .copied()
                            .collect::<Vec<_>>()
                            .join(" ; "),
                    };
                    (question.id, Some(text))
                })
                .collect();
            PublishedBallot { receipt: ballot.receipt, answers: written }
        })
        .collect())
}

/// Whether a receipt is in the count of this consultation.
pub async fn receipt_counted<C: ConnectionTrait>(conn: &C, consultation_id: i64, receipt: &str) -> Result<bool, DbErr> {
    Ok(ballot::Entity::find()
        .filter(ballot::Column::ConsultationId.eq(consultation_id))
        .filter(ballot::Column::Receipt.eq(receipt))
        .count(conn)
        .await?
        > 0)
}
