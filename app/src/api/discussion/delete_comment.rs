use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::CommentId;

/// Its author deletes a comment ("comment deleted" stays in its place).
#[server(prefix = "/api", endpoint = "discussion/delete_comment")]
pub async fn delete_comment(id: CommentId) -> Result<(), AppError> {
    use crate::server::signed_in;
    use palier_backend::discussion;
    let (state, actor) = signed_in()?;
    discussion::delete(&state.db, &actor, id, state.clock.now()).await?;
    let link = discussion::link_of(&state.db, id).await?.ok_or(AppError::NotFound)?;
    leptos_axum::redirect(&format!("{link}?ok=comment-deleted#comment-{id}"));
    Ok(())
}
