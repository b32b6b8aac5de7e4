//! A forgotten password: the reset link and the new password.

use super::*;

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
