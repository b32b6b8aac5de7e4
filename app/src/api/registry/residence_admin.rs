use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::ids::ResidenceId;
use palier_domain::registry::ResidenceAdmin;

/// A residence as staff manage it, with one page of its households.
#[server(prefix = "/api", endpoint = "registry/residence_admin", input = GetUrl)]
pub async fn get_residence_admin(residence_id: ResidenceId, page: u64) -> Result<ResidenceAdmin, AppError> {
    use super::HOUSEHOLDS_PER_PAGE;
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, access};
    let (state, actor) = signed_in()?;
    let residence = access::residence(&state.db, &actor, residence_id, Permission::ViewBackOffice).await?;
    Ok(registry::residence_admin(&state.db, residence, page, HOUSEHOLDS_PER_PAGE).await?)
}
