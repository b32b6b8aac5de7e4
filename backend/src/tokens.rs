//! One-time tokens sent by email: random, stored hashed, single use, short-lived.

use crate::auth::secret;
use crate::entities::email_token::{self, Column, Entity};
use chrono::{Duration, Utc};
use palier_domain::Email;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _,
    QueryFilter as _,
};

/// What a token is for, and how long it lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Confirms the address of a new account (24 hours).
    Verify,
    /// Sets a new password (30 minutes).
    Reset,
    /// Confirms a new address for an existing account (24 hours).
    NewEmail,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Verify => "verify",
            Purpose::Reset => "reset",
            Purpose::NewEmail => "new_email",
        }
    }

    pub fn lifetime(self) -> Duration {
        match self {
            Purpose::Verify | Purpose::NewEmail => Duration::hours(24),
            Purpose::Reset => Duration::minutes(30),
        }
    }
}

/// Issues a token for `user_id` and returns it in clear (for the email link),
/// once. A new reset or new-address token replaces unused ones of the same
/// purpose (only the latest link works); verification links all stay valid
/// until they expire, so an older email still works.
pub async fn issue<C: ConnectionTrait>(
    conn: &C,
    user_id: i64,
    purpose: Purpose,
    new_email: Option<&Email>,
) -> Result<String, DbErr> {
    if purpose != Purpose::Verify {
        Entity::delete_many()
            .filter(Column::UserId.eq(user_id))
            .filter(Column::Purpose.eq(purpose.as_str()))
            .filter(Column::UsedAt.is_null())
            .exec(conn)
            .await?;
    }
    let token = secret::new_token();
    let now = Utc::now();
    email_token::ActiveModel {
        user_id: Set(user_id),
        purpose: Set(purpose.as_str().to_owned()),
        token_hash: Set(token.hash),
        new_email: Set(new_email.map(|e| e.as_ref().to_owned())),
        created_at: Set(now),
        expires_at: Set(now + purpose.lifetime()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(token.plain)
}

/// The valid (unused, unexpired) token `plain` of `purpose`, without using it.
pub async fn peek<C: ConnectionTrait>(
    conn: &C,
    plain: &str,
    purpose: Purpose,
) -> Result<Option<email_token::Model>, DbErr> {
    Entity::find()
        .filter(Column::TokenHash.eq(secret::hash(plain.trim())))
        .filter(Column::Purpose.eq(purpose.as_str()))
        .filter(Column::UsedAt.is_null())
        .filter(Column::ExpiresAt.gt(Utc::now()))
        .one(conn)
        .await
}

/// Uses the token: marks it used in one statement, so two simultaneous uses
/// cannot both succeed. Returns it when it was valid.
pub async fn consume<C: ConnectionTrait>(
    conn: &C,
    plain: &str,
    purpose: Purpose,
) -> Result<Option<email_token::Model>, DbErr> {
    let now = Utc::now();
    let mut used = Entity::update_many()
        .col_expr(Column::UsedAt, Expr::value(now))
        .filter(Column::TokenHash.eq(secret::hash(plain.trim())))
        .filter(Column::Purpose.eq(purpose.as_str()))
        .filter(Column::UsedAt.is_null())
        .filter(Column::ExpiresAt.gt(now))
        .exec_with_returning(conn)
        .await?;
    Ok(used.pop())
}

/// Deletes used and expired tokens.
pub async fn purge<C: ConnectionTrait>(conn: &C) -> Result<u64, DbErr> {
    Ok(Entity::delete_many()
        .filter(Column::UsedAt.is_not_null().or(Column::ExpiresAt.lte(Utc::now())))
        .exec(conn)
        .await?
        .rows_affected)
}
