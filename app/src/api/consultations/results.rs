use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::consultations::Results;
use palier_domain::ids::ConsultationId;

/// The results, when they may be seen (`None` before then).
#[server(prefix = "/api", endpoint = "consultations/results", input = GetUrl)]
pub async fn get_results(id: ConsultationId) -> Result<Option<Results>, AppError> {
    use super::server::opened;
    use palier_backend::consultations::access::Access;
    let (state, _, definition) = opened(id, Access::Read).await?;
    if !definition.results_visible(state.clock.now()) {
        return Ok(None);
    }
    Ok(Some(state.live_counts.counted(&state.db, &definition, state.clock.now()).await?))
}
