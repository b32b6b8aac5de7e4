//! The published ballot list, by receipt, which lets anyone recount.

use super::Definition;
use crate::entities::{ballot, ballot_answer};
use palier_domain::consultations::{PublishedBallot, QuestionKind};
use sea_orm::{
    ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _, PaginatorTrait as _, QueryFilter as _, QueryOrder as _,
    QuerySelect as _,
};
use std::collections::HashMap;

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
