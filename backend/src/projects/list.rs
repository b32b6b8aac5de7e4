//! Finding projects: the list a person may read (filtered, sorted, paged,
//! in a fixed number of queries), the landlord's answer record, the open
//! data export, and what the proposal form offers.

use super::{category_name, moderation_of, status_of};
use crate::attachments;
use crate::entities::{project, project_category, residence};
use crate::policy::{Actor, Permission, Scope};
use chrono::{DateTime, Datelike as _, TimeZone as _, Utc};
use palier_domain::attachments::Owner;
use palier_domain::ids::{OrganisationId, ProjectId, ResidenceId};
use palier_domain::projects::{
    AnswerRecord, CategoryName, Filters, NewProjectPage, ProjectCard, ProjectsPage, Sort, Status, overdue,
};
use sea_orm::{
    ColumnTrait as _, Condition, ConnectionTrait, DbErr, EntityTrait as _, PaginatorTrait as _, QueryFilter as _,
    QueryOrder as _, QuerySelect as _, Select,
};
use serde::Serialize;
use std::collections::HashMap;

/// Projects per page of the list.
pub const PER_PAGE: u64 = 20;

/// The residences whose projects `actor` may read: those of the
/// organisations they work for, and those they live in.
async fn readable<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<Vec<residence::Model>, DbErr> {
    let mut condition = Condition::any().add(residence::Column::Id.is_in(actor.homes.iter().map(|h| h.residence_id)));
    if actor.platform_admin {
        condition = Condition::all();
    } else if !actor.memberships.is_empty() {
        condition = condition.add(residence::Column::OrganisationId.is_in(actor.staff_organisations()));
    }
    residence::Entity::find().filter(condition).order_by_asc(residence::Column::Name).all(conn).await
}

/// The projects `filters` select among `residences`' published ones.
fn select(residences: &[i64], filters: &Filters) -> Select<project::Entity> {
    let mut query = project::Entity::find()
        .filter(project::Column::ResidenceId.is_in(residences.iter().copied()))
        .filter(project::Column::Status.ne(Status::Draft.code()));
    if let Some(category) = filters.category {
        query = query.filter(project::Column::CategoryId.eq(category.get()));
    }
    if let Some(status) = filters.status.filter(|s| *s != Status::Draft) {
        query = query.filter(project::Column::Status.eq(status.code()));
    }
    match filters.sort.unwrap_or(Sort::Newest) {
        Sort::Newest => query.order_by_desc(project::Column::SubmittedAt).order_by_desc(project::Column::Id),
        Sort::MostSupported => query.order_by_desc(project::Column::SupportCount).order_by_desc(project::Column::Id),
        Sort::OldestUnanswered => query
            .filter(project::Column::Status.is_in([Status::Submitted.code(), Status::UnderReview.code()]))
            .order_by_asc(project::Column::SubmittedAt)
            .order_by_asc(project::Column::Id),
    }
}

/// Page `page` (from 0) of the projects `actor` may read, narrowed by `filters`.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    mut filters: Filters,
    page: u64,
    now: DateTime<Utc>,
) -> Result<ProjectsPage, DbErr> {
    let residences = readable(conn, actor).await?;
    // A residence the person may not read is as good as none.
    filters.residence = filters.residence.filter(|r| residences.iter().any(|x| x.id == r.get()));
    let ids: Vec<i64> = match filters.residence {
        Some(residence) => vec![residence.get()],
        None => residences.iter().map(|r| r.id).collect(),
    };
    let query = select(&ids, &filters);
    let total = query.clone().count(conn).await?;
    let pages = total.div_ceil(PER_PAGE).max(1);
    let page = page.min(pages - 1);
    let rows = query.offset(crate::db::page_offset(page, PER_PAGE)).limit(PER_PAGE).all(conn).await?;
    let organisations: Vec<i64> = {
        let mut ids: Vec<i64> = residences
            .iter()
            .filter(|r| filters.residence.is_none_or(|f| f.get() == r.id))
            .map(|r| r.organisation_id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let categories = match organisations.as_slice() {
        [one] => super::categories(conn, *one).await?,
        _ => Vec::new(),
    };
    let record = match organisations.as_slice() {
        [one] => Some(answer_record(conn, *one, now).await?),
        _ => None,
    };
    let projects = cards(conn, &rows, &residences, now).await?;
    Ok(ProjectsPage {
        filters,
        residences: residences.iter().map(|r| (ResidenceId::new(r.id), r.name.clone())).collect(),
        categories,
        projects,
        total,
        page,
        pages,
        record,
        staff_of: actor.staff_organisations().into_iter().map(OrganisationId::new).collect(),
        drafts: drafts(conn, actor).await?,
        can_propose: residences
            .iter()
            .any(|r| actor.can(Permission::ProposeProject, Scope::residence(r.organisation_id, r.id))),
    })
}

/// `rows` as a list shows them, in two more queries (categories, thumbnails).
async fn cards<C: ConnectionTrait>(
    conn: &C,
    rows: &[project::Model],
    residences: &[residence::Model],
    now: DateTime<Utc>,
) -> Result<Vec<ProjectCard>, DbErr> {
    let names: HashMap<i64, CategoryName> = project_category::Entity::find()
        .filter(project_category::Column::Id.is_in(rows.iter().map(|r| r.category_id)))
        .all(conn)
        .await?
        .iter()
        .map(|c| (c.id, category_name(c)))
        .collect();
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut thumbnails = HashMap::new();
    for (owner, photo) in attachments::photos_of(conn, Owner::Project, &ids, &[]).await? {
        if photo.moderation.shown() {
            thumbnails.entry(owner).or_insert(photo.id);
        }
    }
    Ok(rows
        .iter()
        .map(|row| {
            let status = status_of(row);
            let moderation = moderation_of(row);
            ProjectCard {
                id: ProjectId::new(row.id),
                title: if moderation.shown() { row.title.clone() } else { String::new() },
                residence: residences
                    .iter()
                    .find(|r| r.id == row.residence_id)
                    .map(|r| r.name.clone())
                    .unwrap_or_default(),
                category: names.get(&row.category_id).cloned().unwrap_or(CategoryName::Custom(String::new())),
                status,
                supports: u64::try_from(row.support_count).unwrap_or(0),
                target: u64::try_from(row.support_target).unwrap_or(1),
                comments: u64::try_from(row.comment_count).unwrap_or(0),
                submitted_at: row.submitted_at,
                answer_due_at: row.answer_due_at,
                overdue: overdue(status, row.answer_due_at, now),
                moderation,
                thumbnail: if moderation.shown() { thumbnails.get(&row.id).copied() } else { None },
            }
        })
        .collect())
}

/// `actor`'s drafts, newest first.
pub async fn drafts<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<Vec<(ProjectId, String)>, DbErr> {
    Ok(project::Entity::find()
        .filter(project::Column::AuthorUserId.eq(actor.user_id))
        .filter(project::Column::Status.eq(Status::Draft.code()))
        .order_by_desc(project::Column::UpdatedAt)
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (ProjectId::new(p.id), p.title))
        .collect())
}

/// The organisation's answers this year (Paris time): of the projects
/// whose answer was due this year and is given or overdue, how many were
/// answered within their deadline.
pub async fn answer_record<C: ConnectionTrait>(
    conn: &C,
    organisation_id: i64,
    now: DateTime<Utc>,
) -> Result<AnswerRecord, DbErr> {
    let year = now.with_timezone(&chrono_tz::Europe::Paris).year();
    let start = |year: i32| {
        chrono_tz::Europe::Paris
            .with_ymd_and_hms(year, 1, 1, 0, 0, 0)
            .earliest()
            .map_or(now, |at| at.with_timezone(&Utc))
    };
    let due = project::Entity::find()
        .filter(project::Column::OrganisationId.eq(organisation_id))
        .filter(project::Column::AnswerDueAt.gte(start(year)))
        .filter(project::Column::AnswerDueAt.lt(start(year + 1)))
        .filter(project::Column::AnsweredAt.is_not_null().or(project::Column::AnswerDueAt.lt(now)));
    let total = due.clone().count(conn).await?;
    let on_time = due
        .filter(
            sea_orm::sea_query::Expr::col(project::Column::AnsweredAt)
                .lte(sea_orm::sea_query::Expr::col(project::Column::AnswerDueAt)),
        )
        .count(conn)
        .await?;
    Ok(AnswerRecord { year, on_time, due: total })
}

/// One project in the open-data export: no name, no text but its title.
#[derive(Debug, Clone, Serialize)]
pub struct ExportRow {
    pub id: i64,
    pub residence: String,
    pub category: String,
    pub title: String,
    pub status: Status,
    pub submitted_at: Option<DateTime<Utc>>,
    pub supports: i64,
    pub support_target: i64,
    pub comments: i64,
    pub review_started_at: Option<DateTime<Utc>>,
    pub answer_due_at: Option<DateTime<Utc>>,
    pub answered_at: Option<DateTime<Utc>>,
    /// Days from the start of the review to the answer.
    pub answer_days: Option<i64>,
    pub overdue: bool,
    pub estimated_cost: Option<i32>,
    pub spent_cost: Option<i32>,
}

/// Every project `actor` may read that `filters` select, for the export.
pub async fn export<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    mut filters: Filters,
    now: DateTime<Utc>,
) -> Result<Vec<ExportRow>, DbErr> {
    let residences = readable(conn, actor).await?;
    filters.residence = filters.residence.filter(|r| residences.iter().any(|x| x.id == r.get()));
    let ids: Vec<i64> = match filters.residence {
        Some(residence) => vec![residence.get()],
        None => residences.iter().map(|r| r.id).collect(),
    };
    let rows = select(&ids, &filters).all(conn).await?;
    let labels: HashMap<i64, String> = project_category::Entity::find()
        .filter(project_category::Column::Id.is_in(rows.iter().map(|r| r.category_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c.label))
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| {
            let status = status_of(&row);
            ExportRow {
                id: row.id,
                residence: residences
                    .iter()
                    .find(|r| r.id == row.residence_id)
                    .map(|r| r.name.clone())
                    .unwrap_or_default(),
                category: labels.get(&row.category_id).cloned().unwrap_or_default(),
                title: if moderation_of(&row).shown() { row.title.clone() } else { String::new() },
                status,
                submitted_at: row.submitted_at,
                supports: i64::from(row.support_count),
                support_target: i64::from(row.support_target),
                comments: i64::from(row.comment_count),
                review_started_at: row.review_started_at,
                answer_due_at: row.answer_due_at,
                answered_at: row.answered_at,
                answer_days: row.review_started_at.zip(row.answered_at).map(|(from, to)| (to - from).num_days()),
                overdue: overdue(status, row.answer_due_at, now),
                estimated_cost: row.estimated_cost,
                spent_cost: row.spent_cost,
            }
        })
        .collect())
}

/// `rows` as CSV (`;`-separated, as French spreadsheets expect), typed
/// text made harmless to spreadsheets.
pub fn export_csv(rows: &[ExportRow]) -> String {
    use crate::export::text_cell;
    let mut writer = crate::export::writer();
    let _ = writer.write_record([
        "id",
        "residence",
        "category",
        "title",
        "status",
        "submitted_at",
        "supports",
        "support_target",
        "comments",
        "review_started_at",
        "answer_due_at",
        "answered_at",
        "answer_days",
        "overdue",
        "estimated_cost_eur",
        "spent_cost_eur",
    ]);
    let at = |at: Option<DateTime<Utc>>| at.map(|at| at.to_rfc3339()).unwrap_or_default();
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    for row in rows {
        let _ = writer.write_record([
            row.id.to_string(),
            text_cell(&row.residence).into_owned(),
            text_cell(&row.category).into_owned(),
            text_cell(&row.title).into_owned(),
            row.status.code().to_owned(),
            at(row.submitted_at),
            row.supports.to_string(),
            row.support_target.to_string(),
            row.comments.to_string(),
            at(row.review_started_at),
            at(row.answer_due_at),
            at(row.answered_at),
            number(row.answer_days),
            row.overdue.to_string(),
            number(row.estimated_cost.map(i64::from)),
            number(row.spent_cost.map(i64::from)),
        ]);
    }
    crate::export::finish(writer)
}

/// What the proposal form offers `actor`: the residences where they may
/// propose (with their buildings) and the categories of that organisation.
pub async fn new_project_page<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<NewProjectPage, DbErr> {
    let residences: Vec<residence::Model> = readable(conn, actor)
        .await?
        .into_iter()
        .filter(|r| actor.can(Permission::ProposeProject, Scope::residence(r.organisation_id, r.id)))
        .collect();
    let organisation = residences.first().map(|r| r.organisation_id);
    let residences: Vec<residence::Model> =
        residences.into_iter().filter(|r| Some(r.organisation_id) == organisation).collect();
    let buildings = crate::entities::building::Entity::find()
        .filter(crate::entities::building::Column::ResidenceId.is_in(residences.iter().map(|r| r.id)))
        .order_by_asc(crate::entities::building::Column::Name)
        .all(conn)
        .await?;
    let places = residences
        .iter()
        .map(|r| {
            let of_it = buildings
                .iter()
                .filter(|b| b.residence_id == r.id)
                .map(|b| palier_domain::registry::Building {
                    id: palier_domain::ids::BuildingId::new(b.id),
                    name: b.name.clone(),
                })
                .collect();
            (ResidenceId::new(r.id), r.name.clone(), of_it)
        })
        .collect();
    let categories = match organisation {
        Some(organisation) => super::categories(conn, organisation).await?,
        None => Vec::new(),
    };
    let on_behalf = organisation.is_some_and(|o| actor.role_in(o).is_some() || actor.platform_admin);
    Ok(NewProjectPage { places, categories, on_behalf })
}
