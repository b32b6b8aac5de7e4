use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::consultations::Review;
use palier_domain::ids::ConsultationId;

/// The ballot posted with this request, checked and written out for review.
/// `None` when nothing was posted (the page was opened directly).
#[server(prefix = "/api", endpoint = "consultations/review", input = GetUrl)]
pub async fn get_review(consultation_id: ConsultationId) -> Result<Option<Review>, AppError> {
    use super::server::{ballot_errors, opened};
    use crate::server::pending_ballot;
    use palier_backend::consultations::access::Access;
    let (_, _, definition) = opened(consultation_id, Access::Read).await?;
    let Some(pending) = pending_ballot() else { return Ok(None) };
    palier_backend::consultations::views::review(&definition, &pending.0)
        .map(Some)
        .map_err(|errors| AppError::Invalid(ballot_errors(&errors, &pending.0)))
}
