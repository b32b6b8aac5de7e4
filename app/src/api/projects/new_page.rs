use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::projects::NewProjectPage;

/// What the proposal form offers the signed-in person (none of it when
/// they may propose nowhere).
#[server(prefix = "/api", endpoint = "projects/new_page", input = GetUrl)]
pub async fn proposal_form() -> Result<NewProjectPage, AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    let page = palier_backend::projects::list::new_project_page(&state.db, &actor).await?;
    if page.places.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(page)
}
