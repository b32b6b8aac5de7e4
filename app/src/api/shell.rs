//! What every page's frame needs (the organisation, who is signed in), and
//! the language switch.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::Locale;
use palier_domain::shell::ShellInfo;

/// The page frame's data, loaded once per page.
#[server(prefix = "/api", endpoint = "shell_info", input = GetUrl)]
pub async fn get_shell_info() -> Result<ShellInfo, AppError> {
    use crate::server::{session, state};
    let state = state()?;
    let session = session();
    Ok(palier_backend::shell::info(&state.db, session.as_ref().map(|s| &s.actor)).await?)
}

/// Remembers the chosen language (cookie, and the account when signed in)
/// and goes back to `redirect_to`.
#[server(prefix = "/api", endpoint = "set_locale")]
pub async fn set_locale(locale: Locale, redirect_to: String) -> Result<(), AppError> {
    use crate::server::{safe_local_path, session, set_locale_cookie, state};
    let state = state()?;
    set_locale_cookie(&state.settings, locale);
    if let Some(current) = session() {
        palier_backend::accounts::set_locale(&state.db, current.actor.user_id, locale).await?;
    }
    leptos_axum::redirect(safe_local_path(&redirect_to));
    Ok(())
}
