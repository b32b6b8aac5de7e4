//! `/gestion/organisations/{org}/consultations/nouvelle`: a new consultation.

use super::settings::SettingsFields;
use crate::api::consultations::create::CreateConsultation;
use crate::api::consultations::places::get_places;
use crate::components::form::{Feedback, PostForm};
use crate::components::page::{Loaded, param, with_id};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::ids::OrganisationId;

#[component]
pub fn NewConsultationPage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = param::<OrganisationId>("org");
    let org = organisation.map(|o| o.to_string()).unwrap_or_default();
    let back = format!("/gestion/organisations/{org}/consultations");
    view! {
        <Title text=i18n.t("consultation-new")/>
        <div class="page page--narrow">
            <p><a href=back>{i18n.t("consultations-admin-title")}</a></p>
            <h1>{i18n.t("consultation-new")}</h1>
            <Loaded load=move || with_id(organisation, get_places) view=move |places| {
                let feedback = Feedback::of::<CreateConsultation>();
                let org = org.clone();
                view! {
                    <PostForm action=CreateConsultation::PATH feedback>
                        <input type="hidden" name="organisation_id" value=org.clone()/>
                        <SettingsFields feedback places/>
                        <button type="submit" class="button">{i18n.t("consultation-create")}</button>
                    </PostForm>
                }
            }/>
        </div>
    }
}
