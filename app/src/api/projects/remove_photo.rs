use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::{AttachmentId, ProjectId};

/// The author takes a photo off their project while they may rewrite it.
#[server(prefix = "/api", endpoint = "projects/remove_photo")]
pub async fn remove_photo(id: ProjectId, photo: AttachmentId) -> Result<(), AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    palier_backend::projects::propose::remove_photo(&state.db, &state.attachments, &actor, id, photo).await?;
    leptos_axum::redirect(&format!("{}/modifier?ok=photo-removed", super::project_path(id)));
    Ok(())
}
