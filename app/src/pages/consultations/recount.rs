//! `/consultations/{id}/depouillement`: the published ballot list, by
//! receipt, so anyone can recount and voters can find their ballot.

use crate::api::consultations::ballots::get_ballot_list;
use crate::components::form::{Feedback, Field};
use crate::components::page::{Loaded, Pager, page_number, param, query, with_id};
use crate::error::{AppError, FormErrors};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use palier_domain::form::Rule;
use palier_domain::ids::ConsultationId;

#[component]
pub fn RecountPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = param::<ConsultationId>("id");
    let page = page_number();
    let receipt = query("recu");
    let looked_up = receipt.clone().unwrap_or_default().to_uppercase();
    // A lookup is a plain GET: a receipt of the wrong form is said next to
    // the field by the rule the browser checks before sending.
    let feedback = match receipt.as_deref().map(|r| (r, Rule::Receipt.check(r))) {
        Some((typed, Some(message))) => {
            let mut form = FormErrors::new();
            form.keep("recu", typed);
            form.add("recu", message);
            Feedback::from_error(AppError::Invalid(form))
        }
        _ => Feedback::none(),
    };
    let load = {
        let receipt = receipt.clone();
        move || {
            let receipt = receipt.clone();
            with_id(id, move |id| get_ballot_list(id, page, receipt))
        }
    };
    let malformed = feedback.refused();
    view! {
        <Title text=i18n.t("recount-title")/>
        <div class="page">
            <h1>{i18n.t("recount-title")}</h1>
            <p>{i18n.t("recount-intro")}</p>
            <form method="get" class="form inline-search" role="search" novalidate>
                <Field feedback name="recu" label="recount-receipt-label" autocomplete="off" rule=Rule::Receipt
                    initial=receipt.unwrap_or_default()/>
                <button type="submit" class="button button--secondary">{i18n.t("recount-receipt-submit")}</button>
            </form>
            <Loaded load view=move |list| {
                let found = list.found.filter(|_| !malformed).map(|found| if found {
                    view! { <p class="notice notice--success" role="status">{i18n.t("recount-found")}</p> }.into_any()
                } else {
                    view! { <p class="notice notice--error" role="status">{i18n.t("recount-not-found")}</p> }.into_any()
                });
                let base = format!("/consultations/{}/depouillement", id.map(|id| id.to_string()).unwrap_or_default());
                let looked_up = looked_up.clone();
                view! {
                    {found}
                    <p>{i18n.t_with("recount-total", &[("count", list.total.into())])}</p>
                    <div class="table-wrap">
                        <table class="recount">
                            <caption class="visually-hidden">{i18n.t("recount-title")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t("recount-receipt")}</th>
                                    {list.questions.iter().map(|(_, prompt)| view! { <th scope="col">{prompt.clone()}</th> }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {list.ballots.into_iter().map(|ballot| {
                                    let mine = !looked_up.is_empty() && ballot.receipt == looked_up;
                                    view! {
                                        <tr class:highlight=mine>
                                            <th scope="row"><code>{ballot.receipt}</code></th>
                                            {ballot.answers.into_iter().map(|(_, a)| view! { <td>{a.unwrap_or_else(|| "—".to_owned())}</td> }).collect_view()}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <Pager base page=list.page pages=list.pages/>
                }
            }/>
        </div>
    }
}
