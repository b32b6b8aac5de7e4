//! Residences: creating and editing them (audited), their lists, and the
//! pages that show one.

use super::{CountRow, RegistryError, counts, unique_violation};
use crate::audit::{self, Entry};
use crate::entities::{building, household, occupancy, residence};
use crate::policy::Scope;
use chrono::Utc;
use palier_domain::ids::{BuildingId, OrganisationId, ResidenceId};
use palier_domain::registry::{
    Building, NewResidence, Place, ResidenceAdmin, ResidenceSummary, ResidenceView, one_line,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait as _, PaginatorTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _, TransactionTrait as _,
};
use serde_json::json;
use std::collections::HashMap;

pub async fn create_residence<C: ConnectionTrait>(
    conn: &C,
    organisation_id: i64,
    residence: NewResidence,
) -> Result<residence::Model, DbErr> {
    residence::ActiveModel {
        organisation_id: Set(organisation_id),
        name: Set(residence.name),
        address: Set(residence.address),
        postcode: Set(residence.postcode),
        city: Set(residence.city),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await
}

/// Creates a residence on behalf of staff `actor_id`, audited.
pub async fn add_residence(
    db: &DatabaseConnection,
    actor_id: i64,
    organisation_id: OrganisationId,
    new: NewResidence,
) -> Result<residence::Model, RegistryError> {
    let organisation_id = organisation_id.get();
    let txn = db.begin().await?;
    let row = match create_residence(&txn, organisation_id, new).await {
        Ok(row) => row,
        Err(error) if unique_violation(&error) => return Err(RegistryError::DuplicateName),
        Err(error) => return Err(error.into()),
    };
    audit::record(
        &txn,
        Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(organisation_id),
            action: palier_domain::audit::Action::ResidenceCreated,
            target_kind: "residence",
            target_id: Some(row.id),
            details: json!({ "name": row.name }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Changes a residence's name and address, audited.
pub async fn edit_residence(
    db: &DatabaseConnection,
    actor_id: i64,
    residence_id: i64,
    new: NewResidence,
) -> Result<residence::Model, RegistryError> {
    let txn = db.begin().await?;
    let existing = residence::Entity::find_by_id(residence_id).one(&txn).await?.ok_or(RegistryError::NotFound)?;
    let organisation_id = existing.organisation_id;
    let mut active: residence::ActiveModel = existing.into();
    active.name = Set(new.name);
    active.address = Set(new.address);
    active.postcode = Set(new.postcode);
    active.city = Set(new.city);
    let row = match active.update(&txn).await {
        Ok(row) => row,
        Err(error) if unique_violation(&error) => return Err(RegistryError::DuplicateName),
        Err(error) => return Err(error.into()),
    };
    audit::record(
        &txn,
        Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(organisation_id),
            action: palier_domain::audit::Action::ResidenceUpdated,
            target_kind: "residence",
            target_id: Some(row.id),
            details: json!({ "name": row.name }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

pub async fn residence<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<residence::Model>, DbErr> {
    residence::Entity::find_by_id(id).one(conn).await
}

/// What the policy needs to know about a residence.
pub fn residence_scope(residence: &residence::Model) -> Scope {
    Scope::residence(residence.organisation_id, residence.id)
}

/// The residences of an organisation with their counts, in four queries.
pub async fn residences_of<C: ConnectionTrait>(conn: &C, organisation_id: i64) -> Result<Vec<ResidenceSummary>, DbErr> {
    Ok(residences_in(conn, &[organisation_id]).await?.into_iter().map(|(_, residence)| residence).collect())
}

/// The residences of several organisations with their counts, by name, each
/// with its organisation (four queries, however many organisations).
pub async fn residences_in<C: ConnectionTrait>(
    conn: &C,
    organisations: &[i64],
) -> Result<Vec<(i64, ResidenceSummary)>, DbErr> {
    let residences = residence::Entity::find()
        .filter(residence::Column::OrganisationId.is_in(organisations.iter().copied()))
        .order_by_asc(residence::Column::Name)
        .all(conn)
        .await?;
    let ids: Vec<i64> = residences.iter().map(|r| r.id).collect();
    let buildings = counts(
        building::Entity::find()
            .select_only()
            .column_as(building::Column::ResidenceId, "key")
            .column_as(building::Column::Id.count(), "n")
            .filter(building::Column::ResidenceId.is_in(ids.clone()))
            .group_by(building::Column::ResidenceId)
            .into_model::<CountRow>()
            .all(conn)
            .await?,
    );
    let households = counts(
        household::Entity::find()
            .select_only()
            .column_as(household::Column::ResidenceId, "key")
            .column_as(household::Column::Id.count(), "n")
            .filter(household::Column::ResidenceId.is_in(ids.clone()))
            .group_by(household::Column::ResidenceId)
            .into_model::<CountRow>()
            .all(conn)
            .await?,
    );
    let joined = counts(
        household::Entity::find()
            .select_only()
            .column_as(household::Column::ResidenceId, "key")
            .column_as(Expr::cust("COUNT(DISTINCT households.id)"), "n")
            .inner_join(occupancy::Entity)
            .filter(household::Column::ResidenceId.is_in(ids))
            .group_by(household::Column::ResidenceId)
            .into_model::<CountRow>()
            .all(conn)
            .await?,
    );
    Ok(residences
        .into_iter()
        .map(|r| {
            let summary = ResidenceSummary {
                buildings: buildings.get(&r.id).copied().unwrap_or(0),
                households: households.get(&r.id).copied().unwrap_or(0),
                joined: joined.get(&r.id).copied().unwrap_or(0),
                id: ResidenceId::new(r.id),
                name: r.name,
                address: r.address,
                postcode: r.postcode,
                city: r.city,
            };
            (r.organisation_id, summary)
        })
        .collect())
}

/// The residences of an organisation and their buildings, by name (two queries).
pub async fn places_of<C: ConnectionTrait>(conn: &C, organisation_id: i64) -> Result<Vec<Place>, DbErr> {
    let residences = residence::Entity::find()
        .filter(residence::Column::OrganisationId.eq(organisation_id))
        .order_by_asc(residence::Column::Name)
        .all(conn)
        .await?;
    let mut buildings: HashMap<i64, Vec<(BuildingId, String)>> = HashMap::new();
    for building in building::Entity::find()
        .filter(building::Column::ResidenceId.is_in(residences.iter().map(|r| r.id)))
        .order_by_asc(building::Column::Name)
        .all(conn)
        .await?
    {
        buildings.entry(building.residence_id).or_default().push((BuildingId::new(building.id), building.name));
    }
    Ok(residences
        .into_iter()
        .map(|r| Place {
            residence_id: ResidenceId::new(r.id),
            buildings: buildings.remove(&r.id).unwrap_or_default(),
            residence: r.name,
        })
        .collect())
}

/// A residence as staff manage it, with page `page` of its households.
pub async fn residence_admin<C: ConnectionTrait>(
    conn: &C,
    residence: residence::Model,
    page: u64,
    per_page: u64,
) -> Result<ResidenceAdmin, DbErr> {
    let buildings = super::buildings_of(conn, residence.id)
        .await?
        .into_iter()
        .map(|b| Building { id: BuildingId::new(b.id), name: b.name })
        .collect();
    let (households, total) = super::households_of(conn, residence.id, page, per_page).await?;
    Ok(ResidenceAdmin {
        id: ResidenceId::new(residence.id),
        organisation_id: OrganisationId::new(residence.organisation_id),
        organisation: super::organisation_name(conn, residence.organisation_id).await?.unwrap_or_default(),
        name: residence.name,
        address: residence.address,
        postcode: residence.postcode,
        city: residence.city,
        buildings,
        households,
        total_households: total,
        page,
        pages: total.div_ceil(per_page).max(1),
    })
}

/// A residence's page, for its tenants and its landlord's staff.
pub async fn residence_view<C: ConnectionTrait>(
    conn: &C,
    residence: residence::Model,
    now: chrono::DateTime<Utc>,
) -> Result<ResidenceView, DbErr> {
    let households =
        household::Entity::find().filter(household::Column::ResidenceId.eq(residence.id)).count(conn).await?;
    let joined = household::Entity::find()
        .select_only()
        .column_as(Expr::cust("COUNT(DISTINCT households.id)"), "n")
        .inner_join(occupancy::Entity)
        .filter(household::Column::ResidenceId.eq(residence.id))
        .into_tuple::<i64>()
        .one(conn)
        .await?
        .and_then(|n| u64::try_from(n).ok())
        .unwrap_or(0);
    let projects = crate::entities::project::Entity::find()
        .filter(crate::entities::project::Column::ResidenceId.eq(residence.id))
        .filter(crate::entities::project::Column::Status.ne(palier_domain::projects::Status::Draft.code()))
        .count(conn)
        .await?;
    let (councils, meetings) = crate::councils::for_residence(conn, &residence, now).await?;
    Ok(ResidenceView {
        id: ResidenceId::new(residence.id),
        projects,
        councils,
        meetings,
        answer_record: crate::projects::list::answer_record(conn, residence.organisation_id, now).await?,
        address: one_line(&residence.address, &residence.postcode, &residence.city),
        organisation: super::organisation_name(conn, residence.organisation_id).await?.unwrap_or_default(),
        name: residence.name,
        households,
        joined,
    })
}
