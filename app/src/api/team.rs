//! Server functions of an organisation's team (staff, admins,
//! invitations), and accepting an invitation. One server function per file.

pub mod accept_invitation;
pub mod accept_invitation_new_account;
pub mod change_role;
pub mod invitation_info;
pub mod invite_staff;
pub mod remove_member;
pub mod revoke_invitation;
pub mod team_view;

/// Where the team page is, for the redirects after its forms.
pub fn team_page(organisation: palier_domain::ids::OrganisationId, ok: &str) -> String {
    format!("/gestion/organisations/{organisation}/equipe?ok={ok}")
}
