//! `GET /pieces-jointes/{id}/{variant}`: a photo, for whoever may see what
//! it belongs to (the owner's rule, in the backend). The bytes of an id
//! and variant never change, but a photo may be hidden or taken off: the
//! browser keeps it five minutes; `private`, because it was served to one
//! signed-in person.

use axum::Extension;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use palier_app::server::AppState;
use palier_backend::projects::ProjectError;
use palier_backend::sessions::CurrentSession;
use palier_domain::attachments::Variant;
use palier_domain::ids::AttachmentId;

pub async fn photo(
    State(state): State<AppState>,
    Path((id, variant)): Path<(AttachmentId, String)>,
    session: Option<Extension<CurrentSession>>,
) -> Response {
    let Some(Extension(session)) = session else { return StatusCode::UNAUTHORIZED.into_response() };
    // Any other size is no file of ours.
    let Ok(variant) = variant.parse::<Variant>() else { return StatusCode::NOT_FOUND.into_response() };
    match palier_backend::projects::photos::photo(&state.db, &state.attachments, &session.actor, id, variant).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "image/jpeg"),
                (header::CACHE_CONTROL, "private, max-age=300"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            bytes,
        )
            .into_response(),
        Err(ProjectError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(ProjectError::Forbidden) => StatusCode::FORBIDDEN.into_response(),
        Err(error) => {
            tracing::error!(error = %palier_app::server::cause_chain(&error), "could not serve a photo");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
