//! `/gestion/organisations/{org}/journal`: the organisation's audit log.

use crate::api::audit::audit_log;
use crate::components::page::{Loaded, Pager, page_number, param, with_id};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use palier_domain::ids::OrganisationId;

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = param::<OrganisationId>("org");
    let page = page_number();
    let base = format!("/gestion/organisations/{}/journal", organisation.map(|o| o.to_string()).unwrap_or_default());
    view! {
        <Loaded load=move || with_id(organisation, move |id| audit_log(id, page)) view=move |log| view! {
            <Title text=i18n.t("audit-title")/>
            <div class="page">
                <p><a href="/gestion">{i18n.t("back-office-back")}</a> " · " {log.organisation.clone()}</p>
                <h1>{i18n.t("audit-title")}</h1>
                <p>{i18n.t("audit-body")}</p>
                <div class="table-wrap">
                    <table class="stack">
                        <thead>
                            <tr>
                                <th scope="col">{i18n.t("audit-when")}</th>
                                <th scope="col">{i18n.t("audit-who")}</th>
                                <th scope="col">{i18n.t("audit-what")}</th>
                                <th scope="col">{i18n.t("audit-details")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {log.lines.into_iter().map(|line| {
                                let action = i18n.t_code("audit-action", &line.action.code().replace('.', "-"));
                                let details = line.details.iter().map(|(k, v)| format!("{k} : {v}")).collect::<Vec<_>>().join(" · ");
                                view! {
                                    <tr>
                                        <td>{i18n.datetime(line.at)}</td>
                                        <td data-label=i18n.t("audit-who")>{line.actor.unwrap_or_else(|| i18n.t("audit-system"))}</td>
                                        <td data-label=i18n.t("audit-what")>{action}</td>
                                        <td data-label=i18n.t("audit-details")>{details}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <Pager base=base.clone() page=log.page pages=log.pages/>
            </div>
        }/>
    }
}
