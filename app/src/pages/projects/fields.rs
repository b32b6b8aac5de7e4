//! The fields of a project, for proposing it and for rewriting it.

use super::category_text;
use crate::components::files::PhotoField;
use crate::components::form::{Feedback, Field};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use palier_domain::form::Rule;
use palier_domain::projects::{Category, Need};
use palier_domain::registry::Building;
use strum::VariantArray as _;

/// What the fields start with (a project being rewritten).
#[derive(Debug, Clone, Default)]
pub struct Current {
    pub category: String,
    pub building: String,
    pub title: String,
    pub description: String,
    pub cost: String,
    pub needs: Vec<Need>,
}

/// The project's fields. `buildings` are the residence's (for a project of
/// one building); `photos` are those it has.
#[component]
pub fn ProjectFields(
    feedback: Feedback,
    categories: Vec<Category>,
    buildings: Vec<Building>,
    #[prop(optional)] current: Current,
    #[prop(default = 0)] photos: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let categories = categories.iter().map(|c| (c.id.to_string(), category_text(i18n, &c.name))).collect();
    let kept = feedback.values("needs[]");
    let refused = feedback.refused();
    let needs = Need::VARIANTS
        .iter()
        .map(|need| {
            let code = need.code();
            let id = format!("{}-{code}", feedback.field_id("needs"));
            let checked = if refused { kept.iter().any(|k| k == code) } else { current.needs.contains(need) };
            view! {
                <div class="choice">
                    <input type="checkbox" id=id.clone() name="needs[]" value=code checked=checked/>
                    <label for=id>{i18n.t_code("project-need", code)}</label>
                </div>
            }
        })
        .collect_view();
    let buildings = (!buildings.is_empty()).then(|| {
        let choices = buildings.into_iter().map(|b| (b.id.to_string(), b.name)).collect();
        view! {
            <Field feedback name="building_id" label="project-building" hint="project-building-hint" choices
                placeholder="project-whole-residence" initial=current.building.clone()/>
        }
    });
    view! {
        <Field feedback name="title" label="project-title" hint="project-title-hint" required=true maxlength=120
            rule=Rule::ProjectTitle initial=current.title/>
        <Field feedback name="description" label="project-description" hint="project-description-hint" rows=8
            required=true maxlength=10000 rule=Rule::ProjectDescription initial=current.description/>
        <Field feedback name="category_id" label="project-category" required=true choices=categories
            placeholder="project-category-choose" rule=Rule::ProjectCategory initial=current.category/>
        {buildings}
        <Field feedback name="estimated_cost" label="project-cost" hint="project-cost-hint" kind="number"
            rule=Rule::ProjectCost initial=current.cost/>
        <fieldset class="field" id=feedback.field_id("needs")>
            <legend>{i18n.t("project-needs")}</legend>
            <span class="field__hint">{i18n.t("project-needs-hint")}</span>
            {needs}
        </fieldset>
        <PhotoField feedback existing=photos/>
    }
}
