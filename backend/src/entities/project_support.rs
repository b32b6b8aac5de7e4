use sea_orm::entity::prelude::*;

/// A voting unit's support of a project (one each: the primary key).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "project_supports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub project_id: i64,
    /// A household, or an adult, as the project's support unit says.
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_id: i64,
    pub user_id: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
