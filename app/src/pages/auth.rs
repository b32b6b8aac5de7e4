//! Signing up, in and back: registration, verification, sign-in, reset.
//! These forms are plain HTML forms (no `ActionForm`): they change who is
//! signed in, so a full page load that redraws the header is what we want,
//! with or without JavaScript.

use crate::api::accounts::password::{RequestPasswordReset, ResetPassword, reset_link_status};
use crate::api::accounts::register::{Register, VerifyEmail};
use crate::api::accounts::sign_in::Login;
use crate::components::form::{Checkbox, ErrorSummary, Feedback, Field, OkNotice};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use palier_domain::form::Rule;

/// The `jeton` (token) query parameter of an emailed link.
fn token_param() -> Memo<String> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| q.get("jeton").unwrap_or_default()))
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<Register>::new();
    let feedback = Feedback::of(action);
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
    let action = ServerAction::<VerifyEmail>::new();
    let feedback = Feedback::of(action);
    let token = token_param();
    view! {
        <Title text=i18n.t("verify-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("verify-title")}</h1>
            {move || match feedback.error() {
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

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<Login>::new();
    let feedback = Feedback::of(action);
    let query = use_query_map();
    let redirect_to = move || query.with(|q| q.get("retour").unwrap_or_default());
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

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<RequestPasswordReset>::new();
    let feedback = Feedback::of(action);
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
    let action = ServerAction::<ResetPassword>::new();
    let feedback = Feedback::of(action);
    let token = token_param();
    let valid = Resource::new(move || token.get(), reset_link_status);
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
            <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let usable = valid.await.unwrap_or(false)
                        && !matches!(feedback.error(), Some(crate::error::AppError::NotFound));
                    if !usable {
                        return invalid().into_any();
                    }
                    view! {
                        <ErrorSummary feedback/>
                        <form class="form" method="post" action=ResetPassword::PATH novalidate>
                            <input type="hidden" name="token" value=token/>
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
                })}
            </Suspense>
        </div>
    }
}
