use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::projects::{Filters, ProjectsPage};

/// The projects the signed-in person may read, narrowed by `filters`
/// (a residence they may not read is ignored), page `page` from 0.
#[server(prefix = "/api", endpoint = "projects/list", input = GetUrl)]
pub async fn list_projects(
    #[server(default)] filters: Filters,
    #[server(default)] page: u64,
) -> Result<ProjectsPage, AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    Ok(palier_backend::projects::list::list(&state.db, &actor, filters, page, state.clock.now()).await?)
}
