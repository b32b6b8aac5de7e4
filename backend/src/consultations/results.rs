//! Results. Once a vote is closed every number comes from a GROUP BY on the
//! answers or the register, never from a loop over ballots, so its results
//! cost the same few queries for ten ballots or a hundred thousand; while it
//! is open, its sealed ballots are opened and grouped in memory
//! (`answers`), at most once per step of live results (`live`). The
//! published ballot list (`ballots`) lets anyone recount.
//!
//! Once a vote is closed no ballot can be added, so its count is kept
//! ([`counted`]): the results page of a closed vote reads one row, however
//! many ballots it holds.

mod answers;
mod ballots;
mod csv;
mod live;

pub use ballots::{all_ballots, ballot_list, receipt_counted};
pub use csv::{ballots_csv, results_csv};
pub use live::{FROZEN_BEFORE_CLOSE, LIVE_FOR, LiveCounts, SECRECY_K, frozen};

use super::Definition;
use super::voting::{ChannelCode, Seal};
use crate::entities::{building, eligible_unit, participation, residence, result_snapshot};
use palier_domain::consultations::{Results, TurnoutLine, percent, quorum_reached, tally};
use sea_orm::{
    ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _, PaginatorTrait as _, QueryFilter as _, QuerySelect as _,
};
use std::collections::HashMap;

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

/// Counts a consultation whose ballots are in the ballot tables (a closed one).
pub async fn compute<C: ConnectionTrait>(conn: &C, definition: &Definition) -> Result<Results, DbErr> {
    let answers = answers::from_tables(conn, definition).await?;
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
    let answers = answers::from_sealed(conn, seal, definition.consultation.id).await?;
    with_register(conn, definition, answers).await
}

/// The results of `answers`, with the turnout from the register.
async fn with_register<C: ConnectionTrait>(
    conn: &C,
    definition: &Definition,
    answers: answers::Answers,
) -> Result<Results, DbErr> {
    let id = definition.consultation.id;
    let answers::Answers { ballots, groups, samples } = answers;

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
    let channel = |code: ChannelCode| {
        let name: &str = code.into();
        channels.iter().find(|(c, _)| c == name).map_or(0, |(_, n)| count(*n))
    };
    let (online, paper) = (channel(ChannelCode::Online), channel(ChannelCode::Paper));
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
