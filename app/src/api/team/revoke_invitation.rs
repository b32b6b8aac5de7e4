use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::{OrganisationId, StaffInvitationId};

/// Withdraws an invitation not yet accepted.
#[server(prefix = "/api", endpoint = "team/revoke_invitation")]
pub async fn revoke_invitation(
    organisation_id: OrganisationId,
    invitation_id: StaffInvitationId,
) -> Result<(), AppError> {
    use super::team_page;
    use crate::server::signed_in;
    use palier_backend::policy::{Permission, Scope};
    let (state, actor) = signed_in()?;
    actor.authorise(Permission::ManageStaff, Scope::organisation(organisation_id.get()))?;
    palier_backend::team::revoke_invitation(&state.db, actor.user_id, organisation_id.get(), invitation_id.get())
        .await?;
    leptos_axum::redirect(&team_page(organisation_id, "invitation-revoked"));
    Ok(())
}
