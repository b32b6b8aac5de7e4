use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::ProjectId;

/// The author withdraws their project (until it is accepted).
#[server(prefix = "/api", endpoint = "projects/withdraw")]
pub async fn withdraw_project(id: ProjectId) -> Result<(), AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    palier_backend::projects::propose::withdraw(&state.db, &actor, id, state.clock.now()).await?;
    leptos_axum::redirect(&format!("{}?ok=project-withdrawn", super::project_path(id)));
    Ok(())
}
