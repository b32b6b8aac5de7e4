use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// A residence in the back office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResidenceLine {
    pub id: i64,
    pub name: String,
    pub city: String,
    pub buildings: u64,
    pub households: u64,
    pub joined: u64,
}

/// An organisation the person works for, and its residences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationOverview {
    pub id: i64,
    pub name: String,
    pub admin: bool,
    pub residences: Vec<ResidenceLine>,
}

/// `/gestion`: every organisation the person may manage.
#[server(prefix = "/api", endpoint = "registry/back_office", input = GetUrl)]
pub async fn back_office() -> Result<Vec<OrganisationOverview>, AppError> {
    use crate::server::{internal, require_session, state};
    use palier_backend::policy::{OrgRole, Permission, Scope};
    use palier_backend::registry;
    let state = state()?;
    let actor = require_session()?.actor;
    if !actor.is_staff_anywhere() {
        return Err(AppError::Forbidden);
    }
    let ids = actor.staff_organisations();
    let organisations = registry::organisations(&state.db, (!actor.platform_admin).then_some(ids.as_slice()))
        .await
        .map_err(internal)?;
    let mut overview = Vec::new();
    for organisation in organisations {
        if !actor.can(Permission::ViewBackOffice, Scope::organisation(organisation.id)) {
            continue;
        }
        let residences = registry::residences_of(&state.db, organisation.id)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|r| ResidenceLine {
                id: r.id,
                name: r.name,
                city: r.city,
                buildings: r.buildings,
                households: r.households,
                joined: r.joined,
            })
            .collect();
        overview.push(OrganisationOverview {
            id: organisation.id,
            admin: actor.platform_admin || actor.role_in(organisation.id) == Some(OrgRole::Admin),
            name: organisation.name,
            residences,
        });
    }
    Ok(overview)
}

/// Reads a residence's form fields, recording problems.
#[cfg(feature = "ssr")]
fn residence_fields(
    form: &mut crate::error::FormErrors,
    name: &str,
    address: &str,
    postcode: &str,
    city: &str,
) -> palier_backend::registry::NewResidence {
    let clean = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let (name, address, postcode, city) = (clean(name), clean(address), clean(postcode), clean(city));
    for (field, value) in [("name", &name), ("address", &address), ("postcode", &postcode), ("city", &city)] {
        form.keep(field, value);
    }
    if name.is_empty() {
        form.add("name", "error-residence-name-empty");
    } else if name.chars().count() > 200 {
        form.add("name", "error-text-too-long");
    }
    if address.chars().count() > 300 || city.chars().count() > 100 {
        form.add("address", "error-text-too-long");
    }
    let postcode_ok = postcode.is_empty() || (postcode.len() == 5 && postcode.chars().all(|c| c.is_ascii_digit()));
    if !postcode_ok {
        form.add("postcode", "error-postcode");
    }
    palier_backend::registry::NewResidence { name, address, postcode, city }
}

/// Creates a residence in an organisation.
#[server(prefix = "/api", endpoint = "registry/create_residence")]
pub async fn create_residence(
    organisation_id: i64,
    name: String,
    address: String,
    postcode: String,
    city: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::policy::{Permission, Scope};
    use palier_backend::registry::{self, RegistryError};
    let state = state()?;
    let actor = require_session()?.actor;
    registry::organisation(&state.db, organisation_id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ManageRegistry, Scope::organisation(organisation_id))?;
    let mut form = FormErrors::new();
    let new = residence_fields(&mut form, &name, &address, &postcode, &city);
    AppError::unless_valid(form.clone())?;
    match registry::add_residence(&state.db, actor.user_id, organisation_id, new).await {
        Ok(residence) => {
            leptos_axum::redirect(&format!("/gestion/residences/{}?ok=residence-created", residence.id));
            Ok(())
        }
        Err(RegistryError::DuplicateName) => {
            form.add("name", "error-residence-name-taken");
            Err(AppError::Invalid(form))
        }
        Err(error) => Err(internal(error)),
    }
}

/// Changes a residence's name and address.
#[server(prefix = "/api", endpoint = "registry/update_residence")]
pub async fn update_residence(
    residence_id: i64,
    name: String,
    address: String,
    postcode: String,
    city: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, RegistryError};
    let state = state()?;
    let actor = require_session()?.actor;
    let residence = registry::residence(&state.db, residence_id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ManageRegistry, registry::residence_scope(&residence))?;
    let mut form = FormErrors::new();
    let new = residence_fields(&mut form, &name, &address, &postcode, &city);
    AppError::unless_valid(form.clone())?;
    match registry::edit_residence(&state.db, actor.user_id, residence_id, new).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/gestion/residences/{residence_id}?ok=residence-updated"));
            Ok(())
        }
        Err(RegistryError::DuplicateName) => {
            form.add("name", "error-residence-name-taken");
            Err(AppError::Invalid(form))
        }
        Err(error) => Err(internal(error)),
    }
}

/// Adds a building to a residence.
#[server(prefix = "/api", endpoint = "registry/create_building")]
pub async fn create_building(residence_id: i64, name: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, RegistryError};
    let state = state()?;
    let actor = require_session()?.actor;
    let residence = registry::residence(&state.db, residence_id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ManageRegistry, registry::residence_scope(&residence))?;
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut form = FormErrors::new();
    form.keep("building_name", &name);
    if name.is_empty() || name.chars().count() > 100 {
        form.add("building_name", "error-building-name");
        return Err(AppError::Invalid(form));
    }
    match registry::add_building(&state.db, actor.user_id, &residence, &name).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/gestion/residences/{residence_id}?ok=building-created"));
            Ok(())
        }
        Err(RegistryError::DuplicateName) => {
            form.add("building_name", "error-building-name-taken");
            Err(AppError::Invalid(form))
        }
        Err(error) => Err(internal(error)),
    }
}
