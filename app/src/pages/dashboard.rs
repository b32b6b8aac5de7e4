//! `/accueil`: where a signed-in person lands. What needs them comes first —
//! the open votes of their homes and whether their home has voted, their
//! unread notifications — then links to the rest.

use crate::api::dashboard::get_dashboard;
use crate::components::page::Loaded;
use crate::i18n::use_i18n;
use crate::pages::consultations::list::ConsultationCard;
use crate::pages::notifications::NotificationItem;
use leptos::prelude::*;
use leptos_meta::Title;
use palier_domain::dashboard::Dashboard;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("dashboard-title")/>
        <div class="page">
            <Loaded load=get_dashboard view=move |dashboard: Dashboard| {
                let user = dashboard.user;
                let unread_total = user.unread;
                view! {
                    <h1>{i18n.t_with("dashboard-hello", &[("name", user.display_name.clone().into())])}</h1>
                    {user.has_home.then(|| view! {
                        <section class="dashboard-section" aria-labelledby="dashboard-votes">
                            <h2 id="dashboard-votes">{i18n.t("dashboard-votes-title")}</h2>
                            {if dashboard.open_votes.is_empty() {
                                view! { <p>{i18n.t("dashboard-votes-none")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="card-list">
                                        {dashboard.open_votes.into_iter().map(|line| view! { <ConsultationCard line nested=true/> }).collect_view()}
                                    </ul>
                                }
                                .into_any()
                            }}
                            <p><a href="/consultations">{i18n.t("dashboard-consultations-link")}</a></p>
                        </section>
                    })}
                    <section class="dashboard-section" aria-labelledby="dashboard-unread">
                        <h2 id="dashboard-unread">{i18n.t("dashboard-unread-title")}</h2>
                        {if dashboard.unread.is_empty() {
                            view! { <p>{i18n.t("dashboard-unread-none")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="notification-list">
                                    {dashboard.unread.into_iter().map(|item| view! { <NotificationItem item/> }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }}
                        <p>
                            <a href="/notifications">
                                {i18n.t_with("dashboard-unread-all", &[("count", unread_total.into())])}
                            </a>
                        </p>
                    </section>
                    <section class="dashboard-section" aria-labelledby="dashboard-more">
                        <h2 id="dashboard-more">{i18n.t("dashboard-more-title")}</h2>
                        <div class="card-grid">
                            {user.has_home.then(|| view! {
                                <section class="card">
                                    <h3>{i18n.t("dashboard-home-title")}</h3>
                                    <p>{i18n.t("dashboard-home-body")}</p>
                                    <a class="button button--secondary" href="/mon-logement">{i18n.t("dashboard-home-link")}</a>
                                </section>
                            })}
                            {user.has_home.then(|| view! {
                                <section class="card">
                                    <h3>{i18n.t("dashboard-projects-title")}</h3>
                                    <p>{i18n.t("dashboard-projects-body")}</p>
                                    <a class="button button--secondary" href="/projets">{i18n.t("dashboard-projects-link")}</a>
                                </section>
                            })}
                            {(!user.has_home).then(|| view! {
                                <section class="card">
                                    <h3>{i18n.t("dashboard-join-title")}</h3>
                                    <p>{i18n.t("dashboard-join-body")}</p>
                                    <a class="button" href="/rejoindre">{i18n.t("dashboard-join-link")}</a>
                                </section>
                            })}
                            {user.staff.then(|| view! {
                                <section class="card">
                                    <h3>{i18n.t("dashboard-staff-title")}</h3>
                                    <p>{i18n.t("dashboard-staff-body")}</p>
                                    <a class="button button--secondary" href="/gestion">{i18n.t("nav-back-office")}</a>
                                </section>
                            })}
                            <section class="card">
                                <h3>{i18n.t("dashboard-account-title")}</h3>
                                <p>{i18n.t("dashboard-account-body")}</p>
                                <a class="button button--secondary" href="/compte">{i18n.t("nav-account")}</a>
                            </section>
                        </div>
                    </section>
                }
            }/>
        </div>
    }
}
