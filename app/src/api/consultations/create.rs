//! Server functions take one argument per form field, so some take many.
#![expect(clippy::too_many_arguments, reason = "one argument per form field")]

use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::consultations::{Scope, Visibility, VotingUnit};
use palier_domain::form::Input;
use palier_domain::ids::{BuildingId, OrganisationId, ResidenceId};

/// Creates a draft consultation.
#[server(prefix = "/api", endpoint = "consultations/create")]
pub async fn create_consultation(
    organisation_id: OrganisationId,
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
    use super::server::build_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::consultations::builder;
    use palier_backend::policy::Permission;
    use palier_domain::consultations::{Settings, form::SettingsForm};
    let (state, actor) = signed_in()?;
    actor.authorise(Permission::ManageRegistry, palier_backend::policy::Scope::organisation(organisation_id.get()))?;
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
    match builder::create(&state.db, actor.user_id, organisation_id.get(), settings).await {
        Ok(row) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{}?ok=consultation-created", row.id));
            Ok(())
        }
        Err(error) => Err(build_error(error, form, "consultation")),
    }
}
