//! The notification centre, email preferences and unsubscribe links.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many notifications one page of the centre lists.
pub const PER_PAGE: u64 = 20;

/// A notification as the centre shows it; its text is the locale's
/// `notification-<kind>` with `values`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i64,
    pub kind: String,
    pub values: Vec<(String, String)>,
    /// In Paris time, written for the reader's language.
    pub when: String,
    pub read: bool,
}

/// One page of my notifications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationsPage {
    pub items: Vec<NotificationView>,
    /// From 0.
    pub page: u64,
    pub pages: u64,
    pub unread: u64,
}

#[server(prefix = "/api", endpoint = "notifications/mine", input = GetUrl)]
pub async fn my_notifications(page: u64) -> Result<NotificationsPage, AppError> {
    use crate::server::{format_datetime, internal, locale, require_session, state};
    let state = state()?;
    let session = require_session()?;
    let locale = locale();
    let user = session.actor.user_id;
    let (items, total) =
        palier_backend::notifications::list(&state.db, user, page, PER_PAGE).await.map_err(internal)?;
    let unread = palier_backend::notifications::unread_count(&state.db, user).await.map_err(internal)?;
    let items = items
        .into_iter()
        .map(|item| {
            let values = item
                .text_values()
                .into_iter()
                .map(|(name, value)| match name.as_str() {
                    // A deadline is shown in Paris time, in the reader's words.
                    "closes_at" => {
                        let at = chrono::DateTime::parse_from_rfc3339(&value)
                            .map(|at| format_datetime(at.with_timezone(&chrono::Utc), locale))
                            .unwrap_or_default();
                        ("closes".to_owned(), at)
                    }
                    // Someone who deleted their account.
                    "name" if value.is_empty() => (name, crate::i18n::I18n::new(locale).t("former-tenant")),
                    _ => (name, value),
                })
                .collect();
            NotificationView {
                id: item.id,
                kind: item.kind,
                values,
                when: format_datetime(item.created_at, locale),
                read: item.read,
            }
        })
        .collect();
    Ok(NotificationsPage { items, page, pages: total.div_ceil(PER_PAGE), unread })
}

/// Marks one of my notifications read.
#[server(prefix = "/api", endpoint = "notifications/mark_read")]
pub async fn mark_notification_read(id: i64) -> Result<(), AppError> {
    use crate::server::{internal, require_session, state};
    let state = state()?;
    let session = require_session()?;
    let user = session.actor.user_id;
    // Someone else's notification, or none: nothing to say about it.
    if palier_backend::notifications::open(&state.db, user, id).await.map_err(internal)?.is_none() {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/notifications?ok=notification-read");
    Ok(())
}

/// Marks all my notifications read.
#[server(prefix = "/api", endpoint = "notifications/mark_all_read")]
pub async fn mark_all_notifications_read() -> Result<(), AppError> {
    use crate::server::{internal, require_session, state};
    let state = state()?;
    let session = require_session()?;
    palier_backend::notifications::mark_read(&state.db, session.actor.user_id, None).await.map_err(internal)?;
    leptos_axum::redirect("/notifications?ok=notifications-read");
    Ok(())
}

/// My email mode for one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreferenceView {
    /// A [`palier_domain::notification::Category`] code.
    pub category: String,
    /// A [`palier_domain::notification::Mode`] code.
    pub mode: String,
}

#[server(prefix = "/api", endpoint = "notifications/preferences", input = GetUrl)]
pub async fn notification_preferences() -> Result<Vec<PreferenceView>, AppError> {
    use crate::server::{internal, require_session, state};
    let state = state()?;
    let session = require_session()?;
    let preferences =
        palier_backend::notifications::preferences(&state.db, session.actor.user_id).await.map_err(internal)?;
    Ok(preferences
        .into_iter()
        .map(|(category, mode)| PreferenceView { category: category.code().to_owned(), mode: mode.code().to_owned() })
        .collect())
}

/// Saves my email mode per category (`modes[<category>]=<mode>`).
#[server(prefix = "/api", endpoint = "notifications/set_preferences")]
pub async fn set_notification_preferences(modes: BTreeMap<String, String>) -> Result<(), AppError> {
    use crate::server::{internal, require_session, state};
    use palier_domain::notification::{Category, Mode};
    let state = state()?;
    let session = require_session()?;
    // The form offers fixed choices: anything else was not sent by it.
    let mut chosen = Vec::new();
    for (category, mode) in &modes {
        let category = Category::parse(category).filter(|c| Category::CHOOSABLE.contains(c));
        match (category, Mode::parse(mode)) {
            (Some(category), Some(mode)) => chosen.push((category, mode)),
            _ => return Err(AppError::BadRequest),
        }
    }
    for (category, mode) in chosen {
        palier_backend::notifications::set_preference(&state.db, session.actor.user_id, category, mode)
            .await
            .map_err(internal)?;
    }
    leptos_axum::redirect("/compte/notifications?ok=preferences-saved");
    Ok(())
}

/// What an unsubscribe link stops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnsubscribeView {
    /// A category code, or `None` for every category.
    pub category: Option<String>,
}

/// Checks an unsubscribe link's token (no sign-in needed: the token is the
/// proof). `None` when it is not genuine.
#[server(prefix = "/api", endpoint = "notifications/unsubscribe_info", input = GetUrl)]
pub async fn unsubscribe_info(token: String) -> Result<Option<UnsubscribeView>, AppError> {
    use crate::server::state;
    let state = state()?;
    Ok(state
        .settings
        .unsubscribe_key
        .verify(&token)
        .map(|(_, category)| UnsubscribeView { category: category.map(|c| c.code().to_owned()) }))
}

/// Applies an unsubscribe link, from the button of its page.
#[server(prefix = "/api", endpoint = "notifications/unsubscribe")]
pub async fn unsubscribe(token: String) -> Result<(), AppError> {
    use crate::server::{internal, state};
    let state = state()?;
    let applied = palier_backend::notifications::unsubscribe::apply(&state.db, &state.settings.unsubscribe_key, &token)
        .await
        .map_err(internal)?;
    if applied.is_none() {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/desabonnement/fait");
    Ok(())
}
