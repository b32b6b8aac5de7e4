//! The notification centre, email preferences and unsubscribe links.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::ids::NotificationId;
use palier_domain::notifications::{Category, Mode, NotificationsPage, Preference};
use std::collections::BTreeMap;

/// How many notifications one page of the centre lists.
pub const PER_PAGE: u64 = 20;

/// One page of my notifications.
#[server(prefix = "/api", endpoint = "notifications/mine", input = GetUrl)]
pub async fn my_notifications(page: u64) -> Result<NotificationsPage, AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    Ok(palier_backend::notifications::page(&state.db, actor.user_id, page, PER_PAGE).await?)
}

/// Marks one of my notifications read.
#[server(prefix = "/api", endpoint = "notifications/mark_read")]
pub async fn mark_notification_read(id: NotificationId) -> Result<(), AppError> {
    use crate::server::{require_session, state};
    let state = state()?;
    let session = require_session()?;
    let user = session.actor.user_id;
    // Someone else's notification, or none: nothing to say about it.
    if palier_backend::notifications::open(&state.db, user, id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/notifications?ok=notification-read");
    Ok(())
}

/// Marks all my notifications read.
#[server(prefix = "/api", endpoint = "notifications/mark_all_read")]
pub async fn mark_all_notifications_read() -> Result<(), AppError> {
    use crate::server::{require_session, state};
    let state = state()?;
    let session = require_session()?;
    palier_backend::notifications::mark_read(&state.db, session.actor.user_id, None).await?;
    leptos_axum::redirect("/notifications?ok=notifications-read");
    Ok(())
}

#[server(prefix = "/api", endpoint = "notifications/preferences", input = GetUrl)]
pub async fn notification_preferences() -> Result<Vec<Preference>, AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    Ok(palier_backend::notifications::preferences(&state.db, actor.user_id).await?)
}

/// Saves my email mode per category (`modes[<category>]=<mode>`).
#[server(prefix = "/api", endpoint = "notifications/set_preferences")]
pub async fn set_notification_preferences(modes: BTreeMap<Category, Mode>) -> Result<(), AppError> {
    use crate::server::{require_session, state};
    let state = state()?;
    let session = require_session()?;
    // The form offers the choosable categories only: another was not sent by it.
    if !modes.keys().all(|c| Category::CHOOSABLE.contains(c)) {
        return Err(AppError::BadRequest);
    }
    let chosen: Vec<_> = modes.into_iter().collect();
    palier_backend::notifications::set_preferences(&state.db, session.actor.user_id, &chosen).await?;
    leptos_axum::redirect("/compte/notifications?ok=preferences-saved");
    Ok(())
}

/// Checks an unsubscribe link's token (no sign-in needed: the token is the
/// proof). `None` when it is not genuine.
#[server(prefix = "/api", endpoint = "notifications/unsubscribe_info", input = GetUrl)]
/// The answer is what the link stops: one category, or every one (`None`).
pub async fn unsubscribe_info(token: palier_domain::Secret) -> Result<Option<Option<Category>>, AppError> {
    use crate::server::state;
    let state = state()?;
    Ok(state.settings.unsubscribe_key.verify(token.expose()).map(|(_, category)| category))
}

/// Applies an unsubscribe link, from the button of its page.
#[server(prefix = "/api", endpoint = "notifications/unsubscribe")]
pub async fn unsubscribe(token: palier_domain::Secret) -> Result<(), AppError> {
    use crate::server::state;
    let state = state()?;
    let applied =
        palier_backend::notifications::unsubscribe::apply(&state.db, &state.settings.unsubscribe_key, token.expose())
            .await?;
    if applied.is_none() {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/desabonnement/fait");
    Ok(())
}
