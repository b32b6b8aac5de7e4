use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// A session on "my sessions".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: i64,
    pub device: Option<String>,
    /// In Paris time, written for the reader's language.
    pub last_seen: String,
    pub started: String,
    pub current: bool,
}

#[server(prefix = "/api", endpoint = "accounts/my_sessions", input = GetUrl)]
pub async fn my_sessions() -> Result<Vec<SessionView>, AppError> {
    use crate::server::{format_datetime, internal, locale, require_session, state};
    let state = state()?;
    let session = require_session()?;
    let locale = locale();
    let sessions = palier_backend::sessions::list(&state.db, session.actor.user_id).await.map_err(internal)?;
    Ok(sessions
        .into_iter()
        .map(|s| SessionView {
            id: s.id,
            device: s.device,
            last_seen: format_datetime(s.last_seen_at, locale),
            started: format_datetime(s.created_at, locale),
            current: s.id == session.session_id,
        })
        .collect())
}

/// Ends one of my sessions.
#[server(prefix = "/api", endpoint = "accounts/revoke_session")]
pub async fn revoke_session(session_id: i64) -> Result<(), AppError> {
    use crate::server::{internal, require_session, state};
    let state = state()?;
    let session = require_session()?;
    if !palier_backend::sessions::revoke(&state.db, session.actor.user_id, session_id).await.map_err(internal)? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/compte?ok=session-ended#sessions");
    Ok(())
}

/// Ends all my sessions but this one.
#[server(prefix = "/api", endpoint = "accounts/revoke_other_sessions")]
pub async fn revoke_other_sessions() -> Result<(), AppError> {
    use crate::server::{internal, require_session, state};
    let state = state()?;
    let session = require_session()?;
    palier_backend::sessions::revoke_all_except(&state.db, session.actor.user_id, Some(session.session_id))
        .await
        .map_err(internal)?;
    leptos_axum::redirect("/compte?ok=sessions-ended#sessions");
    Ok(())
}
