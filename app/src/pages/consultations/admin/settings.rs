//! The settings fields of a consultation, for creating or editing one.

use crate::components::field::{FormCheck, form_messages};
use crate::components::form::{Feedback, Field};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use palier_domain::consultations::{Audience, ConsultationAdmin, Scope, Visibility, VotingUnit};
use palier_domain::form::{FormRule, Rule};
use palier_domain::ids::{BuildingId, ResidenceId};
use palier_domain::registry::Place;
use palier_domain::time::paris_input;
use strum::VariantArray as _;

/// The choices of a setting: the codes of an enum's variants, each
/// labelled by message `<labels>-<code>`.
fn radio_choices(codes: impl IntoIterator<Item = &'static str>, labels: &'static str) -> Vec<(String, String)> {
    let i18n = use_i18n();
    codes.into_iter().map(|code| (code.to_owned(), i18n.t_code(labels, code))).collect()
}

/// The ids kept from the last submission for `field`, or else `current`.
fn chosen<T: std::str::FromStr + Copy>(feedback: Feedback, field: &str, current: Vec<T>) -> Vec<T> {
    let kept = feedback.values(field);
    if kept.is_empty() { current } else { kept.iter().filter_map(|v| v.parse().ok()).collect() }
}

/// The settings fields, for creating (`current` is `None`) or editing a consultation.
#[component]
pub fn SettingsFields(
    feedback: Feedback,
    places: Vec<Place>,
    #[prop(optional)] current: Option<ConsultationAdmin>,
) -> impl IntoView {
    let i18n = use_i18n();
    let c = current.as_ref();
    let (residences, buildings): (Vec<ResidenceId>, Vec<BuildingId>) = match c.map(|c| &c.audience) {
        Some(Audience::Residences(ids)) => (ids.clone(), Vec::new()),
        Some(Audience::Buildings(ids)) => (Vec::new(), ids.clone()),
        _ => (Vec::new(), Vec::new()),
    };
    let residences = chosen(feedback, "residences", residences);
    let buildings = chosen(feedback, "buildings", buildings);
    let scope = c.map_or(Scope::Residences, |c| c.audience.scope()).code();
    let unit = c.map_or(VotingUnit::Household, |c| c.unit).code();
    let visibility = c.map_or(Visibility::AfterClose, |c| c.visibility).code();
    view! {
        <Field feedback name="title" label="consultation-title-label" required=true maxlength=200
            rule=Rule::ConsultationTitle initial=c.map(|c| c.title.clone()).unwrap_or_default()/>
        <Field feedback name="summary" label="consultation-summary" hint="consultation-summary-hint" maxlength=500
            rule=Rule::ConsultationSummary initial=c.map(|c| c.summary.clone()).unwrap_or_default()/>
        <Field feedback name="body" label="consultation-body" hint="consultation-body-hint" rows=10 maxlength=20000
            rule=Rule::ConsultationBody initial=c.map(|c| c.body.clone()).unwrap_or_default()/>
        <Field feedback name="scope" label="consultation-scope" kind="radio"
            choices=radio_choices(Scope::VARIANTS.iter().map(|s| s.code()), "scope") initial=scope
            check=FormRule::Audience/>
        <fieldset class="field">
            <legend>{i18n.t("consultation-places")}</legend>
            <span class="field__hint">{i18n.t("consultation-places-hint")}</span>
            {places.into_iter().map(|place| {
                let rid = format!("residence-{}", place.residence_id);
                view! {
                    <div class="choice">
                        <input type="checkbox" id=rid.clone() name="residences[]" value=place.residence_id.to_string()
                            checked=residences.contains(&place.residence_id)/>
                        <label for=rid>{place.residence.clone()}</label>
                    </div>
                    <div class="nested">
                        {place.buildings.into_iter().map(|(id, name)| {
                            let bid = format!("building-{id}");
                            view! {
                                <div class="choice">
                                    <input type="checkbox" id=bid.clone() name="buildings[]" value=id.to_string()
                                        checked=buildings.contains(&id)/>
                                    <label for=bid>{format!("{} — {name}", place.residence)}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <Field feedback name="unit" label="consultation-unit" kind="radio"
            choices=radio_choices(VotingUnit::VARIANTS.iter().map(|u| u.code()), "rule-unit") initial=unit/>
        <Field feedback name="opens_at" label="consultation-opens" hint="consultation-time-hint" kind="datetime-local"
            required=true rule=Rule::DateTime initial=c.map(|c| paris_input(c.opens_at)).unwrap_or_default()/>
        <Field feedback name="closes_at" label="consultation-closes" hint="consultation-time-hint" kind="datetime-local"
            required=true rule=Rule::DateTime initial=c.map(|c| paris_input(c.closes_at)).unwrap_or_default()/>
        <FormCheck rule=FormRule::Schedule focus_in=feedback.field_id("closes_at")
            messages=form_messages(FormRule::Schedule) error=None/>
        <Field feedback name="visibility" label="consultation-visibility" kind="radio"
            choices=radio_choices(Visibility::VARIANTS.iter().map(|v| v.code()), "rule-results") initial=visibility/>
        <Field feedback name="quorum" label="consultation-quorum" hint="consultation-quorum-hint" kind="number"
            rule=Rule::Quorum initial=c.and_then(|c| c.quorum).map(|q| q.to_string()).unwrap_or_default()/>
    }
}
