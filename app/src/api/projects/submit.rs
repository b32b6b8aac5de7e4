use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::ProjectId;

/// The author publishes their draft: neighbours can then support it.
#[server(prefix = "/api", endpoint = "projects/submit")]
pub async fn submit_project(id: ProjectId) -> Result<(), AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    palier_backend::projects::propose::submit(&state.db, &actor, id, state.clock.now()).await?;
    leptos_axum::redirect(&format!("{}?ok=project-published", super::project_path(id)));
    Ok(())
}
