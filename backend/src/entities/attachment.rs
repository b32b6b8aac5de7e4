use sea_orm::entity::prelude::*;

/// A stored file (a photo, re-encoded without metadata).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attachments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub organisation_id: i64,
    /// What it belongs to (see `attachments::Owner`) and that item's id.
    pub owner_kind: String,
    pub owner_id: i64,
    pub position: i32,
    /// The store's name for its files.
    pub storage_key: String,
    pub media_type: String,
    /// Of the display variant.
    pub width: i32,
    pub height: i32,
    /// Of the display variant.
    pub bytes: i64,
    /// See `discussion::Moderation`.
    pub moderation: String,
    pub uploaded_by_user_id: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
