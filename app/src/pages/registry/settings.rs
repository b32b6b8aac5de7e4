//! `/gestion/organisations/{org}/reglages`: what an organisation's admins
//! choose for it (today how long invitation codes work).

use crate::api::registry::settings_view::get_settings;
use crate::api::registry::update_settings::UpdateSettings;
use crate::components::form::{ErrorSummary, Feedback, Field, OkNotice, PostForm};
use crate::components::page::{Loaded, param, with_id};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::form::Rule;
use palier_domain::ids::OrganisationId;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = param::<OrganisationId>("org");
    view! {
        <Loaded load=move || with_id(organisation, get_settings) view=move |page| {
            let feedback = Feedback::of::<UpdateSettings>();
            view! {
                <Title text=i18n.t("settings-title")/>
                <div class="page page--narrow">
                    <p><a href="/gestion">{i18n.t("back-office-back")}</a> " · " {page.organisation.clone()}</p>
                    <h1>{i18n.t("settings-title")}</h1>
                    <OkNotice known=&["settings-saved"]/>
                    <p>{i18n.t("settings-intro")}</p>
                    <ErrorSummary feedback/>
                    <PostForm action=UpdateSettings::PATH feedback>
                        <input type="hidden" name="organisation_id" value=page.organisation_id.to_string()/>
                        <section class="card" aria-labelledby="settings-codes">
                            <h2 id="settings-codes">{i18n.t("settings-codes")}</h2>
                            <Field feedback name="code_validity_days" label="field-code-validity-days"
                                hint="field-code-validity-days-hint" kind="number" required=true
                                rule=Rule::CodeValidityDays initial=page.settings.code_validity_days.to_string()/>
                        </section>
                        <button type="submit" class="button">{i18n.t("settings-save")}</button>
                    </PostForm>
                </div>
            }
        }/>
    }
}
