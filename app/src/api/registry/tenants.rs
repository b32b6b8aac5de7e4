use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// Links the signed-in account to the household of `code`.
#[server(prefix = "/api", endpoint = "registry/join_household")]
pub async fn join_household(code: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{client_ip, internal, require_session, state};
    use crate::validation::parse_code;
    use palier_backend::registry::{self, JoinError};
    let state = state()?;
    let session = require_session()?;
    let mut form = FormErrors::new();
    let Some(code) = parse_code(&mut form, "code", &code) else { return Err(AppError::Invalid(form)) };
    match registry::join_household(&state.db, session.actor.user_id, &code, &client_ip()).await {
        Ok(joined) => {
            leptos_axum::redirect(&format!("/mon-logement?ok=joined#logement-{}", joined.household_id));
            Ok(())
        }
        Err(JoinError::UnknownCode) => {
            form.add("code", "error-code-unknown");
            Err(AppError::Invalid(form))
        }
        Err(JoinError::Full) => {
            form.add("code", "error-household-full");
            Err(AppError::Invalid(form))
        }
        Err(JoinError::AlreadyJoined) => {
            form.add("code", "error-already-joined");
            Err(AppError::Invalid(form))
        }
        Err(JoinError::RateLimited(exceeded)) => Err(crate::server::rate_limited(exceeded)),
        Err(JoinError::Unexpected(error)) => Err(internal(error)),
    }
}

/// A home as its tenant sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeCard {
    pub household_id: i64,
    pub unit_label: String,
    pub building: Option<String>,
    pub residence_id: i64,
    pub residence: String,
    pub address: String,
    pub organisation: String,
    pub housemates: Vec<String>,
}

/// The households the signed-in person joined.
#[server(prefix = "/api", endpoint = "registry/my_homes", input = GetUrl)]
pub async fn my_homes() -> Result<Vec<HomeCard>, AppError> {
    use crate::server::{internal, require_session, state};
    let state = state()?;
    let session = require_session()?;
    Ok(palier_backend::registry::homes_of(&state.db, session.actor.user_id)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|h| HomeCard {
            household_id: h.household_id,
            unit_label: h.unit_label,
            building: h.building,
            residence_id: h.residence_id,
            residence: h.residence,
            address: format!("{}, {} {}", h.address, h.postcode, h.city).trim_matches([',', ' ']).to_owned(),
            organisation: h.organisation,
            housemates: h.housemates,
        })
        .collect())
}

/// A residence's public page (for its tenants and its landlord's staff).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResidenceView {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub organisation: String,
    pub households: u64,
    pub joined: u64,
}

#[server(prefix = "/api", endpoint = "registry/residence_view", input = GetUrl)]
pub async fn get_residence_view(residence_id: i64) -> Result<ResidenceView, AppError> {
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::policy::Permission;
    use palier_backend::registry;
    let state = state()?;
    let actor = require_session()?.actor;
    let residence = registry::residence(&state.db, residence_id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ViewResidence, registry::residence_scope(&residence))?;
    let summary = registry::residences_of(&state.db, residence.organisation_id)
        .await
        .map_err(internal)?
        .into_iter()
        .find(|r| r.id == residence_id)
        .ok_or(AppError::NotFound)?;
    let organisation =
        registry::organisation_name(&state.db, residence.organisation_id).await.map_err(internal)?.unwrap_or_default();
    Ok(ResidenceView {
        id: residence.id,
        name: residence.name,
        address: format!("{}, {} {}", residence.address, residence.postcode, residence.city)
            .trim_matches([',', ' '])
            .to_owned(),
        organisation,
        households: summary.households,
        joined: summary.joined,
    })
}
