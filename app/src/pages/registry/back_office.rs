//! `/gestion`: the organisations a person works for and their residences.

use crate::api::registry::back_office::back_office;
use crate::components::form::OkNotice;
use crate::components::page::Loaded;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn BackOfficePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("back-office-title")/>
        <div class="page">
            <h1>{i18n.t("back-office-title")}</h1>
            <OkNotice known=&["joined-team"]/>
            <Loaded load=back_office view=move |organisations| organisations.into_iter().map(|org| {
                let base = format!("/gestion/organisations/{}", org.id);
                let heading = format!("org-{}", org.id);
                view! {
                    <section class="card" aria-labelledby=heading.clone()>
                        <h2 id=heading.clone()>{org.name.clone()}</h2>
                        <nav class="actions" aria-label=i18n.t("back-office-actions")>
                            <a class="button" href=format!("{base}/consultations")>{i18n.t("consultations-admin-title")}</a>
                            <a class="button button--secondary" href=format!("{base}/residences/nouvelle")>{i18n.t("residence-new")}</a>
                            <a class="button button--secondary" href=format!("{base}/import")>{i18n.t("import-title")}</a>
                            <a class="button button--secondary" href=format!("{base}/conseils")>{i18n.t("councils-admin-title")}</a>
                            <a class="button button--secondary" href=format!("{base}/moderation")>{i18n.t("back-office-moderation")}</a>
                            {org.admin.then(|| view! {
                                <a class="button button--secondary" href=format!("{base}/equipe")>{i18n.t("team-title")}</a>
                                <a class="button button--secondary" href=format!("{base}/journal")>{i18n.t("audit-title")}</a>
                                <a class="button button--secondary" href=format!("{base}/reglages")>{i18n.t("settings-title")}</a>
                            })}
                        </nav>
                        {if org.residences.is_empty() {
                            view! { <p>{i18n.t("back-office-no-residence")}</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-wrap">
                                    <table class="stack">
                                        <caption>{i18n.t("back-office-residences")}</caption>
                                        <thead>
                                            <tr>
                                                <th scope="col">{i18n.t("residence-name")}</th>
                                                <th scope="col">{i18n.t("residence-city")}</th>
                                                <th scope="col" class="num">{i18n.t("residence-buildings")}</th>
                                                <th scope="col" class="num">{i18n.t("residence-households")}</th>
                                                <th scope="col" class="num">{i18n.t("residence-joined")}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {org.residences.into_iter().map(|r| view! {
                                                <tr>
                                                    <th scope="row">
                                                        <a href=format!("/gestion/residences/{}", r.id)>{r.name}</a>
                                                    </th>
                                                    <td data-label=i18n.t("residence-city")>{r.city}</td>
                                                    <td class="num" data-label=i18n.t("residence-buildings")>{r.buildings}</td>
                                                    <td class="num" data-label=i18n.t("residence-households")>{r.households}</td>
                                                    <td class="num" data-label=i18n.t("residence-joined")>{r.joined}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }
                            .into_any()
                        }}
                    </section>
                }
            }).collect_view()/>
        </div>
    }
}
