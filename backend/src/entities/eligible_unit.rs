use sea_orm::entity::prelude::*;

/// A voting unit (household, or adult occupant) that could vote, frozen when
/// voting opened: the turnout denominator never moves afterwards.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "eligible_units")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub consultation_id: i64,
    /// The household id, or the user id when the unit is the adult.
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_id: i64,
    pub household_id: i64,
    pub residence_id: i64,
    pub building_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
