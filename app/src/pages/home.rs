use crate::components::form::OkNotice;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// The public home page: what Palier is, and how a tenant gets in.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("home-title")/>
        <div class="page page--narrow">
            <OkNotice known=&["signed-out", "account-deleted"]/>
            <h1>{i18n.t("home-title")}</h1>
            <p class="lead">{i18n.t("home-lead")}</p>
            <section class="card" aria-labelledby="home-what">
                <h2 id="home-what">{i18n.t("home-what-title")}</h2>
                <ul class="checklist">
                    <li>{i18n.t("home-what-vote")}</li>
                    <li>{i18n.t("home-what-propose")}</li>
                    <li>{i18n.t("home-what-follow")}</li>
                </ul>
            </section>
            <section class="card" aria-labelledby="home-join">
                <h2 id="home-join">{i18n.t("home-join-title")}</h2>
                <ol class="steps">
                    <li>{i18n.t("home-join-step1")}</li>
                    <li>{i18n.t("home-join-step2")}</li>
                    <li>{i18n.t("home-join-step3")}</li>
                </ol>
            </section>
            <p class="notice notice--info">{i18n.t("home-help")}</p>
        </div>
    }
}
