use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::ids::OrganisationId;
use palier_domain::registry::Place;

/// The organisation's residences and buildings, for a new consultation.
#[server(prefix = "/api", endpoint = "consultations/places", input = GetUrl)]
pub async fn get_places(organisation_id: OrganisationId) -> Result<Vec<Place>, AppError> {
    use crate::server::signed_in;
    use palier_backend::policy::{Permission, Scope};
    let (state, actor) = signed_in()?;
    actor.authorise(Permission::ManageRegistry, Scope::organisation(organisation_id.get()))?;
    Ok(palier_backend::registry::places_of(&state.db, organisation_id.get()).await?)
}
