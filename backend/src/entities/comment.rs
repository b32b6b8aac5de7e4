use sea_orm::entity::prelude::*;

/// A comment on some content (see `discussion::Subject`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "comments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub organisation_id: i64,
    pub subject: String,
    pub subject_id: i64,
    /// The comment it answers (one level of replies).
    pub parent_id: Option<i64>,
    pub author_user_id: Option<i64>,
    /// Written by staff, as the landlord.
    pub landlord: bool,
    /// Markdown; emptied when deleted.
    pub body: String,
    /// See `discussion::Moderation`.
    pub moderation: String,
    pub created_at: DateTimeUtc,
    pub edited_at: Option<DateTimeUtc>,
    pub deleted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
