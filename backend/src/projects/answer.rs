//! The landlord answers, in the open: each step of the lifecycle (review,
//! accept, refuse with a reason, start, finish) and each progress update is
//! a dated public event, audit-logged, that notifies the author and the
//! supporters.

use super::support::start_review;
use super::{ProjectError, Step, find_for, record_event, status_of};
use crate::attachments::{self, Attachments, NewPhoto};
use crate::entities::project;
use crate::notifications::{self, Event};
use crate::policy::{Actor, Permission};
use chrono::{DateTime, Utc};
use palier_domain::attachments::Owner;
use palier_domain::ids::ProjectId;
use palier_domain::projects::form::Answer;
use palier_domain::projects::{Action, EventKind, MAX_PHOTOS, Status, answer_due};
use sea_orm::{ColumnTrait as _, DatabaseConnection, EntityTrait as _, QueryFilter as _, TransactionTrait as _};

/// Staff take `answer`'s step on project `id`.
pub async fn answer(
    db: &DatabaseConnection,
    actor: &Actor,
    id: ProjectId,
    answer: Answer,
    now: DateTime<Utc>,
) -> Result<Status, ProjectError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let row = find_for(&txn, actor, id, Permission::AnswerProjects).await?;
    let from = status_of(&row);
    let Some(to) = answer.action.from(from) else { return Err(ProjectError::NotNow) };
    let (project_id, organisation_id) = (row.id, row.organisation_id);
    if answer.action == Action::Review {
        start_review(&txn, row, Some(actor.user_id), now).await?;
    } else {
        let mut update = project::Entity::update_many()
            .col_expr(project::Column::Status, to.code().into())
            .col_expr(project::Column::UpdatedAt, now.into())
            .filter(project::Column::Id.eq(project_id))
            .filter(project::Column::Status.eq(from.code()));
        if matches!(answer.action, Action::Accept | Action::Reject) {
            update = update.col_expr(project::Column::AnsweredAt, Some(now).into());
            if row.review_started_at.is_none() {
                // Answered before the threshold: its review starts and ends now.
                let days = super::settings_of(
                    &crate::entities::organisation::Entity::find_by_id(organisation_id)
                        .one(&txn)
                        .await?
                        .ok_or(ProjectError::NotFound)?,
                )
                .answer_days;
                update = update
                    .col_expr(project::Column::ReviewStartedAt, Some(now).into())
                    .col_expr(project::Column::AnswerDueAt, Some(answer_due(now, days)).into());
            }
        }
        if let Some(cost) = answer.spent_cost {
            update = update.col_expr(project::Column::SpentCost, i32::try_from(cost).ok().into());
        }
        if update.exec(&txn).await?.rows_affected == 0 {
            return Err(ProjectError::NotNow);
        }
        let by = Some((actor.user_id, true));
        let step = Step { message: &answer.message, cost: answer.spent_cost, ..Step::reached(to, by) };
        let event = record_event(&txn, project_id, step, now).await?;
        notifications::notify(&txn, Event::ProjectChanged { project_id, event_id: event }).await?;
    }
    crate::audit::record(
        &txn,
        crate::audit::Entry {
            actor_user_id: Some(actor.user_id),
            organisation_id: Some(organisation_id),
            action: palier_domain::audit::Action::ProjectStatusChanged,
            target_kind: "project",
            target_id: Some(project_id),
            details: serde_json::json!({ "from": from.code(), "to": to.code() }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(to)
}

/// Staff post the progress of an accepted project: a message, photos, and
/// what it cost so far (shown as the cost spent).
#[expect(clippy::too_many_arguments, reason = "one update, as the form sends it")]
pub async fn post_progress(
    db: &DatabaseConnection,
    store: &Attachments,
    actor: &Actor,
    id: ProjectId,
    message: &str,
    cost: Option<u32>,
    photos: Vec<NewPhoto>,
    now: DateTime<Utc>,
) -> Result<(), ProjectError> {
    if photos.len() > MAX_PHOTOS {
        return Err(ProjectError::TooManyPhotos);
    }
    let row = find_for(db, actor, id, Permission::AnswerProjects).await?;
    if !status_of(&row).takes_progress() {
        return Err(ProjectError::NotNow);
    }
    let stored = attachments::store_photos(store, photos).await?;
    let txn = db.begin().await?;
    let by = Some((actor.user_id, true));
    let event =
        record_event(&txn, row.id, Step { kind: EventKind::Progress, status: None, message, cost, by }, now).await?;
    attachments::attach(&txn, row.organisation_id, (Owner::ProjectEvent, event), Some(actor.user_id), stored, now)
        .await?;
    if let Some(cost) = cost {
        project::Entity::update_many()
            .col_expr(project::Column::SpentCost, i32::try_from(cost).ok().into())
            .filter(project::Column::Id.eq(row.id))
            .exec(&txn)
            .await?;
    }
    notifications::notify(&txn, Event::ProjectProgress { project_id: row.id, event_id: event }).await?;
    crate::audit::record(
        &txn,
        crate::audit::Entry {
            actor_user_id: Some(actor.user_id),
            organisation_id: Some(row.organisation_id),
            action: palier_domain::audit::Action::ProjectProgressPosted,
            target_kind: "project",
            target_id: Some(row.id),
            details: serde_json::json!({ "cost": cost }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
