//! Results, counted by the database: every number comes from a GROUP BY on
//! the answers or the register, never from a loop over ballots, so a page of
//! results costs the same few queries for ten ballots or a hundred thousand.
//! The published ballot list lets anyone recount.
//!
//! Once a vote is closed no ballot can be added, so its count is kept
//! ([`counted`]): the results page of a closed vote reads one row, however
//! many ballots it holds.

use super::Definition;
use crate::entities::{ballot, ballot_answer, building, eligible_unit, participation, residence, result_snapshot};
pub use palier_domain::consultation::{
    Detail, OptionResult, PublishedBallot, QuestionResult, RankingResult, Results, TurnoutLine,
};
use palier_domain::consultation::{QuestionKind, Status, borda, percent, quorum_reached, scale_mean};
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
    let final_count = matches!(definition.status(), Status::Closed | Status::Published | Status::Archived);
    if !final_count {
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

/// Live results of open votes, counted at most once per [`LIVE_FOR`] in this
/// process: a crowd refreshing the page of a large vote costs one count
/// (a count of 100 000 ballots takes about a second on SQLite, so those who
/// arrive while it runs wait for it rather than start their own).
#[derive(Debug, Clone, Default)]
pub struct LiveCounts {
    counts: std::sync::Arc<std::sync::Mutex<HashMap<i64, LiveCount>>>,
}

#[derive(Debug, Default)]
struct LiveCount {
    /// The last count and when it was made.
    fresh: Option<(std::time::Instant, Results)>,
    /// Held while this vote is being counted.
    counting: std::sync::Arc<tokio::sync::Mutex<()>>,
}

/// How long a live count is shown before it is counted again.
pub const LIVE_FOR: std::time::Duration = std::time::Duration::from_secs(10);

/// What a request finds for an open vote: a fresh count, or the lock to
/// take before counting.
enum Live {
    Fresh(Results),
    Stale(std::sync::Arc<tokio::sync::Mutex<()>>),
}

impl LiveCounts {
    /// Like [`counted`], reusing a live count younger than [`LIVE_FOR`].
    pub async fn counted<C: ConnectionTrait>(&self, conn: &C, definition: &Definition) -> Result<Results, DbErr> {
        let id = definition.consultation.id;
        if definition.status() != Status::Open {
            self.counts().remove(&id);
            return counted(conn, definition).await;
        }
        let counting = match self.live(id) {
            Live::Fresh(results) => return Ok(results),
            Live::Stale(counting) => counting,
        };
        let _counting = counting.lock().await;
        // Someone else may have counted while this request waited.
        if let Live::Fresh(results) = self.live(id) {
            return Ok(results);
        }
        let results = compute(conn, definition).await?;
        let mut counts = self.counts();
        // Keep fresh counts, and votes someone is counting (dropping their
        // lock would let the next request start a second count).
        counts.retain(|kept, count| {
            *kept == id
                || std::sync::Arc::strong_count(&count.counting) > 1
                || count.fresh.as_ref().is_some_and(|(at, _)| at.elapsed() < LIVE_FOR)
        });
        counts.entry(id).or_default().fresh = Some((std::time::Instant::now(), results.clone()));
        Ok(results)
    }

    fn live(&self, id: i64) -> Live {
        let mut counts = self.counts();
        let count = counts.entry(id).or_default();
        match &count.fresh {
            Some((at, results)) if at.elapsed() < LIVE_FOR => Live::Fresh(results.clone()),
            _ => Live::Stale(count.counting.clone()),
        }
    }

    fn counts(&self) -> std::sync::MutexGuard<'_, HashMap<i64, LiveCount>> {
        self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
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
type AnswerGroup = (i64, Option<i64>, Option<i32>, Option<i32>, i64, i64);

/// Counts a consultation.
pub async fn compute<C: ConnectionTrait>(conn: &C, definition: &Definition) -> Result<Results, DbErr> {
    let id = definition.consultation.id;
    let ballots = ballot::Entity::find().filter(ballot::Column::ConsultationId.eq(id)).count(conn).await?;

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

    // Answers: one GROUP BY over this consultation's answers, reached
    // through its ballots (answers have no index by question: under a crowd
    // of voters, keeping one cost more than half of what each ballot wrote).
    // An answered question has exactly one row at position 0.
    let groups: Vec<AnswerGroup> = ballot_answer::Entity::find()
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
    let mut answered: HashMap<i64, u64> = HashMap::new();
    for (question, _, _, _, _, first) in &groups {
        *answered.entry(*question).or_default() += count(*first);
    }
    let choices: Vec<(i64, i64, Option<i32>, i64)> =
        groups.iter().filter_map(|(q, option, rank, _, n, _)| option.map(|o| (*q, o, *rank, *n))).collect();
    let scales: Vec<(i64, i32, i64)> =
        groups.iter().filter_map(|(q, _, _, value, n, _)| value.map(|v| (*q, v, *n))).collect();

    let mut questions = Vec::with_capacity(definition.questions.len());
    for question in &definition.questions {
        let answered_here = answered.get(&question.id).copied().unwrap_or(0);
        let detail = match &question.kind {
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice { .. } => {
                let counts: HashMap<i64, u64> = choices
                    .iter()
                    .filter(|(q, _, rank, _)| *q == question.id && rank.is_none())
                    .map(|(_, option, _, n)| (*option, count(*n)))
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
                let by_rank: BTreeMap<(i64, u32), u64> = choices
                    .iter()
                    .filter(|(q, _, rank, _)| *q == question.id && rank.is_some())
                    .map(|(_, option, rank, n)| {
                        ((*option, rank.and_then(|r| u32::try_from(r).ok()).unwrap_or(0)), count(*n))
                    })
                    .collect();
                let option_ids: Vec<i64> = question.options.iter().map(|(id, _)| *id).collect();
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
                let distribution: BTreeMap<u8, u64> = scales
                    .iter()
                    .filter(|(q, _, _)| *q == question.id)
                    .filter_map(|(_, value, n)| u8::try_from(*value).ok().map(|v| (v, count(*n))))
                    .collect();
                Detail::Scale {
                    low: low.clone(),
                    high: high.clone(),
                    distribution: (1..=5).map(|v| distribution.get(&v).copied().unwrap_or(0)).collect(),
                    mean: scale_mean(&distribution),
                }
            }
            QuestionKind::FreeText { .. } => {
                let samples = ballot_answer::Entity::find()
                    .select_only()
                    .column(ballot_answer::Column::Text)
                    .join(JoinType::InnerJoin, ballot_answer::Relation::Ballot.def())
                    .filter(ballot::Column::ConsultationId.eq(id))
                    .filter(ballot_answer::Column::QuestionId.eq(question.id))
                    .filter(ballot_answer::Column::Text.is_not_null())
                    .order_by_asc(ballot_answer::Column::BallotId)
                    .limit(TEXT_SAMPLES)
                    .into_tuple::<Option<String>>()
                    .all(conn)
                    .await?
                    .into_iter()
                    .flatten()
                    .collect();
                Detail::Text { samples }
            }
        };
        questions.push(QuestionResult {
            id: question.id,
            prompt: question.prompt.clone(),
            answered: answered_here,
            detail,
        });
    }

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
    })
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
    let labels: HashMap<i64, &str> =
        definition.questions.iter().flat_map(|q| q.options.iter().map(|(id, label)| (*id, label.as_str()))).collect();
    Ok(ballots
        .into_iter()
        .map(|ballot| {
            let mine = answers.remove(&ballot.id).unwrap_or_default();
            let written = definition
                .questions
                .iter()
                .map(|question| {
                    let mut parts: Vec<&ballot_answer::Model> =
                        mine.iter().filter(|a| a.question_id == question.id).collect();
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

/// The results as CSV: one line per option (or scale value), with counts and shares.
pub fn results_csv(results: &Results) -> String {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let _ = writer.write_record(["question", "answer", "count", "percent", "borda", "first_choices"]);
    for question in &results.questions {
        match &question.detail {
            Detail::Choice { options, .. } => {
                for o in options {
                    let _ = writer.write_record([
                        question.prompt.as_str(),
                        &o.label,
                        &o.count.to_string(),
                        &o.percent.to_string(),
                        "",
                        "",
                    ]);
                }
            }
            Detail::Ranking { options } => {
                for o in options {
                    let _ = writer.write_record([
                        question.prompt.as_str(),
                        &o.label,
                        "",
                        &o.first_percent.to_string(),
                        &o.borda.to_string(),
                        &o.first_choices.to_string(),
                    ]);
                }
            }
            Detail::Scale { distribution, .. } => {
                for (value, n) in distribution.iter().enumerate() {
                    let _ = writer.write_record([
                        question.prompt.as_str(),
                        &(value + 1).to_string(),
                        &n.to_string(),
                        &percent(*n, question.answered).to_string(),
                        "",
                        "",
                    ]);
                }
            }
            Detail::Text { .. } => {
                let _ = writer.write_record([
                    question.prompt.as_str(),
                    "(texte libre)",
                    &question.answered.to_string(),
                    "",
                    "",
                    "",
                ]);
            }
        }
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The anonymous ballot list as CSV: a receipt per line, one column per question.
pub fn ballots_csv(definition: &Definition, ballots: &[PublishedBallot]) -> String {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let mut header = vec!["receipt".to_owned()];
    header.extend(definition.questions.iter().map(|q| q.prompt.clone()));
    let _ = writer.write_record(&header);
    for ballot in ballots {
        let mut line = vec![ballot.receipt.clone()];
        line.extend(ballot.answers.iter().map(|(_, a)| a.clone().unwrap_or_default()));
        let _ = writer.write_record(&line);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
