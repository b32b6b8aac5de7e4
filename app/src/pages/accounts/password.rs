//! A forgotten password: asking for a link, and the page the link opens.

use crate::api::accounts::password::{RequestPasswordReset, ResetPassword, reset_link_status};
use crate::components::form::{ErrorSummary, Feedback, Field, OkNotice};
use crate::components::page::{Loaded, query};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::form::Rule;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<RequestPasswordReset>();
    view! {
        <Title text=i18n.t("forgot-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("forgot-title")}</h1>
            <OkNotice known=&["sent"]/>
            <p>{i18n.t("forgot-body")}</p>
            <ErrorSummary feedback/>
            <form class="form" method="post" action=RequestPasswordReset::PATH novalidate>
                <Field feedback name="email" label="field-email" kind="email" autocomplete="email" required=true
                    rule=Rule::Email/>
                <div class="actions">
                    <button type="submit" class="button">{i18n.t("forgot-submit")}</button>
                    <a href="/connexion">{i18n.t("nav-sign-in")}</a>
                </div>
            </form>
        </div>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<ResetPassword>();
    let token = query("jeton").unwrap_or_default();
    let invalid = move || {
        view! {
            <div class="notice notice--error" role="alert">
                <p>{i18n.t("reset-invalid")}</p>
            </div>
            <p>
                <a class="button" href="/mot-de-passe-oublie">{i18n.t("reset-ask-again")}</a>
            </p>
        }
    };
    view! {
        <Title text=i18n.t("reset-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("reset-title")}</h1>
            <Loaded load={
                let token = token.clone();
                move || reset_link_status(palier_domain::Secret::new(token.clone()))
            } view=move |valid| {
                    let usable = valid && !matches!(feedback.error(), Some(crate::error::AppError::NotFound));
                    if !usable {
                        return invalid().into_any();
                    }
                    view! {
                        <ErrorSummary feedback/>
                        <form class="form" method="post" action=ResetPassword::PATH novalidate>
                            <input type="hidden" name="token" value=token.clone()/>
                            <Field feedback name="password" label="field-new-password"
                                hint="field-new-password-hint" kind="password" autocomplete="new-password"
                                required=true rule=Rule::NewPassword/>
                            <p class="field__hint">{i18n.t("reset-effect")}</p>
                            <div class="actions">
                                <button type="submit" class="button">{i18n.t("reset-submit")}</button>
                            </div>
                        </form>
                    }
                        .into_any()
            }/>
        </div>
    }
}
