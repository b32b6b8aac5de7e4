use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::form::Input;
use palier_domain::ids::{BuildingId, ResidenceId};

/// Adds a household (one lease) to a residence.
#[server(prefix = "/api", endpoint = "registry/create_household")]
pub async fn create_household(
    residence_id: ResidenceId,
    #[server(default)] building_id: Input<BuildingId>,
    unit_label: String,
    lease_ref: String,
    max_occupants: Input<u8>,
) -> Result<(), AppError> {
    use super::server::registry_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, NewHousehold, access};
    use palier_domain::registry::{HouseholdChanges, lease_ref as lease};
    let (state, actor) = signed_in()?;
    let residence = access::residence(&state.db, &actor, residence_id, Permission::ManageRegistry).await?;
    let mut form = FormErrors::new();
    let lease_ref = form.field("lease_ref", &lease_ref, lease);
    let household = HouseholdChanges::parse(&mut form, &unit_label, &building_id, &max_occupants);
    let (Some(lease_ref), Some(household)) = (lease_ref, household) else { return Err(AppError::Invalid(form)) };
    let new = NewHousehold {
        residence_id: residence.id,
        building_id: household.building_id.map(BuildingId::get),
        lease_ref,
        unit_label: household.unit_label,
        max_occupants: household.max_occupants,
    };
    match registry::add_household(&state.db, actor.user_id, &residence, new).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/gestion/residences/{residence_id}?ok=household-created"));
            Ok(())
        }
        Err(error) => Err(registry_error(error, form, "lease_ref", "error-lease-ref-taken")),
    }
}
