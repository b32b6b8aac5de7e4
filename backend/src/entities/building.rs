use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "buildings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub residence_id: i64,
    pub name: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::residence::Entity",
        from = "Column::ResidenceId",
        to = "super::residence::Column::Id"
    )]
    Residence,
}

impl Related<super::residence::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Residence.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
