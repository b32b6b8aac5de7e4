use sea_orm::entity::prelude::*;

/// Someone's report of an item of content (one per person and item).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "content_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub organisation_id: i64,
    /// See `discussion::ContentKind`.
    pub content_kind: String,
    pub content_id: i64,
    pub reporter_user_id: i64,
    /// See `discussion::ReportReason`.
    pub reason: String,
    pub created_at: DateTimeUtc,
    /// When a moderator decided (open reports have none).
    pub closed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
