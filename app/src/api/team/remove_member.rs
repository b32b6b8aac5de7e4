use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::{OrganisationId, UserId};

/// Removes someone from the team (an organisation keeps at least one admin).
#[server(prefix = "/api", endpoint = "team/remove_member")]
pub async fn remove_member(organisation_id: OrganisationId, user_id: UserId) -> Result<(), AppError> {
    use super::team_page;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::policy::{Permission, Scope};
    use palier_backend::team::{self, TeamError};
    let (state, actor) = signed_in()?;
    actor.authorise(Permission::ManageStaff, Scope::organisation(organisation_id.get()))?;
    match team::remove_member(&state.db, actor.user_id, organisation_id.get(), user_id.get()).await {
        Ok(()) => {
            leptos_axum::redirect(&team_page(organisation_id, "member-removed"));
            Ok(())
        }
        Err(TeamError::LastAdmin) => {
            let mut form = FormErrors::new();
            form.add("role", "error-last-admin");
            Err(AppError::Invalid(form))
        }
        Err(error) => Err(error.into()),
    }
}
