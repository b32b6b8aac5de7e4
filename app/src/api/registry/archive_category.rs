use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::{CategoryId, OrganisationId};

/// Archives a category of projects (`restore`: offers it again); its
/// organisation's admins only; audited.
#[server(prefix = "/api", endpoint = "registry/archive_category")]
pub async fn archive_category(
    organisation_id: OrganisationId,
    category_id: CategoryId,
    restore: Option<String>,
) -> Result<(), AppError> {
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::access;
    let (state, actor) = signed_in()?;
    access::organisation(&state.db, &actor, organisation_id, Permission::ManageSettings).await?;
    let archived = restore.is_none();
    palier_backend::projects::categories::archive(
        &state.db,
        actor.user_id,
        organisation_id.get(),
        category_id,
        archived,
    )
    .await?;
    let ok = if archived { "category-archived" } else { "category-restored" };
    leptos_axum::redirect(&format!("/gestion/organisations/{organisation_id}/reglages?ok={ok}#categories"));
    Ok(())
}
