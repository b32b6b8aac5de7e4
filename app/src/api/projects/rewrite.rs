use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// The author rewrites their project (a draft, or published without any
/// support yet); new photos join the ones it has. Fields: `id` and those of
/// [`super::propose::propose_project`].
#[server(prefix = "/api", endpoint = "projects/rewrite", input = MultipartFormData)]
pub async fn rewrite_project(data: MultipartData) -> Result<(), AppError> {
    use super::server::{draft_of, photos, project_error, read_upload};
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_domain::ids::ProjectId;
    let (state, actor) = signed_in()?;
    let mut upload = read_upload(data).await?;
    let id: ProjectId = upload.text("id").parse().map_err(|_| AppError::BadRequest)?;
    let mut form = FormErrors::new();
    form.keep("id", upload.text("id"));
    let draft = draft_of(&mut form, &upload);
    let photos = photos(&mut upload);
    let (Some(draft), true) = (draft, form.is_empty()) else { return Err(AppError::Invalid(form)) };
    let now = state.clock.now();
    match palier_backend::projects::propose::rewrite(&state.db, &state.attachments, &actor, id, draft, photos, now)
        .await
    {
        Ok(()) => {
            leptos_axum::redirect(&format!("{}?ok=project-saved", super::project_path(id)));
            Ok(())
        }
        Err(error) => Err(project_error(error, form)),
    }
}
