//! `/gestion/organisations/{org}/consultations`: an organisation's consultations.

use crate::api::consultations::admin_list::list_consultations;
use crate::components::page::{Loaded, param, with_id};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use palier_domain::ids::OrganisationId;

#[component]
pub fn ConsultationsAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = param::<OrganisationId>("org");
    view! {
        <Title text=i18n.t("consultations-admin-title")/>
        <Loaded load=move || with_id(organisation, list_consultations) view=move |list| view! {
            <div class="page">
                <p><a href="/gestion">{i18n.t("back-office-back")}</a> " · " {list.organisation.clone()}</p>
                <h1>{i18n.t("consultations-admin-title")}</h1>
                <p>
                    <a class="button" href=format!("/gestion/organisations/{}/consultations/nouvelle", list.organisation_id)>
                        {i18n.t("consultation-new")}
                    </a>
                </p>
                {if list.consultations.is_empty() {
                    view! { <p>{i18n.t("consultations-none")}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap">
                            <table class="stack">
                                <thead>
                                    <tr>
                                        <th scope="col">{i18n.t("consultation-title-label")}</th>
                                        <th scope="col">{i18n.t("consultation-status")}</th>
                                        <th scope="col">{i18n.t("consultation-opens")}</th>
                                        <th scope="col">{i18n.t("consultation-closes")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list.consultations.into_iter().map(|c| view! {
                                        <tr>
                                            <th scope="row"><a href=format!("/gestion/consultations/{}", c.id)>{c.title}</a></th>
                                            <td data-label=i18n.t("consultation-status")>{i18n.t_code("status", c.status.code())}</td>
                                            <td data-label=i18n.t("consultation-opens")>{i18n.datetime(c.opens_at)}</td>
                                            <td data-label=i18n.t("consultation-closes")>{i18n.datetime(c.closes_at)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                }}
            </div>
        }/>
    }
}
