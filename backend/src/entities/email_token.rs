use sea_orm::entity::prelude::*;

/// A one-time link sent by email (verify an address, reset a password,
/// confirm a new address). Only the hash of the token is stored.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "email_tokens")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    /// `verify`, `reset` or `new_email` (see `crate::tokens::Purpose`).
    pub purpose: String,
    #[sea_orm(unique)]
    pub token_hash: String,
    /// For `new_email`: the address to switch to once confirmed.
    pub new_email: Option<String>,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
