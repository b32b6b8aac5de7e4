//! The notification centre, email preferences, and the page of an
//! unsubscribe link.

use crate::api::notifications::{
    MarkAllNotificationsRead, MarkNotificationRead, NotificationView, SetNotificationPreferences, Unsubscribe,
    my_notifications, notification_preferences, unsubscribe_info,
};
use crate::components::form::{ErrorSummary, Feedback, OkNotice};
use crate::components::page::{PageError, Pager, page_param};
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use palier_domain::notification::Mode;

/// The text of a notification in the reader's language.
fn text(i18n: I18n, item: &NotificationView) -> String {
    i18n.t_args(&format!("notification-{}", item.kind.replace('_', "-")), &item.values)
}

/// `/notifications`: what happened that concerns me, newest first.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let page = page_param();
    let mark = ServerAction::<MarkNotificationRead>::new();
    let mark_all = ServerAction::<MarkAllNotificationsRead>::new();
    let data = Resource::new(
        move || (page.get(), mark.version().get(), mark_all.version().get()),
        |(page, _, _)| my_notifications(page),
    );
    // The header's unread count follows what this page marks read.
    let mark_feedback = Feedback::of(mark);

    view! {
        <Title text=i18n.t("notifications-title")/>
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let list = match data.await {
                    Ok(list) => list,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                let summary = if list.unread == 0 {
                    i18n.t("notifications-all-read")
                } else {
                    i18n.t_with("notifications-unread", &[("count", list.unread.into())])
                };
                view! {
                    <div class="page page--narrow">
                        <h1>{i18n.t("notifications-title")}</h1>
                        <OkNotice known=&["notification-read", "notifications-read"]/>
                        <ErrorSummary feedback=mark_feedback/>
                        <p>{summary}</p>
                        <div class="inline-actions">
                            {(list.unread > 0).then(|| view! {
                                <ActionForm action=mark_all>
                                    <button type="submit" class="button button--secondary">
                                        {i18n.t("notifications-mark-all")}
                                    </button>
                                </ActionForm>
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
                                    {list.items.iter().map(|item| view! { <Item item=item.clone() mark/> }).collect_view()}
                                </ul>
                            }
                                .into_any()
                        }}
                        <Pager base="/notifications".to_owned() page=list.page pages=list.pages/>
                    </div>
                }
                    .into_any()
            })}
        </Suspense>
    }
}

/// One notification: its text as a link (opening it marks it read), when,
/// and a button to mark it read without opening it.
#[component]
fn Item(item: NotificationView, mark: ServerAction<MarkNotificationRead>) -> impl IntoView {
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
                // A plain page load: the server marks it read, then sends the
                // reader on to what it is about.
                <a href=format!("/notifications/{}/ouvrir", item.id) rel="external">{text.clone()}</a>
            </p>
            <p class="field__hint">{item.when.clone()}</p>
            {unread.then(|| view! {
                <ActionForm action=mark>
                    <input type="hidden" name="id" value=item.id/>
                    <button type="submit" class="button button--quiet">
                        {i18n.t("notifications-mark-one")}
                        <span class="visually-hidden">" : " {text.clone()}</span>
                    </button>
                </ActionForm>
            })}
        </li>
    }
}

/// `/compte/notifications`: how often I get emails, per category.
#[component]
pub fn NotificationPreferencesPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SetNotificationPreferences>::new();
    let preferences = Resource::new(move || save.version().get(), |_| notification_preferences());
    let feedback = Feedback::of(save);
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
            <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let preferences = match preferences.await {
                        Ok(preferences) => preferences,
                        Err(error) => return view! { <PageError error/> }.into_any(),
                    };
                    view! {
                        <ActionForm action=save attr:class="form">
                            {preferences
                                .into_iter()
                                .map(|preference| {
                                    let category = preference.category.clone();
                                    let legend_id = format!("preference-{category}");
                                    view! {
                                        <fieldset class="field question" aria-describedby=format!("{legend_id}-hint")>
                                            <legend id=legend_id.clone()>
                                                {i18n.t(&format!("preferences-category-{category}"))}
                                            </legend>
                                            <p class="field__hint" id=format!("{legend_id}-hint")>
                                                {i18n.t(&format!("preferences-category-{category}-hint"))}
                                            </p>
                                            {Mode::ALL
                                                .into_iter()
                                                .map(Mode::code)
                                                .map(|mode| {
                                                    let id = format!("preference-{category}-{mode}");
                                                    view! {
                                                        <div class="choice">
                                                            <input
                                                                type="radio"
                                                                id=id.clone()
                                                                name=format!("modes[{category}]")
                                                                value=mode
                                                                checked=preference.mode == mode
                                                            />
                                                            <label for=id>{i18n.t(&format!("preferences-mode-{mode}"))}</label>
                                                        </div>
                                                    }
                                                })
                                                .collect_view()}
                                        </fieldset>
                                    }
                                })
                                .collect_view()}
                            <button type="submit" class="button">{i18n.t("preferences-submit")}</button>
                        </ActionForm>
                    }
                        .into_any()
                })}
            </Suspense>
        </div>
    }
}

/// `/desabonnement?jeton=…`: the page of an email's unsubscribe link. The
/// link alone changes nothing (mail scanners open links); the button does.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let token = Memo::new(move |_| query.with(|q| q.get("jeton").unwrap_or_default()));
    let confirm = ServerAction::<Unsubscribe>::new();
    let info = Resource::new(move || token.get(), unsubscribe_info);
    let feedback = Feedback::of(confirm);
    view! {
        <Title text=i18n.t("unsubscribe-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("unsubscribe-title")}</h1>
            <ErrorSummary feedback/>
            <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let Ok(Some(stops)) = info.await else {
                        return view! {
                            <p class="notice notice--error" role="alert">{i18n.t("unsubscribe-invalid")}</p>
                            <p>
                                <a href="/compte/notifications">{i18n.t("unsubscribe-manage")}</a>
                            </p>
                        }
                            .into_any();
                    };
                    let what = match &stops.category {
                        Some(category) => i18n.t(&format!("unsubscribe-what-{category}")),
                        None => i18n.t("unsubscribe-what-all"),
                    };
                    view! {
                        <p>{what}</p>
                        <p>{i18n.t("unsubscribe-kept")}</p>
                        <ActionForm action=confirm>
                            <input type="hidden" name="token" value=token.get_untracked()/>
                            <button type="submit" class="button">{i18n.t("unsubscribe-submit")}</button>
                        </ActionForm>
                    }
                        .into_any()
                })}
            </Suspense>
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
