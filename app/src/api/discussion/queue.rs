use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::discussion::Queue;
use palier_domain::ids::OrganisationId;

/// An organisation's moderation queue (its moderators only), page `page` from 0.
#[server(prefix = "/api", endpoint = "discussion/queue", input = GetUrl)]
pub async fn moderation_queue(organisation_id: OrganisationId, page: u64) -> Result<Queue, AppError> {
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::access;
    let (state, actor) = signed_in()?;
    let organisation = access::organisation(&state.db, &actor, organisation_id, Permission::Moderate).await?;
    Ok(palier_backend::discussion::moderation::queue(&state.db, &actor, organisation, page).await?)
}
