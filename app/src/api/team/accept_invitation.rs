use crate::error::AppError;
use leptos::prelude::*;

/// Accepts an invitation with the signed-in account.
#[server(prefix = "/api", endpoint = "team/accept_invitation")]
pub async fn accept_invitation(token: palier_domain::Secret) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{require_session, state};
    use palier_backend::team::{self, AcceptError};
    let state = state()?;
    let session = require_session()?;
    match team::accept_as(&state.db, token.expose(), session.actor.user_id).await {
        Ok(()) => {
            leptos_axum::redirect("/gestion?ok=joined-team");
            Ok(())
        }
        Err(AcceptError::InvalidInvitation) => Err(AppError::NotFound),
        Err(AcceptError::OtherAccount) => {
            let mut form = FormErrors::new();
            form.add("token", "error-invitation-other-account");
            Err(AppError::Invalid(form))
        }
        Err(AcceptError::Unexpected(error)) => Err(error.into()),
        Err(_) => Err(AppError::BadRequest),
    }
}
