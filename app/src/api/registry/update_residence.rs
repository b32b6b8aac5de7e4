use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::ResidenceId;

/// Changes a residence's name and address.
#[server(prefix = "/api", endpoint = "registry/update_residence")]
pub async fn update_residence(
    residence_id: ResidenceId,
    name: String,
    address: String,
    postcode: String,
    city: String,
) -> Result<(), AppError> {
    use super::server::registry_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, access};
    use palier_domain::registry::NewResidence;
    let (state, actor) = signed_in()?;
    access::residence(&state.db, &actor, residence_id, Permission::ManageRegistry).await?;
    let mut form = FormErrors::new();
    let Some(new) = NewResidence::parse(&mut form, &name, &address, &postcode, &city) else {
        return Err(AppError::Invalid(form));
    };
    match registry::edit_residence(&state.db, actor.user_id, residence_id.get(), new).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/gestion/residences/{residence_id}?ok=residence-updated"));
            Ok(())
        }
        Err(error) => Err(registry_error(error, form, "name", "error-residence-name-taken")),
    }
}
