//! Signing up: the form, "check your email", and the page the emailed
//! verification link opens. Plain forms: they change who is signed in, so a
//! full page load that redraws the header is what we want.

use crate::api::accounts::register::{Register, VerifyEmail};
use crate::components::form::{ErrorSummary, Feedback, Field};
use crate::components::page::query;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::form::Rule;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<Register>();
    view! {
        <Title text=i18n.t("register-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("register-title")}</h1>
            <p class="lead">{i18n.t("register-lead")}</p>
            <ErrorSummary feedback/>
            <form class="form" method="post" action=Register::PATH novalidate>
                <Field feedback name="display_name" label="field-display-name" hint="field-display-name-hint"
                    autocomplete="name" required=true rule=Rule::DisplayName maxlength=60/>
                <Field feedback name="email" label="field-email" hint="field-email-hint" kind="email"
                    autocomplete="email" required=true rule=Rule::Email/>
                <Field feedback name="password" label="field-password" hint="field-new-password-hint"
                    kind="password" autocomplete="new-password" required=true rule=Rule::NewPassword/>
                <p class="field__hint">{i18n.t("register-privacy")}</p>
                <div class="actions">
                    <button type="submit" class="button">{i18n.t("register-submit")}</button>
                    <a href="/connexion">{i18n.t("register-have-account")}</a>
                </div>
            </form>
        </div>
    }
}

#[component]
pub fn RegisterSentPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("register-sent-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("register-sent-title")}</h1>
            <div class="notice notice--success" role="status">
                <p>{i18n.t("register-sent-body")}</p>
            </div>
            <p>{i18n.t("register-sent-spam")}</p>
            <p>
                <a href="/connexion">{i18n.t("nav-sign-in")}</a>
            </p>
        </div>
    }
}

/// The page an emailed verification link opens: one button to confirm.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<VerifyEmail>();
    let token = query("jeton").unwrap_or_default();
    view! {
        <Title text=i18n.t("verify-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("verify-title")}</h1>
            {match feedback.error() {
                Some(_) => view! {
                    <div class="notice notice--error" role="alert">
                        <p>{i18n.t("verify-invalid")}</p>
                    </div>
                    <p>
                        <a href="/connexion">{i18n.t("verify-invalid-next")}</a>
                    </p>
                }
                    .into_any(),
                None => view! {
                    <p>{i18n.t("verify-body")}</p>
                    <form method="post" action=VerifyEmail::PATH>
                        <input type="hidden" name="token" value=token/>
                        <button type="submit" class="button">{i18n.t("verify-submit")}</button>
                    </form>
                }
                    .into_any(),
            }}
        </div>
    }
}
