//! The housing registry: organisations, residences, buildings and households,
//! each household with its invitation code, and the tenants who joined it.
//!
//! Reads return plain rows for the pages; writes by staff record an audit
//! entry in the same transaction. Authorisation is the caller's (server
//! functions ask `policy` first); these functions trust their arguments.

use crate::audit::{self, Entry};
use crate::auth::secret;
use crate::entities::{building, household, occupancy, organisation, residence, user};
use crate::policy::Scope;
use crate::rate_limit::{self, Exceeded};
use chrono::{DateTime, Utc};
use palier_domain::InvitationCode;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait as _, FromQueryResult, PaginatorTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _,
    SqlErr, TransactionTrait as _,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;

/// How many tenants a household accepts unless staff say otherwise.
pub const DEFAULT_MAX_OCCUPANTS: i32 = 4;

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("the name is already used")]
    DuplicateName,
    #[error("the lease reference is already used")]
    DuplicateLease,
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<DbErr> for RegistryError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(anyhow::Error::new(error).context("database error in the registry"))
    }
}

fn unique_violation(error: &DbErr) -> bool {
    matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

// ---------------------------------------------------------------- organisations

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

pub async fn organisation<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<organisation::Model>, DbErr> {
    organisation::Entity::find_by_id(id).one(conn).await
}

pub async fn organisation_by_slug<C: ConnectionTrait>(
    conn: &C,
    slug: &str,
) -> Result<Option<organisation::Model>, DbErr> {
    organisation::Entity::find().filter(organisation::Column::Slug.eq(slug)).one(conn).await
}

pub async fn organisations<C: ConnectionTrait>(
    conn: &C,
    ids: Option<&[i64]>,
) -> Result<Vec<organisation::Model>, DbErr> {
    let mut query = organisation::Entity::find().order_by_asc(organisation::Column::Name);
    if let Some(ids) = ids {
        query = query.filter(organisation::Column::Id.is_in(ids.iter().copied()));
    }
    query.all(conn).await
}

/// The name of organisation `id`.
pub async fn organisation_name<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<String>, DbErr> {
    Ok(organisation::Entity::find_by_id(id).one(conn).await?.map(|o| o.name))
}

/// The organisation's name when the instance hosts exactly one, for the
/// header of pages seen by visitors.
pub async fn sole_organisation_name<C: ConnectionTrait>(conn: &C) -> Result<Option<String>, DbErr> {
    let mut names = organisation::Entity::find()
        .select_only()
        .column(organisation::Column::Name)
        .limit(2)
        .into_tuple::<String>()
        .all(conn)
        .await?;
    Ok(if names.len() == 1 { names.pop() } else { None })
}

// ---------------------------------------------------------------- residences

/// Where a residence is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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

/// Creates a residence on behalf of staff `actor_id`, audited.
pub async fn add_residence(
    db: &DatabaseConnection,
    actor_id: i64,
    organisation_id: i64,
    new: NewResidence,
) -> Result<residence::Model, RegistryError> {
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
            action: "residence.created",
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
            action: "residence.updated",
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

/// A residence in the back office's list, with its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResidenceSummary {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub buildings: u64,
    pub households: u64,
    /// Households at least one tenant joined.
    pub joined: u64,
}

#[derive(FromQueryResult)]
struct CountRow {
    key: i64,
    n: i64,
}

fn counts(rows: Vec<CountRow>) -> HashMap<i64, u64> {
    rows.into_iter().map(|r| (r.key, u64::try_from(r.n).unwrap_or(0))).collect()
}

/// The residences of an organisation with their counts, in three queries.
pub async fn residences_of<C: ConnectionTrait>(conn: &C, organisation_id: i64) -> Result<Vec<ResidenceSummary>, DbErr> {
    let residences = residence::Entity::find()
        .filter(residence::Column::OrganisationId.eq(organisation_id))
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
        .map(|r| ResidenceSummary {
            buildings: buildings.get(&r.id).copied().unwrap_or(0),
            households: households.get(&r.id).copied().unwrap_or(0),
            joined: joined.get(&r.id).copied().unwrap_or(0),
            id: r.id,
            name: r.name,
            address: r.address,
            postcode: r.postcode,
            city: r.city,
        })
        .collect())
}

// ---------------------------------------------------------------- buildings

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

/// Adds a building to a residence, audited.
pub async fn add_building(
    db: &DatabaseConnection,
    actor_id: i64,
    residence: &residence::Model,
    name: &str,
) -> Result<building::Model, RegistryError> {
    let txn = db.begin().await?;
    let row = match create_building(&txn, residence.id, name).await {
        Ok(row) => row,
        Err(error) if unique_violation(&error) => return Err(RegistryError::DuplicateName),
        Err(error) => return Err(error.into()),
    };
    audit::record(
        &txn,
        Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(residence.organisation_id),
            action: "building.created",
            target_kind: "building",
            target_id: Some(row.id),
            details: json!({ "name": row.name, "residence": residence.name }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

pub async fn buildings_of<C: ConnectionTrait>(conn: &C, residence_id: i64) -> Result<Vec<building::Model>, DbErr> {
    building::Entity::find()
        .filter(building::Column::ResidenceId.eq(residence_id))
        .order_by_asc(building::Column::Name)
        .all(conn)
        .await
}

// ---------------------------------------------------------------- households

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

/// Adds a household to a residence, audited. Its code is printed later, on a letter.
pub async fn add_household(
    db: &DatabaseConnection,
    actor_id: i64,
    residence: &residence::Model,
    new: NewHousehold,
) -> Result<household::Model, RegistryError> {
    let txn = db.begin().await?;
    let (row, _) = match create_household(&txn, residence.organisation_id, new).await {
        Ok(created) => created,
        Err(error) if unique_violation(&error) => return Err(RegistryError::DuplicateLease),
        Err(error) => return Err(error.into()),
    };
    audit::record(
        &txn,
        Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(residence.organisation_id),
            action: "household.created",
            target_kind: "household",
            target_id: Some(row.id),
            details: json!({ "unit": row.unit_label, "lease": row.lease_ref, "residence": residence.name }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// What staff can change on a household.
#[derive(Debug, Clone)]
pub struct HouseholdChanges {
    pub unit_label: String,
    pub building_id: Option<i64>,
    pub max_occupants: i32,
}

pub async fn edit_household(
    db: &DatabaseConnection,
    actor_id: i64,
    household_id: i64,
    changes: HouseholdChanges,
) -> Result<household::Model, RegistryError> {
    let txn = db.begin().await?;
    let existing = household::Entity::find_by_id(household_id).one(&txn).await?.ok_or(RegistryError::NotFound)?;
    let organisation_id = existing.organisation_id;
    let mut active: household::ActiveModel = existing.into();
    active.unit_label = Set(changes.unit_label);
    active.building_id = Set(changes.building_id);
    active.max_occupants = Set(changes.max_occupants);
    active.updated_at = Set(Utc::now());
    let row = active.update(&txn).await?;
    audit::record(
        &txn,
        Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(organisation_id),
            action: "household.updated",
            target_kind: "household",
            target_id: Some(row.id),
            details: json!({ "unit": row.unit_label, "max_occupants": row.max_occupants }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

pub async fn household<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<household::Model>, DbErr> {
    household::Entity::find_by_id(id).one(conn).await
}

/// What the policy needs to know about a household.
pub fn household_scope(household: &household::Model) -> Scope {
    Scope {
        organisation_id: household.organisation_id,
        residence_id: Some(household.residence_id),
        building_id: household.building_id,
    }
}

/// A household in the back office's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseholdRow {
    pub id: i64,
    pub lease_ref: String,
    pub unit_label: String,
    pub building: Option<String>,
    pub occupants: u64,
    pub max_occupants: i32,
    pub code_issued_at: Option<DateTime<Utc>>,
}

/// A page of a residence's households (by building then unit) and the total.
pub async fn households_of<C: ConnectionTrait>(
    conn: &C,
    residence_id: i64,
    page: u64,
    per_page: u64,
) -> Result<(Vec<HouseholdRow>, u64), DbErr> {
    let base = household::Entity::find().filter(household::Column::ResidenceId.eq(residence_id));
    let total = base.clone().count(conn).await?;
    let rows = base
        .order_by_asc(household::Column::BuildingId)
        .order_by_asc(household::Column::UnitLabel)
        .offset(crate::db::page_offset(page, per_page))
        .limit(per_page)
        .all(conn)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|h| h.id).collect();
    let occupants = counts(
        occupancy::Entity::find()
            .select_only()
            .column_as(occupancy::Column::HouseholdId, "key")
            .column_as(occupancy::Column::Id.count(), "n")
            .filter(occupancy::Column::HouseholdId.is_in(ids))
            .group_by(occupancy::Column::HouseholdId)
            .into_model::<CountRow>()
            .all(conn)
            .await?,
    );
    let buildings: HashMap<i64, String> =
        buildings_of(conn, residence_id).await?.into_iter().map(|b| (b.id, b.name)).collect();
    Ok((
        rows.into_iter()
            .map(|h| HouseholdRow {
                occupants: occupants.get(&h.id).copied().unwrap_or(0),
                building: h.building_id.and_then(|b| buildings.get(&b).cloned()),
                id: h.id,
                lease_ref: h.lease_ref,
                unit_label: h.unit_label,
                max_occupants: h.max_occupants,
                code_issued_at: h.invitation_code_issued_at,
            })
            .collect(),
        total,
    ))
}

/// A tenant linked to a household, as staff see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occupant {
    pub user_id: i64,
    pub display_name: String,
    pub joined_at: DateTime<Utc>,
}

pub async fn occupants_of<C: ConnectionTrait>(conn: &C, household_id: i64) -> Result<Vec<Occupant>, DbErr> {
    Ok(occupancy::Entity::find()
        .filter(occupancy::Column::HouseholdId.eq(household_id))
        .order_by_asc(occupancy::Column::JoinedAt)
        .find_also_related(user::Entity)
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|(occupancy, user)| {
            user.map(|u| Occupant { user_id: u.id, display_name: u.display_name, joined_at: occupancy.joined_at })
        })
        .collect())
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

/// Unlinks a tenant from a household (moving out), audited. Returns whether
/// they were linked.
pub async fn remove_occupant(
    db: &DatabaseConnection,
    actor_id: i64,
    household: &household::Model,
    user_id: i64,
) -> Result<bool, RegistryError> {
    let txn = db.begin().await?;
    let removed = occupancy::Entity::delete_many()
        .filter(occupancy::Column::HouseholdId.eq(household.id))
        .filter(occupancy::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?
        .rows_affected
        > 0;
    if removed {
        crate::notifications::notify(
            &txn,
            crate::notifications::Event::HomeLeft { household_id: household.id, user_id },
        )
        .await?;
        audit::record(
            &txn,
            Entry {
                actor_user_id: Some(actor_id),
                organisation_id: Some(household.organisation_id),
                action: "household.occupant_removed",
                target_kind: "household",
                target_id: Some(household.id),
                details: json!({ "unit": household.unit_label, "user_id": user_id }),
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(removed)
}

// ---------------------------------------------------------------- joining

/// Why a code did not link the account to a household.
#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    #[error("no household has this code")]
    UnknownCode,
    #[error("the household already has its maximum number of occupants")]
    Full,
    #[error("the account is already linked to this household")]
    AlreadyJoined,
    #[error(transparent)]
    RateLimited(Exceeded),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<DbErr> for JoinError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(anyhow::Error::new(error).context("database error while joining"))
    }
}

/// The household a tenant just joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    pub household_id: i64,
    pub residence_id: i64,
}

/// Links `user_id` to the household whose code is `code`. Wrong codes count
/// against the account and the IP; the capacity check and the link are one
/// transaction, and the link is unique by constraint.
#[tracing::instrument(skip_all)]
pub async fn join_household(
    db: &DatabaseConnection,
    user_id: i64,
    code: &InvitationCode,
    ip: &str,
) -> Result<Joined, JoinError> {
    let account_key = rate_limit::key("code-account", &user_id.to_string());
    let ip_key = rate_limit::key("code-ip", ip);
    rate_limit::check(db, &account_key, rate_limit::CODE_FAILURES_PER_ACCOUNT)
        .await?
        .map_err(JoinError::RateLimited)?;
    rate_limit::check(db, &ip_key, rate_limit::CODE_FAILURES_PER_IP).await?.map_err(JoinError::RateLimited)?;

    let found = household::Entity::find()
        .filter(household::Column::InvitationCodeHash.eq(secret::hash_invitation_code(code)))
        .one(db)
        .await?;
    let Some(found) = found else {
        rate_limit::hit(db, &account_key, rate_limit::CODE_FAILURES_PER_ACCOUNT).await?.ok();
        rate_limit::hit(db, &ip_key, rate_limit::CODE_FAILURES_PER_IP).await?.ok();
        return Err(JoinError::UnknownCode);
    };
    let txn = db.begin().await?;
    let current = occupancy::Entity::find().filter(occupancy::Column::HouseholdId.eq(found.id)).all(&txn).await?;
    if current.iter().any(|o| o.user_id == user_id) {
        return Err(JoinError::AlreadyJoined);
    }
    if i32::try_from(current.len()).unwrap_or(i32::MAX) >= found.max_occupants {
        return Err(JoinError::Full);
    }
    match add_occupant(&txn, found.id, user_id).await {
        Ok(_) => {}
        Err(error) if unique_violation(&error) => return Err(JoinError::AlreadyJoined),
        Err(error) => return Err(error.into()),
    }
    crate::notifications::notify(&txn, crate::notifications::Event::HomeJoined { household_id: found.id, user_id })
        .await?;
    txn.commit().await?;
    Ok(Joined { household_id: found.id, residence_id: found.residence_id })
}

/// A home as its tenant sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeView {
    pub household_id: i64,
    pub unit_label: String,
    pub building: Option<String>,
    pub residence_id: i64,
    pub residence: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub organisation: String,
    /// The other people linked to this household.
    pub housemates: Vec<String>,
}

/// The households `user_id` joined.
pub async fn homes_of(db: &DatabaseConnection, user_id: i64) -> Result<Vec<HomeView>, DbErr> {
    let mut homes = Vec::new();
    for (_, household) in occupancy::Entity::find()
        .filter(occupancy::Column::UserId.eq(user_id))
        .find_also_related(household::Entity)
        .all(db)
        .await?
    {
        let Some(household) = household else { continue };
        let Some(residence) = residence(db, household.residence_id).await? else { continue };
        let building = match household.building_id {
            Some(id) => building::Entity::find_by_id(id).one(db).await?.map(|b| b.name),
            None => None,
        };
        let organisation = organisation_name(db, household.organisation_id).await?.unwrap_or_default();
        let housemates = occupants_of(db, household.id)
            .await?
            .into_iter()
            .filter(|o| o.user_id != user_id)
            .map(|o| o.display_name)
            .collect();
        homes.push(HomeView {
            household_id: household.id,
            unit_label: household.unit_label,
            building,
            residence_id: residence.id,
            residence: residence.name,
            address: residence.address,
            postcode: residence.postcode,
            city: residence.city,
            organisation,
            housemates,
        });
    }
    Ok(homes)
}

// ---------------------------------------------------------------- letters

/// One invitation letter: a household and its new code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Letter {
    pub organisation: String,
    pub residence: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub building: Option<String>,
    pub unit: String,
    pub lease_ref: String,
    pub code: String,
}

/// Which households get a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterSelection {
    /// Every household of the residence.
    All,
    /// Households nobody joined yet.
    Unclaimed,
    /// One household.
    Household(i64),
}

/// Issues new codes for the selected households of `residence` and returns
/// their letters. The previous codes of these households stop working.
/// Audited (`letters.issued`, with the count).
pub async fn issue_letters(
    db: &DatabaseConnection,
    actor_id: Option<i64>,
    residence: &residence::Model,
    selection: LetterSelection,
) -> Result<Vec<Letter>, RegistryError> {
    let txn = db.begin().await?;
    let mut query = household::Entity::find().filter(household::Column::ResidenceId.eq(residence.id));
    if let LetterSelection::Household(id) = selection {
        query = query.filter(household::Column::Id.eq(id));
    }
    let mut households =
        query.order_by_asc(household::Column::BuildingId).order_by_asc(household::Column::UnitLabel).all(&txn).await?;
    if selection == LetterSelection::Unclaimed {
        let joined: std::collections::HashSet<i64> = occupancy::Entity::find()
            .filter(occupancy::Column::HouseholdId.is_in(households.iter().map(|h| h.id)))
            .all(&txn)
            .await?
            .into_iter()
            .map(|o| o.household_id)
            .collect();
        households.retain(|h| !joined.contains(&h.id));
    }
    if let LetterSelection::Household(_) = selection
        && households.is_empty()
    {
        return Err(RegistryError::NotFound);
    }
    let organisation = organisation_name(&txn, residence.organisation_id).await?.unwrap_or_default();
    let buildings: HashMap<i64, String> =
        buildings_of(&txn, residence.id).await?.into_iter().map(|b| (b.id, b.name)).collect();
    let now = Utc::now();
    let mut letters = Vec::with_capacity(households.len());
    for household in households {
        let code = secret::new_invitation_code();
        household::Entity::update_many()
            .col_expr(household::Column::InvitationCodeHash, Expr::value(secret::hash_invitation_code(&code)))
            .col_expr(household::Column::InvitationCodeIssuedAt, Expr::value(now))
            .col_expr(household::Column::UpdatedAt, Expr::value(now))
            .filter(household::Column::Id.eq(household.id))
            .exec(&txn)
            .await?;
        letters.push(Letter {
            organisation: organisation.clone(),
            residence: residence.name.clone(),
            address: residence.address.clone(),
            postcode: residence.postcode.clone(),
            city: residence.city.clone(),
            building: household.building_id.and_then(|b| buildings.get(&b).cloned()),
            unit: household.unit_label,
            lease_ref: household.lease_ref,
            code: code.to_string(),
        });
    }
    audit::record(
        &txn,
        Entry {
            actor_user_id: actor_id,
            organisation_id: Some(residence.organisation_id),
            action: "letters.issued",
            target_kind: "residence",
            target_id: Some(residence.id),
            details: json!({ "count": letters.len(), "residence": residence.name }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(letters)
}
