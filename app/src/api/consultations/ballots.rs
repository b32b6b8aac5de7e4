use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::consultations::BallotList;
use palier_domain::ids::ConsultationId;

/// A page of the ballot list of a consultation whose voting is over, by
/// receipt; `receipt` looks one up.
#[server(prefix = "/api", endpoint = "consultations/ballots", input = GetUrl)]
pub async fn get_ballot_list(id: ConsultationId, page: u64, receipt: Option<String>) -> Result<BallotList, AppError> {
    use super::BALLOTS_PER_PAGE;
    use super::server::opened;
    use palier_backend::consultations::access::Access;
    let (state, _, definition) = opened(id, Access::Read).await?;
    if !definition.status().is_over() {
        return Err(AppError::Forbidden);
    }
    let views = palier_backend::consultations::views::ballot_list;
    Ok(views(&state.db, &definition, page, BALLOTS_PER_PAGE, receipt.as_deref()).await?)
}
