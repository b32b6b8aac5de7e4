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
use crate::i18n::use_i18n;
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

/// A `<select name="building_id">` of a residence's buildings (or none).
#[component]
fn BuildingSelect(feedback: Feedback, buildings: Vec<Building>, selected: Option<BuildingId>) -> impl IntoView {
    let i18n = use_i18n();
    let kept = feedback.value("building_id");
    let selected = kept.unwrap_or_else(|| selected.map(|b| b.to_string()).unwrap_or_default());
    let error = feedback.field_error("building_id");
    let invalid = error.is_some();
    let id = feedback.field_id("building_id");
    (!buildings.is_empty()).then(|| {
        view! {
            <div class="field" class:field--invalid=invalid>
                <label for=id.clone()>{i18n.t("household-building")}</label>
                {error.map(|e| view! { <span class="field__error">{i18n.t(&e)}</span> })}
                <select id=id name="building_id">
                    <option value="" selected=selected.is_empty()>{i18n.t("household-no-building")}</option>
                    {buildings
                        .into_iter()
                        .map(|b| {
                            let value = b.id.to_string();
                            view! { <option value=value.clone() selected=selected == value>{b.name}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    })
}
