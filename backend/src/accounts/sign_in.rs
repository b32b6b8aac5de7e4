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

/// Checks credentials and opens a session. Every attempt is counted before
/// the password is checked, in one statement each, so parallel attempts
/// cannot all pass a check that counts afterwards: per client address, per
/// account and client address (refused beyond their limits), and per
/// account from anywhere (never refused, which would let anyone lock a
/// chosen person out, but slowed down, see [`rate_limit::login_delay`]).
/// A success takes its attempt back. An unknown address costs the same
/// time as a wrong password.
#[tracing::instrument(skip_all)]
pub async fn login(
    db: &DatabaseConnection,
    links: &Links,
    credentials: Credentials<'_>,
) -> Result<(NewSession, user::Model), LoginError> {
    let account = credentials.email.trim().to_lowercase();
    let ip_key = rate_limit::key("login-ip", credentials.ip);
    let pair_key = rate_limit::key("login-account", &format!("{account}\n{}", credentials.ip));
    let account_key = rate_limit::key("login-anywhere", &account);
    rate_limit::hit(db, &ip_key, rate_limit::LOGIN_FAILURES_PER_IP).await?.map_err(LoginError::RateLimited)?;
    rate_limit::hit(db, &pair_key, rate_limit::LOGIN_FAILURES_PER_ACCOUNT).await?.map_err(LoginError::RateLimited)?;
    let attempts = rate_limit::hits(db, &account_key, rate_limit::LOGIN_ATTEMPTS_PER_ACCOUNT).await?;
    tokio::time::sleep(rate_limit::login_delay(attempts)).await;

    let user = match Email::parse(credentials.email) {
        Ok(email) => find_by_email(db, &email).await?,
        Err(_) => None,
    };
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    let matches = match password::verify(credentials.password.to_owned(), stored).await {
        Ok(matches) => matches,
        Err(error) => {
            // Not checked (every core was busy): the attempt does not count.
            for key in [&ip_key, &pair_key, &account_key] {
                rate_limit::release(db, key).await?;
            }
            return Err(Unexpected(error).into());
        }
    };
    let Some(user) = user.filter(|_| matches) else {
        return Err(LoginError::InvalidCredentials);
    };
    rate_limit::clear(db, &pair_key).await?;
    rate_limit::clear(db, &account_key).await?;
    rate_limit::release(db, &ip_key).await?;
    if user.email_verified_at.is_none() {
        resend_verification(db, links, &user).await?;
        return Err(LoginError::Unverified);
    }
    let session = sessions::create(db, user.id, credentials.remember, credentials.user_agent).await?;
    Ok((session, user))
}
