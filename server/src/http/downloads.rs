//! Files people download (data export; later letters and CSV exports). They
//! are plain handlers rather than server functions because they answer with
//! a file, not data for a page; they authorise through the same session and
//! policy.

use axum::Extension;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use palier_app::server::AppState;
use palier_backend::sessions::CurrentSession;

/// `GET /compte/mes-donnees.json`: everything Palier keeps about the signed-in
/// person, as a JSON download (the session middleware sends visitors to sign in).
pub async fn my_data(State(state): State<AppState>, session: Option<Extension<CurrentSession>>) -> Response {
    let Some(Extension(session)) = session else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    match palier_backend::accounts::export(&state.db, session.actor.user_id).await {
        Ok(Some(export)) => match serde_json::to_string_pretty(&export) {
            Ok(json) => (
                [
                    (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                    (header::CONTENT_DISPOSITION, "attachment; filename=\"palier-mes-donnees.json\""),
                    (header::CACHE_CONTROL, "no-store"),
                ],
                json,
            )
                .into_response(),
            Err(error) => {
                tracing::error!(%error, "could not serialise a data export");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        },
        Ok(None) => StatusCode::UNAUTHORIZED.into_response(),
        Err(error) => {
            tracing::error!(%error, "could not gather a data export");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
