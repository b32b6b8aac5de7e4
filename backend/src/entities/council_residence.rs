use sea_orm::entity::prelude::*;

/// A residence a council covers (a council with none covers them all).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "council_residences")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub council_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub residence_id: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
