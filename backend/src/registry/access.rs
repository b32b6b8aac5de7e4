//! Finding a residence, a household or an organisation for someone who
//! asks to act on it: the policy decides, and the refusal is the one rule
//! (`policy::Actor::authorise`) for server functions and downloads alike.

use crate::entities::{household, organisation, residence};
use crate::policy::{AccessError, Actor, Permission, Refusal, Scope};
use palier_domain::ids::{HouseholdId, OrganisationId, ResidenceId};
use sea_orm::{ConnectionTrait, EntityTrait as _};

/// Organisation `id`, when `actor` may do `permission` in it.
pub async fn organisation<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: OrganisationId,
    permission: Permission,
) -> Result<organisation::Model, AccessError> {
    let row = organisation::Entity::find_by_id(id.get()).one(conn).await?;
    // Outsiders learn nothing, found or not.
    actor.authorise(permission, Scope::organisation(id.get()))?;
    Ok(row.ok_or(Refusal::NotFound)?)
}

/// Residence `id`, when `actor` may do `permission` on it.
pub async fn residence<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: ResidenceId,
    permission: Permission,
) -> Result<residence::Model, AccessError> {
    let row = residence::Entity::find_by_id(id.get()).one(conn).await?.ok_or(Refusal::NotFound)?;
    actor.authorise(permission, super::residence_scope(&row))?;
    Ok(row)
}

/// Household `id`, when `actor` may do `permission` on it.
pub async fn household<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: HouseholdId,
    permission: Permission,
) -> Result<household::Model, AccessError> {
    let row = household::Entity::find_by_id(id.get()).one(conn).await?.ok_or(Refusal::NotFound)?;
    actor.authorise(permission, super::household_scope(&row))?;
    Ok(row)
}
