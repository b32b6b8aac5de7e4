use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::consultations::StatusAction;
use palier_domain::ids::ConsultationId;

/// Moves a consultation through its lifecycle by hand: schedule it, back to
/// a draft, open it now, archive it.
#[server(prefix = "/api", endpoint = "consultations/transition")]
pub async fn change_status(id: ConsultationId, action: StatusAction) -> Result<(), AppError> {
    use super::server::{build_error, opened};
    use crate::error::FormErrors;
    use palier_backend::consultations::access::Access;
    use palier_backend::consultations::builder;
    use palier_backend::policy::Permission;
    let (state, actor, _) = opened(id, Access::Staff(Permission::ManageRegistry)).await?;
    let (db, by, now) = (&state.db, actor.user_id, state.clock.now());
    let result = match action {
        StatusAction::Schedule => builder::schedule(db, &state.seal, by, id.get(), now).await,
        StatusAction::Unschedule => builder::unschedule(db, &state.seal, by, id.get(), now).await,
        StatusAction::OpenNow => builder::open_now(db, &state.seal, by, id.get(), now).await,
        StatusAction::Archive => builder::archive(db, &state.seal, by, id.get(), now).await,
    };
    match result {
        Ok(()) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{id}?ok={}", action.code()));
            Ok(())
        }
        Err(error) => Err(build_error(error, FormErrors::new(), "consultation")),
    }
}
