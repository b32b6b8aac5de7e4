use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::{HouseholdId, UserId};

/// Unlinks a tenant from a household (they moved out).
#[server(prefix = "/api", endpoint = "registry/remove_occupant")]
pub async fn remove_occupant(household_id: HouseholdId, user_id: UserId) -> Result<(), AppError> {
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, access};
    let (state, actor) = signed_in()?;
    let household = access::household(&state.db, &actor, household_id, Permission::ManageRegistry).await?;
    if !registry::remove_occupant(&state.db, actor.user_id, &household, user_id.get()).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/gestion/menages/{household_id}?ok=occupant-removed"));
    Ok(())
}
