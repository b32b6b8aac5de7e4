use sea_orm::entity::prelude::*;

/// A step of a project's public timeline.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "project_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub project_id: i64,
    /// See `projects::EventKind`.
    pub kind: String,
    pub status: Option<String>,
    /// Markdown.
    pub message: String,
    pub cost: Option<i32>,
    /// Posted by the landlord.
    pub landlord: bool,
    /// Who posted it (kept for the audit, never shown).
    pub actor_user_id: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
