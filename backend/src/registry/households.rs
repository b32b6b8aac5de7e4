//! Households (one lease each): creating and editing them, their
//! occupants, and the back office's pages about them.

use super::{CountRow, RegistryError, counts, unique_violation};
use crate::audit::{self, Entry};
use crate::auth::secret;
use crate::entities::{household, occupancy, residence, user};
use crate::policy::Scope;
use chrono::Utc;
use palier_domain::InvitationCode;
use palier_domain::ids::{BuildingId, HouseholdId, ResidenceId, UserId};
use palier_domain::registry::{Building, HouseholdAdmin, HouseholdChanges, HouseholdRow, Occupant};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait as _, PaginatorTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _, TransactionTrait as _,
};
use serde_json::json;
use std::collections::HashMap;

/// A stored capacity as the domain counts it (the column is wider).
fn stored_capacity(max_occupants: i32) -> u8 {
    u8::try_from(max_occupants).unwrap_or(palier_domain::registry::MAX_OCCUPANTS)
}

/// A household (one lease) to create.
#[derive(Debug, Clone)]
pub struct NewHousehold {
    pub residence_id: i64,
    pub building_id: Option<i64>,
    pub lease_ref: String,
    pub unit_label: String,
    pub max_occupants: u8,
}

/// Creates a household, without a code: codes reach homes by letter
/// ([`super::issue_letters`]), or [`issue_code`].
pub async fn create_household<C: ConnectionTrait>(
    conn: &C,
    organisation_id: i64,
    new: NewHousehold,
) -> Result<household::Model, DbErr> {
    let now = Utc::now();
    household::ActiveModel {
        organisation_id: Set(organisation_id),
        residence_id: Set(new.residence_id),
        building_id: Set(new.building_id),
        lease_ref: Set(new.lease_ref),
        unit_label: Set(new.unit_label),
        max_occupants: Set(i32::from(new.max_occupants)),
        invitation_code_hash: Set(None),
        invitation_code_issued_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await
}

/// Gives household `household_id` a new invitation code, returned in clear
/// once: only its keyed hash is stored. The previous code stops working.
pub async fn issue_code<C: ConnectionTrait>(
    conn: &C,
    codes: &secret::CodeKey,
    household_id: i64,
) -> Result<InvitationCode, DbErr> {
    let code = secret::new_invitation_code();
    let now = Utc::now();
    household::Entity::update_many()
        .col_expr(household::Column::InvitationCodeHash, Expr::value(codes.hash(&code)))
        .col_expr(household::Column::InvitationCodeIssuedAt, Expr::value(now))
        .col_expr(household::Column::UpdatedAt, Expr::value(now))
        .filter(household::Column::Id.eq(household_id))
        .exec(conn)
        .await?;
    Ok(code)
}

/// Adds a household to a residence, audited. Its code is printed later, on a letter.
/// Refuses a building that is not one of the residence's.
async fn check_building<C: ConnectionTrait>(
    conn: &C,
    residence_id: i64,
    building_id: Option<i64>,
) -> Result<(), RegistryError> {
    let Some(building_id) = building_id else { return Ok(()) };
    let found = crate::entities::building::Entity::find_by_id(building_id).one(conn).await?;
    if found.is_some_and(|b| b.residence_id == residence_id) { Ok(()) } else { Err(RegistryError::ForeignBuilding) }
}

pub async fn add_household(
    db: &DatabaseConnection,
    actor_id: i64,
    residence: &residence::Model,
    new: NewHousehold,
) -> Result<household::Model, RegistryError> {
    let txn = db.begin().await?;
    check_building(&txn, residence.id, new.building_id).await?;
    let row = match create_household(&txn, residence.organisation_id, new).await {
        Ok(created) => created,
        Err(error) if unique_violation(&error) => return Err(RegistryError::DuplicateLease),
        Err(error) => return Err(error.into()),
    };
    audit::record(
        &txn,
        Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(residence.organisation_id),
            action: palier_domain::audit::Action::HouseholdCreated,
            target_kind: "household",
            target_id: Some(row.id),
            details: json!({ "unit": row.unit_label, "lease": row.lease_ref, "residence": residence.name }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

pub async fn edit_household(
    db: &DatabaseConnection,
    actor_id: i64,
    household_id: i64,
    changes: HouseholdChanges,
) -> Result<household::Model, RegistryError> {
    let txn = db.begin().await?;
    let existing = household::Entity::find_by_id(household_id).one(&txn).await?.ok_or(RegistryError::NotFound)?;
    check_building(&txn, existing.residence_id, changes.building_id.map(BuildingId::get)).await?;
    let organisation_id = existing.organisation_id;
    let mut active: household::ActiveModel = existing.into();
    active.unit_label = Set(changes.unit_label);
    active.building_id = Set(changes.building_id.map(BuildingId::get));
    active.max_occupants = Set(i32::from(changes.max_occupants));
    active.updated_at = Set(Utc::now());
    let row = active.update(&txn).await?;
    audit::record(
        &txn,
        Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(organisation_id),
            action: palier_domain::audit::Action::HouseholdUpdated,
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
        super::buildings_of(conn, residence_id).await?.into_iter().map(|b| (b.id, b.name)).collect();
    Ok((
        rows.into_iter()
            .map(|h| HouseholdRow {
                occupants: occupants.get(&h.id).copied().unwrap_or(0),
                building: h.building_id.and_then(|b| buildings.get(&b).cloned()),
                id: HouseholdId::new(h.id),
                lease_ref: h.lease_ref,
                unit_label: h.unit_label,
                max_occupants: stored_capacity(h.max_occupants),
                code_issued_at: h.invitation_code_issued_at,
            })
            .collect(),
        total,
    ))
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
            user.map(|u| Occupant {
                user_id: UserId::new(u.id),
                display_name: u.display_name,
                joined_at: occupancy.joined_at,
            })
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
        withdraw_code(&txn, household.id).await?;
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
                action: palier_domain::audit::Action::HouseholdOccupantRemoved,
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

/// Withdraws the code of household `household_id`: someone who leaves the
/// home knows it, so it stops working; staff print a new letter for the
/// occupants to come.
pub async fn withdraw_code<C: ConnectionTrait>(conn: &C, household_id: i64) -> Result<(), DbErr> {
    household::Entity::update_many()
        .col_expr(household::Column::InvitationCodeHash, Expr::value(Option::<String>::None))
        .col_expr(household::Column::InvitationCodeIssuedAt, Expr::value(Option::<chrono::DateTime<Utc>>::None))
        .filter(household::Column::Id.eq(household_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// A household as staff manage it.
pub async fn household_admin<C: ConnectionTrait>(
    conn: &C,
    household: household::Model,
) -> Result<HouseholdAdmin, DbErr> {
    let residence = residence::Entity::find_by_id(household.residence_id).one(conn).await?;
    let buildings = super::buildings_of(conn, household.residence_id)
        .await?
        .into_iter()
        .map(|b| Building { id: BuildingId::new(b.id), name: b.name })
        .collect();
    let validity = super::organisations::code_validity(conn, household.organisation_id).await?;
    let code_valid_until = household.invitation_code_issued_at.map(|issued| issued + validity);
    Ok(HouseholdAdmin {
        id: HouseholdId::new(household.id),
        residence_id: ResidenceId::new(household.residence_id),
        residence: residence.map(|r| r.name).unwrap_or_default(),
        occupants: occupants_of(conn, household.id).await?,
        lease_ref: household.lease_ref,
        unit_label: household.unit_label,
        building_id: household.building_id.map(BuildingId::new),
        max_occupants: stored_capacity(household.max_occupants),
        code_issued_at: household.invitation_code_issued_at,
        code_valid_until,
        code_expired: code_valid_until.is_some_and(|until| until <= Utc::now()),
        buildings,
    })
}
