//! `/gestion/consultations/{id}/apercu`: the ballot as tenants will see it.

use crate::api::consultations::get_admin::get_consultation_admin;
use crate::components::ballot::BallotQuestions;
use crate::components::form::Feedback;
use crate::components::page::{Loaded, param, with_id};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use palier_domain::ids::ConsultationId;

#[component]
pub fn PreviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = param::<ConsultationId>("id");
    view! {
        <Loaded load=move || with_id(id, get_consultation_admin) view=move |c| view! {
            <Title text=i18n.t("consultation-preview")/>
            <div class="page page--narrow">
                <p class="notice notice--warning">{i18n.t("preview-notice")}</p>
                <h1>{i18n.t_with("ballot-title", &[("title", c.title.clone().into())])}</h1>
                <p class="lead">{c.summary.clone()}</p>
                <div class="prose markdown" inner_html=c.body_html.clone()></div>
                <form class="form ballot" aria-label=i18n.t("consultation-preview")>
                    <BallotQuestions questions=c.questions.clone() feedback=Feedback::none() disabled=true/>
                </form>
                <p><a href=format!("/gestion/consultations/{}", c.id)>{i18n.t("preview-back")}</a></p>
            </div>
        }/>
    }
}
