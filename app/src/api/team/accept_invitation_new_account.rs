use crate::error::AppError;
use leptos::prelude::*;

/// Accepts an invitation by creating the account (signs in).
#[server(prefix = "/api", endpoint = "team/accept_invitation_new_account")]
pub async fn accept_invitation_new_account(
    token: palier_domain::Secret,
    display_name: String,
    password: palier_domain::Secret,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{set_session_cookie, state, user_agent};
    use crate::validation::{parse_name, parse_password};
    use palier_backend::team::{self, AcceptError};
    let state = state()?;
    let mut form = FormErrors::new();
    let name = parse_name(&mut form, "display_name", &display_name);
    let password = parse_password(&mut form, "password", password.expose());
    let (Some(name), Some(password)) = (name, password) else { return Err(AppError::Invalid(form)) };
    match team::accept_with_new_account(&state.db, token.expose(), name, password, &user_agent()).await {
        Ok(session) => {
            set_session_cookie(&state.settings, &session.token, false);
            leptos_axum::redirect("/gestion?ok=joined-team");
            Ok(())
        }
        Err(AcceptError::InvalidInvitation) => Err(AppError::NotFound),
        Err(AcceptError::AccountExists) => {
            form.add("display_name", "error-invitation-sign-in");
            Err(AppError::Invalid(form))
        }
        Err(AcceptError::WeakPassword(reason)) => {
            form.add("password", reason.message());
            Err(AppError::Invalid(form))
        }
        Err(AcceptError::Unexpected(error)) => Err(error.into()),
        Err(_) => Err(AppError::BadRequest),
    }
}
