//! Comments, reports and moderation: one mechanism for every kind of
//! content people write. Projects are the first to use it; a later kind of
//! content plugs in by adding its [`Subject`] (what may be commented) and
//! its [`ContentKind`] (what may be reported) to the two dispatchers below,
//! [`subject`] and [`moderation::content`].
//!
//! - Comments take one level of replies; their author may change them for
//!   15 minutes and delete them at any time ("comment deleted" stays);
//!   staff write as the landlord.
//! - Anyone who may see an item may report it once; enough reporters hide
//!   it until a moderator decides (see [`moderation`]).

pub mod moderation;
pub mod moderators;

use crate::entities::{comment, project, user};
use crate::notifications::{self, Event};
use crate::policy::{AccessError, Actor, Permission, Refusal, Scope};
use chrono::{DateTime, Utc};
use palier_domain::discussion::{CommentView, ContentKind, Discussion, Moderation, Subject, editable};
use palier_domain::ids::CommentId;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait as _, QueryFilter as _, QueryOrder as _, TransactionTrait as _,
};
use std::collections::HashMap;

/// Why a comment or a report was refused.
#[derive(Debug, thiserror::Error)]
pub enum DiscussionError {
    #[error("not found")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    /// Too late to change it, or its item no longer takes comments.
    #[error("not possible now")]
    NotNow,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<DbErr> for DiscussionError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(anyhow::Error::new(error).context("database error in discussions"))
    }
}

impl From<Refusal> for DiscussionError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::Forbidden => DiscussionError::Forbidden,
            Refusal::NotFound => DiscussionError::NotFound,
        }
    }
}

impl From<AccessError> for DiscussionError {
    fn from(error: AccessError) -> Self {
        match error {
            AccessError::Refused(refusal) => refusal.into(),
            AccessError::Db(error) => error.into(),
        }
    }
}

/// What the discussion needs to know of an item that takes comments.
#[derive(Debug, Clone)]
pub struct SubjectInfo {
    pub organisation_id: i64,
    pub scope: Scope,
    pub author_user_id: Option<i64>,
    /// Its page.
    pub link: String,
    /// Its title, for notifications.
    pub title: String,
    /// It is published and shown (drafts and hidden items take no comments).
    pub open: bool,
    /// Its author's alone (nobody else may learn it exists).
    pub draft: bool,
}

/// The item `subject` numbered `id`, if it exists.
pub async fn subject<C: ConnectionTrait>(conn: &C, subject: Subject, id: i64) -> Result<Option<SubjectInfo>, DbErr> {
    match subject {
        Subject::Project => Ok(project::Entity::find_by_id(id).one(conn).await?.map(|p| SubjectInfo {
            organisation_id: p.organisation_id,
            scope: crate::projects::scope_of(&p),
            author_user_id: p.author_user_id,
            link: format!("/projets/{}", p.id),
            open: p.status != palier_domain::projects::Status::Draft.code()
                && p.moderation == Moderation::Visible.code(),
            draft: p.status == palier_domain::projects::Status::Draft.code(),
            title: p.title,
        })),
    }
}

/// The page comment `id` is on.
pub async fn link_of<C: ConnectionTrait>(conn: &C, id: CommentId) -> Result<Option<String>, DbErr> {
    let Some(row) = comment::Entity::find_by_id(id.get()).one(conn).await? else { return Ok(None) };
    let Ok(kind) = row.subject.parse() else { return Ok(None) };
    Ok(subject(conn, kind, row.subject_id).await?.map(|s| s.link))
}

/// Keeps the item's count of comments (shown in lists) in step.
async fn count_comment<C: ConnectionTrait>(conn: &C, subject: Subject, id: i64, by: i32) -> Result<(), DbErr> {
    match subject {
        Subject::Project => {
            project::Entity::update_many()
                .col_expr(project::Column::CommentCount, Expr::col(project::Column::CommentCount).add(by))
                .filter(project::Column::Id.eq(id))
                .exec(conn)
                .await?;
        }
    }
    Ok(())
}

/// `actor` comments item `subject_id` (or replies to `parent`, a comment
/// of it that is not itself a reply). Returns the new comment's id.
pub async fn comment(
    db: &DatabaseConnection,
    actor: &Actor,
    kind: Subject,
    subject_id: i64,
    parent: Option<CommentId>,
    body: &str,
    now: DateTime<Utc>,
) -> Result<CommentId, DiscussionError> {
    let info = subject(db, kind, subject_id).await?.ok_or(DiscussionError::NotFound)?;
    actor.authorise(Permission::ViewResidence, info.scope)?;
    if info.draft {
        return Err(DiscussionError::NotFound);
    }
    if !info.open {
        return Err(DiscussionError::NotNow);
    }
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let parent_row = match parent {
        Some(parent) => {
            let row = comment::Entity::find_by_id(parent.get()).one(&txn).await?.ok_or(DiscussionError::NotFound)?;
            let same_item = row.subject == kind.code() && row.subject_id == subject_id;
            if !same_item || row.parent_id.is_some() || row.deleted_at.is_some() {
                return Err(DiscussionError::NotNow);
            }
            Some(row)
        }
        None => None,
    };
    let row = comment::ActiveModel {
        organisation_id: Set(info.organisation_id),
        subject: Set(kind.code().to_owned()),
        subject_id: Set(subject_id),
        parent_id: Set(parent_row.as_ref().map(|p| p.id)),
        author_user_id: Set(Some(actor.user_id)),
        landlord: Set(actor.can(Permission::AnswerProjects, info.scope)),
        body: Set(body.to_owned()),
        moderation: Set(Moderation::Visible.code().to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    count_comment(&txn, kind, subject_id, 1).await?;
    if info.author_user_id.is_some_and(|author| author != actor.user_id) {
        notifications::notify(&txn, Event::NewComment { comment_id: row.id }).await?;
    }
    if let Some(parent) = parent_row
        && parent.author_user_id.is_some_and(|author| author != actor.user_id && Some(author) != info.author_user_id)
    {
        notifications::notify(&txn, Event::CommentReply { comment_id: row.id }).await?;
    }
    txn.commit().await?;
    Ok(CommentId::new(row.id))
}

/// A comment `actor` wrote and may still change.
async fn own_comment<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: CommentId,
) -> Result<comment::Model, DiscussionError> {
    let row = comment::Entity::find_by_id(id.get()).one(conn).await?.ok_or(DiscussionError::NotFound)?;
    if row.author_user_id != Some(actor.user_id) {
        let info = subject(conn, row.subject.parse().map_err(|_| DiscussionError::NotFound)?, row.subject_id).await?;
        actor.authorise(Permission::ViewResidence, info.ok_or(DiscussionError::NotFound)?.scope)?;
        return Err(DiscussionError::Forbidden);
    }
    if row.deleted_at.is_some() {
        return Err(DiscussionError::NotNow);
    }
    Ok(row)
}

/// Its author changes a comment, in the first 15 minutes.
pub async fn edit(
    db: &DatabaseConnection,
    actor: &Actor,
    id: CommentId,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), DiscussionError> {
    let row = own_comment(db, actor, id).await?;
    if !editable(row.created_at, now) || row.moderation != Moderation::Visible.code() {
        return Err(DiscussionError::NotNow);
    }
    let mut active: comment::ActiveModel = row.into();
    active.body = Set(body.to_owned());
    active.edited_at = Set(Some(now));
    active.update(db).await?;
    Ok(())
}

/// Its author deletes a comment: "comment deleted" stays in its place, so
/// the replies keep their sense.
pub async fn delete(
    db: &DatabaseConnection,
    actor: &Actor,
    id: CommentId,
    now: DateTime<Utc>,
) -> Result<(), DiscussionError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let row = own_comment(&txn, actor, id).await?;
    let kind: Subject = row.subject.parse().map_err(|_| DiscussionError::NotFound)?;
    // Deleted once: a second delete at the same moment changes nothing.
    let deleted = comment::Entity::update_many()
        .col_expr(comment::Column::Body, String::new().into())
        .col_expr(comment::Column::DeletedAt, Some(now).into())
        .filter(comment::Column::Id.eq(row.id))
        .filter(comment::Column::DeletedAt.is_null())
        .exec(&txn)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(DiscussionError::NotNow);
    }
    count_comment(&txn, kind, row.subject_id, -1).await?;
    txn.commit().await?;
    Ok(())
}

/// The discussion of item `subject_id` as `actor` sees it (the caller
/// checked they may see the item). Hidden comments show a placeholder to
/// all but moderators.
pub async fn discussion_of<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    kind: Subject,
    info: &SubjectInfo,
    subject_id: i64,
    now: DateTime<Utc>,
) -> Result<Discussion, DbErr> {
    let rows = comment::Entity::find()
        .filter(comment::Column::Subject.eq(kind.code()))
        .filter(comment::Column::SubjectId.eq(subject_id))
        .order_by_asc(comment::Column::CreatedAt)
        .order_by_asc(comment::Column::Id)
        .all(conn)
        .await?;
    let authors: Vec<i64> = rows.iter().filter_map(|r| r.author_user_id).collect();
    let names: HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(authors))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let reported = moderation::reported_by(conn, actor, ContentKind::Comment, rows.iter().map(|r| r.id)).await?;
    let moderator = actor.can(Permission::Moderate, info.scope);
    let view = |row: &comment::Model| {
        let moderation: Moderation = row.moderation.parse().unwrap_or(Moderation::Hidden);
        let deleted = row.deleted_at.is_some();
        let mine = row.author_user_id == Some(actor.user_id);
        let shown = !deleted && (moderation.shown() || moderator);
        CommentView {
            id: CommentId::new(row.id),
            author: row.author_user_id.and_then(|id| names.get(&id).cloned()),
            landlord: row.landlord,
            body_html: if shown { crate::markdown::tenant_html(&row.body) } else { String::new() },
            body: (mine && !deleted && moderation.shown() && editable(row.created_at, now)).then(|| row.body.clone()),
            written_at: row.created_at,
            edited: row.edited_at.is_some(),
            deleted,
            moderation,
            mine,
            reported: reported.contains(&row.id),
            replies: Vec::new(),
        }
    };
    let mut comments: Vec<CommentView> = rows.iter().filter(|r| r.parent_id.is_none()).map(view).collect();
    for reply in rows.iter().filter(|r| r.parent_id.is_some()) {
        if let Some(parent) = comments.iter_mut().find(|c| Some(c.id.get()) == reply.parent_id) {
            parent.replies.push(view(reply));
        }
    }
    Ok(Discussion {
        subject: kind,
        subject_id,
        count: u64::try_from(rows.iter().filter(|r| r.deleted_at.is_none()).count()).unwrap_or(u64::MAX),
        comments,
        can_comment: info.open,
        as_landlord: actor.can(Permission::AnswerProjects, info.scope),
    })
}
