use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::ids::ProjectId;
use palier_domain::projects::ProjectPage;

/// A project's page, for whoever may see its residence (a draft, for its author).
#[server(prefix = "/api", endpoint = "projects/get", input = GetUrl)]
pub async fn get_project(id: ProjectId) -> Result<ProjectPage, AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    Ok(palier_backend::projects::page::page(&state.db, &actor, id, state.clock.now()).await?)
}
