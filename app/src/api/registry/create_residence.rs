use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::OrganisationId;

/// Creates a residence in an organisation.
#[server(prefix = "/api", endpoint = "registry/create_residence")]
pub async fn create_residence(
    organisation_id: OrganisationId,
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
    access::organisation(&state.db, &actor, organisation_id, Permission::ManageRegistry).await?;
    let mut form = FormErrors::new();
    let Some(new) = NewResidence::parse(&mut form, &name, &address, &postcode, &city) else {
        return Err(AppError::Invalid(form));
    };
    match registry::add_residence(&state.db, actor.user_id, organisation_id, new).await {
        Ok(residence) => {
            leptos_axum::redirect(&format!("/gestion/residences/{}?ok=residence-created", residence.id));
            Ok(())
        }
        Err(error) => Err(registry_error(error, form, "name", "error-residence-name-taken")),
    }
}
