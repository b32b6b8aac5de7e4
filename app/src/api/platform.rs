//! Server functions for platform administrators: organisations.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
    pub slug: String,
    pub residences: usize,
}

#[server(prefix = "/api", endpoint = "platform/organisations", input = GetUrl)]
pub async fn list_organisations() -> Result<Vec<OrganisationRow>, AppError> {
    use crate::server::{internal, require_session, state};
    use palier_backend::registry;
    let state = state()?;
    let actor = require_session()?.actor;
    if !actor.can_manage_platform() {
        return Err(AppError::Forbidden);
    }
    let mut rows = Vec::new();
    for organisation in registry::organisations(&state.db, None).await.map_err(internal)? {
        let residences = registry::residences_of(&state.db, organisation.id).await.map_err(internal)?.len();
        rows.push(OrganisationRow {
            id: organisation.id,
            name: organisation.name,
            slug: organisation.slug,
            residences,
        });
    }
    Ok(rows)
}

/// Creates an organisation (landlord) and invites its first admin.
#[server(prefix = "/api", endpoint = "platform/create_organisation")]
pub async fn create_organisation(name: String, slug: String, admin_email: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{internal, locale, require_session, state};
    use crate::validation::parse_email;
    use palier_backend::team::{self, CreateOrganisationError, Inviter};
    let state = state()?;
    let actor = require_session()?.actor;
    if !actor.can_manage_platform() {
        return Err(AppError::Forbidden);
    }
    let mut form = FormErrors::new();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let slug = slug.trim().to_lowercase();
    form.keep("name", &name);
    form.keep("slug", &slug);
    if name.is_empty() || name.chars().count() > 200 {
        form.add("name", "error-organisation-name");
    }
    let slug_ok = (2..=64).contains(&slug.len())
        && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if !slug_ok {
        form.add("slug", "error-slug");
    }
    let email = parse_email(&mut form, "admin_email", &admin_email);
    let Some(email) = email.filter(|_| form.is_empty()) else { return Err(AppError::Invalid(form)) };
    let inviter = Inviter { user_id: actor.user_id, name: actor.display_name.clone(), locale: locale() };
    match team::create_organisation(&state.db, &state.settings.links(), &inviter, &name, &slug, &email).await {
        Ok(_) => {
            state.outbox.wake();
            leptos_axum::redirect("/admin?ok=organisation-created");
            Ok(())
        }
        Err(CreateOrganisationError::SlugTaken) => {
            form.add("slug", "error-slug-taken");
            Err(AppError::Invalid(form))
        }
        Err(CreateOrganisationError::Unexpected(error)) => Err(internal(error)),
    }
}
