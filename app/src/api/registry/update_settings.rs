use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::consultations::VotingUnit;
use palier_domain::form::Input;
use palier_domain::ids::OrganisationId;
use palier_domain::projects::ThresholdKind;

/// Saves an organisation's settings (its admins only; audited).
#[server(prefix = "/api", endpoint = "registry/update_settings")]
pub async fn update_settings(
    organisation_id: OrganisationId,
    code_validity_days: Input<u16>,
    support_unit: Input<VotingUnit>,
    threshold_kind: Input<ThresholdKind>,
    threshold: Input<u32>,
    answer_days: Input<u16>,
    report_threshold: Input<u16>,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, access};
    use palier_domain::registry::{OrganisationSettings, SettingsForm};
    let (state, actor) = signed_in()?;
    let organisation = access::organisation(&state.db, &actor, organisation_id, Permission::ManageSettings).await?;
    let mut form = FormErrors::new();
    let posted =
        SettingsForm { code_validity_days, support_unit, threshold_kind, threshold, answer_days, report_threshold };
    let Some(settings) = OrganisationSettings::parse(&mut form, &posted) else {
        return Err(AppError::Invalid(form));
    };
    registry::update_settings(&state.db, actor.user_id, organisation, settings).await?;
    leptos_axum::redirect(&format!("/gestion/organisations/{organisation_id}/reglages?ok=settings-saved"));
    Ok(())
}
