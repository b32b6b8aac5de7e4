//! The append-only audit log of staff, admin and council actions: who did
//! what, on what, when. Rows are only ever inserted; nothing here updates or
//! deletes them. Details never hold secrets or email addresses.

use crate::entities::audit_log::{self, Column, Entity};
use chrono::Utc;
use palier_domain::audit::{Action, AuditLine, AuditPage};
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _,
    PaginatorTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _,
};

/// One action to record.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub actor_user_id: Option<i64>,
    pub organisation_id: Option<i64>,
    /// A stable code such as `household.code_renewed` (translated by the UI).
    pub action: Action,
    /// The kind of thing acted on: `residence`, `household`, `membership`…
    pub target_kind: &'a str,
    pub target_id: Option<i64>,
    /// Particulars as a JSON object.
    pub details: serde_json::Value,
}

/// Appends `entry`, on the caller's transaction.
pub async fn record<C: ConnectionTrait>(conn: &C, entry: Entry<'_>) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        occurred_at: Set(Utc::now()),
        actor_user_id: Set(entry.actor_user_id),
        organisation_id: Set(entry.organisation_id),
        action: Set(entry.action.code().to_owned()),
        target_kind: Set(entry.target_kind.to_owned()),
        target_id: Set(entry.target_id),
        details: Set(entry.details.to_string()),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map(drop)
}

/// Page `page` of an organisation's log, newest first.
pub async fn page<C: ConnectionTrait>(
    conn: &C,
    organisation: crate::entities::organisation::Model,
    page: u64,
    per_page: u64,
) -> Result<AuditPage, DbErr> {
    use crate::entities::user;
    let organisation_id = organisation.id;
    let total = Entity::find().filter(Column::OrganisationId.eq(organisation_id)).count(conn).await?;
    let rows = Entity::find()
        .filter(Column::OrganisationId.eq(organisation_id))
        .order_by_desc(Column::OccurredAt)
        .order_by_desc(Column::Id)
        .offset(crate::db::page_offset(page, per_page))
        .limit(per_page)
        .all(conn)
        .await?;
    let actor_ids: Vec<i64> = rows.iter().filter_map(|r| r.actor_user_id).collect();
    let names: std::collections::HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(actor_ids))
        .filter(user::Column::DeletedAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let lines = rows
        .into_iter()
        .map(|row| {
            let mut details: Vec<(String, String)> =
                serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&row.details)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(k, v)| (k, v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string())))
                    .collect();
            let action = row.action.parse().unwrap_or_else(|_| {
                details.insert(0, ("code".to_owned(), row.action.clone()));
                Action::Unknown
            });
            AuditLine {
                at: row.occurred_at,
                actor: row.actor_user_id.and_then(|id| names.get(&id).cloned()),
                action,
                details,
            }
        })
        .collect();
    Ok(AuditPage { organisation: organisation.name, lines, page, pages: total.div_ceil(per_page).max(1) })
}
