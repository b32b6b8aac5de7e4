use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::registry::OrganisationOverview;

/// `/gestion`: every organisation the person may manage, with its residences.
#[server(prefix = "/api", endpoint = "registry/back_office", input = GetUrl)]
pub async fn back_office() -> Result<Vec<OrganisationOverview>, AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    if !actor.is_staff_anywhere() {
        return Err(AppError::Forbidden);
    }
    Ok(palier_backend::registry::back_office(&state.db, &actor).await?)
}
