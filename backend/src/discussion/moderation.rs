//! Reports and moderation, for every kind of content: anyone who may see
//! an item reports it once, with a reason; when as many different people
//! as the organisation chose (3 by default) reported it, it is hidden until
//! a moderator decides; the moderation queue lists reported items; a
//! moderator hides, restores, or dismisses the reports; the author is told
//! why; every decision is audit-logged. Hidden content keeps its place and
//! shows a placeholder.

use super::DiscussionError;
use crate::entities::{attachment, comment, content_report, organisation, project, project_event, user};
use crate::notifications::{self, Event};
use crate::policy::{Actor, Permission, Scope};
use chrono::{DateTime, Utc};
use palier_domain::attachments::Owner;
use palier_domain::discussion::{ContentKind, ContentRef, Decision, Moderation, Queue, QueueItem, ReportReason};
use palier_domain::ids::OrganisationId;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait as _, FromQueryResult,
    QueryFilter as _, QuerySelect as _, TransactionTrait as _,
};
use std::collections::HashMap;

/// What moderation needs to know of an item of content.
#[derive(Debug, Clone)]
pub struct ContentInfo {
    pub organisation_id: i64,
    pub scope: Scope,
    pub author_user_id: Option<i64>,
    pub moderation: Moderation,
    /// The start of its text.
    pub excerpt: String,
    /// The page it is on.
    pub link: String,
}

/// Item `content`, if it exists (and, for a project, is published).
pub async fn content<C: ConnectionTrait>(conn: &C, content: ContentRef) -> Result<Option<ContentInfo>, DbErr> {
    let moderation = |code: &str| code.parse().unwrap_or(Moderation::Hidden);
    match content {
        ContentRef::Project(id) => {
            let row = project::Entity::find_by_id(id.get()).one(conn).await?;
            Ok(row.filter(|p| p.status != palier_domain::projects::Status::Draft.code()).map(|p| ContentInfo {
                organisation_id: p.organisation_id,
                scope: crate::projects::scope_of(&p),
                author_user_id: p.author_user_id,
                moderation: moderation(&p.moderation),
                excerpt: excerpt(&p.title),
                link: format!("/projets/{}", p.id),
            }))
        }
        ContentRef::Comment(id) => {
            let Some(row) = comment::Entity::find_by_id(id.get()).one(conn).await? else { return Ok(None) };
            let Ok(kind) = row.subject.parse() else { return Ok(None) };
            let Some(subject) = super::subject(conn, kind, row.subject_id).await? else { return Ok(None) };
            Ok((row.deleted_at.is_none()).then(|| ContentInfo {
                organisation_id: row.organisation_id,
                scope: subject.scope,
                author_user_id: row.author_user_id,
                moderation: moderation(&row.moderation),
                excerpt: excerpt(&row.body),
                link: format!("{}#comment-{}", subject.link, row.id),
            }))
        }
        ContentRef::Photo(id) => {
            let Some(row) = attachment::Entity::find_by_id(id.get()).one(conn).await? else { return Ok(None) };
            let project_id = match row.owner_kind.parse() {
                Ok(Owner::Project) => row.owner_id,
                Ok(Owner::ProjectEvent) => match project_event::Entity::find_by_id(row.owner_id).one(conn).await? {
                    Some(event) => event.project_id,
                    None => return Ok(None),
                },
                Err(_) => return Ok(None),
            };
            let Some(project) = project::Entity::find_by_id(project_id).one(conn).await? else { return Ok(None) };
            // A draft's photos are its author's alone.
            if project.status == palier_domain::projects::Status::Draft.code() {
                return Ok(None);
            }
            Ok(Some(ContentInfo {
                organisation_id: row.organisation_id,
                scope: crate::projects::scope_of(&project),
                author_user_id: row.uploaded_by_user_id,
                moderation: moderation(&row.moderation),
                excerpt: excerpt(&project.title),
                link: format!("/projets/{}#photo-{}", project.id, row.id),
            }))
        }
    }
}

/// Shows or hides `content`.
async fn set_moderation<C: ConnectionTrait>(conn: &C, content: ContentRef, to: Moderation) -> Result<(), DbErr> {
    let code = to.code();
    match content {
        ContentRef::Project(id) => {
            project::Entity::update_many()
                .col_expr(project::Column::Moderation, code.into())
                .filter(project::Column::Id.eq(id.get()))
                .exec(conn)
                .await?;
            if !to.shown() {
                notifications::forget_titles(conn, &format!("/projets/{id}")).await?;
            }
        }
        ContentRef::Comment(id) => {
            comment::Entity::update_many()
                .col_expr(comment::Column::Moderation, code.into())
                .filter(comment::Column::Id.eq(id.get()))
                .exec(conn)
                .await?;
        }
        ContentRef::Photo(id) => {
            attachment::Entity::update_many()
                .col_expr(attachment::Column::Moderation, code.into())
                .filter(attachment::Column::Id.eq(id.get()))
                .exec(conn)
                .await?;
        }
    }
    Ok(())
}

/// The first words of `text`, on one line.
fn excerpt(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(140) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// Which of items `ids` of `kind` `actor` reported.
pub async fn reported_by<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    kind: ContentKind,
    ids: impl IntoIterator<Item = i64>,
) -> Result<Vec<i64>, DbErr> {
    content_report::Entity::find()
        .select_only()
        .column(content_report::Column::ContentId)
        .filter(content_report::Column::ReporterUserId.eq(actor.user_id))
        .filter(content_report::Column::ContentKind.eq(kind.code()))
        .filter(content_report::Column::ContentId.is_in(ids))
        .into_tuple()
        .all(conn)
        .await
}

/// `actor` reports `item` for `reason` (once: a second report changes
/// nothing). Returns whether the item is now hidden pending moderation.
pub async fn report(
    db: &DatabaseConnection,
    actor: &Actor,
    item: ContentRef,
    reason: ReportReason,
    now: DateTime<Utc>,
) -> Result<bool, DiscussionError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let info = content(&txn, item).await?.ok_or(DiscussionError::NotFound)?;
    actor.authorise(Permission::ViewResidence, info.scope)?;
    if info.author_user_id == Some(actor.user_id) || !info.moderation.shown() {
        return Err(DiscussionError::NotNow);
    }
    content_report::Entity::insert(content_report::ActiveModel {
        organisation_id: Set(info.organisation_id),
        content_kind: Set(item.kind().code().to_owned()),
        content_id: Set(item.id()),
        reporter_user_id: Set(actor.user_id),
        reason: Set(reason.code().to_owned()),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            content_report::Column::ContentKind,
            content_report::Column::ContentId,
            content_report::Column::ReporterUserId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .do_nothing()
    .exec_without_returning(&txn)
    .await?;
    let open = open_reports(&txn, item).await?;
    let reporters = open.len();
    let threshold = organisation::Entity::find_by_id(info.organisation_id)
        .one(&txn)
        .await?
        .map_or(palier_domain::projects::DEFAULT_REPORT_THRESHOLD, |o| {
            crate::projects::settings_of(&o).report_threshold
        });
    let hide = reporters >= usize::from(threshold);
    if hide {
        set_moderation(&txn, item, Moderation::Pending).await?;
        if info.author_user_id.is_some() {
            let reason = main_reason(open.iter().map(|r| r.reason.as_str()));
            notifications::notify(&txn, Event::ContentModerated { content: item, hidden: true, reason, at: now })
                .await?;
        }
    }
    txn.commit().await?;
    Ok(hide)
}

/// The open reports of `item`: each reporter's reason.
async fn open_reports<C: ConnectionTrait>(conn: &C, item: ContentRef) -> Result<Vec<content_report::Model>, DbErr> {
    content_report::Entity::find()
        .filter(content_report::Column::ContentKind.eq(item.kind().code()))
        .filter(content_report::Column::ContentId.eq(item.id()))
        .filter(content_report::Column::ClosedAt.is_null())
        .all(conn)
        .await
}

/// The reason given most often among `reasons` (the author is told it).
fn main_reason<'a>(reasons: impl Iterator<Item = &'a str>) -> Option<ReportReason> {
    let mut counts: HashMap<ReportReason, usize> = HashMap::new();
    for reason in reasons.filter_map(|r| r.parse().ok()) {
        *counts.entry(reason).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(reason, n)| (*n, std::cmp::Reverse(*reason))).map(|(reason, _)| reason)
}

/// Items shown per page of the queue.
pub const QUEUE_PAGE: u64 = 20;

/// An item's open reports by reason, and when the first came.
type Reports = (Vec<(ReportReason, u64)>, DateTime<Utc>);

#[derive(FromQueryResult)]
struct OpenReport {
    content_kind: String,
    content_id: i64,
    reason: String,
    n: i64,
    first: DateTime<Utc>,
}

/// The moderation queue of `organisation`: items with open reports, those
/// reported first on top.
pub async fn queue<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    organisation: organisation::Model,
    page: u64,
) -> Result<Queue, DbErr> {
    let rows = content_report::Entity::find()
        .select_only()
        .column(content_report::Column::ContentKind)
        .column(content_report::Column::ContentId)
        .column(content_report::Column::Reason)
        .column_as(content_report::Column::Id.count(), "n")
        .column_as(content_report::Column::CreatedAt.min(), "first")
        .filter(content_report::Column::OrganisationId.eq(organisation.id))
        .filter(content_report::Column::ClosedAt.is_null())
        .group_by(content_report::Column::ContentKind)
        .group_by(content_report::Column::ContentId)
        .group_by(content_report::Column::Reason)
        .into_model::<OpenReport>()
        .all(conn)
        .await?;
    let mut items: HashMap<ContentRef, Reports> = HashMap::new();
    for row in rows {
        let (Ok(kind), Ok(reason)) = (row.content_kind.parse::<ContentKind>(), row.reason.parse::<ReportReason>())
        else {
            continue;
        };
        let entry = items.entry(ContentRef::new(kind, row.content_id)).or_insert((Vec::new(), row.first));
        entry.0.push((reason, u64::try_from(row.n).unwrap_or(0)));
        entry.1 = entry.1.min(row.first);
    }
    // What this moderator may decide on: everything for staff, their residences for tenants.
    let mut ordered: Vec<(ContentRef, Reports, ContentInfo)> = Vec::new();
    for (item, reports) in items {
        if let Some(info) = content(conn, item).await?
            && actor.can(Permission::Moderate, info.scope)
        {
            ordered.push((item, reports, info));
        }
    }
    ordered.sort_by_key(|(item, (_, first), _)| (*first, item.id()));
    let pages = u64::try_from(ordered.len()).unwrap_or(0).div_ceil(QUEUE_PAGE);
    let page = page.min(pages.saturating_sub(1));
    let mut shown = Vec::new();
    let start = usize::try_from(page * QUEUE_PAGE).unwrap_or(usize::MAX);
    for (item, (mut reasons, first), info) in ordered.into_iter().skip(start).take(20) {
        reasons.sort();
        let author = match info.author_user_id {
            Some(id) => user::Entity::find_by_id(id).one(conn).await?.map(|u| u.display_name),
            None => None,
        };
        shown.push(QueueItem {
            content: item,
            excerpt: info.excerpt,
            author,
            link: info.link,
            moderation: info.moderation,
            reporters: reasons.iter().map(|(_, n)| n).sum(),
            reasons,
            first_reported_at: first,
        });
    }
    Ok(Queue {
        organisation_id: OrganisationId::new(organisation.id),
        organisation: organisation.name,
        items: shown,
        page,
        pages,
    })
}

/// A moderator decides on `item`: hide it, restore it, or dismiss its
/// reports. Its open reports close; its author is told; the decision is
/// audit-logged.
pub async fn decide(
    db: &DatabaseConnection,
    actor: &Actor,
    item: ContentRef,
    decision: Decision,
    now: DateTime<Utc>,
) -> Result<(), DiscussionError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let info = content(&txn, item).await?.ok_or(DiscussionError::NotFound)?;
    actor.authorise(Permission::Moderate, info.scope)?;
    let reasons: Vec<String> = open_reports(&txn, item).await?.into_iter().map(|r| r.reason).collect();
    let to = match decision {
        Decision::Hide => Moderation::Hidden,
        Decision::Restore | Decision::Dismiss => Moderation::Visible,
    };
    set_moderation(&txn, item, to).await?;
    content_report::Entity::update_many()
        .col_expr(content_report::Column::ClosedAt, Some(now).into())
        .filter(content_report::Column::ContentKind.eq(item.kind().code()))
        .filter(content_report::Column::ContentId.eq(item.id()))
        .filter(content_report::Column::ClosedAt.is_null())
        .exec(&txn)
        .await?;
    let told = info.author_user_id.is_some() && to != info.moderation;
    if told {
        let reason = if to.shown() { None } else { main_reason(reasons.iter().map(String::as_str)) };
        notifications::notify(&txn, Event::ContentModerated { content: item, hidden: !to.shown(), reason, at: now })
            .await?;
    }
    let action = match decision {
        Decision::Hide => palier_domain::audit::Action::ContentHidden,
        Decision::Restore => palier_domain::audit::Action::ContentRestored,
        Decision::Dismiss => palier_domain::audit::Action::ReportsDismissed,
    };
    crate::audit::record(
        &txn,
        crate::audit::Entry {
            actor_user_id: Some(actor.user_id),
            organisation_id: Some(info.organisation_id),
            action,
            target_kind: item.kind().code(),
            target_id: Some(item.id()),
            details: serde_json::json!({ "reasons": reasons, "from": info.moderation.code() }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
