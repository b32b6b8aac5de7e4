//! What the frame of every page shows: the landlord's name, who is signed in.

use crate::policy::Actor;
use palier_domain::shell::{ShellInfo, ShellUser};
use sea_orm::{ConnectionTrait, DbErr};

/// The frame for `actor` (or a visitor): their own landlord's name when they
/// have one, or the instance's only landlord for visitors.
pub async fn info<C: ConnectionTrait>(conn: &C, actor: Option<&Actor>) -> Result<ShellInfo, DbErr> {
    let Some(actor) = actor else {
        return Ok(ShellInfo { organisation: crate::registry::sole_organisation_name(conn).await?, user: None });
    };
    let orgs: Vec<i64> = actor
        .memberships
        .iter()
        .map(|m| m.organisation_id)
        .chain(actor.homes.iter().map(|h| h.organisation_id))
        .collect();
    let organisation = match orgs.first() {
        Some(first) if orgs.iter().all(|o| o == first) => crate::registry::organisation_name(conn, *first).await?,
        _ => None,
    };
    Ok(ShellInfo { organisation, user: Some(user(conn, actor).await?) })
}

/// `actor` as the header shows them.
pub(crate) async fn user<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<ShellUser, DbErr> {
    Ok(ShellUser {
        display_name: actor.display_name.clone(),
        staff: actor.is_staff_anywhere(),
        platform_admin: actor.platform_admin,
        has_home: !actor.homes.is_empty(),
        unread: crate::notifications::unread_count(conn, actor.user_id).await?,
        moderates: actor
            .moderates
            .iter()
            .find(|o| actor.role_in(**o).is_none())
            .map(|o| palier_domain::ids::OrganisationId::new(*o)),
    })
}
