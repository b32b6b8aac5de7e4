use sea_orm::entity::prelude::*;

/// A secret ballot: a random key, its consultation and its receipt. No user,
/// no household, no time, nothing in common with the participation register.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ballots")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub consultation_id: i64,
    /// Shown once to the voter; published with the answers after closing.
    pub receipt: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
