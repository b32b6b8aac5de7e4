use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::CommentId;

/// Its author changes a comment, in its first 15 minutes.
#[server(prefix = "/api", endpoint = "discussion/edit_comment")]
pub async fn edit_comment(id: CommentId, body: String) -> Result<(), AppError> {
    use super::server::discussion_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::discussion;
    let (state, actor) = signed_in()?;
    let mut form = FormErrors::new();
    form.keep("id", &id.to_string());
    let Some(body) = form.field("body", &body, palier_domain::discussion::comment_body) else {
        return Err(AppError::Invalid(form));
    };
    discussion::edit(&state.db, &actor, id, &body, state.clock.now())
        .await
        .map_err(|error| discussion_error(error, form))?;
    let link = discussion::link_of(&state.db, id).await?.ok_or(AppError::NotFound)?;
    leptos_axum::redirect(&format!("{link}?ok=comment-edited#comment-{id}"));
    Ok(())
}
