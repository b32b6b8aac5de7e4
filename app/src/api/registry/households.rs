use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// Households shown per page of a residence.
pub const PER_PAGE: u64 = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildingOption {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseholdLine {
    pub id: i64,
    pub lease_ref: String,
    pub unit_label: String,
    pub building: Option<String>,
    pub occupants: u64,
    pub max_occupants: i32,
}

/// A residence as staff manage it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResidenceAdmin {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation: String,
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub buildings: Vec<BuildingOption>,
    pub households: Vec<HouseholdLine>,
    pub total_households: u64,
    pub page: u64,
    pub pages: u64,
}

#[server(prefix = "/api", endpoint = "registry/residence_admin", input = GetUrl)]
pub async fn get_residence_admin(residence_id: i64, page: u64) -> Result<ResidenceAdmin, AppError> {
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::policy::Permission;
    use palier_backend::registry;
    let state = state()?;
    let actor = require_session()?.actor;
    let residence = registry::residence(&state.db, residence_id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ViewBackOffice, registry::residence_scope(&residence))?;
    let buildings = registry::buildings_of(&state.db, residence_id)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|b| BuildingOption { id: b.id, name: b.name })
        .collect();
    let (rows, total) = registry::households_of(&state.db, residence_id, page, PER_PAGE).await.map_err(internal)?;
    let organisation =
        registry::organisation_name(&state.db, residence.organisation_id).await.map_err(internal)?.unwrap_or_default();
    Ok(ResidenceAdmin {
        id: residence.id,
        organisation_id: residence.organisation_id,
        organisation,
        name: residence.name,
        address: residence.address,
        postcode: residence.postcode,
        city: residence.city,
        buildings,
        households: rows
            .into_iter()
            .map(|h| HouseholdLine {
                id: h.id,
                lease_ref: h.lease_ref,
                unit_label: h.unit_label,
                building: h.building,
                occupants: h.occupants,
                max_occupants: h.max_occupants,
            })
            .collect(),
        total_households: total,
        page,
        pages: total.div_ceil(PER_PAGE).max(1),
    })
}

/// Checks the fields of a household form.
#[cfg(feature = "ssr")]
fn household_fields(form: &mut crate::error::FormErrors, unit_label: &str, max_occupants: &str) -> (String, i32) {
    let unit = unit_label.split_whitespace().collect::<Vec<_>>().join(" ");
    form.keep("unit_label", &unit);
    form.keep("max_occupants", max_occupants);
    if unit.is_empty() || unit.chars().count() > 100 {
        form.add("unit_label", "error-unit-label");
    }
    let max = max_occupants.trim().parse::<i32>().ok().filter(|n| (1..=20).contains(n));
    if max.is_none() {
        form.add("max_occupants", "error-max-occupants");
    }
    (unit, max.unwrap_or(palier_backend::registry::DEFAULT_MAX_OCCUPANTS))
}

/// The building chosen in a form (`""` for none), checked to be the residence's.
#[cfg(feature = "ssr")]
async fn building_choice(
    db: &palier_backend::DatabaseConnection,
    residence_id: i64,
    building_id: &str,
) -> Result<Option<i64>, AppError> {
    if building_id.trim().is_empty() {
        return Ok(None);
    }
    let id: i64 = building_id.trim().parse().map_err(|_| AppError::BadRequest)?;
    let buildings = palier_backend::registry::buildings_of(db, residence_id).await.map_err(crate::server::internal)?;
    if buildings.iter().any(|b| b.id == id) { Ok(Some(id)) } else { Err(AppError::BadRequest) }
}

/// Adds a household (one lease) to a residence.
#[server(prefix = "/api", endpoint = "registry/create_household")]
pub async fn create_household(
    residence_id: i64,
    building_id: String,
    unit_label: String,
    lease_ref: String,
    max_occupants: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, NewHousehold, RegistryError};
    let state = state()?;
    let actor = require_session()?.actor;
    let residence = registry::residence(&state.db, residence_id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ManageRegistry, registry::residence_scope(&residence))?;
    let mut form = FormErrors::new();
    let (unit_label, max_occupants) = household_fields(&mut form, &unit_label, &max_occupants);
    let lease_ref = lease_ref.trim().to_owned();
    form.keep("lease_ref", &lease_ref);
    if lease_ref.is_empty() || lease_ref.chars().count() > 64 {
        form.add("lease_ref", "error-lease-ref");
    }
    let building_id = building_choice(&state.db, residence_id, &building_id).await?;
    AppError::unless_valid(form.clone())?;
    let new = NewHousehold { residence_id, building_id, lease_ref, unit_label, max_occupants };
    match registry::add_household(&state.db, actor.user_id, &residence, new).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/gestion/residences/{residence_id}?ok=household-created"));
            Ok(())
        }
        Err(RegistryError::DuplicateLease) => {
            form.add("lease_ref", "error-lease-ref-taken");
            Err(AppError::Invalid(form))
        }
        Err(error) => Err(internal(error)),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OccupantLine {
    pub user_id: i64,
    pub display_name: String,
    pub joined: String,
}

/// A household as staff manage it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseholdAdmin {
    pub id: i64,
    pub residence_id: i64,
    pub residence: String,
    pub lease_ref: String,
    pub unit_label: String,
    pub building_id: Option<i64>,
    pub max_occupants: i32,
    pub code_issued: Option<String>,
    pub buildings: Vec<BuildingOption>,
    pub occupants: Vec<OccupantLine>,
}

#[server(prefix = "/api", endpoint = "registry/household_admin", input = GetUrl)]
pub async fn get_household_admin(household_id: i64) -> Result<HouseholdAdmin, AppError> {
    use crate::server::{authorise, format_datetime, internal, locale, require_session, state};
    use palier_backend::policy::Permission;
    use palier_backend::registry;
    let state = state()?;
    let actor = require_session()?.actor;
    let household = registry::household(&state.db, household_id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ViewBackOffice, registry::household_scope(&household))?;
    let residence =
        registry::residence(&state.db, household.residence_id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    let locale = locale();
    let buildings = registry::buildings_of(&state.db, residence.id)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|b| BuildingOption { id: b.id, name: b.name })
        .collect();
    let occupants = registry::occupants_of(&state.db, household.id)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|o| OccupantLine {
            user_id: o.user_id,
            display_name: o.display_name,
            joined: format_datetime(o.joined_at, locale),
        })
        .collect();
    Ok(HouseholdAdmin {
        id: household.id,
        residence_id: residence.id,
        residence: residence.name,
        lease_ref: household.lease_ref,
        unit_label: household.unit_label,
        building_id: household.building_id,
        max_occupants: household.max_occupants,
        code_issued: household.invitation_code_issued_at.map(|at| format_datetime(at, locale)),
        buildings,
        occupants,
    })
}

/// Changes a household's unit, building and capacity.
#[server(prefix = "/api", endpoint = "registry/update_household")]
pub async fn update_household(
    household_id: i64,
    building_id: String,
    unit_label: String,
    max_occupants: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, HouseholdChanges};
    let state = state()?;
    let actor = require_session()?.actor;
    let household = registry::household(&state.db, household_id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ManageRegistry, registry::household_scope(&household))?;
    let mut form = FormErrors::new();
    let (unit_label, max_occupants) = household_fields(&mut form, &unit_label, &max_occupants);
    let building_id = building_choice(&state.db, household.residence_id, &building_id).await?;
    AppError::unless_valid(form)?;
    registry::edit_household(
        &state.db,
        actor.user_id,
        household_id,
        HouseholdChanges { unit_label, building_id, max_occupants },
    )
    .await
    .map_err(internal)?;
    leptos_axum::redirect(&format!("/gestion/menages/{household_id}?ok=household-updated"));
    Ok(())
}

/// Unlinks a tenant from a household (they moved out).
#[server(prefix = "/api", endpoint = "registry/remove_occupant")]
pub async fn remove_occupant(household_id: i64, user_id: i64) -> Result<(), AppError> {
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::policy::Permission;
    use palier_backend::registry;
    let state = state()?;
    let actor = require_session()?.actor;
    let household = registry::household(&state.db, household_id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ManageRegistry, registry::household_scope(&household))?;
    if !registry::remove_occupant(&state.db, actor.user_id, &household, user_id).await.map_err(internal)? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/gestion/menages/{household_id}?ok=occupant-removed"));
    Ok(())
}
