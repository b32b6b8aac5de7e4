//! What every page's frame needs (the organisation, later who is signed in),
//! and the language switch.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// The page frame's data, loaded once per page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShellInfo {
    /// The landlord's name shown in the header, when there is one to show.
    pub organisation: Option<String>,
}

#[server(prefix = "/api", endpoint = "shell_info", input = GetUrl)]
pub async fn get_shell_info() -> Result<ShellInfo, AppError> {
    use crate::server::{internal, state};
    let state = state()?;
    let organisation = palier_backend::registry::sole_organisation_name(&state.db).await.map_err(internal)?;
    Ok(ShellInfo { organisation })
}

/// Remembers the chosen language in a cookie and goes back to `redirect_to`.
#[server(prefix = "/api", endpoint = "set_locale")]
pub async fn set_locale(locale: String, redirect_to: String) -> Result<(), AppError> {
    use crate::server::{LOCALE_COOKIE, safe_local_path, set_cookie, state};
    use palier_domain::Locale;
    let state = state()?;
    let locale: Locale = locale.parse().map_err(|_| AppError::BadRequest)?;
    let cookie = cookie::Cookie::build((LOCALE_COOKIE, locale.as_str()))
        .path("/")
        .max_age(cookie::time::Duration::days(365))
        .same_site(cookie::SameSite::Lax)
        .http_only(true)
        .secure(state.settings.secure_cookies)
        .build();
    set_cookie(cookie);
    leptos_axum::redirect(safe_local_path(&redirect_to));
    Ok(())
}
