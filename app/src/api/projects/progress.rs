use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// Staff post progress on an accepted project: a message, what it cost so
/// far, up to three photos. Fields: `id`, `message`, `cost`, `photos`.
#[server(prefix = "/api", endpoint = "projects/progress", input = MultipartFormData)]
pub async fn post_progress(data: MultipartData) -> Result<(), AppError> {
    use super::server::{photos, project_error, read_upload};
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_domain::form::Input;
    use palier_domain::ids::ProjectId;
    use palier_domain::projects::form::{cost, message};
    let (state, actor) = signed_in()?;
    let mut upload = read_upload(data).await?;
    let id: ProjectId = upload.text("id").parse().map_err(|_| AppError::BadRequest)?;
    let mut form = FormErrors::new();
    let text = form.field("message", upload.text("message"), message);
    let spent = Input::new(upload.text("cost"));
    let spent = form.field("cost", spent.text(), |_| cost(&spent));
    let photos = photos(&mut upload);
    let (Some(text), Some(spent), true) = (text, spent, form.is_empty()) else { return Err(AppError::Invalid(form)) };
    let now = state.clock.now();
    palier_backend::projects::answer::post_progress(
        &state.db,
        &state.attachments,
        &actor,
        id,
        &text,
        spent,
        photos,
        now,
    )
    .await
    .map_err(|error| project_error(error, form))?;
    leptos_axum::redirect(&format!("{}?ok=progress-posted#evenements", super::project_path(id)));
    Ok(())
}
