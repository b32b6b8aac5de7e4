//! Who hears of projects, comments and moderation, and what they read.

use super::Event;
use crate::discussion::moderation;
use crate::entities::{comment, household, occupancy, project, project_event, project_support, user};
use palier_domain::discussion::{ContentRef, Subject};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _, QueryFilter as _, QuerySelect as _};

/// The people `event` concerns, by one or two queries.
pub(super) async fn recipients<C: ConnectionTrait>(conn: &C, event: Event) -> Result<Vec<i64>, DbErr> {
    match event {
        Event::ProjectPublished { project_id } => {
            let Some(row) = project::Entity::find_by_id(project_id).one(conn).await? else { return Ok(Vec::new()) };
            let homes = Query::select()
                .column(household::Column::Id)
                .from(household::Entity)
                .and_where(household::Column::ResidenceId.eq(row.residence_id))
                .to_owned();
            let mut query = occupancy::Entity::find()
                .select_only()
                .column(occupancy::Column::UserId)
                .distinct()
                .filter(occupancy::Column::HouseholdId.in_subquery(homes));
            if let Some(author) = row.author_user_id {
                query = query.filter(occupancy::Column::UserId.ne(author));
            }
            query.into_tuple().all(conn).await
        }
        Event::ProjectChanged { project_id, .. } | Event::ProjectProgress { project_id, .. } => {
            let Some(row) = project::Entity::find_by_id(project_id).one(conn).await? else { return Ok(Vec::new()) };
            let mut people: Vec<i64> = project_support::Entity::find()
                .select_only()
                .column(project_support::Column::UserId)
                .filter(project_support::Column::ProjectId.eq(project_id))
                .filter(project_support::Column::UserId.is_not_null())
                .into_tuple()
                .all(conn)
                .await?;
            people.extend(row.author_user_id);
            people.sort_unstable();
            people.dedup();
            Ok(people)
        }
        Event::NewComment { comment_id } => {
            let Some(row) = comment::Entity::find_by_id(comment_id).one(conn).await? else { return Ok(Vec::new()) };
            let Ok(kind) = row.subject.parse::<Subject>() else { return Ok(Vec::new()) };
            let subject = crate::discussion::subject(conn, kind, row.subject_id).await?;
            Ok(subject.and_then(|s| s.author_user_id).into_iter().collect())
        }
        Event::CommentReply { comment_id } => {
            let Some(row) = comment::Entity::find_by_id(comment_id).one(conn).await? else { return Ok(Vec::new()) };
            let Some(parent) = row.parent_id else { return Ok(Vec::new()) };
            let parent = comment::Entity::find_by_id(parent).one(conn).await?;
            Ok(parent.and_then(|p| p.author_user_id).into_iter().collect())
        }
        Event::ContentModerated { content, .. } => {
            Ok(moderation::content(conn, content).await?.and_then(|c| c.author_user_id).into_iter().collect())
        }
        _ => Ok(Vec::new()),
    }
}

/// Project `id` when it is shown (a hidden project is not announced: its
/// title would show).
async fn shown_project<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<project::Model>, DbErr> {
    let row = project::Entity::find_by_id(id).one(conn).await?;
    Ok(row.filter(|p| p.moderation == palier_domain::discussion::Moderation::Visible.code()))
}

/// The values of `event`'s text and the page it leads to.
pub(super) async fn content<C: ConnectionTrait>(
    conn: &C,
    event: Event,
) -> Result<Option<(serde_json::Value, String)>, DbErr> {
    match event {
        Event::ProjectPublished { project_id } => {
            let Some(row) = shown_project(conn, project_id).await? else { return Ok(None) };
            Ok(Some((serde_json::json!({ "title": row.title }), format!("/projets/{}", row.id))))
        }
        Event::ProjectChanged { project_id, event_id } | Event::ProjectProgress { project_id, event_id } => {
            let Some(row) = shown_project(conn, project_id).await? else { return Ok(None) };
            let status = project_event::Entity::find_by_id(event_id).one(conn).await?.and_then(|e| e.status);
            let values = serde_json::json!({ "title": row.title, "status": status.unwrap_or_default() });
            Ok(Some((values, format!("/projets/{}#evenement-{event_id}", row.id))))
        }
        Event::NewComment { comment_id } | Event::CommentReply { comment_id } => {
            let Some(row) = comment::Entity::find_by_id(comment_id).one(conn).await? else { return Ok(None) };
            let Ok(kind) = row.subject.parse::<Subject>() else { return Ok(None) };
            let Some(subject) = crate::discussion::subject(conn, kind, row.subject_id).await? else { return Ok(None) };
            // What is hidden is not announced (its title would show).
            if !subject.open {
                return Ok(None);
            }
            let name = match row.author_user_id {
                Some(id) => user::Entity::find_by_id(id).one(conn).await?.map(|u| u.display_name),
                None => None,
            };
            let values = serde_json::json!({ "title": subject.title, "name": name.unwrap_or_default() });
            Ok(Some((values, format!("{}#comment-{comment_id}", subject.link))))
        }
        Event::ContentModerated { content, reason, .. } => {
            let Some(info) = moderation::content(conn, content).await? else { return Ok(None) };
            let what = match content {
                ContentRef::Project(_) => "project",
                ContentRef::Comment(_) => "comment",
                ContentRef::Photo(_) => "photo",
            };
            let reason = reason.map_or("", |r| r.code());
            let values = serde_json::json!({ "what": what, "excerpt": info.excerpt, "reason": reason });
            Ok(Some((values, info.link)))
        }
        _ => Ok(None),
    }
}
