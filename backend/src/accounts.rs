//! Accounts: creating them and reading them.

use crate::auth::password::{self, PasswordHashString};
use crate::entities::{membership, user};
use crate::policy::OrgRole;
use chrono::Utc;
use palier_domain::{DisplayName, Email, Locale, Password};
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait as _, QueryFilter as _, SqlErr,
};

/// What a new account is made of.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub email: Email,
    pub display_name: DisplayName,
    pub locale: Locale,
    /// Set when the address is known good (created by an admin on the terminal, demo data).
    pub email_verified: bool,
    pub platform_admin: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateAccountError {
    #[error("an account already uses this email address")]
    EmailTaken,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<DbErr> for CreateAccountError {
    fn from(error: DbErr) -> Self {
        match error.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => Self::EmailTaken,
            _ => Self::Unexpected(anyhow::Error::new(error).context("could not store the account")),
        }
    }
}

/// Stores a new account with an already hashed password, on `conn` (a
/// transaction or the pool). The email's uniqueness is enforced by the
/// database.
pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    account: NewAccount,
    password_hash: &PasswordHashString,
) -> Result<user::Model, CreateAccountError> {
    let now = Utc::now();
    let row = user::ActiveModel {
        email: Set(Some(account.email.into())),
        display_name: Set(account.display_name.into()),
        password_hash: Set(Some(password_hash.as_str().to_owned())),
        locale: Set(account.locale.as_str().to_owned()),
        email_verified_at: Set(account.email_verified.then_some(now)),
        is_platform_admin: Set(account.platform_admin),
        created_at: Set(now),
        ..Default::default()
    };
    Ok(row.insert(conn).await?)
}

/// Creates a platform administrator (the `palier create-admin` command). An
/// existing account with that email is promoted instead, keeping its password.
#[tracing::instrument(skip_all)]
pub async fn create_platform_admin(
    db: &DatabaseConnection,
    email: Email,
    display_name: DisplayName,
    password: Password,
) -> Result<(user::Model, bool), CreateAccountError> {
    if let Some(existing) = find_by_email(db, &email).await? {
        let mut active: user::ActiveModel = existing.into();
        active.is_platform_admin = Set(true);
        return Ok((active.update(db).await?, false));
    }
    let hash = password::hash(password).await?;
    let account = NewAccount { email, display_name, locale: Locale::Fr, email_verified: true, platform_admin: true };
    Ok((insert(db, account, &hash).await?, true))
}

/// The live (not deleted) account with this email, if any.
pub async fn find_by_email<C: ConnectionTrait>(conn: &C, email: &Email) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::Email.eq(email.as_ref()))
        .filter(user::Column::DeletedAt.is_null())
        .one(conn)
        .await
}

/// Gives `user_id` a role in an organisation (or changes it).
pub async fn set_membership<C: ConnectionTrait>(
    conn: &C,
    user_id: i64,
    organisation_id: i64,
    role: OrgRole,
) -> Result<membership::Model, DbErr> {
    let existing = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .one(conn)
        .await?;
    match existing {
        Some(row) => {
            let mut active: membership::ActiveModel = row.into();
            active.role = Set(role.as_str().to_owned());
            active.update(conn).await
        }
        None => {
            membership::ActiveModel {
                user_id: Set(user_id),
                organisation_id: Set(organisation_id),
                role: Set(role.as_str().to_owned()),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(conn)
            .await
        }
    }
}
