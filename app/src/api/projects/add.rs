use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::ProjectId;

/// The author adds to their project once neighbours support it.
#[server(prefix = "/api", endpoint = "projects/add")]
pub async fn add_to_project(id: ProjectId, text: String) -> Result<(), AppError> {
    use super::server::project_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    let mut form = FormErrors::new();
    let Some(text) = form.field("text", &text, palier_domain::projects::form::message) else {
        return Err(AppError::Invalid(form));
    };
    palier_backend::projects::propose::add(&state.db, &actor, id, &text, state.clock.now())
        .await
        .map_err(|error| project_error(error, form))?;
    leptos_axum::redirect(&format!("{}?ok=project-added#evenements", super::project_path(id)));
    Ok(())
}
