//! An organisation's categories of projects, as its admins manage them:
//! the defaults every organisation starts with, those it adds, archived
//! ones (offered no more, kept by the projects filed under them).

use super::{ProjectError, category_name};
use crate::entities::{project, project_category};
use palier_domain::ids::CategoryId;
use palier_domain::registry::CategoryAdmin;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _, TransactionTrait as _,
};
use std::collections::HashMap;

/// Every category of organisation `organisation_id`, with its projects.
pub async fn for_admins<C: ConnectionTrait>(conn: &C, organisation_id: i64) -> Result<Vec<CategoryAdmin>, DbErr> {
    let rows = project_category::Entity::find()
        .filter(project_category::Column::OrganisationId.eq(organisation_id))
        .order_by_asc(project_category::Column::Position)
        .order_by_asc(project_category::Column::Id)
        .all(conn)
        .await?;
    let counts: HashMap<i64, i64> = project::Entity::find()
        .select_only()
        .column(project::Column::CategoryId)
        .column_as(Expr::col(project::Column::Id).count(), "n")
        .filter(project::Column::OrganisationId.eq(organisation_id))
        .group_by(project::Column::CategoryId)
        .into_tuple::<(i64, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    Ok(rows
        .iter()
        .map(|row| CategoryAdmin {
            id: CategoryId::new(row.id),
            name: category_name(row),
            archived: row.archived,
            projects: counts.get(&row.id).and_then(|n| u64::try_from(*n).ok()).unwrap_or(0),
        })
        .collect())
}

/// Adds category `label` to organisation `organisation_id` (audited).
/// A label it has already is refused ([`ProjectError::Category`]).
pub async fn add(
    db: &DatabaseConnection,
    actor_id: i64,
    organisation_id: i64,
    label: &str,
) -> Result<(), ProjectError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let taken = project_category::Entity::find()
        .filter(project_category::Column::OrganisationId.eq(organisation_id))
        .all(&txn)
        .await?;
    if taken.iter().any(|c| c.label.to_lowercase() == label.to_lowercase()) {
        return Err(ProjectError::Category);
    }
    let position = taken.iter().map(|c| c.position).max().unwrap_or(0).saturating_add(1);
    project_category::ActiveModel {
        organisation_id: Set(organisation_id),
        code: Set(None),
        label: Set(label.to_owned()),
        position: Set(position),
        archived: Set(false),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit(&txn, actor_id, organisation_id, serde_json::json!({ "added": label })).await?;
    txn.commit().await?;
    Ok(())
}

/// Archives category `id` of organisation `organisation_id` (or offers it
/// again), audited.
pub async fn archive(
    db: &DatabaseConnection,
    actor_id: i64,
    organisation_id: i64,
    id: CategoryId,
    archived: bool,
) -> Result<(), ProjectError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let row = project_category::Entity::find_by_id(id.get())
        .filter(project_category::Column::OrganisationId.eq(organisation_id))
        .one(&txn)
        .await?
        .ok_or(ProjectError::NotFound)?;
    let label = row.label.clone();
    let mut active: project_category::ActiveModel = row.into();
    active.archived = Set(archived);
    active.update(&txn).await?;
    let change = if archived { "archived" } else { "restored" };
    audit(&txn, actor_id, organisation_id, serde_json::json!({ change: label })).await?;
    txn.commit().await?;
    Ok(())
}

async fn audit<C: ConnectionTrait>(
    conn: &C,
    actor_id: i64,
    organisation_id: i64,
    details: serde_json::Value,
) -> Result<(), DbErr> {
    crate::audit::record(
        conn,
        crate::audit::Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(organisation_id),
            action: palier_domain::audit::Action::ProjectCategoriesChanged,
            target_kind: "organisation",
            target_id: Some(organisation_id),
            details,
        },
    )
    .await
}
