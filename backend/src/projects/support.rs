//! Supporting a project: one support per voting unit — the household, or
//! the adult, as the organisation chose when the project was published —
//! guarded by the table's primary key; taken back until the review starts.
//! The support that reaches the threshold moves the project to review and
//! starts the landlord's answer deadline.

use super::{ProjectError, Step, find_for, record_event, settings_of, status_of};
use crate::entities::{organisation, project, project_support};
use crate::notifications::{self, Event};
use crate::policy::{Actor, Permission};
use chrono::{DateTime, Utc};
use palier_domain::consultations::VotingUnit;
use palier_domain::ids::ProjectId;
use palier_domain::projects::{Status, answer_due};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, EntityTrait as _, QueryFilter as _,
    TransactionTrait as _,
};

/// The voting unit `actor` supports `row` as: their household in its
/// residence, or themselves when adults support one by one.
fn unit_of(actor: &Actor, row: &project::Model) -> Option<i64> {
    let home = actor.homes.iter().find(|h| h.residence_id == row.residence_id)?;
    match row.support_unit.parse().unwrap_or(VotingUnit::Household) {
        VotingUnit::Household => Some(home.household_id),
        VotingUnit::Adult => Some(actor.user_id),
    }
}

/// `actor`'s unit supports project `id` (once: a second support changes
/// nothing). Returns whether this support moved it to review.
pub async fn support(
    db: &DatabaseConnection,
    actor: &Actor,
    id: ProjectId,
    now: DateTime<Utc>,
) -> Result<bool, ProjectError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let row = find_for(&txn, actor, id, Permission::SupportProject).await?;
    let Some(unit) = unit_of(actor, &row) else { return Err(ProjectError::Forbidden) };
    if status_of(&row) != Status::Submitted {
        return Err(ProjectError::NotNow);
    }
    let inserted = project_support::Entity::insert(project_support::ActiveModel {
        project_id: Set(row.id),
        unit_id: Set(unit),
        user_id: Set(Some(actor.user_id)),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([project_support::Column::ProjectId, project_support::Column::UnitId])
            .do_nothing()
            .to_owned(),
    )
    .do_nothing()
    .exec_without_returning(&txn)
    .await?;
    if !matches!(inserted, sea_orm::TryInsertResult::Inserted(n) if n > 0) {
        return Ok(false);
    }
    // Counted in one statement, and only while it is open to support.
    let counted = project::Entity::update_many()
        .col_expr(project::Column::SupportCount, Expr::col(project::Column::SupportCount).add(1))
        .filter(project::Column::Id.eq(row.id))
        .filter(project::Column::Status.eq(Status::Submitted.code()))
        .exec_with_returning(&txn)
        .await?;
    let Some(counted) = counted.into_iter().next() else { return Err(ProjectError::NotNow) };
    let reached = counted.support_count >= counted.support_target;
    if reached {
        start_review(&txn, counted, None, now).await?;
    }
    txn.commit().await?;
    Ok(reached)
}

/// `actor`'s unit takes back its support, while the project is open to it.
pub async fn withdraw_support(db: &DatabaseConnection, actor: &Actor, id: ProjectId) -> Result<(), ProjectError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let row = find_for(&txn, actor, id, Permission::SupportProject).await?;
    let Some(unit) = unit_of(actor, &row) else { return Err(ProjectError::Forbidden) };
    if status_of(&row) != Status::Submitted {
        return Err(ProjectError::NotNow);
    }
    let deleted = project_support::Entity::delete_many()
        .filter(project_support::Column::ProjectId.eq(row.id))
        .filter(project_support::Column::UnitId.eq(unit))
        .exec(&txn)
        .await?;
    if deleted.rows_affected > 0 {
        let updated = project::Entity::update_many()
            .col_expr(project::Column::SupportCount, Expr::col(project::Column::SupportCount).sub(1))
            .filter(project::Column::Id.eq(row.id))
            .filter(project::Column::Status.eq(Status::Submitted.code()))
            .exec(&txn)
            .await?;
        if updated.rows_affected == 0 {
            return Err(ProjectError::NotNow);
        }
    }
    txn.commit().await?;
    Ok(())
}

/// Moves `row` (published) to review: its deadline starts now. `by` is the
/// staff member who chose to, or none when the threshold did.
pub(crate) async fn start_review<C: ConnectionTrait>(
    conn: &C,
    row: project::Model,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), ProjectError> {
    let organisation = organisation::Entity::find_by_id(row.organisation_id).one(conn).await?;
    let settings = settings_of(&organisation.ok_or(ProjectError::NotFound)?);
    let moved = project::Entity::update_many()
        .col_expr(project::Column::Status, Status::UnderReview.code().into())
        .col_expr(project::Column::ReviewStartedAt, Some(now).into())
        .col_expr(project::Column::AnswerDueAt, Some(answer_due(now, settings.answer_days)).into())
        .col_expr(project::Column::UpdatedAt, now.into())
        .filter(project::Column::Id.eq(row.id))
        .filter(project::Column::Status.eq(Status::Submitted.code()))
        .exec(conn)
        .await?;
    if moved.rows_affected == 0 {
        return Err(ProjectError::NotNow);
    }
    let actor = by.map(|id| (id, true));
    let event = record_event(conn, row.id, Step::reached(Status::UnderReview, actor), now).await?;
    notifications::notify(conn, Event::ProjectChanged { project_id: row.id, event_id: event }).await?;
    Ok(())
}

/// Whether `actor`'s unit supports each of `projects`.
pub async fn supported_by<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    projects: &[project::Model],
) -> Result<Vec<i64>, sea_orm::DbErr> {
    let mut units: Vec<i64> = actor.homes.iter().map(|h| h.household_id).collect();
    units.push(actor.user_id);
    let ids: Vec<i64> = projects.iter().map(|p| p.id).collect();
    let rows = project_support::Entity::find()
        .filter(project_support::Column::ProjectId.is_in(ids))
        .filter(project_support::Column::UnitId.is_in(units))
        .all(conn)
        .await?;
    Ok(projects
        .iter()
        .filter(|p| {
            unit_of(actor, p).is_some_and(|unit| rows.iter().any(|s| s.project_id == p.id && s.unit_id == unit))
        })
        .map(|p| p.id)
        .collect())
}
