//! What every page's frame needs (the organisation, who is signed in), and
//! the language switch.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// The signed-in person, as the header shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShellUser {
    pub display_name: String,
    /// Staff or admin of some organisation, or platform admin: show the back office.
    pub staff: bool,
    pub platform_admin: bool,
    /// Linked to at least one household.
    pub has_home: bool,
    /// Notifications not yet read.
    pub unread: u64,
}

/// The page frame's data, loaded once per page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShellInfo {
    /// The landlord's name shown in the header, when there is one to show.
    pub organisation: Option<String>,
    pub user: Option<ShellUser>,
}

#[server(prefix = "/api", endpoint = "shell_info", input = GetUrl)]
pub async fn get_shell_info() -> Result<ShellInfo, AppError> {
    use crate::server::{internal, session, state};
    let state = state()?;
    let session = session();
    let organisation = match &session {
        // A tenant or staff member sees their own landlord's name.
        Some(current) => {
            let orgs: Vec<i64> = current
                .actor
                .memberships
                .iter()
                .map(|m| m.organisation_id)
                .chain(current.actor.homes.iter().map(|h| h.organisation_id))
                .collect();
            match orgs.first() {
                Some(first) if orgs.iter().all(|o| o == first) => {
                    palier_backend::registry::organisation_name(&state.db, *first).await.map_err(internal)?
                }
                _ => None,
            }
        }
        None => palier_backend::registry::sole_organisation_name(&state.db).await.map_err(internal)?,
    };
    let user = match session {
        Some(current) => Some(ShellUser {
            display_name: current.actor.display_name.clone(),
            staff: current.actor.is_staff_anywhere(),
            platform_admin: current.actor.platform_admin,
            has_home: !current.actor.homes.is_empty(),
            unread: palier_backend::notifications::unread_count(&state.db, current.actor.user_id)
                .await
                .map_err(internal)?,
        }),
        None => None,
    };
    Ok(ShellInfo { organisation, user })
}

/// Remembers the chosen language (cookie, and the account when signed in)
/// and goes back to `redirect_to`.
#[server(prefix = "/api", endpoint = "set_locale")]
pub async fn set_locale(locale: String, redirect_to: String) -> Result<(), AppError> {
    use crate::server::{internal, safe_local_path, session, set_locale_cookie, state};
    use palier_domain::Locale;
    let state = state()?;
    let locale: Locale = locale.parse().map_err(|_| AppError::BadRequest)?;
    set_locale_cookie(&state.settings, locale);
    if let Some(current) = session() {
        palier_backend::accounts::set_locale(&state.db, current.actor.user_id, locale).await.map_err(internal)?;
    }
    leptos_axum::redirect(safe_local_path(&redirect_to));
    Ok(())
}
