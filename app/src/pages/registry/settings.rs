//! `/gestion/organisations/{org}/reglages`: what an organisation's admins
//! choose for it: how long invitation codes work, and how tenants' projects
//! are supported, answered and moderated.

use crate::api::registry::add_category::AddCategory;
use crate::api::registry::archive_category::ArchiveCategory;
use crate::api::registry::name_moderator::NameModerator;
use crate::api::registry::remove_moderator::RemoveModerator;
use crate::api::registry::settings_view::get_settings;
use crate::api::registry::update_settings::UpdateSettings;
use crate::components::field::{FormCheck, form_messages};
use crate::components::form::{ErrorSummary, Feedback, Field, OkNotice, PostForm};
use crate::components::page::{Loaded, param, with_id};
use crate::i18n::use_i18n;
use crate::pages::projects::category_text;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::consultations::VotingUnit;
use palier_domain::form::{FormRule, Rule};
use palier_domain::ids::{OrganisationId, UserId};
use palier_domain::projects::ThresholdKind;
use palier_domain::registry::CategoryAdmin;
use strum::VariantArray as _;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = param::<OrganisationId>("org");
    view! {
        <Loaded load=move || with_id(organisation, get_settings) view=move |page| {
            let feedback = Feedback::of::<UpdateSettings>();
            let s = page.settings;
            let units = VotingUnit::VARIANTS.iter().map(|u| (u.code().to_owned(), i18n.t_code("settings-unit", u.code()))).collect();
            let kinds = ThresholdKind::VARIANTS
                .iter()
                .map(|k| (k.code().to_owned(), i18n.t_code("settings-threshold-kind", k.code())))
                .collect();
            view! {
                <Title text=i18n.t("settings-title")/>
                <div class="page page--narrow">
                    <p><a href="/gestion">{i18n.t("back-office-back")}</a> " · " {page.organisation.clone()}</p>
                    <h1>{i18n.t("settings-title")}</h1>
                    <OkNotice known=&[
                        "settings-saved",
                        "category-added",
                        "category-archived",
                        "category-restored",
                        "moderator-named",
                        "moderator-removed",
                    ]/>
                    <p>{i18n.t("settings-intro")}</p>
                    <ErrorSummary feedback/>
                    <PostForm action=UpdateSettings::PATH feedback>
                        <input type="hidden" name="organisation_id" value=page.organisation_id.to_string()/>
                        <section class="card" aria-labelledby="settings-codes">
                            <h2 id="settings-codes">{i18n.t("settings-codes")}</h2>
                            <Field feedback name="code_validity_days" label="field-code-validity-days"
                                hint="field-code-validity-days-hint" kind="number" required=true
                                rule=Rule::CodeValidityDays initial=s.code_validity_days.to_string()/>
                        </section>
                        <section class="card" aria-labelledby="settings-projects">
                            <h2 id="settings-projects">{i18n.t("settings-projects")}</h2>
                            <Field feedback name="support_unit" label="settings-support-unit" kind="radio"
                                choices=units initial=s.support_unit.code()/>
                            <Field feedback name="threshold_kind" label="settings-threshold-kind" kind="radio"
                                choices=kinds initial=s.threshold.kind.code()/>
                            <Field feedback name="threshold" label="settings-threshold" hint="settings-threshold-hint"
                                kind="number" required=true rule=Rule::SupportThreshold
                                initial=s.threshold.value.to_string()/>
                            <FormCheck rule=FormRule::Threshold focus_in=feedback.field_id("threshold")
                                messages=form_messages(FormRule::Threshold) error=None/>
                            <Field feedback name="answer_days" label="settings-answer-days" hint="settings-answer-days-hint"
                                kind="number" required=true rule=Rule::AnswerDays initial=s.answer_days.to_string()/>
                            <Field feedback name="report_threshold" label="settings-report-threshold"
                                hint="settings-report-threshold-hint" kind="number" required=true
                                rule=Rule::ReportThreshold initial=s.report_threshold.to_string()/>
                        </section>
                        <button type="submit" class="button">{i18n.t("settings-save")}</button>
                    </PostForm>
                    <Categories organisation=page.organisation_id categories=page.categories.clone()/>
                    <Moderators organisation=page.organisation_id moderators=page.moderators.clone()/>
                </div>
            }
        }/>
    }
}

/// The organisation's categories of projects: archive or offer again, add one.
#[component]
fn Categories(organisation: OrganisationId, categories: Vec<CategoryAdmin>) -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<AddCategory>().prefixed("category");
    view! {
        <section class="card" id="categories" aria-labelledby="categories-title">
            <h2 id="categories-title">{i18n.t("settings-categories")}</h2>
            <p>{i18n.t("settings-categories-intro")}</p>
            <ul class="session-list">
                {categories.into_iter().map(|category| view! {
                    <li class="session-list__item">
                        <p>
                            <strong>{category_text(i18n, &category.name)}</strong> " — "
                            {i18n.t_with("project-count", &[("count", category.projects.into())])}
                            {category.archived.then(|| view! { " " <span class="badge">{i18n.t("settings-category-archived")}</span> })}
                        </p>
                        <form method="post" action=ArchiveCategory::PATH>
                            <input type="hidden" name="organisation_id" value=organisation.to_string()/>
                            <input type="hidden" name="category_id" value=category.id.to_string()/>
                            {category.archived.then(|| view! { <input type="hidden" name="restore" value="1"/> })}
                            <button type="submit" class="button button--quiet">
                                {i18n.t(if category.archived { "settings-category-restore" } else { "settings-category-archive" })}
                            </button>
                        </form>
                    </li>
                }).collect_view()}
            </ul>
            <h3>{i18n.t("settings-category-add")}</h3>
            <PostForm action=AddCategory::PATH feedback>
                <input type="hidden" name="organisation_id" value=organisation.to_string()/>
                <Field feedback name="label" label="settings-category-label" required=true maxlength=100
                    rule=Rule::CategoryLabel/>
                <button type="submit" class="button button--secondary">{i18n.t("settings-category-add-submit")}</button>
            </PostForm>
        </section>
    }
}

/// The tenants the organisation names to moderate their residence's content.
#[component]
fn Moderators(organisation: OrganisationId, moderators: Vec<(UserId, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<NameModerator>().prefixed("moderator");
    view! {
        <section class="card" id="moderateurs" aria-labelledby="moderators-title">
            <h2 id="moderators-title">{i18n.t("settings-moderators")}</h2>
            <p>{i18n.t("settings-moderators-intro")}</p>
            {moderators.is_empty().then(|| view! { <p>{i18n.t("settings-moderators-none")}</p> })}
            <ul class="session-list">
                {moderators.into_iter().map(|(id, name)| view! {
                    <li class="session-list__item">
                        <p><strong>{name}</strong></p>
                        <form method="post" action=RemoveModerator::PATH>
                            <input type="hidden" name="organisation_id" value=organisation.to_string()/>
                            <input type="hidden" name="user_id" value=id.to_string()/>
                            <button type="submit" class="button button--quiet">{i18n.t("settings-moderator-remove")}</button>
                        </form>
                    </li>
                }).collect_view()}
            </ul>
            <PostForm action=NameModerator::PATH feedback>
                <input type="hidden" name="organisation_id" value=organisation.to_string()/>
                <Field feedback name="email" label="settings-moderator-email" hint="settings-moderator-email-hint"
                    kind="email" required=true rule=Rule::Email/>
                <button type="submit" class="button button--secondary">{i18n.t("settings-moderator-name")}</button>
            </PostForm>
        </section>
    }
}
