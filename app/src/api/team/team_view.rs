use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::ids::OrganisationId;
use palier_domain::team::TeamView;

/// An organisation's team page (its admins only).
#[server(prefix = "/api", endpoint = "team/get_team", input = GetUrl)]
pub async fn get_team(organisation_id: OrganisationId) -> Result<TeamView, AppError> {
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::access;
    let (state, actor) = signed_in()?;
    let organisation = access::organisation(&state.db, &actor, organisation_id, Permission::ManageStaff).await?;
    Ok(palier_backend::team::team_view(&state.db, organisation, actor.user_id).await?)
}
