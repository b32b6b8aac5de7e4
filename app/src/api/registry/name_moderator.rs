use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::OrganisationId;

/// Names a tenant of the organisation, by their address, a moderator of
/// their residence's content (its admins only; audited).
#[server(prefix = "/api", endpoint = "registry/name_moderator")]
pub async fn name_moderator(organisation_id: OrganisationId, email: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use crate::validation::parse_email;
    use palier_backend::discussion::{DiscussionError, moderators};
    use palier_backend::policy::Permission;
    use palier_backend::registry::access;
    let (state, actor) = signed_in()?;
    access::organisation(&state.db, &actor, organisation_id, Permission::ManageSettings).await?;
    let mut form = FormErrors::new();
    let Some(email) = parse_email(&mut form, "email", &email) else { return Err(AppError::Invalid(form)) };
    match moderators::name(&state.db, actor.user_id, organisation_id.get(), &email, state.clock.now()).await {
        Ok(()) => {}
        Err(DiscussionError::NotFound) => {
            form.add("email", "error-moderator-not-tenant");
            return Err(AppError::Invalid(form));
        }
        Err(error) => return Err(error.into()),
    }
    leptos_axum::redirect(&format!("/gestion/organisations/{organisation_id}/reglages?ok=moderator-named#moderateurs"));
    Ok(())
}
