//! Habitant 3.0: projects tenants propose for their residence.
//!
//! - [`propose`]: a tenant writes a draft (or staff record one for a tenant
//!   who called, published at once), rewrites it until the first support,
//!   publishes it, adds to it, withdraws it.
//! - [`support`]: one support per voting unit (household or adult, the
//!   organisation's choice, frozen when the project is published), guarded
//!   by the primary key; the threshold moves it to review, with a deadline.
//! - [`answer`]: the landlord's steps (review, accept, refuse with a reason,
//!   start, finish) and progress updates, each a dated public event that
//!   notifies the author and the supporters.
//! - [`page`] and [`list`]: what pages show, the answer record, exports.
//!
//! Every function authorises its actor through `policy`; comments, reports
//! and photos are the shared [`crate::discussion`] and [`crate::attachments`].

pub mod answer;
pub mod categories;
pub mod list;
pub mod page;
pub mod photos;
pub mod propose;
pub mod support;

use crate::entities::{organisation, project, project_category, project_event};
use crate::policy::{AccessError, Actor, Permission, Refusal, Scope};
use chrono::{DateTime, Utc};
use palier_domain::discussion::Moderation;
use palier_domain::ids::ProjectId;
use palier_domain::projects::{Category, CategoryName, DefaultCategory, EventKind, Need, Status};
use palier_domain::registry::OrganisationSettings;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _,
    QueryFilter as _, QueryOrder as _,
};

/// Why a project operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("not found")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    /// The project's state does not allow it (e.g. supporting under review).
    #[error("not possible in the project's state")]
    NotNow,
    #[error("the category is not the organisation's")]
    Category,
    #[error("the place is not the residence's")]
    Place,
    #[error("no household has this lease reference")]
    UnknownLease,
    #[error("too many photos")]
    TooManyPhotos,
    /// A file is not a photo we take.
    #[error(transparent)]
    Photo(crate::attachments::image::PhotoError),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<DbErr> for ProjectError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(anyhow::Error::new(error).context("database error in projects"))
    }
}

impl From<Refusal> for ProjectError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::Forbidden => ProjectError::Forbidden,
            Refusal::NotFound => ProjectError::NotFound,
        }
    }
}

impl From<AccessError> for ProjectError {
    fn from(error: AccessError) -> Self {
        match error {
            AccessError::Refused(refusal) => refusal.into(),
            AccessError::Db(error) => error.into(),
        }
    }
}

impl From<std::io::Error> for ProjectError {
    fn from(error: std::io::Error) -> Self {
        Self::Unexpected(anyhow::Error::new(error).context("the attachments store failed"))
    }
}

impl From<crate::attachments::PhotoFailure> for ProjectError {
    fn from(failure: crate::attachments::PhotoFailure) -> Self {
        match failure {
            crate::attachments::PhotoFailure::Photo(problem) => ProjectError::Photo(problem),
            crate::attachments::PhotoFailure::Unexpected(error) => ProjectError::Unexpected(error),
        }
    }
}

/// The project settings of `organisation` (see `registry::settings_of`).
pub fn settings_of(organisation: &organisation::Model) -> OrganisationSettings {
    crate::registry::settings_of(organisation)
}

/// The French labels of the default categories (the interface shows each
/// in the reader's language; the label is what the database keeps).
const DEFAULT_LABELS: [(DefaultCategory, &str); 9] = [
    (DefaultCategory::Garden, "Jardins et espaces verts"),
    (DefaultCategory::Conviviality, "Convivialité et fêtes"),
    (DefaultCategory::Surroundings, "Cadre de vie et aménagements"),
    (DefaultCategory::Solidarity, "Solidarité et entraide"),
    (DefaultCategory::Youth, "Enfants et jeunes"),
    (DefaultCategory::Seniors, "Seniors"),
    (DefaultCategory::Environment, "Environnement et économies d'énergie"),
    (DefaultCategory::Culture, "Culture, sport et loisirs"),
    (DefaultCategory::Other, "Autre"),
];

/// Gives a new organisation the default categories.
pub async fn add_default_categories<C: ConnectionTrait>(conn: &C, organisation_id: i64) -> Result<(), DbErr> {
    let rows = DEFAULT_LABELS.iter().enumerate().map(|(position, (code, label))| project_category::ActiveModel {
        organisation_id: Set(organisation_id),
        code: Set(Some(code.code().to_owned())),
        label: Set((*label).to_owned()),
        position: Set(i32::try_from(position).unwrap_or_default()),
        archived: Set(false),
        ..Default::default()
    });
    project_category::Entity::insert_many(rows).exec_without_returning(conn).await.map(drop)
}

/// A category row as pages show it.
fn category_of(row: &project_category::Model) -> Category {
    Category { id: palier_domain::ids::CategoryId::new(row.id), name: category_name(row) }
}

pub(crate) fn category_name(row: &project_category::Model) -> CategoryName {
    match row.code.as_deref().and_then(|code| code.parse().ok()) {
        Some(default) => CategoryName::Default(default),
        None => CategoryName::Custom(row.label.clone()),
    }
}

/// The categories of organisation `organisation_id` a project may be filed
/// under (archived ones left out), in their order.
pub async fn categories<C: ConnectionTrait>(conn: &C, organisation_id: i64) -> Result<Vec<Category>, DbErr> {
    Ok(project_category::Entity::find()
        .filter(project_category::Column::OrganisationId.eq(organisation_id))
        .filter(project_category::Column::Archived.eq(false))
        .order_by_asc(project_category::Column::Position)
        .order_by_asc(project_category::Column::Id)
        .all(conn)
        .await?
        .iter()
        .map(category_of)
        .collect())
}

/// The residence scope of a project, for the policy.
pub fn scope_of(project: &project::Model) -> Scope {
    Scope::residence(project.organisation_id, project.residence_id)
}

/// Project `id` for `actor`, who must be allowed `permission` on its
/// residence; a draft is its author's alone.
pub async fn find_for<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: ProjectId,
    permission: Permission,
) -> Result<project::Model, ProjectError> {
    let row = project::Entity::find_by_id(id.get()).one(conn).await?;
    let Some(row) = row else { return Err(ProjectError::NotFound) };
    actor.authorise(permission, scope_of(&row))?;
    if status_of(&row) == Status::Draft && row.author_user_id != Some(actor.user_id) {
        return Err(ProjectError::NotFound);
    }
    Ok(row)
}

pub(crate) fn status_of(row: &project::Model) -> Status {
    row.status.parse().unwrap_or(Status::Submitted)
}

pub(crate) fn moderation_of(row: &project::Model) -> Moderation {
    row.moderation.parse().unwrap_or(Moderation::Hidden)
}

pub(crate) fn needs_of(row: &project::Model) -> Vec<Need> {
    row.needs.split(',').filter_map(|code| code.parse().ok()).collect()
}

/// A step of a project's public timeline, to record.
pub(crate) struct Step<'a> {
    pub kind: EventKind,
    pub status: Option<Status>,
    /// Markdown (may be empty).
    pub message: &'a str,
    pub cost: Option<u32>,
    /// Who posted it, and whether as the landlord.
    pub by: Option<(i64, bool)>,
}

impl Step<'_> {
    /// The project reached `status`, with no message.
    pub fn reached(status: Status, by: Option<(i64, bool)>) -> Self {
        Step { kind: EventKind::Status, status: Some(status), message: "", cost: None, by }
    }
}

/// Adds `step` to project `project_id`'s public timeline; returns its id.
pub(crate) async fn record_event<C: ConnectionTrait>(
    conn: &C,
    project_id: i64,
    step: Step<'_>,
    now: DateTime<Utc>,
) -> Result<i64, DbErr> {
    let event = project_event::ActiveModel {
        project_id: Set(project_id),
        kind: Set(step.kind.code().to_owned()),
        status: Set(step.status.map(|s| s.code().to_owned())),
        message: Set(step.message.to_owned()),
        cost: Set(step.cost.and_then(|c| i32::try_from(c).ok())),
        landlord: Set(step.by.is_some_and(|(_, landlord)| landlord)),
        actor_user_id: Set(step.by.map(|(id, _)| id)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(event.id)
}
