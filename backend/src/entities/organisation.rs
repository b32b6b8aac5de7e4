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
    /// Who supports a project: `household` or `adult` (one support each).
    pub support_unit: String,
    /// `supports` (a number) or `percent` (of the residence's households).
    pub support_threshold_kind: String,
    pub support_threshold: i32,
    /// Days the landlord has to answer a project under review.
    pub answer_days: i32,
    /// Reports by different people that hide an item until a moderator decides.
    pub report_threshold: i32,
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
