//! Signing in.

use super::*;

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
