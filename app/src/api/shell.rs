//! What every page's frame needs (the organisation, who is signed in), and
//! the language switch.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::shell::{Dashboard, ShellInfo};

/// The page frame's data, loaded once per page.
#[server(prefix = "/api", endpoint = "shell_info", input = GetUrl)]
pub async fn get_shell_info() -> Result<ShellInfo, AppError> {
    use crate::server::{session, state};
    let state = state()?;
    let session = session();
    Ok(palier_backend::shell::info(&state.db, session.as_ref().map(|s| &s.actor)).await?)
}

/// What the signed-in person finds first on their home page.
#[server(prefix = "/api", endpoint = "dashboard", input = GetUrl)]
pub async fn get_dashboard() -> Result<Dashboard, AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    Ok(palier_backend::shell::dashboard(&state.db, &actor, state.clock.now()).await?)
}

/// Remembers the chosen language (cookie, and the account when signed in)
/// and goes back to `redirect_to`.
#[server(prefix = "/api", endpoint = "set_locale")]
pub async fn set_locale(locale: String, redirect_to: String) -> Result<(), AppError> {
    use crate::server::{safe_local_path, session, set_locale_cookie, state};
    use palier_domain::Locale;
    let state = state()?;
    let locale: Locale = locale.parse().map_err(|_| AppError::BadRequest)?;
    set_locale_cookie(&state.settings, locale);
    if let Some(current) = session() {
        palier_backend::accounts::set_locale(&state.db, current.actor.user_id, locale).await?;
    }
    leptos_axum::redirect(safe_local_path(&redirect_to));
    Ok(())
}
