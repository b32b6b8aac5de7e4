use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::ids::ResidenceId;
use palier_domain::registry::ResidenceView;

/// A residence's page (for its tenants and its landlord's staff).
#[server(prefix = "/api", endpoint = "registry/residence_view", input = GetUrl)]
pub async fn get_residence_view(residence_id: ResidenceId) -> Result<ResidenceView, AppError> {
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, access};
    let (state, actor) = signed_in()?;
    let residence = access::residence(&state.db, &actor, residence_id, Permission::ViewResidence).await?;
    Ok(registry::residence_view(&state.db, residence, state.clock.now()).await?)
}
