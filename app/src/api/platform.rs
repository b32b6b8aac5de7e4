//! Server functions for platform administrators: the organisations (landlords)
//! the instance hosts.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::platform::OrganisationRow;

/// Every organisation, with its number of residences.
#[server(prefix = "/api", endpoint = "platform/organisations", input = GetUrl)]
pub async fn list_organisations() -> Result<Vec<OrganisationRow>, AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    if !actor.can_manage_platform() {
        return Err(AppError::Forbidden);
    }
    Ok(palier_backend::platform::organisations(&state.db).await?)
}

/// Creates an organisation (landlord) and invites its first admin.
#[server(prefix = "/api", endpoint = "platform/create_organisation")]
pub async fn create_organisation(name: String, slug: String, admin_email: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{locale, signed_in};
    use palier_backend::platform::{self, CreateOrganisationError};
    use palier_backend::team::Inviter;
    use palier_domain::platform::NewOrganisation;
    let (state, actor) = signed_in()?;
    if !actor.can_manage_platform() {
        return Err(AppError::Forbidden);
    }
    let mut form = FormErrors::new();
    let Some(new) = NewOrganisation::parse(&mut form, &name, &slug, &admin_email) else {
        return Err(AppError::Invalid(form));
    };
    let inviter = Inviter { user_id: actor.user_id, name: actor.display_name.clone(), locale: locale() };
    match platform::create_organisation(&state.db, &state.settings.links(), &inviter, &new).await {
        Ok(_) => {
            state.outbox.wake();
            leptos_axum::redirect("/admin?ok=organisation-created");
            Ok(())
        }
        Err(CreateOrganisationError::SlugTaken) => {
            form.add("slug", "error-slug-taken");
            Err(AppError::Invalid(form))
        }
        Err(CreateOrganisationError::Unexpected(error)) => Err(error.into()),
    }
}
