//! The settings fields of a consultation, for creating or editing one.

use crate::components::field::FormCheck;
use crate::components::form::{Feedback, Field};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use palier_domain::consultations::{Audience, ConsultationAdmin, Scope, Visibility, VotingUnit};
use palier_domain::form::{FormRule, Rule};
use palier_domain::ids::{BuildingId, ResidenceId};
use palier_domain::registry::Place;
use palier_domain::time::paris_input;
use strum::VariantArray as _;

/// Radio buttons for one setting: the codes of an enum's variants, each
/// labelled by message `<labels>-<code>`.
#[component]
fn Radios(
    feedback: Feedback,
    name: &'static str,
    legend: &'static str,
    choices: Vec<&'static str>,
    labels: &'static str,
    selected: &'static str,
    /// A rule over this and other fields, checked in the browser, whose
    /// message shows here.
    #[prop(optional)]
    check: Option<FormRule>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kept = feedback.value(name).unwrap_or_else(|| selected.to_owned());
    let error = feedback.field_error(name).map(|e| i18n.t(&e));
    let invalid = error.is_some();
    let id = feedback.field_id(name);
    let error = match check {
        Some(rule) => {
            let messages = rule.messages().into_iter().map(|m| (m.to_owned(), i18n.t(m))).collect();
            view! { <FormCheck rule focus_in=id.clone() messages error/> }.into_any()
        }
        None => error.map(|message| view! { <span class="field__error">{message}</span> }).into_any(),
    };
    view! {
        <fieldset class="field" class:field--invalid=invalid id=id>
            <legend>{i18n.t(legend)}</legend>
            {error}
            {choices.into_iter().map(|value| {
                let id = format!("{}-{value}", feedback.field_id(name));
                view! {
                    <div class="choice">
                        <input type="radio" id=id.clone() name=name value=value checked=kept == value/>
                        <label for=id>{i18n.t_code(labels, value)}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
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
        <Radios feedback name="scope" legend="consultation-scope"
            choices=Scope::VARIANTS.iter().map(|s| s.code()).collect() labels="scope" selected=scope
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
        <Radios feedback name="unit" legend="consultation-unit"
            choices=VotingUnit::VARIANTS.iter().map(|u| u.code()).collect() labels="rule-unit" selected=unit/>
        <Field feedback name="opens_at" label="consultation-opens" hint="consultation-time-hint" kind="datetime-local"
            required=true rule=Rule::DateTime initial=c.map(|c| paris_input(c.opens_at)).unwrap_or_default()/>
        <Field feedback name="closes_at" label="consultation-closes" hint="consultation-time-hint" kind="datetime-local"
            required=true rule=Rule::DateTime initial=c.map(|c| paris_input(c.closes_at)).unwrap_or_default()/>
        <Radios feedback name="visibility" legend="consultation-visibility"
            choices=Visibility::VARIANTS.iter().map(|v| v.code()).collect() labels="rule-results"
            selected=visibility/>
        <Field feedback name="quorum" label="consultation-quorum" hint="consultation-quorum-hint" kind="number"
            rule=Rule::Quorum initial=c.and_then(|c| c.quorum).map(|q| q.to_string()).unwrap_or_default()/>
    }
}
