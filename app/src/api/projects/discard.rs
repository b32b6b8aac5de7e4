use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::ProjectId;

/// The author throws their draft away (it was never public).
#[server(prefix = "/api", endpoint = "projects/discard")]
pub async fn discard_project(id: ProjectId) -> Result<(), AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    palier_backend::projects::propose::discard(&state.db, &state.attachments, &actor, id).await?;
    leptos_axum::redirect("/projets?ok=draft-discarded");
    Ok(())
}
