use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// Proposes a project, with up to three photos: a tenant's draft (then
/// published from its page), or staff entering one for a tenant (with
/// `on_behalf`, the tenant's `lease_ref` and the `channel`), published at
/// once. Fields: `residence_id`, `building_id`, `category_id`, `title`,
/// `description`, `estimated_cost`, `needs[]`, `photos`.
#[server(prefix = "/api", endpoint = "projects/propose", input = MultipartFormData)]
pub async fn propose_project(data: MultipartData) -> Result<(), AppError> {
    use super::server::{draft_of, photos, project_error, read_upload};
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::projects::propose;
    use palier_domain::form::Input;
    use palier_domain::projects::form::on_behalf;
    let (state, actor) = signed_in()?;
    let mut upload = read_upload(data).await?;
    let mut form = FormErrors::new();
    let draft = draft_of(&mut form, &upload);
    let on_behalf = (upload.text("on_behalf") == "1")
        .then(|| on_behalf(&mut form, upload.text("lease_ref"), &Input::new(upload.text("channel"))));
    let photos = photos(&mut upload);
    let (Some(draft), true) = (draft, form.is_empty()) else { return Err(AppError::Invalid(form)) };
    let on_behalf = match on_behalf {
        Some(Some(on_behalf)) => Some(on_behalf),
        Some(None) => return Err(AppError::Invalid(form)),
        None => None,
    };
    let staff = on_behalf.is_some();
    match propose::propose(&state.db, &state.attachments, &actor, draft, on_behalf, photos, state.clock.now()).await {
        Ok(id) => {
            let ok = if staff { "project-recorded" } else { "project-drafted" };
            leptos_axum::redirect(&format!("{}?ok={ok}", super::project_path(id)));
            Ok(())
        }
        Err(error) => Err(project_error(error, form)),
    }
}
