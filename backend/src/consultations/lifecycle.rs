//! The clock's part of the lifecycle: a scheduled consultation opens at its
//! opening time, an open one closes at its closing time. Opening freezes the
//! eligible units (households, or adults registered in Palier, in the
//! audience at that moment) in the same transaction, so the turnout
//! denominator and the quorum never move afterwards.
//!
//! `palier serve` advances due consultations every few seconds, and every
//! read or vote advances the consultation it touches first, so the clock is
//! exact even between two ticks. Every function takes the time it applies
//! (`now`, from the server's [`crate::clock::Clock`]).

use super::voting::Seal;
use crate::entities::{consultation, consultation_scope, eligible_unit, household, occupancy};
use crate::notifications::{Event, notify};
use chrono::{DateTime, Utc};
use palier_domain::consultations::Status;
use palier_domain::consultations::VotingUnit;
use sea_orm::sea_query::{Alias, Expr, JoinType, OnConflict, Query, SelectStatement};
use sea_orm::{
    ColumnTrait as _, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait as _,
    PaginatorTrait as _, QueryFilter as _, QuerySelect as _, TransactionTrait as _,
};

/// What the clock did to a consultation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    Opened { consultation_id: i64, eligible: u64 },
    Closed { consultation_id: i64 },
}

/// Applies the clock, at `now`, to consultation `id`. Returns what changed.
///
/// Closing opens the vote's sealed ballots with `seal` and writes them to
/// the ballot tables in the closing transaction ([`super::voting::seal`]).
pub async fn advance(
    db: &DatabaseConnection,
    seal: &Seal,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<Transition>, DbErr> {
    let Some(row) = consultation::Entity::find_by_id(id).one(db).await? else { return Ok(Vec::new()) };
    let status = row.status.parse::<Status>().ok().unwrap_or(Status::Draft);
    let target =
        status.by_clock(now.timestamp_millis(), row.opens_at.timestamp_millis(), row.closes_at.timestamp_millis());
    let mut done = Vec::new();
    if status == Status::Scheduled && target != Status::Scheduled {
        let txn = db.begin().await?;
        if let Some(eligible) = open(&txn, &row, now).await? {
            // A vote that opens already past its close (the server was down
            // all along) is not announced as open: its results will be.
            if target != Status::Closed {
                notify(&txn, Event::ConsultationOpened { consultation_id: id }).await?;
            }
            done.push(Transition::Opened { consultation_id: id, eligible });
        }
        txn.commit().await?;
    }
    if target == Status::Closed {
        let txn = db.begin().await?;
        let closed = consultation::Entity::update_many()
            .col_expr(consultation::Column::Status, Expr::value(Status::Closed.code()))
            .col_expr(consultation::Column::ClosedAt, Expr::value(now))
            .filter(consultation::Column::Id.eq(id))
            .filter(consultation::Column::Status.eq(Status::Open.code()))
            .filter(consultation::Column::ClosesAt.lte(now))
            .exec(&txn)
            .await?
            .rows_affected;
        if closed > 0 {
            super::voting::seal::unseal(&txn, seal, id).await?;
            notify(&txn, Event::ResultsAvailable { consultation_id: id }).await?;
            done.push(Transition::Closed { consultation_id: id });
        }
        txn.commit().await?;
        if closed > 0 {
            // Count once now, so the first reader of the results does not wait.
            if let Some(definition) = super::definition(db, id).await? {
                super::results::counted(db, &definition).await?;
            }
        }
    }
    Ok(done)
}

/// Whether the clock has moved `definition` on since it was read (it should
/// open or close) at `now`: then [`advance`] it before acting on it.
pub fn is_due(definition: &super::Definition, now: DateTime<Utc>) -> bool {
    let row = &definition.consultation;
    let status = definition.status();
    status.by_clock(now.timestamp_millis(), row.opens_at.timestamp_millis(), row.closes_at.timestamp_millis()) != status
        && matches!(status, Status::Scheduled | Status::Open)
}

/// Applies the clock to every consultation that is due at `now`.
pub async fn advance_due(db: &DatabaseConnection, seal: &Seal, now: DateTime<Utc>) -> Result<Vec<Transition>, DbErr> {
    let due: Vec<i64> = consultation::Entity::find()
        .select_only()
        .column(consultation::Column::Id)
        .filter(
            (consultation::Column::Status.eq(Status::Scheduled.code()).and(consultation::Column::OpensAt.lte(now)))
                .or(consultation::Column::Status.eq(Status::Open.code()).and(consultation::Column::ClosesAt.lte(now))),
        )
        .into_tuple()
        .all(db)
        .await?;
    let mut done = Vec::new();
    for id in due {
        // One vote that cannot move on does not hold the others back.
        match advance(db, seal, id, now).await {
            Ok(moved) => done.extend(moved),
            Err(error) => tracing::error!(%error, consultation = id, "a consultation could not move on"),
        }
    }
    Ok(done)
}

/// How long before the close the homes that have not voted are reminded.
pub const REMINDER_BEFORE: chrono::Duration = chrono::Duration::hours(48);

/// Reminds, once, the homes that have not voted in the open consultations
/// closing within [`REMINDER_BEFORE`] (votes shorter than that get no
/// reminder: they just opened). Returns the consultations reminded.
pub async fn remind_due(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<Vec<i64>, DbErr> {
    let due: Vec<consultation::Model> = consultation::Entity::find()
        .filter(consultation::Column::Status.eq(Status::Open.code()))
        .filter(consultation::Column::ReminderSentAt.is_null())
        .filter(consultation::Column::ClosesAt.lte(now + REMINDER_BEFORE))
        .filter(consultation::Column::ClosesAt.gt(now))
        .all(db)
        .await?;
    let mut reminded = Vec::new();
    for row in due {
        let txn = db.begin().await?;
        // Claimed by the update, so two servers never remind twice.
        let claimed = consultation::Entity::update_many()
            .col_expr(consultation::Column::ReminderSentAt, Expr::value(now))
            .filter(consultation::Column::Id.eq(row.id))
            .filter(consultation::Column::ReminderSentAt.is_null())
            .exec(&txn)
            .await?
            .rows_affected;
        if claimed > 0 && row.closes_at - row.opens_at > REMINDER_BEFORE {
            notify(&txn, Event::ConsultationClosingSoon { consultation_id: row.id }).await?;
            reminded.push(row.id);
        }
        txn.commit().await?;
    }
    Ok(reminded)
}

/// Marks the consultation open (if it still is scheduled) and snapshots its
/// eligible units with one INSERT … SELECT. Returns their number.
async fn open(txn: &DatabaseTransaction, row: &consultation::Model, now: DateTime<Utc>) -> Result<Option<u64>, DbErr> {
    let opened = consultation::Entity::update_many()
        .col_expr(consultation::Column::Status, Expr::value(Status::Open.code()))
        .col_expr(consultation::Column::OpenedAt, Expr::value(now))
        .filter(consultation::Column::Id.eq(row.id))
        .filter(consultation::Column::Status.eq(Status::Scheduled.code()))
        .exec(txn)
        .await?
        .rows_affected;
    if opened == 0 {
        return Ok(None);
    }
    let unit = row.voting_unit.parse().unwrap_or(VotingUnit::Household);
    let mut select = Query::select();
    let h = Alias::new("h");
    select.expr(Expr::val(row.id));
    match unit {
        VotingUnit::Household => {
            select.expr(Expr::col((h.clone(), household::Column::Id))).from_as(household::Entity, h.clone());
        }
        VotingUnit::Adult => {
            let o = Alias::new("o");
            select
                .expr(Expr::col((o.clone(), occupancy::Column::UserId)))
                .from_as(occupancy::Entity, o.clone())
                .join_as(
                    JoinType::InnerJoin,
                    household::Entity,
                    h.clone(),
                    Expr::col((h.clone(), household::Column::Id)).equals((o, occupancy::Column::HouseholdId)),
                );
        }
    }
    select
        .expr(Expr::col((h.clone(), household::Column::Id)))
        .expr(Expr::col((h.clone(), household::Column::ResidenceId)))
        .expr(Expr::col((h.clone(), household::Column::BuildingId)))
        .and_where(Expr::col((h.clone(), household::Column::OrganisationId)).eq(row.organisation_id));
    restrict_to_audience(&mut select, &h, row);
    let insert = Query::insert()
        .into_table(eligible_unit::Entity)
        .columns([
            eligible_unit::Column::ConsultationId,
            eligible_unit::Column::UnitId,
            eligible_unit::Column::HouseholdId,
            eligible_unit::Column::ResidenceId,
            eligible_unit::Column::BuildingId,
        ])
        .select_from(select)
        .map_err(|error| DbErr::Custom(error.to_string()))?
        .on_conflict(
            OnConflict::columns([eligible_unit::Column::ConsultationId, eligible_unit::Column::UnitId])
                .do_nothing()
                .to_owned(),
        )
        .to_owned();
    txn.execute(txn.get_database_backend().build(&insert)).await?;
    let eligible =
        eligible_unit::Entity::find().filter(eligible_unit::Column::ConsultationId.eq(row.id)).count(txn).await?;
    consultation::Entity::update_many()
        .col_expr(consultation::Column::EligibleCount, Expr::value(i64::try_from(eligible).unwrap_or(i64::MAX)))
        .filter(consultation::Column::Id.eq(row.id))
        .exec(txn)
        .await?;
    Ok(Some(eligible))
}

fn restrict_to_audience(select: &mut SelectStatement, h: &Alias, row: &consultation::Model) {
    let scoped = |column: consultation_scope::Column| {
        Query::select()
            .column(column)
            .from(consultation_scope::Entity)
            .and_where(Expr::col(consultation_scope::Column::ConsultationId).eq(row.id))
            .and_where(Expr::col(column).is_not_null())
            .to_owned()
    };
    match row.scope_kind.as_str() {
        "residences" => {
            select.and_where(
                Expr::col((h.clone(), household::Column::ResidenceId))
                    .in_subquery(scoped(consultation_scope::Column::ResidenceId)),
            );
        }
        "buildings" => {
            select.and_where(
                Expr::col((h.clone(), household::Column::BuildingId))
                    .in_subquery(scoped(consultation_scope::Column::BuildingId)),
            );
        }
        _ => {}
    }
}
