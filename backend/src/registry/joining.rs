//! Joining a home: a tenant's account is linked to the household whose
//! invitation code they type, and their homes as they see them.

use super::unique_violation;
use crate::auth::secret;
use crate::entities::{building, household, occupancy};
use crate::rate_limit::{self, Exceeded};
use palier_domain::InvitationCode;
use palier_domain::ids::{HouseholdId, ResidenceId};
use palier_domain::registry::{Home, one_line};
use sea_orm::{ColumnTrait as _, DatabaseConnection, DbErr, EntityTrait as _, QueryFilter as _, TransactionTrait as _};

/// Why a code did not link the account to a household.
#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    #[error("no household has this code")]
    UnknownCode,
    /// The code is older than its organisation's validity (`days`): the
    /// landlord issues a new letter.
    #[error("the code has expired")]
    ExpiredCode { days: i64 },
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

/// Links `user_id` to the household whose code is `code`, while the code
/// works: a code lost in a letterbox or an old letter stops opening the
/// home once the organisation's validity (90 days unless its admins chose
/// otherwise) has passed since its letter; staff then issue a new letter.
/// Wrong codes count against the account and the
/// IP; the occupants are told and the join is audit-logged; the capacity check and the link are one
/// transaction, and the link is unique by constraint.
#[tracing::instrument(skip_all)]
pub async fn join_household(
    db: &DatabaseConnection,
    codes: &secret::CodeKey,
    user_id: i64,
    code: &InvitationCode,
    ip: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Joined, JoinError> {
    let account_key = rate_limit::key("code-account", &user_id.to_string());
    let ip_key = rate_limit::key("code-ip", ip);
    // Counted before the code is looked up, so parallel guesses cannot all
    // pass; a code that works takes its attempt back.
    rate_limit::hit(db, &account_key, rate_limit::CODE_FAILURES_PER_ACCOUNT).await?.map_err(JoinError::RateLimited)?;
    rate_limit::hit(db, &ip_key, rate_limit::CODE_FAILURES_PER_IP).await?.map_err(JoinError::RateLimited)?;

    let found = household::Entity::find()
        .filter(
            household::Column::InvitationCodeHash
                .is_in([codes.hash(code), codes.hash_unkeyed(&secret::unkeyed_hash_invitation_code(code))]),
        )
        .one(db)
        .await?;
    let Some(found) = found else { return Err(JoinError::UnknownCode) };
    rate_limit::release(db, &account_key).await?;
    rate_limit::release(db, &ip_key).await?;
    let validity = super::organisations::code_validity(db, found.organisation_id).await?;
    if found.invitation_code_issued_at.is_none_or(|issued| issued + validity <= now) {
        return Err(JoinError::ExpiredCode { days: validity.num_days() });
    }
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let current = occupancy::Entity::find().filter(occupancy::Column::HouseholdId.eq(found.id)).all(&txn).await?;
    if current.iter().any(|o| o.user_id == user_id) {
        return Err(JoinError::AlreadyJoined);
    }
    if i32::try_from(current.len()).unwrap_or(i32::MAX) >= found.max_occupants {
        return Err(JoinError::Full);
    }
    match super::add_occupant(&txn, found.id, user_id).await {
        Ok(_) => {}
        Err(error) if unique_violation(&error) => return Err(JoinError::AlreadyJoined),
        Err(error) => return Err(error.into()),
    }
    crate::notifications::notify(&txn, crate::notifications::Event::HomeJoined { household_id: found.id, user_id })
        .await?;
    crate::audit::record(
        &txn,
        crate::audit::Entry {
            actor_user_id: Some(user_id),
            organisation_id: Some(found.organisation_id),
            action: palier_domain::audit::Action::HouseholdJoined,
            target_kind: "household",
            target_id: Some(found.id),
            details: serde_json::json!({ "unit": found.unit_label }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Joined { household_id: found.id, residence_id: found.residence_id })
}

/// The households `user_id` joined.
pub async fn homes_of(db: &DatabaseConnection, user_id: i64) -> Result<Vec<Home>, DbErr> {
    let mut homes = Vec::new();
    for (_, household) in occupancy::Entity::find()
        .filter(occupancy::Column::UserId.eq(user_id))
        .find_also_related(household::Entity)
        .all(db)
        .await?
    {
        let Some(household) = household else { continue };
        let Some(residence) = super::residence(db, household.residence_id).await? else { continue };
        let building = match household.building_id {
            Some(id) => building::Entity::find_by_id(id).one(db).await?.map(|b| b.name),
            None => None,
        };
        let organisation = super::organisation_name(db, household.organisation_id).await?.unwrap_or_default();
        let housemates = super::occupants_of(db, household.id)
            .await?
            .into_iter()
            .filter(|o| o.user_id.get() != user_id)
            .map(|o| o.display_name)
            .collect();
        homes.push(Home {
            household_id: HouseholdId::new(household.id),
            unit_label: household.unit_label,
            building,
            residence_id: ResidenceId::new(residence.id),
            address: one_line(&residence.address, &residence.postcode, &residence.city),
            residence: residence.name,
            organisation,
            housemates,
        });
    }
    Ok(homes)
}
