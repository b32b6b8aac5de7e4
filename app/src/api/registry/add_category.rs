use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::OrganisationId;

/// Adds a category of projects to an organisation (its admins only; audited).
#[server(prefix = "/api", endpoint = "registry/add_category")]
pub async fn add_category(organisation_id: OrganisationId, label: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::projects::{ProjectError, categories};
    use palier_backend::registry::access;
    let (state, actor) = signed_in()?;
    access::organisation(&state.db, &actor, organisation_id, Permission::ManageSettings).await?;
    let mut form = FormErrors::new();
    let Some(label) = form.field("label", &label, palier_domain::projects::form::category_label) else {
        return Err(AppError::Invalid(form));
    };
    match categories::add(&state.db, actor.user_id, organisation_id.get(), &label).await {
        Ok(()) => {}
        Err(ProjectError::Category) => {
            form.add("label", "error-category-taken");
            return Err(AppError::Invalid(form));
        }
        Err(error) => return Err(error.into()),
    }
    leptos_axum::redirect(&format!("/gestion/organisations/{organisation_id}/reglages?ok=category-added#categories"));
    Ok(())
}
