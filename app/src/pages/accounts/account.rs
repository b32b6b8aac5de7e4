//! "My account": name, language, address, password, sessions, data, deletion.

use crate::api::accounts::password::ChangePassword;
use crate::api::accounts::profile::{ChangeEmail, ConfirmEmailChange, DeleteAccount, Rename, my_account};
use crate::api::accounts::sessions::{RevokeOtherSessions, RevokeSession, my_sessions};
use crate::api::shell::SetLocale;
use crate::components::form::{Checkbox, Feedback, Field, OkNotice, PostForm};
use crate::components::page::{Loaded, query};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::Locale;
use palier_domain::form::Rule;

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();

    view! {
        <Title text=i18n.t("account-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("account-title")}</h1>
            <OkNotice known=&[
                "renamed",
                "email-sent",
                "email-changed",
                "password-changed",
                "session-ended",
                "sessions-ended",
            ]/>
            <Loaded load=my_account view=move |account| {
                    let rename_feedback = Feedback::of::<Rename>().prefixed("name");
                    let email_feedback = Feedback::of::<ChangeEmail>().prefixed("email");
                    let password_feedback = Feedback::of::<ChangePassword>().prefixed("password");
                    view! {
                        <section class="card" aria-labelledby="account-name">
                            <h2 id="account-name">{i18n.t("account-name-title")}</h2>
                            <PostForm action=Rename::PATH feedback=rename_feedback>
                                <Field feedback=rename_feedback name="display_name" label="field-display-name"
                                    hint="field-display-name-hint" autocomplete="name" required=true rule=Rule::DisplayName
                                    maxlength=60 initial=account.display_name.clone()/>
                                <button type="submit" class="button">{i18n.t("account-name-submit")}</button>
                            </PostForm>
                        </section>

                        <section class="card" aria-labelledby="account-language">
                            <h2 id="account-language">{i18n.t("account-language-title")}</h2>
                            <form class="form" method="post" action=SetLocale::PATH>
                                <input type="hidden" name="redirect_to" value="/compte"/>
                                <div class="field">
                                    <label for="field-locale">{i18n.t("account-language-label")}</label>
                                    <span class="field__hint">{i18n.t("account-language-hint")}</span>
                                    <select id="field-locale" name="locale">
                                        {Locale::ALL
                                            .into_iter()
                                            .map(|l| view! {
                                                <option value=l.as_str() selected=l == account.locale lang=l.as_str()>
                                                    {l.endonym()}
                                                </option>
                                            })
                                            .collect_view()}
                                    </select>
                                </div>
                                <button type="submit" class="button">{i18n.t("account-language-submit")}</button>
                            </form>
                        </section>

                        <section class="card" aria-labelledby="account-email">
                            <h2 id="account-email">{i18n.t("account-email-title")}</h2>
                            <p>{i18n.t_with("account-email-current", &[("email", account.email.clone().into())])}</p>
                            <PostForm action=ChangeEmail::PATH feedback=email_feedback>
                                <Field feedback=email_feedback name="new_email" label="field-new-email" kind="email"
                                    autocomplete="email" required=true rule=Rule::Email/>
                                <Field feedback=email_feedback name="password" label="field-password-confirm"
                                    kind="password" autocomplete="current-password" required=true rule=Rule::CurrentPassword/>
                                <button type="submit" class="button">{i18n.t("account-email-submit")}</button>
                            </PostForm>
                        </section>

                        <section class="card" aria-labelledby="account-password">
                            <h2 id="account-password">{i18n.t("account-password-title")}</h2>
                            <PostForm action=ChangePassword::PATH feedback=password_feedback>
                                <Field feedback=password_feedback name="current_password" label="field-current-password"
                                    kind="password" autocomplete="current-password" required=true rule=Rule::CurrentPassword/>
                                <Field feedback=password_feedback name="new_password" label="field-new-password"
                                    hint="field-new-password-hint" kind="password" autocomplete="new-password"
                                    required=true rule=Rule::NewPassword/>
                                <p class="field__hint">{i18n.t("account-password-effect")}</p>
                                <button type="submit" class="button">{i18n.t("account-password-submit")}</button>
                            </PostForm>
                        </section>
                    }
            }/>

            <section class="card" aria-labelledby="account-notifications">
                <h2 id="account-notifications">{i18n.t("account-notifications-title")}</h2>
                <p>{i18n.t("account-notifications-body")}</p>
                <p>
                    <a class="button button--secondary" href="/compte/notifications">
                        {i18n.t("account-notifications-link")}
                    </a>
                </p>
            </section>

            <section class="card" id="sessions" aria-labelledby="account-sessions">
                <h2 id="account-sessions">{i18n.t("account-sessions-title")}</h2>
                <p>{i18n.t("account-sessions-body")}</p>
                <Loaded load=my_sessions view=move |list| {
                        view! {
                            <ul class="session-list">
                                {list
                                    .into_iter()
                                    .map(|s| {
                                        let device = s.device.clone().unwrap_or_else(|| i18n.t("account-sessions-unknown-device"));
                                        view! {
                                            <li class="session-list__item">
                                                <p>
                                                    <strong>{device}</strong>
                                                    {s.current.then(|| view! { " " <span class="badge badge--success">{i18n.t("account-sessions-this-device")}</span> })}
                                                </p>
                                                <p class="field__hint">
                                                    {i18n.t_with("account-sessions-seen", &[("when", i18n.datetime(s.last_seen_at).into()), ("since", i18n.datetime(s.started_at).into())])}
                                                </p>
                                                {(!s.current).then(|| view! {
                                                    <form method="post" action=RevokeSession::PATH>
                                                        <input type="hidden" name="session_id" value=s.id.to_string()/>
                                                        <button type="submit" class="button button--secondary">
                                                            {i18n.t("account-sessions-revoke")}
                                                        </button>
                                                    </form>
                                                })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                }/>
                <form method="post" action=RevokeOtherSessions::PATH>
                    <button type="submit" class="button button--secondary">{i18n.t("account-sessions-revoke-others")}</button>
                </form>
            </section>

            <section class="card" aria-labelledby="account-data">
                <h2 id="account-data">{i18n.t("account-data-title")}</h2>
                <p>{i18n.t("account-data-body")}</p>
                <a class="button button--secondary" href="/compte/mes-donnees.json" download="palier-mes-donnees.json">
                    {i18n.t("account-data-download")}
                </a>
            </section>

            <section class="card" aria-labelledby="account-delete">
                <h2 id="account-delete">{i18n.t("account-delete-title")}</h2>
                <p>{i18n.t("account-delete-body")}</p>
                {
                    let feedback = Feedback::of::<DeleteAccount>().prefixed("delete");
                    view! {
                        <PostForm action=DeleteAccount::PATH feedback>
                            <Field feedback name="password" label="field-password-confirm" kind="password"
                                autocomplete="current-password" required=true rule=Rule::CurrentPassword/>
                            <Checkbox feedback name="confirm" label="account-delete-confirm" rule=Rule::DeleteConfirm/>
                            <button type="submit" class="button button--danger">{i18n.t("account-delete-submit")}</button>
                        </PostForm>
                    }
                }
            </section>
        </div>
    }
}

/// The page a new-address confirmation link opens.
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<ConfirmEmailChange>();
    let token = query("jeton").unwrap_or_default();
    view! {
        <Title text=i18n.t("confirm-email-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("confirm-email-title")}</h1>
            {match feedback.error() {
                Some(crate::error::AppError::Invalid(_)) => view! {
                    <div class="notice notice--error" role="alert"><p>{i18n.t("error-email-taken")}</p></div>
                }
                    .into_any(),
                Some(_) => view! {
                    <div class="notice notice--error" role="alert"><p>{i18n.t("confirm-email-invalid")}</p></div>
                }
                    .into_any(),
                None => view! {
                    <p>{i18n.t("confirm-email-body")}</p>
                    <form method="post" action=ConfirmEmailChange::PATH>
                        <input type="hidden" name="token" value=token/>
                        <button type="submit" class="button">{i18n.t("confirm-email-submit")}</button>
                    </form>
                }
                    .into_any(),
            }}
        </div>
    }
}
