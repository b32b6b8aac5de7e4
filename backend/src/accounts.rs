//! Accounts: registration and email verification, sign-in, password reset
//! and change, change of address, language, export and deletion.
//!
//! Registration, sign-in and reset answer the same way whether or not an
//! account exists for the address; the owner of an existing address gets an
//! email instead. Every email goes through the outbox, in the transaction of
//! the change that causes it.

mod changes;
mod data;
mod registration;
mod reset;
mod sign_in;

pub use changes::*;
pub use data::*;
pub use registration::*;
pub use reset::*;
pub use sign_in::*;

use crate::auth::password::{self, PasswordHashString, check_not_common};
use crate::auth::secret;
use crate::entities::{
    email_token, household, membership, notification, notification_preference, occupancy, residence, session, user,
};
use crate::links::Links;
use crate::mail::templates::{self, EmailTemplate};
use crate::outbox::{self, NewEmail};
use crate::rate_limit::{self, Exceeded};
use crate::sessions::{self, NewSession};
use crate::tokens::{self, Purpose};
use anyhow::Context as _;
use chrono::Utc;
use palier_domain::team::OrgRole;
use palier_domain::{DisplayName, Email, Locale, Password, PasswordError};
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait as _, QueryFilter as _, QueryOrder as _, SqlErr, TransactionTrait as _,
};
use serde::Serialize;

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

/// An error with no case for the caller to handle but "something broke".
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Unexpected(#[from] pub anyhow::Error);

impl From<DbErr> for Unexpected {
    fn from(error: DbErr) -> Self {
        Self(anyhow::Error::new(error).context("database error"))
    }
}

/// Whether `password` is the signed-in `user`'s, counted first against
/// [`rate_limit::PASSWORD_RECHECKS_PER_ACCOUNT`] (someone at an unlocked
/// screen must not be able to guess it without end).
async fn recheck_password(
    db: &DatabaseConnection,
    user: &user::Model,
    password: &str,
) -> Result<Result<bool, Exceeded>, Unexpected> {
    let key = rate_limit::key("password-recheck", &user.id.to_string());
    if let Err(exceeded) = rate_limit::hit(db, &key, rate_limit::PASSWORD_RECHECKS_PER_ACCOUNT).await? {
        return Ok(Err(exceeded));
    }
    Ok(Ok(password::verify(password.to_owned(), user.password_hash.clone()).await?))
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

/// The live account `user_id`.
pub async fn find<C: ConnectionTrait>(conn: &C, user_id: i64) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find_by_id(user_id).filter(user::Column::DeletedAt.is_null()).one(conn).await
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
            active.role = Set(role.code().to_owned());
            active.update(conn).await
        }
        None => {
            membership::ActiveModel {
                user_id: Set(user_id),
                organisation_id: Set(organisation_id),
                role: Set(role.code().to_owned()),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(conn)
            .await
        }
    }
}

/// Renders `message` in `locale` and puts it in the outbox on `conn`.
pub(crate) async fn send<C: ConnectionTrait, T: EmailTemplate>(
    conn: &C,
    links: &Links,
    key: String,
    to: &Email,
    locale: Locale,
    message: &T,
) -> Result<(), Unexpected> {
    let content = templates::render(message, locale, &links.layout()).context("could not render an email")?;
    outbox::enqueue(
        conn,
        NewEmail {
            idempotency_key: key,
            to: to.clone(),
            content,
            headers: Vec::new(),
            sensitive: false,
            calendar: None,
        },
    )
    .await?;
    Ok(())
}

fn user_email(user: &user::Model) -> Option<Email> {
    user.email.as_deref().and_then(|e| Email::parse(e).ok())
}

fn user_locale(user: &user::Model) -> Locale {
    user.locale.parse().unwrap_or_default()
}

/// A unique suffix for idempotency keys of emails that may be sent again on purpose.
fn nonce() -> String {
    secret::new_token().plain[..16].to_owned()
}
