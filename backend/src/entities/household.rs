use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "households")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub organisation_id: i64,
    pub residence_id: i64,
    pub building_id: Option<i64>,
    pub lease_ref: String,
    pub unit_label: String,
    pub max_occupants: i32,
    /// SHA-256 of the canonical invitation code, hex; `None` once none is valid.
    #[sea_orm(unique)]
    pub invitation_code_hash: Option<String>,
    pub invitation_code_issued_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::residence::Entity",
        from = "Column::ResidenceId",
        to = "super::residence::Column::Id"
    )]
    Residence,
    #[sea_orm(belongs_to = "super::building::Entity", from = "Column::BuildingId", to = "super::building::Column::Id")]
    Building,
    #[sea_orm(has_many = "super::occupancy::Entity")]
    Occupancy,
}

impl Related<super::residence::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Residence.def()
    }
}

impl Related<super::building::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Building.def()
    }
}

impl Related<super::occupancy::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Occupancy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
