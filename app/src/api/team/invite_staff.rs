use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::form::Input;
use palier_domain::ids::OrganisationId;
use palier_domain::team::OrgRole;

/// Invites someone to the team by email.
#[server(prefix = "/api", endpoint = "team/invite")]
pub async fn invite_staff(
    organisation_id: OrganisationId,
    email: String,
    role: Input<OrgRole>,
) -> Result<(), AppError> {
    use super::team_page;
    use crate::error::FormErrors;
    use crate::server::{locale, signed_in};
    use crate::validation::parse_email;
    use palier_backend::policy::Permission;
    use palier_backend::registry::access;
    use palier_backend::team::{self, Inviter, TeamError};
    let (state, actor) = signed_in()?;
    let organisation = access::organisation(&state.db, &actor, organisation_id, Permission::ManageStaff).await?;
    let mut form = FormErrors::new();
    let email = parse_email(&mut form, "email", &email);
    let role = form.field("role", role.text(), |_| palier_domain::team::role(&role));
    let (Some(email), Some(role)) = (email, role) else { return Err(AppError::Invalid(form)) };
    let inviter = Inviter { user_id: actor.user_id, name: actor.display_name.clone(), locale: locale() };
    match team::invite(&state.db, &state.settings.links(), &inviter, &organisation, &email, role).await {
        Ok(()) => {
            state.outbox.wake();
            leptos_axum::redirect(&team_page(organisation_id, "invited"));
            Ok(())
        }
        Err(TeamError::AlreadyMember) => {
            form.add("email", "error-already-member");
            Err(AppError::Invalid(form))
        }
        Err(error) => Err(error.into()),
    }
}
