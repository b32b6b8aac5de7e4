use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::discussion::{ContentKind, Decision};
use palier_domain::form::Input;
use palier_domain::ids::OrganisationId;

/// A moderator hides, restores, or dismisses the reports of an item.
#[server(prefix = "/api", endpoint = "discussion/decide")]
pub async fn decide(
    organisation_id: OrganisationId,
    kind: Input<ContentKind>,
    id: Input<i64>,
    decision: Input<Decision>,
) -> Result<(), AppError> {
    use crate::server::signed_in;
    use palier_backend::discussion::moderation;
    use palier_domain::discussion::ContentRef;
    let (state, actor) = signed_in()?;
    let (Some(kind), Some(id), Some(decision)) =
        (kind.value().copied(), id.value().copied(), decision.value().copied())
    else {
        return Err(AppError::BadRequest);
    };
    moderation::decide(&state.db, &actor, ContentRef::new(kind, id), decision, state.clock.now()).await?;
    leptos_axum::redirect(&format!("/gestion/organisations/{organisation_id}/moderation?ok={}", decision.code()));
    Ok(())
}
