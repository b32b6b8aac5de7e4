use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::ResidenceId;

/// Adds a building to a residence.
#[server(prefix = "/api", endpoint = "registry/create_building")]
pub async fn create_building(residence_id: ResidenceId, name: String) -> Result<(), AppError> {
    use super::server::registry_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, access};
    let (state, actor) = signed_in()?;
    let residence = access::residence(&state.db, &actor, residence_id, Permission::ManageRegistry).await?;
    let mut form = FormErrors::new();
    let Some(name) = form.field("name", &name, palier_domain::registry::building_name) else {
        return Err(AppError::Invalid(form));
    };
    match registry::add_building(&state.db, actor.user_id, &residence, &name).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/gestion/residences/{residence_id}?ok=building-created"));
            Ok(())
        }
        Err(error) => Err(registry_error(error, form, "name", "error-building-name-taken")),
    }
}
