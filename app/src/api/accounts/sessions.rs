use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::accounts::SessionView;
use palier_domain::ids::SessionId;

#[server(prefix = "/api", endpoint = "accounts/my_sessions", input = GetUrl)]
pub async fn my_sessions() -> Result<Vec<SessionView>, AppError> {
    use crate::server::{require_session, state};
    let state = state()?;
    let session = require_session()?;
    let current = SessionId::new(session.session_id);
    Ok(palier_backend::sessions::list(&state.db, session.actor.user_id, current).await?)
}

/// Ends one of my sessions.
#[server(prefix = "/api", endpoint = "accounts/revoke_session")]
pub async fn revoke_session(session_id: SessionId) -> Result<(), AppError> {
    use crate::server::{require_session, state};
    let state = state()?;
    let session = require_session()?;
    if !palier_backend::sessions::revoke(&state.db, session.actor.user_id, session_id.get()).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/compte?ok=session-ended#sessions");
    Ok(())
}

/// Ends all my sessions but this one.
#[server(prefix = "/api", endpoint = "accounts/revoke_other_sessions")]
pub async fn revoke_other_sessions() -> Result<(), AppError> {
    use crate::server::{require_session, state};
    let state = state()?;
    let session = require_session()?;
    palier_backend::sessions::revoke_all_except(&state.db, session.actor.user_id, Some(session.session_id)).await?;
    leptos_axum::redirect("/compte?ok=sessions-ended#sessions");
    Ok(())
}
