//! The housing registry: organisations, residences, buildings and households,
//! each household with its invitation code.

use crate::auth::secret;
use crate::entities::{building, household, occupancy, organisation, residence};
use chrono::Utc;
use palier_domain::InvitationCode;
use sea_orm::{ActiveModelTrait as _, ActiveValue::Set, ConnectionTrait, DbErr};

pub async fn create_organisation<C: ConnectionTrait>(
    conn: &C,
    slug: &str,
    name: &str,
) -> Result<organisation::Model, DbErr> {
    organisation::ActiveModel {
        slug: Set(slug.to_owned()),
        name: Set(name.to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await
}

/// Where a residence is.
#[derive(Debug, Clone, Default)]
pub struct NewResidence {
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
}

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

pub async fn create_building<C: ConnectionTrait>(
    conn: &C,
    residence_id: i64,
    name: &str,
) -> Result<building::Model, DbErr> {
    building::ActiveModel {
        residence_id: Set(residence_id),
        name: Set(name.to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await
}

/// A household (one lease) to create.
#[derive(Debug, Clone)]
pub struct NewHousehold {
    pub residence_id: i64,
    pub building_id: Option<i64>,
    pub lease_ref: String,
    pub unit_label: String,
    pub max_occupants: i32,
}

/// Creates a household with a fresh invitation code, returned in clear once:
/// only its hash is stored.
pub async fn create_household<C: ConnectionTrait>(
    conn: &C,
    organisation_id: i64,
    new: NewHousehold,
) -> Result<(household::Model, InvitationCode), DbErr> {
    let code = secret::new_invitation_code();
    let now = Utc::now();
    let row = household::ActiveModel {
        organisation_id: Set(organisation_id),
        residence_id: Set(new.residence_id),
        building_id: Set(new.building_id),
        lease_ref: Set(new.lease_ref),
        unit_label: Set(new.unit_label),
        max_occupants: Set(new.max_occupants),
        invitation_code_hash: Set(Some(secret::hash_invitation_code(&code))),
        invitation_code_issued_at: Set(Some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok((row, code))
}

/// Links an account to a household (no checks: callers have made them).
pub async fn add_occupant<C: ConnectionTrait>(
    conn: &C,
    household_id: i64,
    user_id: i64,
) -> Result<occupancy::Model, DbErr> {
    occupancy::ActiveModel {
        user_id: Set(user_id),
        household_id: Set(household_id),
        joined_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await
}

/// The organisation's name when the instance hosts exactly one, for the
/// header of pages seen by visitors.
pub async fn sole_organisation_name<C: ConnectionTrait>(conn: &C) -> Result<Option<String>, DbErr> {
    use sea_orm::{EntityTrait as _, QuerySelect as _};
    let mut names = organisation::Entity::find()
        .select_only()
        .column(organisation::Column::Name)
        .limit(2)
        .into_tuple::<String>()
        .all(conn)
        .await?;
    Ok(if names.len() == 1 { names.pop() } else { None })
}

/// The name of organisation `id`.
pub async fn organisation_name<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<String>, DbErr> {
    use sea_orm::EntityTrait as _;
    Ok(organisation::Entity::find_by_id(id).one(conn).await?.map(|o| o.name))
}
