use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::consultations::ConsultationView;
use palier_domain::ids::ConsultationId;

/// A consultation, as someone of its audience (or its staff) sees it.
#[server(prefix = "/api", endpoint = "consultations/get", input = GetUrl)]
pub async fn get_consultation(id: ConsultationId) -> Result<ConsultationView, AppError> {
    use super::server::opened;
    use palier_backend::consultations::access::Access;
    let (state, actor, definition) = opened(id, Access::Read).await?;
    Ok(palier_backend::consultations::views::for_reader(&state.db, &definition, &actor, state.clock.now()).await?)
}
