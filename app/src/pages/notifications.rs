//! The notification centre, email preferences, and the page of an
//! unsubscribe link.

use crate::api::notifications::{
    MarkAllNotificationsRead, MarkNotificationRead, SetNotificationPreferences, Unsubscribe, my_notifications,
    notification_preferences, unsubscribe_info,
};
use crate::components::form::{ErrorSummary, Feedback, OkNotice};
use crate::components::page::{Loaded, Pager, page_number, query};
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::notifications::{Mode, NotificationView};

/// The text of a notification in the reader's language: its times in Paris
/// time, someone who deleted their account as "a former tenant".
fn text(i18n: I18n, item: &NotificationView) -> String {
    let values: Vec<(String, String)> = item
        .values
        .iter()
        .map(|(name, value)| match name.as_str() {
            // A time `<name>_at` is read as `<name>` (`closes_at`: `closes`).
            _ if name.ends_with("_at") => {
                let at = chrono::DateTime::parse_from_rfc3339(value)
                    .map(|at| i18n.datetime(at.with_timezone(&chrono::Utc)))
                    .unwrap_or_default();
                (name.strip_suffix("_at").unwrap_or(name).to_owned(), at)
            }
            "name" if value.is_empty() => (name.clone(), i18n.t("former-tenant")),
            _ => (name.clone(), value.clone()),
        })
        .collect();
    i18n.t_args(&format!("notification-{}", item.kind.code().replace('_', "-")), &values)
}

/// `/notifications`: what happened that concerns me, newest first.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let page = page_number();
    view! {
        <Title text=i18n.t("notifications-title")/>
        <Loaded load=move || my_notifications(page) view=move |list| {
            let summary = if list.unread == 0 {
                i18n.t("notifications-all-read")
            } else {
                i18n.t_with("notifications-unread", &[("count", list.unread.into())])
            };
            view! {
                <div class="page page--narrow">
                    <h1>{i18n.t("notifications-title")}</h1>
                    <OkNotice known=&["notification-read", "notifications-read"]/>
                    <ErrorSummary feedback={Feedback::of::<MarkNotificationRead>()}/>
                    <p>{summary}</p>
                    <div class="inline-actions">
                        {(list.unread > 0).then(|| view! {
                            <form method="post" action=MarkAllNotificationsRead::PATH>
                                <button type="submit" class="button button--secondary">
                                    {i18n.t("notifications-mark-all")}
                                </button>
                            </form>
                        })}
                        <a class="button button--quiet" href="/compte/notifications">
                            {i18n.t("notifications-preferences-link")}
                        </a>
                    </div>
                    {if list.items.is_empty() {
                        view! { <p class="notice">{i18n.t("notifications-empty")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="notification-list">
                                {list.items.iter().map(|item| view! { <NotificationItem item=item.clone()/> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }}
                    <Pager base="/notifications".to_owned() page=list.page pages=list.pages/>
                </div>
            }
        }/>
    }
}

/// One notification: its text as a link (opening it marks it read), when,
/// and a button to mark it read without opening it.
#[component]
pub fn NotificationItem(item: NotificationView) -> impl IntoView {
    let i18n = use_i18n();
    let text = text(i18n, &item);
    let unread = !item.read;
    view! {
        <li class="notification-list__item" class:notification-list__item--unread=unread>
            <p>
                {unread.then(|| view! {
                    <span class="badge">{i18n.t("notifications-new")}</span>
                    " "
                })}
                // The server marks it read, then sends the reader on to what it is about.
                <a href=format!("/notifications/{}/ouvrir", item.id) rel="external">{text.clone()}</a>
            </p>
            <p class="field__hint">{i18n.datetime(item.at)}</p>
            {unread.then(|| view! {
                <form method="post" action=MarkNotificationRead::PATH>
                    <input type="hidden" name="id" value=item.id.to_string()/>
                    <button type="submit" class="button button--quiet">
                        {i18n.t("notifications-mark-one")}
                        <span class="visually-hidden">" : " {text.clone()}</span>
                    </button>
                </form>
            })}
        </li>
    }
}

/// `/compte/notifications`: how often I get emails, per category.
#[component]
pub fn NotificationPreferencesPage() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<SetNotificationPreferences>();
    view! {
        <Title text=i18n.t("preferences-title")/>
        <div class="page page--narrow">
            <p>
                <a href="/compte">{i18n.t("preferences-back")}</a>
            </p>
            <h1>{i18n.t("preferences-title")}</h1>
            <OkNotice known=&["preferences-saved"]/>
            <ErrorSummary feedback/>
            <p>{i18n.t("preferences-intro")}</p>
            <p class="notice">{i18n.t("preferences-always")}</p>
            <Loaded load=notification_preferences view=move |preferences| view! {
                <form class="form" method="post" action=SetNotificationPreferences::PATH>
                    {preferences
                        .into_iter()
                        .map(|preference| {
                            let category = preference.category.code();
                            let legend_id = format!("preference-{category}");
                            view! {
                                <fieldset class="field question" aria-describedby=format!("{legend_id}-hint")>
                                    <legend id=legend_id.clone()>{i18n.t_code("preferences-category", category)}</legend>
                                    <p class="field__hint" id=format!("{legend_id}-hint")>
                                        {i18n.t(&format!("preferences-category-{category}-hint"))}
                                    </p>
                                    {Mode::ALL
                                        .into_iter()
                                        .map(|mode| {
                                            let id = format!("preference-{category}-{}", mode.code());
                                            view! {
                                                <div class="choice">
                                                    <input type="radio" id=id.clone() name=format!("modes[{category}]")
                                                        value=mode.code() checked=preference.mode == mode/>
                                                    <label for=id>{i18n.t_code("preferences-mode", mode.code())}</label>
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                </fieldset>
                            }
                        })
                        .collect_view()}
                    <button type="submit" class="button">{i18n.t("preferences-submit")}</button>
                </form>
            }/>
        </div>
    }
}

/// `/desabonnement?jeton=…`: the page of an email's unsubscribe link. The
/// link alone changes nothing (mail scanners open links); the button does.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let i18n = use_i18n();
    let token = query("jeton").unwrap_or_default();
    let load = {
        let token = token.clone();
        move || unsubscribe_info(palier_domain::Secret::new(token.clone()))
    };
    view! {
        <Title text=i18n.t("unsubscribe-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("unsubscribe-title")}</h1>
            <ErrorSummary feedback={Feedback::of::<Unsubscribe>()}/>
            <Loaded load view=move |stops| {
                let Some(category) = stops else {
                    return view! {
                        <p class="notice notice--error" role="alert">{i18n.t("unsubscribe-invalid")}</p>
                        <p>
                            <a href="/compte/notifications">{i18n.t("unsubscribe-manage")}</a>
                        </p>
                    }
                    .into_any();
                };
                let what = match category {
                    Some(category) => i18n.t_code("unsubscribe-what", category.code()),
                    None => i18n.t("unsubscribe-what-all"),
                };
                view! {
                    <p>{what}</p>
                    <p>{i18n.t("unsubscribe-kept")}</p>
                    <form method="post" action=Unsubscribe::PATH>
                        <input type="hidden" name="token" value=token.clone()/>
                        <button type="submit" class="button">{i18n.t("unsubscribe-submit")}</button>
                    </form>
                }
                .into_any()
            }/>
        </div>
    }
}

/// `/desabonnement/fait`: after the button.
#[component]
pub fn UnsubscribedPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("unsubscribed-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("unsubscribed-title")}</h1>
            <div class="notice notice--success" role="status">
                <p>{i18n.t("unsubscribed-body")}</p>
            </div>
            <p>
                <a href="/compte/notifications">{i18n.t("unsubscribe-manage")}</a>
            </p>
        </div>
    }
}
