use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::consultations::TenantLine;

/// The consultations for my homes.
#[server(prefix = "/api", endpoint = "consultations/mine", input = GetUrl)]
pub async fn my_consultations() -> Result<Vec<TenantLine>, AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    Ok(palier_backend::consultations::voting::for_tenant(&state.db, &actor, state.clock.now()).await?)
}
