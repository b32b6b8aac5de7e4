//! `/consultations/{id}`: a consultation, its rules and what one can do with it.

use super::{rules, status_badge};
use crate::api::consultations::get::get_consultation;
use crate::components::page::{Loaded, param, with_id};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use palier_domain::consultations::Status;
use palier_domain::ids::ConsultationId;

#[component]
pub fn ConsultationPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = param::<ConsultationId>("id");
    view! {
        <Loaded load=move || with_id(id, get_consultation) view=move |page| {
            let action = if page.open && page.eligible && !page.voted {
                view! { <a class="button" href=format!("/consultations/{}/voter", page.id)>{i18n.t("consultation-vote")}</a> }.into_any()
            } else if page.voted {
                view! { <p class="notice notice--success">{i18n.t("consultation-voted")}</p> }.into_any()
            } else if page.open && !page.staff {
                view! { <p class="notice">{i18n.t("consultation-not-eligible")}</p> }.into_any()
            } else if page.status == Status::Scheduled {
                let when = i18n.datetime(page.opens_at);
                view! { <p class="notice">{i18n.t_with("consultations-from", &[("when", when.into())])}</p> }.into_any()
            } else {
                ().into_any()
            };
            view! {
                <Title text=page.title.clone()/>
                <article class="page page--narrow">
                    <p>{status_badge(i18n, page.status)}</p>
                    <h1>{page.title.clone()}</h1>
                    <p class="lead">{page.summary.clone()}</p>
                    {action}
                    <div class="prose markdown" inner_html=page.body_html.clone()></div>
                    <section class="card" aria-labelledby="rules">
                        <h2 id="rules">{i18n.t("rules-title")}</h2>
                        {rules(i18n, &page)}
                    </section>
                    <section class="card" aria-labelledby="questions">
                        <h2 id="questions">{i18n.t_with("consultation-questions", &[("count", page.questions.len().into())])}</h2>
                        <ol>{page.questions.iter().map(|q| view! { <li>{q.prompt.clone()}</li> }).collect_view()}</ol>
                    </section>
                    <nav class="actions" aria-label=i18n.t("consultation-links")>
                        {page.results_visible.then(|| view! {
                            <a class="button button--secondary" href=format!("/consultations/{}/resultats", page.id)>{i18n.t("results-title")}</a>
                        })}
                        {page.status.is_over().then(|| view! {
                            <a class="button button--secondary" href=format!("/consultations/{}/depouillement", page.id)>{i18n.t("recount-title")}</a>
                        })}
                        {page.staff.then(|| view! {
                            <a class="button button--secondary" href=format!("/gestion/consultations/{}", page.id)>{i18n.t("consultation-manage")}</a>
                        })}
                    </nav>
                </article>
            }
        }/>
    }
}
