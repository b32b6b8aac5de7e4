use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::ids::ConsultationId;

/// The receipt of the ballot just cast, shown once (it is then forgotten).
#[server(prefix = "/api", endpoint = "consultations/take_receipt", input = GetUrl)]
pub async fn take_receipt(consultation_id: ConsultationId) -> Result<Option<String>, AppError> {
    use super::receipt_cookie;
    use crate::server::{cookie, request_headers, set_cookie, signed_in, site_cookie};
    let (state, _) = signed_in()?;
    let (name, path) = receipt_cookie(consultation_id);
    let receipt = cookie(&request_headers(), &name);
    if receipt.is_some() {
        set_cookie(site_cookie(&state.settings, name, "", path, Some(cookie::time::Duration::ZERO)));
    }
    Ok(receipt.filter(|r| palier_domain::InvitationCode::parse(r).is_ok()))
}
