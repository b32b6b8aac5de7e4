use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::consultations::AdminList;
use palier_domain::ids::OrganisationId;

/// An organisation's consultations, for its back office.
#[server(prefix = "/api", endpoint = "consultations/admin_list", input = GetUrl)]
pub async fn list_consultations(organisation_id: OrganisationId) -> Result<AdminList, AppError> {
    use crate::server::signed_in;
    use palier_backend::policy::{Permission, Scope};
    let (state, actor) = signed_in()?;
    actor.authorise(Permission::ViewBackOffice, Scope::organisation(organisation_id.get()))?;
    palier_backend::consultations::views::admin_list(&state.db, organisation_id, state.clock.now())
        .await?
        .ok_or(AppError::NotFound)
}
