use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::form::Input;
use palier_domain::ids::{BuildingId, HouseholdId};

/// Changes a household's unit, building and capacity.
#[server(prefix = "/api", endpoint = "registry/update_household")]
pub async fn update_household(
    household_id: HouseholdId,
    #[server(default)] building_id: Input<BuildingId>,
    unit_label: String,
    max_occupants: Input<u8>,
) -> Result<(), AppError> {
    use super::server::registry_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, access};
    use palier_domain::registry::HouseholdChanges;
    let (state, actor) = signed_in()?;
    access::household(&state.db, &actor, household_id, Permission::ManageRegistry).await?;
    let mut form = FormErrors::new();
    let Some(changes) = HouseholdChanges::parse(&mut form, &unit_label, &building_id, &max_occupants) else {
        return Err(AppError::Invalid(form));
    };
    match registry::edit_household(&state.db, actor.user_id, household_id.get(), changes).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/gestion/menages/{household_id}?ok=household-updated"));
            Ok(())
        }
        Err(error) => Err(registry_error(error, form, "unit_label", "error-unit-label")),
    }
}
