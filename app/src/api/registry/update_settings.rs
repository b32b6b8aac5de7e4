use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::form::Input;
use palier_domain::ids::OrganisationId;

/// Saves an organisation's settings (its admins only; audited).
#[server(prefix = "/api", endpoint = "registry/update_settings")]
pub async fn update_settings(organisation_id: OrganisationId, code_validity_days: Input<u16>) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, access};
    use palier_domain::registry::OrganisationSettings;
    let (state, actor) = signed_in()?;
    let organisation = access::organisation(&state.db, &actor, organisation_id, Permission::ManageSettings).await?;
    let mut form = FormErrors::new();
    let Some(settings) = OrganisationSettings::parse(&mut form, &code_validity_days) else {
        return Err(AppError::Invalid(form));
    };
    registry::update_settings(&state.db, actor.user_id, organisation, settings).await?;
    leptos_axum::redirect(&format!("/gestion/organisations/{organisation_id}/reglages?ok=settings-saved"));
    Ok(())
}
