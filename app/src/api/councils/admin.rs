use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::councils::CouncilAdmin;
use palier_domain::ids::OrganisationId;

/// An organisation's councils, for its staff.
#[server(prefix = "/api", endpoint = "councils/admin", input = GetUrl)]
pub async fn councils_admin(organisation_id: OrganisationId) -> Result<CouncilAdmin, AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    Ok(palier_backend::councils::admin(&state.db, &actor, organisation_id).await?)
}
