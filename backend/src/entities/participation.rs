use sea_orm::entity::prelude::*;

/// The participation register: this unit took part, by this channel, then.
/// It says nothing of what was answered (see `ballot`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "participations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub consultation_id: i64,
    pub unit_id: i64,
    pub household_id: i64,
    pub residence_id: i64,
    pub building_id: Option<i64>,
    /// `online` or `paper`.
    pub channel: String,
    pub recorded_at: DateTimeUtc,
    /// The staff member who recorded a paper ballot.
    pub recorded_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
