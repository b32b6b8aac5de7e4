use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::ids::OrganisationId;
use palier_domain::registry::SettingsView;

/// An organisation's settings page (its admins only).
#[server(prefix = "/api", endpoint = "registry/settings_view", input = GetUrl)]
pub async fn get_settings(organisation_id: OrganisationId) -> Result<SettingsView, AppError> {
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, access};
    let (state, actor) = signed_in()?;
    let organisation = access::organisation(&state.db, &actor, organisation_id, Permission::ManageSettings).await?;
    Ok(registry::settings_view(&state.db, organisation).await?)
}
