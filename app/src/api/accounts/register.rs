use crate::error::AppError;
use leptos::prelude::*;

/// Creates an account and sends the verification email (or, when the address
/// already has an account, emails its owner). Always leads to "check your email".
#[server(prefix = "/api", endpoint = "accounts/register")]
pub async fn register(display_name: String, email: String, password: palier_domain::Secret) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::i18n::RequestLocale;
    use crate::server::{client_ip, rate_limited, state};
    use crate::validation::{parse_email, parse_name, parse_password};
    use palier_backend::accounts::{self, RegisterError, Registration};
    use palier_backend::rate_limit;

    let state = state()?;
    let mut form = FormErrors::new();
    let display_name = parse_name(&mut form, "display_name", &display_name);
    let email = parse_email(&mut form, "email", &email);
    let password = parse_password(&mut form, "password", password.expose());
    let (Some(display_name), Some(email), Some(password)) = (display_name, email, password) else {
        return Err(AppError::Invalid(form));
    };
    rate_limit::hit(&state.db, &rate_limit::key("register-ip", &client_ip()), rate_limit::REGISTRATION_PER_IP)
        .await?
        .map_err(rate_limited)?;
    let locale = use_context::<RequestLocale>().map(|l| l.0).unwrap_or_default();
    let registration = Registration { email, display_name, password, locale };
    match accounts::register(&state.db, &state.settings.links(), registration).await {
        Ok(()) => {
            state.outbox.wake();
            leptos_axum::redirect("/inscription/envoyee");
            Ok(())
        }
        Err(RegisterError::WeakPassword(reason)) => {
            form.add("password", reason.message());
            Err(AppError::Invalid(form))
        }
        Err(RegisterError::Unexpected(error)) => Err(error.into()),
    }
}

/// Uses the link of a verification email (posted from its page, so that
/// mail scanners that open links do not use it up).
#[server(prefix = "/api", endpoint = "accounts/verify_email")]
pub async fn verify_email(token: palier_domain::Secret) -> Result<(), AppError> {
    use crate::server::state;
    let state = state()?;
    if palier_backend::accounts::verify_email(&state.db, token.expose()).await? {
        leptos_axum::redirect("/connexion?ok=verified");
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
