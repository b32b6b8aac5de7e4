use crate::error::AppError;
use leptos::prelude::*;

/// Signs in and goes to `redirect_to` (a local path) or the dashboard.
#[server(prefix = "/api", endpoint = "accounts/login")]
pub async fn login(
    email: String,
    password: palier_domain::Secret,
    remember: Option<String>,
    redirect_to: Option<String>,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{
        client_ip, rate_limited, safe_local_path, set_locale_cookie, set_session_cookie, state, user_agent,
    };
    use crate::validation::{current_password, sign_in_email};
    use palier_backend::accounts::{self, Credentials, LoginError};

    let state = state()?;
    let mut form = FormErrors::new();
    form.field("email", &email, sign_in_email);
    form.secret("password", password.expose(), current_password);
    AppError::unless_valid(form.clone())?;
    let remember = remember.is_some();
    let ip = client_ip();
    let agent = user_agent();
    let credentials = Credentials { email: &email, password: password.expose(), remember, user_agent: &agent, ip: &ip };
    match accounts::login(&state.db, &state.settings.links(), credentials).await {
        Ok((session, user)) => {
            set_session_cookie(&state.settings, &session.token, remember);
            set_locale_cookie(&state.settings, user.locale.parse().unwrap_or_default());
            let target = redirect_to.as_deref().map(safe_local_path).filter(|p| *p != "/").unwrap_or("/accueil");
            leptos_axum::redirect(target);
            Ok(())
        }
        Err(LoginError::InvalidCredentials) => {
            form.add("password", "error-login-invalid");
            Err(AppError::Invalid(form))
        }
        Err(LoginError::Unverified) => {
            state.outbox.wake();
            form.add("email", "error-login-unverified");
            Err(AppError::Invalid(form))
        }
        Err(LoginError::RateLimited(exceeded)) => Err(rate_limited(exceeded)),
        Err(LoginError::Unexpected(error)) => Err(error.into()),
    }
}

/// Signs out: the session row is deleted and the cookie cleared.
#[server(prefix = "/api", endpoint = "accounts/logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::server::{clear_session_cookie, cookie, request_headers, state};
    let state = state()?;
    if let Some(token) = cookie(&request_headers(), state.settings.session_cookie()) {
        palier_backend::sessions::end_by_token(&state.db, &token).await?;
    }
    clear_session_cookie(&state.settings);
    leptos_axum::redirect("/?ok=signed-out");
    Ok(())
}
