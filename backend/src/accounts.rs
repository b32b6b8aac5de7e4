//! Accounts: registration and email verification, sign-in, password reset
//! and change, change of address, language, export and deletion.
//!
//! Registration, sign-in and reset answer the same way whether or not an
//! account exists for the address; the owner of an existing address gets an
//! email instead. Every email goes through the outbox, in the transaction of
//! the change that causes it.

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
        NewEmail { idempotency_key: key, to: to.clone(), content, headers: Vec::new(), sensitive: false },
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

// ---------------------------------------------------------------- registration

/// What a person fills in to register.
#[derive(Debug, Clone)]
pub struct Registration {
    pub email: Email,
    pub display_name: DisplayName,
    pub password: Password,
    pub locale: Locale,
}

#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error("the password is not acceptable: {0}")]
    WeakPassword(PasswordError),
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

/// Registers an account, or, when the address already has one, emails its
/// owner instead. Either way the caller shows "check your email".
#[tracing::instrument(skip_all)]
pub async fn register(db: &DatabaseConnection, links: &Links, registration: Registration) -> Result<(), RegisterError> {
    let Registration { email, display_name, password, locale } = registration;
    check_not_common(&password, &[email.as_ref(), display_name.as_ref()]).map_err(RegisterError::WeakPassword)?;
    // Hash even when the account exists, so both answers take the same time.
    let hash = password::hash(password).await.map_err(Unexpected)?;
    let txn = db.begin().await.map_err(Unexpected::from)?;
    match find_by_email(&txn, &email).await.map_err(Unexpected::from)? {
        Some(existing) => {
            let message = templates::AccountExists {
                name: existing.display_name.clone(),
                login_link: links.login(),
                reset_link: links.forgot_password(),
            };
            send(
                &txn,
                links,
                format!("account-exists:{}:{}", existing.id, nonce()),
                &email,
                user_locale(&existing),
                &message,
            )
            .await?;
        }
        None => {
            let account = NewAccount {
                email: email.clone(),
                display_name: display_name.clone(),
                locale,
                email_verified: false,
                platform_admin: false,
            };
            let user = match insert(&txn, account, &hash).await {
                Ok(user) => user,
                // Registered by a parallel request: answer the same way.
                Err(CreateAccountError::EmailTaken) => return Ok(()),
                Err(CreateAccountError::Unexpected(error)) => return Err(Unexpected(error).into()),
            };
            let token = tokens::issue(&txn, user.id, Purpose::Verify, None).await.map_err(Unexpected::from)?;
            let message = templates::VerifyEmail { name: display_name.into(), link: links.verify(&token) };
            send(&txn, links, format!("verify:{}:{}", user.id, nonce()), &email, locale, &message).await?;
        }
    }
    txn.commit().await.map_err(Unexpected::from)?;
    Ok(())
}

/// Sends a new verification link to an unverified account (limited per address).
pub async fn resend_verification(db: &DatabaseConnection, links: &Links, user: &user::Model) -> Result<(), Unexpected> {
    let Some(email) = user_email(user) else { return Ok(()) };
    if user.email_verified_at.is_some() {
        return Ok(());
    }
    let key = rate_limit::key("verification", email.as_ref());
    if rate_limit::hit(db, &key, rate_limit::VERIFICATION_PER_ADDRESS).await?.is_err() {
        return Ok(());
    }
    let txn = db.begin().await?;
    let token = tokens::issue(&txn, user.id, Purpose::Verify, None).await?;
    let message = templates::VerifyEmail { name: user.display_name.clone(), link: links.verify(&token) };
    send(&txn, links, format!("verify:{}:{}", user.id, nonce()), &email, user_locale(user), &message).await?;
    txn.commit().await?;
    Ok(())
}

/// Uses a verification link. Returns whether it was valid.
#[tracing::instrument(skip_all)]
pub async fn verify_email(db: &DatabaseConnection, token: &str) -> Result<bool, Unexpected> {
    let Some(used) = tokens::consume(db, token, Purpose::Verify).await? else { return Ok(false) };
    user::Entity::update_many()
        .col_expr(user::Column::EmailVerifiedAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(user::Column::Id.eq(used.user_id))
        .filter(user::Column::EmailVerifiedAt.is_null())
        .exec(db)
        .await?;
    Ok(true)
}

// ---------------------------------------------------------------- sign-in

/// A sign-in attempt. Never printed: it holds the password as typed.
#[derive(Clone)]
pub struct Credentials<'a> {
    /// As typed: it may not even be an address.
    pub email: &'a str,
    pub password: &'a str,
    pub remember: bool,
    pub user_agent: &'a str,
    /// The client's address, for the per-IP limit.
    pub ip: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    #[error("wrong email or password")]
    InvalidCredentials,
    #[error("the email address is not verified yet")]
    Unverified,
    #[error(transparent)]
    RateLimited(Exceeded),
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl From<DbErr> for LoginError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(error.into())
    }
}

/// Checks credentials and opens a session. Failed attempts count per account
/// and per IP; an unknown address costs the same time as a wrong password.
#[tracing::instrument(skip_all)]
pub async fn login(
    db: &DatabaseConnection,
    links: &Links,
    credentials: Credentials<'_>,
) -> Result<(NewSession, user::Model), LoginError> {
    let account_key = rate_limit::key("login-account", credentials.email);
    let ip_key = rate_limit::key("login-ip", credentials.ip);
    rate_limit::check(db, &account_key, rate_limit::LOGIN_FAILURES_PER_ACCOUNT)
        .await?
        .map_err(LoginError::RateLimited)?;
    rate_limit::check(db, &ip_key, rate_limit::LOGIN_FAILURES_PER_IP).await?.map_err(LoginError::RateLimited)?;

    let user = match Email::parse(credentials.email) {
        Ok(email) => find_by_email(db, &email).await?,
        Err(_) => None,
    };
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    let matches = password::verify(credentials.password.to_owned(), stored).await.map_err(Unexpected)?;
    let Some(user) = user.filter(|_| matches) else {
        rate_limit::hit(db, &account_key, rate_limit::LOGIN_FAILURES_PER_ACCOUNT).await?.ok();
        rate_limit::hit(db, &ip_key, rate_limit::LOGIN_FAILURES_PER_IP).await?.ok();
        return Err(LoginError::InvalidCredentials);
    };
    if user.email_verified_at.is_none() {
        resend_verification(db, links, &user).await?;
        return Err(LoginError::Unverified);
    }
    rate_limit::clear(db, &account_key).await?;
    let session = sessions::create(db, user.id, credentials.remember, credentials.user_agent).await?;
    Ok((session, user))
}

// ---------------------------------------------------------------- password reset

#[derive(Debug, thiserror::Error)]
pub enum ResetRequestError {
    #[error(transparent)]
    RateLimited(Exceeded),
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl From<DbErr> for ResetRequestError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(error.into())
    }
}

/// Emails a reset link when `email` has an account; does nothing visible
/// otherwise. Limited per address and per IP either way.
#[tracing::instrument(skip_all)]
pub async fn request_password_reset(
    db: &DatabaseConnection,
    links: &Links,
    email: &Email,
    ip: &str,
) -> Result<(), ResetRequestError> {
    rate_limit::hit(db, &rate_limit::key("reset-ip", ip), rate_limit::RESET_PER_IP)
        .await?
        .map_err(ResetRequestError::RateLimited)?;
    rate_limit::hit(db, &rate_limit::key("reset-address", email.as_ref()), rate_limit::RESET_PER_ADDRESS)
        .await?
        .map_err(ResetRequestError::RateLimited)?;
    let Some(user) = find_by_email(db, email).await? else { return Ok(()) };
    let txn = db.begin().await?;
    let token = tokens::issue(&txn, user.id, Purpose::Reset, None).await?;
    let message = templates::PasswordReset { name: user.display_name.clone(), link: links.reset(&token) };
    send(&txn, links, format!("reset:{}:{}", user.id, nonce()), email, user_locale(&user), &message).await?;
    txn.commit().await?;
    Ok(())
}

/// Whether a reset link is still usable (to show the form or an explanation).
pub async fn reset_link_is_valid(db: &DatabaseConnection, token: &str) -> Result<bool, Unexpected> {
    Ok(tokens::peek(db, token, Purpose::Reset).await?.is_some())
}

#[derive(Debug, thiserror::Error)]
pub enum ResetError {
    #[error("the link is invalid, used or expired")]
    InvalidLink,
    #[error("the password is not acceptable: {0}")]
    WeakPassword(PasswordError),
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl From<DbErr> for ResetError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(error.into())
    }
}

/// Sets a new password from a reset link, ends every session of the account
/// and tells the owner. Does not sign in.
#[tracing::instrument(skip_all)]
pub async fn reset_password(
    db: &DatabaseConnection,
    links: &Links,
    token: &str,
    new: Password,
) -> Result<(), ResetError> {
    let Some(link) = tokens::peek(db, token, Purpose::Reset).await? else { return Err(ResetError::InvalidLink) };
    let Some(user) = find(db, link.user_id).await? else { return Err(ResetError::InvalidLink) };
    let email = user_email(&user).ok_or(ResetError::InvalidLink)?;
    check_not_common(&new, &[email.as_ref(), &user.display_name]).map_err(ResetError::WeakPassword)?;
    let hash = password::hash(new).await.map_err(Unexpected)?;
    let txn = db.begin().await?;
    if tokens::consume(&txn, token, Purpose::Reset).await?.is_none() {
        return Err(ResetError::InvalidLink);
    }
    let now = Utc::now();
    let mut active: user::ActiveModel = user.clone().into();
    active.password_hash = Set(Some(hash.as_str().to_owned()));
    // Following the link proved the owner reads this mailbox.
    if user.email_verified_at.is_none() {
        active.email_verified_at = Set(Some(now));
    }
    active.update(&txn).await?;
    sessions::revoke_all_except(&txn, user.id, None).await?;
    let message = templates::PasswordChanged { name: user.display_name.clone(), reset_link: links.forgot_password() };
    send(&txn, links, format!("password-changed:{}:{}", user.id, nonce()), &email, user_locale(&user), &message)
        .await?;
    txn.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------- signed-in changes

#[derive(Debug, thiserror::Error)]
pub enum ChangePasswordError {
    #[error("the current password is wrong")]
    WrongPassword,
    #[error("the new password is not acceptable: {0}")]
    WeakPassword(PasswordError),
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl From<DbErr> for ChangePasswordError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(error.into())
    }
}

/// Changes the password of `user_id` (the current one is required) and ends
/// every other session.
#[tracing::instrument(skip_all)]
pub async fn change_password(
    db: &DatabaseConnection,
    links: &Links,
    user_id: i64,
    current_session: i64,
    current: &str,
    new: Password,
) -> Result<(), ChangePasswordError> {
    let user = find(db, user_id).await?.ok_or(ChangePasswordError::WrongPassword)?;
    if !password::verify(current.to_owned(), user.password_hash.clone()).await.map_err(Unexpected)? {
        return Err(ChangePasswordError::WrongPassword);
    }
    let email = user_email(&user).ok_or(ChangePasswordError::WrongPassword)?;
    check_not_common(&new, &[email.as_ref(), &user.display_name]).map_err(ChangePasswordError::WeakPassword)?;
    let hash = password::hash(new).await.map_err(Unexpected)?;
    let txn = db.begin().await?;
    let mut active: user::ActiveModel = user.clone().into();
    active.password_hash = Set(Some(hash.as_str().to_owned()));
    active.update(&txn).await?;
    sessions::revoke_all_except(&txn, user.id, Some(current_session)).await?;
    let message = templates::PasswordChanged { name: user.display_name.clone(), reset_link: links.forgot_password() };
    send(&txn, links, format!("password-changed:{}:{}", user.id, nonce()), &email, user_locale(&user), &message)
        .await?;
    txn.commit().await?;
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum ChangeEmailError {
    #[error("the password is wrong")]
    WrongPassword,
    #[error("this is already the account's address")]
    SameAddress,
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl From<DbErr> for ChangeEmailError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(error.into())
    }
}

/// `jeanne.martin@example.org` shown as `j***@example.org`.
pub fn mask_email(email: &Email) -> String {
    let text = email.as_ref();
    let first = text.chars().next().unwrap_or('*');
    format!("{first}***@{}", email.domain())
}

/// Starts a change of address: a confirmation link to the new address, a
/// notice to the old one. When the new address belongs to another account,
/// nothing is sent, and the answer is the same.
#[tracing::instrument(skip_all)]
pub async fn request_email_change(
    db: &DatabaseConnection,
    links: &Links,
    user_id: i64,
    new_email: &Email,
    password: &str,
) -> Result<(), ChangeEmailError> {
    let user = find(db, user_id).await?.ok_or(ChangeEmailError::WrongPassword)?;
    if !password::verify(password.to_owned(), user.password_hash.clone()).await.map_err(Unexpected)? {
        return Err(ChangeEmailError::WrongPassword);
    }
    let old = user_email(&user).ok_or(ChangeEmailError::WrongPassword)?;
    if &old == new_email {
        return Err(ChangeEmailError::SameAddress);
    }
    if find_by_email(db, new_email).await?.is_some() {
        return Ok(());
    }
    let txn = db.begin().await?;
    let token = tokens::issue(&txn, user.id, Purpose::NewEmail, Some(new_email)).await?;
    let locale = user_locale(&user);
    let confirm = templates::ConfirmNewEmail { name: user.display_name.clone(), link: links.confirm_new_email(&token) };
    send(&txn, links, format!("new-email:{}:{}", user.id, nonce()), new_email, locale, &confirm).await?;
    let notice = templates::EmailChangeNotice {
        name: user.display_name.clone(),
        new_email: mask_email(new_email),
        reset_link: links.forgot_password(),
    };
    send(&txn, links, format!("email-change-notice:{}:{}", user.id, nonce()), &old, locale, &notice).await?;
    txn.commit().await?;
    Ok(())
}

/// What following a new-address link did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailChangeOutcome {
    Changed,
    InvalidLink,
    /// Another account took the address in the meantime.
    Taken,
}

/// Uses a new-address link: the account's address becomes the new one.
#[tracing::instrument(skip_all)]
pub async fn confirm_email_change(db: &DatabaseConnection, token: &str) -> Result<EmailChangeOutcome, Unexpected> {
    let txn = db.begin().await?;
    let Some(used) = tokens::consume(&txn, token, Purpose::NewEmail).await? else {
        return Ok(EmailChangeOutcome::InvalidLink);
    };
    let Some(new_email) = used.new_email else { return Ok(EmailChangeOutcome::InvalidLink) };
    let Some(user) = find(&txn, used.user_id).await? else { return Ok(EmailChangeOutcome::InvalidLink) };
    let mut active: user::ActiveModel = user.into();
    active.email = Set(Some(new_email));
    active.email_verified_at = Set(Some(Utc::now()));
    match active.update(&txn).await {
        Ok(_) => {}
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Ok(EmailChangeOutcome::Taken);
        }
        Err(error) => return Err(error.into()),
    }
    txn.commit().await?;
    Ok(EmailChangeOutcome::Changed)
}

/// Saves the language of `user_id`.
pub async fn set_locale<C: ConnectionTrait>(conn: &C, user_id: i64, locale: Locale) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(user::Column::Locale, sea_orm::sea_query::Expr::value(locale.as_str()))
        .filter(user::Column::Id.eq(user_id))
        .exec(conn)
        .await
        .map(drop)
}

/// Changes the display name of `user_id`.
pub async fn rename<C: ConnectionTrait>(conn: &C, user_id: i64, name: &DisplayName) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(user::Column::DisplayName, sea_orm::sea_query::Expr::value(name.as_ref()))
        .filter(user::Column::Id.eq(user_id))
        .exec(conn)
        .await
        .map(drop)
}

// ---------------------------------------------------------------- your data

/// Everything Palier keeps about a person, for "export my data" (GDPR art. 15 and 20).
#[derive(Debug, Clone, Serialize)]
pub struct DataExport {
    pub exported_at: chrono::DateTime<Utc>,
    pub account: ExportedAccount,
    pub households: Vec<ExportedHousehold>,
    pub organisations: Vec<ExportedMembership>,
    pub sessions: Vec<palier_domain::accounts::SessionView>,
    /// Projects, comments and supports (empty until those capabilities exist).
    pub contributions: Vec<serde_json::Value>,
    /// In-app notifications, newest first.
    pub notifications: Vec<crate::notifications::Item>,
    /// Email mode per category (`immediate`, `digest`, `none`).
    pub email_preferences: std::collections::BTreeMap<&'static str, &'static str>,
    /// Ballots are secret: they are not linked to you and cannot be exported.
    pub ballots_note: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportedAccount {
    pub email: Option<String>,
    pub display_name: String,
    pub locale: String,
    pub email_verified_at: Option<chrono::DateTime<Utc>>,
    pub created_at: chrono::DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportedHousehold {
    pub residence: String,
    pub unit: String,
    pub joined_at: chrono::DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportedMembership {
    pub organisation_id: i64,
    pub role: String,
    pub since: chrono::DateTime<Utc>,
}

/// Gathers the data export of `user_id`.
pub async fn export(db: &DatabaseConnection, user_id: i64) -> Result<Option<DataExport>, DbErr> {
    let Some(user) = find(db, user_id).await? else { return Ok(None) };
    let mut households = Vec::new();
    for (occupancy, household) in occupancy::Entity::find()
        .filter(occupancy::Column::UserId.eq(user_id))
        .find_also_related(household::Entity)
        .all(db)
        .await?
    {
        let Some(household) = household else { continue };
        let residence = residence::Entity::find_by_id(household.residence_id).one(db).await?;
        households.push(ExportedHousehold {
            residence: residence.map(|r| r.name).unwrap_or_default(),
            unit: household.unit_label,
            joined_at: occupancy.joined_at,
        });
    }
    let organisations = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| ExportedMembership { organisation_id: m.organisation_id, role: m.role, since: m.created_at })
        .collect();
    Ok(Some(DataExport {
        exported_at: Utc::now(),
        account: ExportedAccount {
            email: user.email,
            display_name: user.display_name,
            locale: user.locale,
            email_verified_at: user.email_verified_at,
            created_at: user.created_at,
        },
        households,
        organisations,
        sessions: sessions::list(db, user_id, palier_domain::ids::SessionId::new(0)).await?,
        contributions: Vec::new(),
        notifications: notification::Entity::find()
            .filter(notification::Column::UserId.eq(user_id))
            .order_by_desc(notification::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(crate::notifications::Item::from)
            .collect(),
        email_preferences: crate::notifications::preferences(db, user_id)
            .await?
            .into_iter()
            .map(|preference| (preference.category.code(), preference.mode.code()))
            .collect(),
        ballots_note: "Ballots are secret: they are stored apart from the register of who took part and cannot be linked to you.",
    }))
}

#[derive(Debug, thiserror::Error)]
pub enum DeleteAccountError {
    #[error("the password is wrong")]
    WrongPassword,
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl From<DbErr> for DeleteAccountError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(error.into())
    }
}

/// Deletes an account: personal data is erased (address, name, password),
/// sessions, links to households and roles end; the row stays, anonymised,
/// so kept contributions show "former tenant" and counts stay right.
#[tracing::instrument(skip_all)]
pub async fn delete_account(db: &DatabaseConnection, user_id: i64, password: &str) -> Result<(), DeleteAccountError> {
    let user = find(db, user_id).await?.ok_or(DeleteAccountError::WrongPassword)?;
    if !password::verify(password.to_owned(), user.password_hash.clone()).await.map_err(Unexpected)? {
        return Err(DeleteAccountError::WrongPassword);
    }
    let txn = db.begin().await?;
    session::Entity::delete_many().filter(session::Column::UserId.eq(user_id)).exec(&txn).await?;
    email_token::Entity::delete_many().filter(email_token::Column::UserId.eq(user_id)).exec(&txn).await?;
    occupancy::Entity::delete_many().filter(occupancy::Column::UserId.eq(user_id)).exec(&txn).await?;
    membership::Entity::delete_many().filter(membership::Column::UserId.eq(user_id)).exec(&txn).await?;
    notification::Entity::delete_many().filter(notification::Column::UserId.eq(user_id)).exec(&txn).await?;
    notification_preference::Entity::delete_many()
        .filter(notification_preference::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    crate::notifications::forget_person(&txn, user_id).await?;
    let mut active: user::ActiveModel = user.into();
    active.email = Set(None);
    active.display_name = Set(String::new());
    active.password_hash = Set(None);
    active.is_platform_admin = Set(false);
    active.deleted_at = Set(Some(Utc::now()));
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}
