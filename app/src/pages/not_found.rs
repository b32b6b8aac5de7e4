use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// Shown for any address that matches no page (served with HTTP 404).
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("not-found-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("not-found-title")}</h1>
            <p>{i18n.t("not-found-body")}</p>
            <p>
                <a class="button" href="/">{i18n.t("back-home")}</a>
            </p>
        </div>
    }
}

/// Shown when a page could not be built (the server logged why).
#[component]
pub fn ErrorPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("error-title")/>
        <div class="page page--narrow" role="alert">
            <h1>{i18n.t("error-title")}</h1>
            <p>{i18n.t("error-body")}</p>
            <p>
                <a class="button" href="/">{i18n.t("back-home")}</a>
            </p>
        </div>
    }
}
