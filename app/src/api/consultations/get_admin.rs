use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::consultations::ConsultationAdmin;
use palier_domain::ids::ConsultationId;

/// A consultation as staff build and run it.
#[server(prefix = "/api", endpoint = "consultations/admin_get", input = GetUrl)]
pub async fn get_consultation_admin(id: ConsultationId) -> Result<ConsultationAdmin, AppError> {
    use super::server::opened;
    use palier_backend::consultations::access::Access;
    use palier_backend::policy::Permission;
    let (state, _, definition) = opened(id, Access::Staff(Permission::ViewBackOffice)).await?;
    Ok(palier_backend::consultations::views::admin(&state.db, &definition, state.live_counts.k()).await?)
}
