use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::form::Input;
use palier_domain::ids::{OrganisationId, UserId};
use palier_domain::team::OrgRole;

/// Changes a member's role (an organisation keeps at least one admin).
#[server(prefix = "/api", endpoint = "team/change_role")]
pub async fn change_role(
    organisation_id: OrganisationId,
    user_id: UserId,
    role: Input<OrgRole>,
) -> Result<(), AppError> {
    use super::team_page;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::policy::{Permission, Scope};
    use palier_backend::team::{self, TeamError};
    let (state, actor) = signed_in()?;
    actor.authorise(Permission::ManageStaff, Scope::organisation(organisation_id.get()))?;
    let mut form = FormErrors::new();
    let Some(role) = form.field("role", role.text(), |_| palier_domain::team::role(&role)) else {
        return Err(AppError::Invalid(form));
    };
    match team::change_role(&state.db, actor.user_id, organisation_id.get(), user_id.get(), role).await {
        Ok(()) => {
            leptos_axum::redirect(&team_page(organisation_id, "role-changed"));
            Ok(())
        }
        Err(TeamError::LastAdmin) => {
            form.add("role", "error-last-admin");
            Err(AppError::Invalid(form))
        }
        Err(error) => Err(error.into()),
    }
}
