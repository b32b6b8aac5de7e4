use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "residences")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::organisation::Entity",
        from = "Column::OrganisationId",
        to = "super::organisation::Column::Id"
    )]
    Organisation,
    #[sea_orm(has_many = "super::building::Entity")]
    Building,
    #[sea_orm(has_many = "super::household::Entity")]
    Household,
}

impl Related<super::organisation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organisation.def()
    }
}

impl Related<super::building::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Building.def()
    }
}

impl Related<super::household::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Household.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
