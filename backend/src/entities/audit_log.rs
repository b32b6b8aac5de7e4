use sea_orm::entity::prelude::*;

/// One staff, admin or council action. Append-only: the backend never
/// updates or deletes these rows.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub occurred_at: DateTimeUtc,
    pub actor_user_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub action: String,
    pub target_kind: String,
    pub target_id: Option<i64>,
    /// A JSON object with the action's particulars (never a secret or an email).
    pub details: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
