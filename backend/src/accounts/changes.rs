//! What a signed-in person changes: their password, address, language and name.

use super::*;

#[derive(Debug, thiserror::Error)]
pub enum ChangePasswordError {
    #[error("the current password is wrong")]
    WrongPassword,
    #[error("the new password is not acceptable: {0}")]
    WeakPassword(PasswordError),
    #[error(transparent)]
    RateLimited(Exceeded),
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
    if !recheck_password(db, &user, current).await?.map_err(ChangePasswordError::RateLimited)? {
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
    RateLimited(Exceeded),
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
    if !recheck_password(db, &user, password).await?.map_err(ChangeEmailError::RateLimited)? {
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

/// Uses a new-address link: the account's address becomes the new one, and
/// every session of the account ends but `current` (the session that
/// followed the link, when it is the account's own): whoever took over an
/// account and moved its address must not stay signed in elsewhere.
#[tracing::instrument(skip_all)]
pub async fn confirm_email_change(
    db: &DatabaseConnection,
    token: &str,
    current: Option<&sessions::CurrentSession>,
) -> Result<EmailChangeOutcome, Unexpected> {
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
    let keep = current.filter(|c| c.actor.user_id == used.user_id).map(|c| c.session_id);
    sessions::revoke_all_except(&txn, used.user_id, keep).await?;
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
