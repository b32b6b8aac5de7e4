//! Signing in.

use crate::api::accounts::sign_in::Login;
use crate::components::form::{Checkbox, ErrorSummary, Feedback, Field, OkNotice};
use crate::components::page::query;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::form::Rule;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<Login>();
    let redirect_to = query("retour").unwrap_or_default();
    view! {
        <Title text=i18n.t("login-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("login-title")}</h1>
            <OkNotice known=&["verified", "password-reset"]/>
            <ErrorSummary feedback/>
            <form class="form" method="post" action=Login::PATH novalidate>
                <input type="hidden" name="redirect_to" value=redirect_to/>
                <Field feedback name="email" label="field-email" kind="email" autocomplete="username" required=true rule=Rule::SignInEmail/>
                <Field feedback name="password" label="field-password" kind="password"
                    autocomplete="current-password" required=true rule=Rule::CurrentPassword/>
                <Checkbox feedback name="remember" label="login-remember" hint="login-remember-hint"/>
                <div class="actions">
                    <button type="submit" class="button">{i18n.t("login-submit")}</button>
                    <a href="/mot-de-passe-oublie">{i18n.t("login-forgot")}</a>
                </div>
            </form>
            <section class="card" aria-labelledby="login-new">
                <h2 id="login-new">{i18n.t("login-new-title")}</h2>
                <p>{i18n.t("login-new-body")}</p>
                <a class="button button--secondary" href="/inscription">{i18n.t("nav-register")}</a>
            </section>
        </div>
    }
}
