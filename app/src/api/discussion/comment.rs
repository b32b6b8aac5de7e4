use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::discussion::Subject;
use palier_domain::form::Input;
use palier_domain::ids::CommentId;

/// Comments item `subject_id` of kind `subject`, or replies to `parent`
/// (a comment of it); then back to the item's page, at the new comment.
#[server(prefix = "/api", endpoint = "discussion/comment")]
pub async fn comment(
    subject: Input<Subject>,
    subject_id: Input<i64>,
    parent: Option<CommentId>,
    body: String,
) -> Result<(), AppError> {
    use super::server::discussion_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::discussion;
    let (state, actor) = signed_in()?;
    let (Some(kind), Some(id)) = (subject.value().copied(), subject_id.value().copied()) else {
        return Err(AppError::BadRequest);
    };
    let mut form = FormErrors::new();
    if let Some(parent) = parent {
        form.keep("parent", &parent.to_string());
    }
    let Some(body) = form.field("body", &body, palier_domain::discussion::comment_body) else {
        return Err(AppError::Invalid(form));
    };
    let info = discussion::subject(&state.db, kind, id).await?.ok_or(AppError::NotFound)?;
    let written = discussion::comment(&state.db, &actor, kind, id, parent, &body, state.clock.now())
        .await
        .map_err(|error| discussion_error(error, form))?;
    leptos_axum::redirect(&format!("{}?ok=comment-posted#comment-{written}", info.link));
    Ok(())
}
