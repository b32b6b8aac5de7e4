use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::accounts::AccountView;

#[server(prefix = "/api", endpoint = "accounts/my_account", input = GetUrl)]
pub async fn my_account() -> Result<AccountView, AppError> {
    use crate::server::{require_session, state};
    let state = state()?;
    let session = require_session()?;
    let user =
        palier_backend::accounts::find(&state.db, session.actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
    Ok(AccountView {
        display_name: user.display_name,
        email: user.email.unwrap_or_default(),
        locale: user.locale.parse().unwrap_or_default(),
    })
}

/// Changes the name others see.
#[server(prefix = "/api", endpoint = "accounts/rename")]
pub async fn rename(display_name: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{require_session, state};
    use crate::validation::parse_name;
    let state = state()?;
    let session = require_session()?;
    let mut form = FormErrors::new();
    let Some(name) = parse_name(&mut form, "display_name", &display_name) else { return Err(AppError::Invalid(form)) };
    palier_backend::accounts::rename(&state.db, session.actor.user_id, &name).await?;
    leptos_axum::redirect("/compte?ok=renamed");
    Ok(())
}

/// Starts a change of address: a link to the new one, a notice to the old one.
#[server(prefix = "/api", endpoint = "accounts/change_email")]
pub async fn change_email(new_email: String, password: palier_domain::Secret) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{require_session, state};
    use crate::validation::{current_password, parse_email};
    use palier_backend::accounts::{self, ChangeEmailError};
    let state = state()?;
    let session = require_session()?;
    let mut form = FormErrors::new();
    let email = parse_email(&mut form, "new_email", &new_email);
    form.secret("password", password.expose(), current_password);
    let Some(email) = email.filter(|_| form.is_empty()) else { return Err(AppError::Invalid(form)) };
    match accounts::request_email_change(
        &state.db,
        &state.settings.links(),
        session.actor.user_id,
        &email,
        password.expose(),
    )
    .await
    {
        Ok(()) => {
            state.outbox.wake();
            leptos_axum::redirect("/compte?ok=email-sent");
            Ok(())
        }
        Err(ChangeEmailError::WrongPassword) => {
            form.add("password", "error-password-wrong");
            Err(AppError::Invalid(form))
        }
        Err(ChangeEmailError::SameAddress) => {
            form.add("new_email", "error-email-same");
            Err(AppError::Invalid(form))
        }
        Err(ChangeEmailError::RateLimited(exceeded)) => Err(crate::server::rate_limited(exceeded)),
        Err(ChangeEmailError::Unexpected(error)) => Err(error.into()),
    }
}

/// Uses the link sent to a new address.
#[server(prefix = "/api", endpoint = "accounts/confirm_email_change")]
pub async fn confirm_email_change(token: palier_domain::Secret) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{session, state};
    use palier_backend::accounts::{self, EmailChangeOutcome};
    let state = state()?;
    match accounts::confirm_email_change(&state.db, token.expose(), session().as_ref()).await? {
        EmailChangeOutcome::Changed => {
            leptos_axum::redirect("/compte?ok=email-changed");
            Ok(())
        }
        EmailChangeOutcome::InvalidLink => Err(AppError::NotFound),
        EmailChangeOutcome::Taken => {
            let mut form = FormErrors::new();
            form.add("token", "error-email-taken");
            Err(AppError::Invalid(form))
        }
    }
}

/// Deletes the account (password and a ticked confirmation required).
#[server(prefix = "/api", endpoint = "accounts/delete_account")]
pub async fn delete_account(password: palier_domain::Secret, confirm: Option<String>) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{clear_session_cookie, require_session, state};
    use crate::validation::current_password;
    use palier_backend::accounts::{self, DeleteAccountError};
    let state = state()?;
    let session = require_session()?;
    let mut form = FormErrors::new();
    form.secret("password", password.expose(), current_password);
    form.field("confirm", confirm.as_deref().unwrap_or_default(), palier_domain::accounts::delete_confirmed);
    AppError::unless_valid(form.clone())?;
    match accounts::delete_account(&state.db, session.actor.user_id, password.expose()).await {
        Ok(()) => {
            clear_session_cookie(&state.settings);
            leptos_axum::redirect("/?ok=account-deleted");
            Ok(())
        }
        Err(DeleteAccountError::WrongPassword) => {
            form.add("password", "error-password-wrong");
            Err(AppError::Invalid(form))
        }
        Err(DeleteAccountError::RateLimited(exceeded)) => Err(crate::server::rate_limited(exceeded)),
        Err(DeleteAccountError::Unexpected(error)) => Err(error.into()),
    }
}
