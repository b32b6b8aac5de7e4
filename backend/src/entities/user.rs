use sea_orm::entity::prelude::*;

/// An account. `password_hash` is a PHC string and never leaves the backend:
/// this model is not `Serialize`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `None` once the account is deleted and anonymised.
    #[sea_orm(unique)]
    pub email: Option<String>,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub locale: String,
    pub email_verified_at: Option<DateTimeUtc>,
    pub is_platform_admin: bool,
    pub created_at: DateTimeUtc,
    pub deleted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::membership::Entity")]
    Membership,
    #[sea_orm(has_many = "super::occupancy::Entity")]
    Occupancy,
    #[sea_orm(has_many = "super::moderator::Entity")]
    Moderator,
}

impl Related<super::moderator::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Moderator.def()
    }
}

impl Related<super::membership::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Membership.def()
    }
}

impl Related<super::occupancy::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Occupancy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
