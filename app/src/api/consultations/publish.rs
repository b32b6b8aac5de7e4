use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::consultations::Decision;
use palier_domain::form::Input;
use palier_domain::ids::ConsultationId;

/// Publishes the results with the landlord's response.
#[server(prefix = "/api", endpoint = "consultations/publish")]
pub async fn publish_response(id: ConsultationId, response: String, decision: Input<Decision>) -> Result<(), AppError> {
    use super::server::{build_error, opened};
    use crate::error::FormErrors;
    use palier_backend::consultations::access::Access;
    use palier_backend::consultations::builder;
    use palier_backend::policy::Permission;
    use palier_domain::consultations::form;
    let (state, actor, _) = opened(id, Access::Staff(Permission::ManageRegistry)).await?;
    let mut errors = FormErrors::new();
    let response = errors.field("response", &response, form::response);
    let decision = errors.field("decision", decision.text(), |_| form::decision(&decision));
    let (Some(response), Some(decision)) = (response, decision) else { return Err(AppError::Invalid(errors)) };
    match builder::publish(&state.db, &state.seal, actor.user_id, id.get(), &response, decision, state.clock.now())
        .await
    {
        Ok(()) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{id}?ok=published"));
            Ok(())
        }
        Err(error) => Err(build_error(error, errors, "consultation")),
    }
}
