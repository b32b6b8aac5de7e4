use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    /// Days a household's invitation code works after its letter.
    pub code_validity_days: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::residence::Entity")]
    Residence,
}

impl Related<super::residence::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Residence.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
