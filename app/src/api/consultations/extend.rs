use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::ConsultationId;

/// Moves the closing time of an open consultation later.
#[server(prefix = "/api", endpoint = "consultations/extend")]
pub async fn extend_consultation(id: ConsultationId, closes_at: String) -> Result<(), AppError> {
    use super::server::{build_error, opened};
    use crate::error::FormErrors;
    use palier_backend::consultations::access::Access;
    use palier_backend::consultations::builder;
    use palier_backend::policy::Permission;
    use palier_domain::consultations::form::paris_datetime;
    let (state, actor, _) = opened(id, Access::Staff(Permission::ManageRegistry)).await?;
    let mut form = FormErrors::new();
    let Some(closes) = form.field("closes_at", &closes_at, paris_datetime) else { return Err(AppError::Invalid(form)) };
    match builder::extend(&state.db, &state.seal, actor.user_id, id.get(), closes, state.clock.now()).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{id}?ok=extended"));
            Ok(())
        }
        Err(error) => Err(build_error(error, form, "closes_at")),
    }
}
