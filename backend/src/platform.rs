//! The platform: the landlords (organisations) an instance hosts, which its
//! administrators create and list.

use crate::accounts::Unexpected;
use crate::audit::{self, Entry};
use crate::entities::{organisation, residence};
use crate::links::Links;
use crate::team::{self, Inviter, TeamError};
use palier_domain::ids::OrganisationId;
use palier_domain::platform::{NewOrganisation, OrganisationRow};
use palier_domain::team::OrgRole;
use sea_orm::{
    ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait as _, QueryOrder as _, QuerySelect as _,
};
use serde_json::json;
use std::collections::HashMap;

/// Every organisation, by name, with how many residences it has (two queries).
pub async fn organisations<C: ConnectionTrait>(conn: &C) -> Result<Vec<OrganisationRow>, DbErr> {
    let counts: HashMap<i64, i64> = residence::Entity::find()
        .select_only()
        .column(residence::Column::OrganisationId)
        .column_as(residence::Column::Id.count(), "n")
        .group_by(residence::Column::OrganisationId)
        .into_tuple::<(i64, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    Ok(organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(conn)
        .await?
        .into_iter()
        .map(|o| OrganisationRow {
            residences: counts.get(&o.id).and_then(|n| u64::try_from(*n).ok()).unwrap_or(0),
            id: OrganisationId::new(o.id),
            name: o.name,
            slug: o.slug,
        })
        .collect())
}

#[derive(Debug, thiserror::Error)]
pub enum CreateOrganisationError {
    #[error("the short name is already used")]
    SlugTaken,
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

/// Creates an organisation and invites its first admin (platform admins only).
pub async fn create_organisation(
    db: &DatabaseConnection,
    links: &Links,
    inviter: &Inviter,
    new: &NewOrganisation,
) -> Result<organisation::Model, CreateOrganisationError> {
    let (name, slug, first_admin) = (&new.name, &new.slug, &new.admin);
    let actor_id = inviter.user_id;
    let organisation = match crate::registry::create_organisation(db, slug, name).await {
        Ok(org) => org,
        Err(error) if matches!(error.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            return Err(CreateOrganisationError::SlugTaken);
        }
        Err(error) => return Err(Unexpected::from(error).into()),
    };
    audit::record(
        db,
        Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(organisation.id),
            action: palier_domain::audit::Action::OrganisationCreated,
            target_kind: "organisation",
            target_id: Some(organisation.id),
            details: json!({ "name": name, "slug": slug }),
        },
    )
    .await
    .map_err(Unexpected::from)?;
    match team::invite(db, links, inviter, &organisation, first_admin, OrgRole::Admin).await {
        Ok(()) | Err(TeamError::AlreadyMember) => Ok(organisation),
        Err(TeamError::Unexpected(error)) => Err(error.into()),
        Err(other) => Err(Unexpected(anyhow::anyhow!("{other}")).into()),
    }
}
