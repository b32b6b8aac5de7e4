//! Registering an account and verifying its address.

use super::*;

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
