//! Invitation letters: new codes for chosen households, printed on paper.

use super::RegistryError;
use crate::audit::{self, Entry};
use crate::auth::secret;
use crate::entities::{household, occupancy, residence};
use palier_domain::ids::HouseholdId;
use sea_orm::{
    ColumnTrait as _, DatabaseConnection, EntityTrait as _, QueryFilter as _, QueryOrder as _, TransactionTrait as _,
};
use serde::Serialize;
use serde_json::json;
use std::collections::HashMap;

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
    /// The last day the code works, as the letter prints it (`03/03/2027`).
    pub valid_until: String,
}

/// Which households get a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterSelection {
    /// Every household of the residence.
    All,
    /// Households nobody joined yet.
    Unclaimed,
    /// One household.
    Household(HouseholdId),
}

/// Issues new codes for the selected households of `residence` and returns
/// their letters. The previous codes of these households stop working.
/// Audited (`letters.issued`, with the count).
pub async fn issue_letters(
    db: &DatabaseConnection,
    codes: &secret::CodeKey,
    actor_id: Option<i64>,
    residence: &residence::Model,
    selection: LetterSelection,
) -> Result<Vec<Letter>, RegistryError> {
    let txn = db.begin().await?;
    let mut query = household::Entity::find().filter(household::Column::ResidenceId.eq(residence.id));
    if let LetterSelection::Household(id) = selection {
        query = query.filter(household::Column::Id.eq(id.get()));
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
    let organisation = super::organisation_name(&txn, residence.organisation_id).await?.unwrap_or_default();
    let validity = super::organisations::code_validity(&txn, residence.organisation_id).await?;
    let valid_until =
        (chrono::Utc::now() + validity).with_timezone(&chrono_tz::Europe::Paris).format("%d/%m/%Y").to_string();
    let buildings: HashMap<i64, String> =
        super::buildings_of(&txn, residence.id).await?.into_iter().map(|b| (b.id, b.name)).collect();
    let mut letters = Vec::with_capacity(households.len());
    for household in households {
        let code = super::issue_code(&txn, codes, household.id).await?;
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
            valid_until: valid_until.clone(),
        });
    }
    audit::record(
        &txn,
        Entry {
            actor_user_id: actor_id,
            organisation_id: Some(residence.organisation_id),
            action: palier_domain::audit::Action::LettersIssued,
            target_kind: "residence",
            target_id: Some(residence.id),
            details: json!({ "count": letters.len(), "residence": residence.name }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(letters)
}
