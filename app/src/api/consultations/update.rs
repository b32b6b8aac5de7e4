//! Server functions take one argument per form field, so some take many.
#![expect(clippy::too_many_arguments, reason = "one argument per form field")]

use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::consultations::{Scope, Visibility, VotingUnit};
use palier_domain::form::Input;
use palier_domain::ids::{BuildingId, ConsultationId, ResidenceId};

/// Changes a draft's settings.
#[server(prefix = "/api", endpoint = "consultations/update")]
pub async fn update_consultation(
    id: ConsultationId,
    title: String,
    summary: String,
    body: String,
    scope: Input<Scope>,
    #[server(default)] residences: Vec<ResidenceId>,
    #[server(default)] buildings: Vec<BuildingId>,
    unit: Input<VotingUnit>,
    opens_at: String,
    closes_at: String,
    visibility: Input<Visibility>,
    #[server(default)] quorum: Input<u32>,
) -> Result<(), AppError> {
    use super::server::{build_error, opened};
    use crate::error::FormErrors;
    use palier_backend::consultations::access::Access;
    use palier_backend::consultations::builder;
    use palier_backend::policy::Permission;
    use palier_domain::consultations::{Settings, form::SettingsForm};
    let (state, actor, _) = opened(id, Access::Staff(Permission::ManageRegistry)).await?;
    let mut form = FormErrors::new();
    let posted = SettingsForm {
        title: &title,
        summary: &summary,
        body: &body,
        scope: &scope,
        residences: &residences,
        buildings: &buildings,
        unit: &unit,
        opens_at: &opens_at,
        closes_at: &closes_at,
        visibility: &visibility,
        quorum: &quorum,
    };
    let Some(settings) = Settings::parse(&mut form, posted) else { return Err(AppError::Invalid(form)) };
    match builder::update(&state.db, actor.user_id, id.get(), settings).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{id}?ok=consultation-saved"));
            Ok(())
        }
        Err(error) => Err(build_error(error, form, "consultation")),
    }
}
