use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::{OrganisationId, UserId};

/// Ends a tenant's moderation (the organisation's admins only; audited).
#[server(prefix = "/api", endpoint = "registry/remove_moderator")]
pub async fn remove_moderator(organisation_id: OrganisationId, user_id: UserId) -> Result<(), AppError> {
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::access;
    let (state, actor) = signed_in()?;
    access::organisation(&state.db, &actor, organisation_id, Permission::ManageSettings).await?;
    palier_backend::discussion::moderators::remove(&state.db, actor.user_id, organisation_id.get(), user_id).await?;
    leptos_axum::redirect(&format!(
        "/gestion/organisations/{organisation_id}/reglages?ok=moderator-removed#moderateurs"
    ));
    Ok(())
}
