use sea_orm::entity::prelude::*;

/// Something one person is told: in the app, and by email as they chose.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    /// See `notifications::Kind`.
    pub kind: String,
    /// See `notifications::Category`.
    pub category: String,
    /// Unique per person: the same occurrence is never notified twice.
    pub dedupe_key: String,
    /// The values of its text, as JSON.
    pub params: String,
    /// The page it leads to (a path).
    pub link: String,
    pub created_at: DateTimeUtc,
    pub read_at: Option<DateTimeUtc>,
    /// `immediate` or `digest` (an email is still to send), `sent` or `none`.
    pub email_state: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
