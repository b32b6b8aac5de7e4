//! Server functions of an organisation's team (staff, admins, invitations),
//! its audit log, and accepting an invitation.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberLine {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    /// `admin` or `staff`.
    pub role: String,
    pub since: String,
    pub me: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationLine {
    pub id: i64,
    pub email: String,
    pub role: String,
    pub expires: String,
}

/// An organisation's team page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamView {
    pub organisation_id: i64,
    pub organisation: String,
    pub members: Vec<MemberLine>,
    pub invitations: Vec<InvitationLine>,
}

#[server(prefix = "/api", endpoint = "team/get_team", input = GetUrl)]
pub async fn get_team(organisation_id: i64) -> Result<TeamView, AppError> {
    use crate::server::{authorise, format_datetime, internal, locale, require_session, state};
    use palier_backend::policy::{Permission, Scope};
    use palier_backend::{registry, team};
    let state = state()?;
    let actor = require_session()?.actor;
    let organisation =
        registry::organisation(&state.db, organisation_id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ManageStaff, Scope::organisation(organisation_id))?;
    let locale = locale();
    let members = team::members(&state.db, organisation_id)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|m| MemberLine {
            me: m.user_id == actor.user_id,
            user_id: m.user_id,
            display_name: m.display_name,
            email: m.email,
            role: m.role.as_str().to_owned(),
            since: format_datetime(m.since, locale),
        })
        .collect();
    let invitations = team::pending_invitations(&state.db, organisation_id)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|i| InvitationLine {
            id: i.id,
            email: i.email,
            role: i.role.as_str().to_owned(),
            expires: format_datetime(i.expires_at, locale),
        })
        .collect();
    Ok(TeamView { organisation_id, organisation: organisation.name, members, invitations })
}

#[cfg(feature = "ssr")]
fn parse_role(form: &mut crate::error::FormErrors, role: &str) -> Option<palier_backend::policy::OrgRole> {
    let parsed = palier_backend::policy::OrgRole::parse(role.trim());
    if parsed.is_none() {
        form.add("role", "error-role");
    }
    parsed
}

/// Invites someone to the team by email.
#[server(prefix = "/api", endpoint = "team/invite")]
pub async fn invite_staff(organisation_id: i64, email: String, role: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{authorise, internal, locale, require_session, state};
    use crate::validation::parse_email;
    use palier_backend::policy::{Permission, Scope};
    use palier_backend::team::{self, Inviter, TeamError};
    let state = state()?;
    let actor = require_session()?.actor;
    let organisation = palier_backend::registry::organisation(&state.db, organisation_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ManageStaff, Scope::organisation(organisation_id))?;
    let mut form = FormErrors::new();
    let email = parse_email(&mut form, "email", &email);
    let role = parse_role(&mut form, &role);
    let (Some(email), Some(role)) = (email, role) else { return Err(AppError::Invalid(form)) };
    let inviter = Inviter { user_id: actor.user_id, name: actor.display_name.clone(), locale: locale() };
    match team::invite(&state.db, &state.settings.links(), &inviter, &organisation, &email, role).await {
        Ok(()) => {
            state.outbox.wake();
            leptos_axum::redirect(&format!("/gestion/organisations/{organisation_id}/equipe?ok=invited"));
            Ok(())
        }
        Err(TeamError::AlreadyMember) => {
            form.add("email", "error-already-member");
            Err(AppError::Invalid(form))
        }
        Err(error) => Err(internal(error)),
    }
}

#[server(prefix = "/api", endpoint = "team/revoke_invitation")]
pub async fn revoke_invitation(organisation_id: i64, invitation_id: i64) -> Result<(), AppError> {
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::policy::{Permission, Scope};
    use palier_backend::team::{self, TeamError};
    let state = state()?;
    let actor = require_session()?.actor;
    authorise(&actor, Permission::ManageStaff, Scope::organisation(organisation_id))?;
    match team::revoke_invitation(&state.db, actor.user_id, organisation_id, invitation_id).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("/gestion/organisations/{organisation_id}/equipe?ok=invitation-revoked"));
            Ok(())
        }
        Err(TeamError::NotFound) => Err(AppError::NotFound),
        Err(error) => Err(internal(error)),
    }
}

#[server(prefix = "/api", endpoint = "team/change_role")]
pub async fn change_role(organisation_id: i64, user_id: i64, role: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::policy::{Permission, Scope};
    use palier_backend::team::{self, TeamError};
    let state = state()?;
    let actor = require_session()?.actor;
    authorise(&actor, Permission::ManageStaff, Scope::organisation(organisation_id))?;
    let mut form = FormErrors::new();
    let Some(role) = parse_role(&mut form, &role) else { return Err(AppError::Invalid(form)) };
    match team::change_role(&state.db, actor.user_id, organisation_id, user_id, role).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("/gestion/organisations/{organisation_id}/equipe?ok=role-changed"));
            Ok(())
        }
        Err(TeamError::LastAdmin) => {
            form.add("role", "error-last-admin");
            Err(AppError::Invalid(form))
        }
        Err(TeamError::NotFound) => Err(AppError::NotFound),
        Err(error) => Err(internal(error)),
    }
}

#[server(prefix = "/api", endpoint = "team/remove_member")]
pub async fn remove_member(organisation_id: i64, user_id: i64) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::policy::{Permission, Scope};
    use palier_backend::team::{self, TeamError};
    let state = state()?;
    let actor = require_session()?.actor;
    authorise(&actor, Permission::ManageStaff, Scope::organisation(organisation_id))?;
    match team::remove_member(&state.db, actor.user_id, organisation_id, user_id).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("/gestion/organisations/{organisation_id}/equipe?ok=member-removed"));
            Ok(())
        }
        Err(TeamError::LastAdmin) => {
            let mut form = FormErrors::new();
            form.add("role", "error-last-admin");
            Err(AppError::Invalid(form))
        }
        Err(TeamError::NotFound) => Err(AppError::NotFound),
        Err(error) => Err(internal(error)),
    }
}

/// An invitation as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationInfo {
    pub organisation: String,
    pub role: String,
    pub email: String,
    pub account_exists: bool,
    /// Someone is signed in.
    pub signed_in: bool,
}

/// What an invitation link leads to (`None` when it no longer works).
#[server(prefix = "/api", endpoint = "team/invitation_info", input = GetUrl)]
pub async fn get_invitation_info(token: String) -> Result<Option<InvitationInfo>, AppError> {
    use crate::server::{internal, session, state};
    let state = state()?;
    let signed_in = session().is_some();
    Ok(palier_backend::team::invitation(&state.db, &token).await.map_err(internal)?.map(|i| InvitationInfo {
        organisation: i.organisation,
        role: i.role.as_str().to_owned(),
        email: i.email,
        account_exists: i.account_exists,
        signed_in,
    }))
}

/// Accepts an invitation with the signed-in account.
#[server(prefix = "/api", endpoint = "team/accept_invitation")]
pub async fn accept_invitation(token: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{internal, require_session, state};
    use palier_backend::team::{self, AcceptError};
    let state = state()?;
    let session = require_session()?;
    match team::accept_as(&state.db, &token, session.actor.user_id).await {
        Ok(()) => {
            leptos_axum::redirect("/gestion?ok=joined-team");
            Ok(())
        }
        Err(AcceptError::InvalidInvitation) => Err(AppError::NotFound),
        Err(AcceptError::OtherAccount) => {
            let mut form = FormErrors::new();
            form.add("token", "error-invitation-other-account");
            Err(AppError::Invalid(form))
        }
        Err(error) => Err(internal(error)),
    }
}

/// Accepts an invitation by creating the account (signs in).
#[server(prefix = "/api", endpoint = "team/accept_invitation_new_account")]
pub async fn accept_invitation_new_account(
    token: String,
    display_name: String,
    password: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{internal, set_session_cookie, state, user_agent};
    use crate::validation::{parse_name, parse_password};
    use palier_backend::team::{self, AcceptError};
    let state = state()?;
    let mut form = FormErrors::new();
    let name = parse_name(&mut form, "display_name", &display_name);
    let password = parse_password(&mut form, "password", &password);
    let (Some(name), Some(password)) = (name, password) else { return Err(AppError::Invalid(form)) };
    match team::accept_with_new_account(&state.db, &token, name, password, &user_agent()).await {
        Ok(session) => {
            set_session_cookie(&state.settings, &session.token, false);
            leptos_axum::redirect("/gestion?ok=joined-team");
            Ok(())
        }
        Err(AcceptError::InvalidInvitation) => Err(AppError::NotFound),
        Err(AcceptError::AccountExists) => {
            form.add("display_name", "error-invitation-sign-in");
            Err(AppError::Invalid(form))
        }
        Err(AcceptError::WeakPassword(reason)) => {
            form.add("password", reason.message());
            Err(AppError::Invalid(form))
        }
        Err(error) => Err(internal(error)),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub when: String,
    pub actor: Option<String>,
    pub action: String,
    pub details: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub organisation: String,
    pub lines: Vec<AuditLine>,
    pub page: u64,
    pub pages: u64,
}

/// Audit entries per page.
pub const AUDIT_PER_PAGE: u64 = 50;

/// A page of the organisation's audit log (admins only).
#[server(prefix = "/api", endpoint = "team/audit_log", input = GetUrl)]
pub async fn audit_log(organisation_id: i64, page: u64) -> Result<AuditPage, AppError> {
    use crate::server::{authorise, format_datetime, internal, locale, require_session, state};
    use palier_backend::policy::{Permission, Scope};
    let state = state()?;
    let actor = require_session()?.actor;
    let organisation = palier_backend::registry::organisation(&state.db, organisation_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ReadAuditLog, Scope::organisation(organisation_id))?;
    let locale = locale();
    let (lines, total) =
        palier_backend::audit::page(&state.db, organisation_id, page, AUDIT_PER_PAGE).await.map_err(internal)?;
    let lines = lines
        .into_iter()
        .map(|line| AuditLine {
            when: format_datetime(line.occurred_at, locale),
            actor: line.actor,
            action: line.action,
            details: line.details,
        })
        .collect();
    Ok(AuditPage { organisation: organisation.name, lines, page, pages: total.div_ceil(AUDIT_PER_PAGE).max(1) })
}
