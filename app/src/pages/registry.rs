//! The housing registry: the landlord's back office (residences,
//! buildings, households, the CSV import, invitation letters, the
//! organisation's settings) and the
//! tenant's side (joining a home, my home, my residence).

pub mod back_office;
pub mod homes;
pub mod household;
pub mod import;
pub mod residence;
pub mod settings;

use crate::components::form::{Feedback, Field};
use leptos::prelude::*;
use palier_domain::form::Rule;
use palier_domain::ids::BuildingId;
use palier_domain::registry::Building;

/// The fields of a residence, for creating or editing it.
#[component]
fn ResidenceFields(
    feedback: Feedback,
    #[prop(optional)] name: String,
    #[prop(optional)] address: String,
    #[prop(optional)] postcode: String,
    #[prop(optional)] city: String,
) -> impl IntoView {
    view! {
        <Field feedback name="name" label="residence-name" required=true maxlength=200 rule=Rule::ResidenceName initial=name/>
        <Field feedback name="address" label="residence-address" autocomplete="street-address" maxlength=300
            rule=Rule::Address initial=address/>
        <Field feedback name="postcode" label="residence-postcode" autocomplete="postal-code" maxlength=5
            rule=Rule::Postcode initial=postcode/>
        <Field feedback name="city" label="residence-city" autocomplete="address-level2" maxlength=100
            rule=Rule::City initial=city/>
    }
}

/// The choice of a residence's building (or none), when it has some.
#[component]
fn BuildingSelect(feedback: Feedback, buildings: Vec<Building>, selected: Option<BuildingId>) -> impl IntoView {
    (!buildings.is_empty()).then(|| {
        let choices = buildings.into_iter().map(|b| (b.id.to_string(), b.name)).collect();
        view! {
            <Field feedback name="building_id" label="household-building" choices placeholder="household-no-building"
                initial=selected.map(|b| b.to_string()).unwrap_or_default()/>
        }
    })
}
