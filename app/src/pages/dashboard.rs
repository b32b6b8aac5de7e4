//! `/accueil`: where a signed-in person lands.

use crate::api::shell::get_shell_info;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    // Its own copy of the frame's data: see `Layout`.
    let info = Resource::new(|| (), |()| get_shell_info());
    view! {
        <Title text=i18n.t("dashboard-title")/>
        <div class="page">
            <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let user = info.await.ok().and_then(|info| info.user).unwrap_or_default();
                    view! {
                        <h1>{i18n.t_with("dashboard-hello", &[("name", user.display_name.clone().into())])}</h1>
                        <div class="card-grid">
                            {user.has_home.then(|| view! {
                                <section class="card">
                                    <h2>{i18n.t("consultations-title")}</h2>
                                    <p>{i18n.t("dashboard-consultations-body")}</p>
                                    <a class="button" href="/consultations">{i18n.t("dashboard-consultations-link")}</a>
                                </section>
                            })}
                            {user.has_home.then(|| view! {
                                <section class="card">
                                    <h2>{i18n.t("dashboard-home-title")}</h2>
                                    <p>{i18n.t("dashboard-home-body")}</p>
                                    <a class="button" href="/mon-logement">{i18n.t("dashboard-home-link")}</a>
                                </section>
                            })}
                            {(!user.has_home).then(|| view! {
                                <section class="card">
                                    <h2>{i18n.t("dashboard-join-title")}</h2>
                                    <p>{i18n.t("dashboard-join-body")}</p>
                                    <a class="button" href="/rejoindre">{i18n.t("dashboard-join-link")}</a>
                                </section>
                            })}
                            {user.staff.then(|| view! {
                                <section class="card">
                                    <h2>{i18n.t("dashboard-staff-title")}</h2>
                                    <p>{i18n.t("dashboard-staff-body")}</p>
                                    <a class="button" href="/gestion">{i18n.t("nav-back-office")}</a>
                                </section>
                            })}
                            <section class="card">
                                <h2>{i18n.t("dashboard-account-title")}</h2>
                                <p>{i18n.t("dashboard-account-body")}</p>
                                <a class="button button--secondary" href="/compte">{i18n.t("nav-account")}</a>
                            </section>
                        </div>
                    }
                })}
            </Suspense>
        </div>
    }
}
