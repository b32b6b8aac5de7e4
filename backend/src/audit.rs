//! The append-only audit log of staff, admin and council actions: who did
//! what, on what, when. Rows are only ever inserted; nothing here updates or
//! deletes them. Details never hold secrets or email addresses.

use crate::entities::audit_log::{self, Column, Entity};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _,
    PaginatorTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _,
};
use serde::{Deserialize, Serialize};

/// One action to record.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub actor_user_id: Option<i64>,
    pub organisation_id: Option<i64>,
    /// A stable code such as `household.code_renewed` (translated by the UI).
    pub action: &'a str,
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
        action: Set(entry.action.to_owned()),
        target_kind: Set(entry.target_kind.to_owned()),
        target_id: Set(entry.target_id),
        details: Set(entry.details.to_string()),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map(drop)
}

/// An audit entry as the log page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    /// The actor's display name; `None` for the system or a deleted account.
    pub actor: Option<String>,
    pub action: String,
    pub target_kind: String,
    pub target_id: Option<i64>,
    /// The entry's particulars as (name, value) pairs.
    pub details: Vec<(String, String)>,
}

/// A page of the organisation's log, newest first, with the total count.
pub async fn page<C: ConnectionTrait>(
    conn: &C,
    organisation_id: i64,
    page: u64,
    per_page: u64,
) -> Result<(Vec<LogLine>, u64), DbErr> {
    use crate::entities::user;
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
        .map(|row| LogLine {
            id: row.id,
            occurred_at: row.occurred_at,
            actor: row.actor_user_id.and_then(|id| names.get(&id).cloned()),
            action: row.action,
            target_kind: row.target_kind,
            target_id: row.target_id,
            details: serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&row.details)
                .unwrap_or_default()
                .into_iter()
                .map(|(k, v)| (k, v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string())))
                .collect(),
        })
        .collect();
    Ok((lines, total))
}
