//! Proposing a project: the author's draft, its rewriting until the first
//! support, its publication, additions, withdrawal; staff recording a
//! project for a tenant who called, came to the lodge or wrote.

use super::{ProjectError, Step, find_for, record_event, settings_of, status_of};
use crate::attachments::{self, Attachments, NewPhoto};
use crate::entities::{attachment, building, household, organisation, project, project_category, residence};
use crate::notifications::{self, Event};
use crate::policy::{Actor, Permission, Scope};
use chrono::{DateTime, Utc};
use palier_domain::attachments::Owner;
use palier_domain::consultations::VotingUnit;
use palier_domain::discussion::Moderation;
use palier_domain::ids::{AttachmentId, ProjectId};
use palier_domain::projects::form::{OnBehalf, ProjectDraft};
use palier_domain::projects::{Channel, EventKind, MAX_PHOTOS, Status, editable};
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, EntityTrait as _,
    PaginatorTrait as _, QueryFilter as _, TransactionTrait as _,
};

/// A new project: the author's draft, or — entered by staff for a tenant
/// (`on_behalf`) — published at once. Returns its id.
pub async fn propose(
    db: &DatabaseConnection,
    store: &Attachments,
    actor: &Actor,
    draft: ProjectDraft,
    on_behalf: Option<OnBehalf>,
    photos: Vec<NewPhoto>,
    now: DateTime<Utc>,
) -> Result<ProjectId, ProjectError> {
    if photos.len() > MAX_PHOTOS {
        return Err(ProjectError::TooManyPhotos);
    }
    let residence = residence::Entity::find_by_id(draft.residence_id.get()).one(db).await?;
    let Some(residence) = residence else { return Err(ProjectError::NotFound) };
    let scope = Scope::residence(residence.organisation_id, residence.id);
    actor.authorise(Permission::ProposeProject, scope)?;
    // Staff enter projects for tenants; tenants propose their own.
    let staff = actor.can(Permission::AnswerProjects, scope);
    if staff != on_behalf.is_some() {
        return Err(ProjectError::Forbidden);
    }
    check_place(db, residence.organisation_id, &draft).await?;
    let stored = attachments::store_photos(store, photos).await?;
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let household = match &on_behalf {
        Some(on_behalf) => Some(
            household::Entity::find()
                .filter(household::Column::ResidenceId.eq(residence.id))
                .filter(household::Column::LeaseRef.eq(on_behalf.lease_ref.as_str()))
                .one(&txn)
                .await?
                .ok_or(ProjectError::UnknownLease)?,
        ),
        None => None,
    };
    let channel = on_behalf.as_ref().map_or(Channel::Online, |o| o.channel);
    let row = project::ActiveModel {
        organisation_id: Set(residence.organisation_id),
        residence_id: Set(residence.id),
        building_id: Set(draft.building_id.map(|b| b.get())),
        category_id: Set(draft.category_id.get()),
        author_user_id: Set(on_behalf.is_none().then_some(actor.user_id)),
        household_id: Set(household.as_ref().map(|h| h.id)),
        recorded_by_user_id: Set(on_behalf.is_some().then_some(actor.user_id)),
        channel: Set(channel.code().to_owned()),
        title: Set(draft.title.clone()),
        description: Set(draft.description.clone()),
        estimated_cost: Set(draft.estimated_cost.and_then(|c| i32::try_from(c).ok())),
        spent_cost: Set(None),
        needs: Set(needs_text(&draft)),
        status: Set(Status::Draft.code().to_owned()),
        moderation: Set(Moderation::Visible.code().to_owned()),
        support_unit: Set(VotingUnit::Household.code().to_owned()),
        support_target: Set(1),
        support_count: Set(0),
        comment_count: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    attachments::attach(&txn, row.organisation_id, (Owner::Project, row.id), Some(actor.user_id), stored, now).await?;
    crate::search::index_project(&txn, row.id, &row.title, &row.description).await?;
    let id = ProjectId::new(row.id);
    if let Some(on_behalf) = &on_behalf {
        crate::audit::record(
            &txn,
            crate::audit::Entry {
                actor_user_id: Some(actor.user_id),
                organisation_id: Some(row.organisation_id),
                action: palier_domain::audit::Action::ProjectRecorded,
                target_kind: "project",
                target_id: Some(row.id),
                details: serde_json::json!({ "channel": on_behalf.channel.code(), "lease": on_behalf.lease_ref }),
            },
        )
        .await?;
        publish(&txn, row, now).await?;
    }
    txn.commit().await?;
    Ok(id)
}

fn needs_text(draft: &ProjectDraft) -> String {
    draft.needs.iter().map(|n| n.code()).collect::<Vec<_>>().join(",")
}

/// The category is one of the organisation's (not archived) and the
/// building, if any, is the residence's.
async fn check_place(db: &DatabaseConnection, organisation_id: i64, draft: &ProjectDraft) -> Result<(), ProjectError> {
    let category = project_category::Entity::find_by_id(draft.category_id.get()).one(db).await?;
    if !category.is_some_and(|c| c.organisation_id == organisation_id && !c.archived) {
        return Err(ProjectError::Category);
    }
    if let Some(building_id) = draft.building_id {
        let building = building::Entity::find_by_id(building_id.get()).one(db).await?;
        if building.is_none_or(|b| b.residence_id != draft.residence_id.get()) {
            return Err(ProjectError::Place);
        }
    }
    Ok(())
}

/// Publishes `row` (a draft): its support unit and target are frozen from
/// the organisation's settings, neighbours are told.
async fn publish<C: ConnectionTrait>(conn: &C, row: project::Model, now: DateTime<Utc>) -> Result<(), ProjectError> {
    let organisation = organisation::Entity::find_by_id(row.organisation_id).one(conn).await?;
    let settings = settings_of(&organisation.ok_or(ProjectError::NotFound)?);
    let households =
        household::Entity::find().filter(household::Column::ResidenceId.eq(row.residence_id)).count(conn).await?;
    let id = row.id;
    let target = i32::try_from(settings.threshold.target(households)).unwrap_or(i32::MAX);
    // Only a draft is published, once (a withdrawal may have come meanwhile).
    let published = project::Entity::update_many()
        .col_expr(project::Column::Status, Status::Submitted.code().into())
        .col_expr(project::Column::SupportUnit, settings.support_unit.code().into())
        .col_expr(project::Column::SupportTarget, target.into())
        .col_expr(project::Column::SubmittedAt, Some(now).into())
        .col_expr(project::Column::UpdatedAt, now.into())
        .filter(project::Column::Id.eq(id))
        .filter(project::Column::Status.eq(Status::Draft.code()))
        .exec(conn)
        .await?;
    if published.rows_affected == 0 {
        return Err(ProjectError::NotNow);
    }
    record_event(conn, id, Step::reached(Status::Submitted, None), now).await?;
    notifications::notify(conn, Event::ProjectPublished { project_id: id }).await?;
    Ok(())
}

/// The author publishes their draft.
pub async fn submit(
    db: &DatabaseConnection,
    actor: &Actor,
    id: ProjectId,
    now: DateTime<Utc>,
) -> Result<(), ProjectError> {
    let txn = db.begin().await?;
    let row = authored(&txn, actor, id).await?;
    if status_of(&row) != Status::Draft {
        return Err(ProjectError::NotNow);
    }
    publish(&txn, row, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Project `id`, which `actor` wrote.
async fn authored<C: ConnectionTrait>(conn: &C, actor: &Actor, id: ProjectId) -> Result<project::Model, ProjectError> {
    let row = find_for(conn, actor, id, Permission::ViewResidence).await?;
    if row.author_user_id != Some(actor.user_id) {
        return Err(ProjectError::Forbidden);
    }
    Ok(row)
}

/// The author rewrites their project (a draft, or published without
/// support yet); new photos join the ones it has, up to the limit.
pub async fn rewrite(
    db: &DatabaseConnection,
    store: &Attachments,
    actor: &Actor,
    id: ProjectId,
    draft: ProjectDraft,
    photos: Vec<NewPhoto>,
    now: DateTime<Utc>,
) -> Result<(), ProjectError> {
    let row = authored(db, actor, id).await?;
    if !editable(status_of(&row), u64::try_from(row.support_count).unwrap_or(u64::MAX)) {
        return Err(ProjectError::NotNow);
    }
    if draft.residence_id.get() != row.residence_id {
        return Err(ProjectError::Place);
    }
    check_place(db, row.organisation_id, &draft).await?;
    if photos_of(db, row.id).await?.saturating_add(photos.len()) > MAX_PHOTOS {
        return Err(ProjectError::TooManyPhotos);
    }
    let stored = attachments::store_photos(store, photos).await?;
    let added = stored.len();
    let txn = db.begin().await?;
    // The first support may have come meanwhile: the update says whether it still may.
    let updated = project::Entity::update_many()
        .col_expr(project::Column::BuildingId, draft.building_id.map(|b| b.get()).into())
        .col_expr(project::Column::CategoryId, draft.category_id.get().into())
        .col_expr(project::Column::Title, draft.title.clone().into())
        .col_expr(project::Column::Description, draft.description.clone().into())
        .col_expr(project::Column::EstimatedCost, draft.estimated_cost.and_then(|c| i32::try_from(c).ok()).into())
        .col_expr(project::Column::Needs, needs_text(&draft).into())
        .col_expr(project::Column::UpdatedAt, now.into())
        .filter(project::Column::Id.eq(row.id))
        .filter(project::Column::SupportCount.eq(0))
        .filter(project::Column::Status.is_in([Status::Draft.code(), Status::Submitted.code()]))
        .exec(&txn)
        .await?;
    if updated.rows_affected == 0 {
        return Err(ProjectError::NotNow);
    }
    // Counted again under the write lock: two rewrites at once add three photos at most.
    if photos_of(&txn, row.id).await?.saturating_add(added) > MAX_PHOTOS {
        return Err(ProjectError::TooManyPhotos);
    }
    attachments::attach(&txn, row.organisation_id, (Owner::Project, row.id), Some(actor.user_id), stored, now).await?;
    crate::search::index_project(&txn, row.id, &draft.title, &draft.description).await?;
    txn.commit().await?;
    Ok(())
}

/// How many photos project `id` has.
async fn photos_of<C: ConnectionTrait>(conn: &C, id: i64) -> Result<usize, sea_orm::DbErr> {
    let count = attachment::Entity::find()
        .filter(attachment::Column::OwnerKind.eq(Owner::Project.code()))
        .filter(attachment::Column::OwnerId.eq(id))
        .count(conn)
        .await?;
    Ok(usize::try_from(count).unwrap_or(usize::MAX))
}

/// The author throws their draft away (its photos with it).
pub async fn discard(
    db: &DatabaseConnection,
    store: &Attachments,
    actor: &Actor,
    id: ProjectId,
) -> Result<(), ProjectError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let row = authored(&txn, actor, id).await?;
    if status_of(&row) != Status::Draft {
        return Err(ProjectError::NotNow);
    }
    let photos = attachment::Entity::find()
        .filter(attachment::Column::OwnerKind.eq(Owner::Project.code()))
        .filter(attachment::Column::OwnerId.eq(row.id))
        .all(&txn)
        .await?;
    attachment::Entity::delete_many()
        .filter(attachment::Column::OwnerKind.eq(Owner::Project.code()))
        .filter(attachment::Column::OwnerId.eq(row.id))
        .exec(&txn)
        .await?;
    crate::search::remove_project(&txn, row.id).await?;
    project::Entity::delete_by_id(row.id).exec(&txn).await?;
    txn.commit().await?;
    for photo in photos {
        // A file left behind is unreferenced, never shown.
        if let Err(error) = store.store().delete(photo.storage_key).await {
            tracing::warn!(%error, "could not delete a discarded draft's photo");
        }
    }
    Ok(())
}

/// The author takes a photo off their project while they may rewrite it.
pub async fn remove_photo(
    db: &DatabaseConnection,
    store: &Attachments,
    actor: &Actor,
    id: ProjectId,
    photo: AttachmentId,
) -> Result<(), ProjectError> {
    let row = authored(db, actor, id).await?;
    if !editable(status_of(&row), u64::try_from(row.support_count).unwrap_or(u64::MAX)) {
        return Err(ProjectError::NotNow);
    }
    let found = attachment::Entity::find_by_id(photo.get())
        .filter(attachment::Column::OwnerKind.eq(Owner::Project.code()))
        .filter(attachment::Column::OwnerId.eq(row.id))
        .one(db)
        .await?
        .ok_or(ProjectError::NotFound)?;
    attachment::Entity::delete_by_id(found.id).exec(db).await?;
    store.store().delete(found.storage_key).await?;
    Ok(())
}

/// Once neighbours support it, the author adds to their project instead
/// of rewriting it: a dated addition on its timeline.
pub async fn add(
    db: &DatabaseConnection,
    actor: &Actor,
    id: ProjectId,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), ProjectError> {
    let row = authored(db, actor, id).await?;
    let status = status_of(&row);
    if !status.takes_additions() || editable(status, u64::try_from(row.support_count).unwrap_or(u64::MAX)) {
        return Err(ProjectError::NotNow);
    }
    record_event(
        db,
        row.id,
        Step { kind: EventKind::Addition, status: None, message: text, cost: None, by: Some((actor.user_id, false)) },
        now,
    )
    .await?;
    Ok(())
}

/// The author withdraws their project, until it is accepted; its
/// supporters are told.
pub async fn withdraw(
    db: &DatabaseConnection,
    actor: &Actor,
    id: ProjectId,
    now: DateTime<Utc>,
) -> Result<(), ProjectError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let row = authored(&txn, actor, id).await?;
    let status = status_of(&row);
    if !status.withdrawable() {
        return Err(ProjectError::NotNow);
    }
    let updated = project::Entity::update_many()
        .col_expr(project::Column::Status, Status::Withdrawn.code().into())
        .col_expr(project::Column::UpdatedAt, now.into())
        .filter(project::Column::Id.eq(row.id))
        .filter(project::Column::Status.eq(status.code()))
        .exec(&txn)
        .await?;
    if updated.rows_affected == 0 {
        return Err(ProjectError::NotNow);
    }
    if status != Status::Draft {
        let event = record_event(&txn, row.id, Step::reached(Status::Withdrawn, None), now).await?;
        notifications::notify(&txn, Event::ProjectChanged { project_id: row.id, event_id: event }).await?;
    }
    crate::search::remove_project(&txn, row.id).await?;
    txn.commit().await?;
    Ok(())
}
