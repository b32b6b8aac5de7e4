use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// Emails a reset link if the address has an account. The answer is the same
/// either way.
#[server(prefix = "/api", endpoint = "accounts/request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{client_ip, rate_limited, state};
    use crate::validation::parse_email;
    use palier_backend::accounts::{self, ResetRequestError};
    let state = state()?;
    let mut form = FormErrors::new();
    let Some(email) = parse_email(&mut form, "email", &email) else { return Err(AppError::Invalid(form)) };
    match accounts::request_password_reset(&state.db, &state.settings.links(), &email, &client_ip()).await {
        Ok(()) => {
            state.outbox.wake();
            leptos_axum::redirect("/mot-de-passe-oublie?ok=sent");
            Ok(())
        }
        Err(ResetRequestError::RateLimited(exceeded)) => Err(rate_limited(exceeded)),
        Err(ResetRequestError::Unexpected(error)) => Err(error.into()),
    }
}

/// Whether a reset link can still be used.
#[server(prefix = "/api", endpoint = "accounts/reset_link_status", input = GetUrl)]
pub async fn reset_link_status(token: palier_domain::Secret) -> Result<bool, AppError> {
    use crate::server::state;
    let state = state()?;
    Ok(palier_backend::accounts::reset_link_is_valid(&state.db, token.expose()).await?)
}

/// Sets a new password from a reset link; every session ends; no sign-in.
#[server(prefix = "/api", endpoint = "accounts/reset_password")]
pub async fn reset_password(token: palier_domain::Secret, password: palier_domain::Secret) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::state;
    use crate::validation::parse_password;
    use palier_backend::accounts::{self, ResetError};
    let state = state()?;
    let mut form = FormErrors::new();
    let Some(password) = parse_password(&mut form, "password", password.expose()) else {
        return Err(AppError::Invalid(form));
    };
    match accounts::reset_password(&state.db, &state.settings.links(), token.expose(), password).await {
        Ok(()) => {
            state.outbox.wake();
            leptos_axum::redirect("/connexion?ok=password-reset");
            Ok(())
        }
        Err(ResetError::InvalidLink) => Err(AppError::NotFound),
        Err(ResetError::WeakPassword(reason)) => {
            form.add("password", reason.message());
            Err(AppError::Invalid(form))
        }
        Err(ResetError::Unexpected(error)) => Err(error.into()),
    }
}

/// Changes the password (the current one is required); other sessions end.
#[server(prefix = "/api", endpoint = "accounts/change_password")]
pub async fn change_password(
    current_password: palier_domain::Secret,
    new_password: palier_domain::Secret,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{require_session, state};
    use crate::validation::{self, parse_password};
    use palier_backend::accounts::{self, ChangePasswordError};
    let state = state()?;
    let session = require_session()?;
    let mut form = FormErrors::new();
    form.secret("current_password", current_password.expose(), validation::current_password);
    let new_password = parse_password(&mut form, "new_password", new_password.expose());
    let Some(new_password) = new_password.filter(|_| form.is_empty()) else { return Err(AppError::Invalid(form)) };
    let links = state.settings.links();
    match accounts::change_password(
        &state.db,
        &links,
        session.actor.user_id,
        session.session_id,
        current_password.expose(),
        new_password,
    )
    .await
    {
        Ok(()) => {
            state.outbox.wake();
            leptos_axum::redirect("/compte?ok=password-changed");
            Ok(())
        }
        Err(ChangePasswordError::WrongPassword) => {
            form.add("current_password", "error-password-wrong");
            Err(AppError::Invalid(form))
        }
        Err(ChangePasswordError::WeakPassword(reason)) => {
            form.add("new_password", reason.message());
            Err(AppError::Invalid(form))
        }
        Err(ChangePasswordError::RateLimited(exceeded)) => Err(crate::server::rate_limited(exceeded)),
        Err(ChangePasswordError::Unexpected(error)) => Err(error.into()),
    }
}
