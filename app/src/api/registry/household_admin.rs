use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::ids::HouseholdId;
use palier_domain::registry::HouseholdAdmin;

/// A household as staff manage it.
#[server(prefix = "/api", endpoint = "registry/household_admin", input = GetUrl)]
pub async fn get_household_admin(household_id: HouseholdId) -> Result<HouseholdAdmin, AppError> {
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, access};
    let (state, actor) = signed_in()?;
    let household = access::household(&state.db, &actor, household_id, Permission::ViewBackOffice).await?;
    Ok(registry::household_admin(&state.db, household).await?)
}
