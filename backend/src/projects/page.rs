//! A project's page as one person sees it: the project, its photos, its
//! public timeline, its discussion, what they may do, and — for its
//! author's draft — the neighbours' projects that look alike.

use super::support::supported_by;
use super::{ProjectError, find_for, moderation_of, needs_of, status_of};
use crate::attachments;
use crate::discussion::{self, moderation::reported_by};
use crate::entities::{building, project, project_category, project_event, residence, user};
use crate::policy::{Actor, Permission};
use chrono::{DateTime, Utc};
use palier_domain::attachments::Owner;
use palier_domain::discussion::{ContentKind, Subject};
use palier_domain::ids::{OrganisationId, ProjectId, ResidenceId};
use palier_domain::projects::{
    Action, CategoryName, EventKind, ProjectEvent, ProjectPage, ProjectRights, Similar, Status, editable, overdue,
};
use sea_orm::{ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QueryOrder as _};

/// How many alike projects a draft shows.
const SIMILAR: u64 = 5;

/// Project `id` as `actor` sees it.
pub async fn page<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: ProjectId,
    now: DateTime<Utc>,
) -> Result<ProjectPage, ProjectError> {
    let row = find_for(conn, actor, id, Permission::ViewResidence).await?;
    let scope = super::scope_of(&row);
    let status = status_of(&row);
    let moderation = moderation_of(&row);
    let moderator = actor.can(Permission::Moderate, scope);
    let staff = actor.can(Permission::AnswerProjects, scope);
    let author = row.author_user_id == Some(actor.user_id);
    let shown = moderation.shown() || moderator;
    let supports = u64::try_from(row.support_count).unwrap_or(0);

    let residence = residence::Entity::find_by_id(row.residence_id).one(conn).await?.map(|r| r.name);
    let building = match row.building_id {
        Some(id) => building::Entity::find_by_id(id).one(conn).await?.map(|b| b.name),
        None => None,
    };
    let category = project_category::Entity::find_by_id(row.category_id).one(conn).await?;
    let author_name = match row.author_user_id {
        Some(id) => user::Entity::find_by_id(id).one(conn).await?.map(|u| u.display_name),
        None => None,
    };
    let events = project_event::Entity::find()
        .filter(project_event::Column::ProjectId.eq(row.id))
        .order_by_asc(project_event::Column::CreatedAt)
        .order_by_asc(project_event::Column::Id)
        .all(conn)
        .await?;
    let event_ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    // A hidden project shows none of its photos but to moderators.
    let (photos, event_photos) = if shown {
        (
            attachments::photos_of(conn, Owner::Project, &[row.id], &[]).await?,
            attachments::photos_of(conn, Owner::ProjectEvent, &event_ids, &[]).await?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let photo_ids = photos.iter().chain(&event_photos).map(|(_, p)| p.id.get());
    let reported_photos = reported_by(conn, actor, ContentKind::Photo, photo_ids).await?;
    let with_report = |mut photo: palier_domain::attachments::Photo| {
        photo.reported = reported_photos.contains(&photo.id.get());
        photo
    };
    let info = discussion::subject(conn, Subject::Project, row.id).await?.ok_or(ProjectError::NotFound)?;
    let discussion = discussion::discussion_of(conn, actor, Subject::Project, &info, row.id, now).await?;
    let similar = if status == Status::Draft {
        let ids = crate::search::similar_projects(
            conn,
            row.residence_id,
            &format!("{} {}", row.title, row.description),
            row.id,
            SIMILAR,
        )
        .await?;
        similar_projects(conn, ids).await?
    } else {
        Vec::new()
    };
    let reported = !reported_by(conn, actor, ContentKind::Project, [row.id]).await?.is_empty();
    let can_support = status.open_to_support()
        && actor.can(Permission::SupportProject, scope)
        && actor.homes.iter().any(|h| h.residence_id == row.residence_id);
    let rights = ProjectRights {
        supported: !supported_by(conn, actor, std::slice::from_ref(&row)).await?.is_empty(),
        can_support,
        author,
        can_edit: author && editable(status, supports),
        can_add: author && status.takes_additions() && !editable(status, supports),
        can_withdraw: author && status.withdrawable(),
        can_submit: author && status == Status::Draft,
        can_discard: author && status == Status::Draft,
        actions: if staff { Action::available(status) } else { Vec::new() },
        can_post_progress: staff && status.takes_progress(),
        can_report: !author && status != Status::Draft && moderation.shown(),
        reported,
    };
    Ok(ProjectPage {
        id,
        organisation_id: OrganisationId::new(row.organisation_id),
        residence_id: ResidenceId::new(row.residence_id),
        residence: residence.unwrap_or_default(),
        building,
        category: category.as_ref().map_or(CategoryName::Custom(String::new()), super::category_name),
        category_id: palier_domain::ids::CategoryId::new(row.category_id),
        building_id: row.building_id.map(palier_domain::ids::BuildingId::new),
        title: if shown { row.title.clone() } else { String::new() },
        description_html: if shown { crate::markdown::tenant_html(&row.description) } else { String::new() },
        description: (author && editable(status, supports)).then(|| row.description.clone()),
        estimated_cost: row.estimated_cost.and_then(|c| u32::try_from(c).ok()),
        spent_cost: row.spent_cost.and_then(|c| u32::try_from(c).ok()),
        needs: needs_of(&row),
        status,
        author: author_name,
        channel: row.channel.parse().unwrap_or(palier_domain::projects::Channel::Online),
        created_at: row.created_at,
        submitted_at: row.submitted_at,
        supports,
        target: u64::try_from(row.support_target).unwrap_or(1),
        answer_due_at: row.answer_due_at,
        overdue: overdue(status, row.answer_due_at, now),
        moderation,
        photos: photos.into_iter().map(|(_, p)| with_report(p)).collect(),
        events: events
            .into_iter()
            .map(|event| ProjectEvent {
                at: event.created_at,
                kind: event.kind.parse().unwrap_or(EventKind::Status),
                status: event.status.as_deref().and_then(|s| s.parse().ok()),
                message_html: crate::markdown::tenant_html(&event.message),
                cost: event.cost.and_then(|c| u32::try_from(c).ok()),
                photos: event_photos
                    .iter()
                    .filter(|(owner, _)| *owner == event.id)
                    .map(|(_, p)| with_report(p.clone()))
                    .collect(),
                landlord: event.landlord,
            })
            .collect(),
        discussion,
        rights,
        similar,
    })
}

/// Projects `ids`, in that order, as a draft's page lists them.
async fn similar_projects<C: ConnectionTrait>(conn: &C, ids: Vec<i64>) -> Result<Vec<Similar>, ProjectError> {
    let rows: Vec<project::Model> =
        project::Entity::find().filter(project::Column::Id.is_in(ids.clone())).all(conn).await?;
    Ok(ids
        .iter()
        .filter_map(|id| rows.iter().find(|r| r.id == *id))
        .map(|r| Similar {
            id: ProjectId::new(r.id),
            title: r.title.clone(),
            status: status_of(r),
            supports: u64::try_from(r.support_count).unwrap_or(0),
        })
        .collect())
}
