//! The server-only half of the app: shared state and request helpers used by
//! the server functions. Compiled only with the `ssr` feature.

use crate::error::AppError;
use axum::extract::FromRef;
use axum::http::{HeaderMap, HeaderValue, header};
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use palier_backend::DatabaseConnection;
use palier_backend::mail::Mailer;
use palier_backend::outbox;
use palier_domain::Locale;
use std::sync::Arc;

/// The cookie that remembers the chosen language.
pub const LOCALE_COOKIE: &str = "palier_lang";

/// Settings the server functions need.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The site's public address without a trailing slash, used in email links.
    pub public_url: String,
    /// Whether cookies get the `Secure` attribute (the public URL is https).
    pub secure_cookies: bool,
}

/// Everything a request may need, passed by context to every server function
/// and page (never a global).
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub mailer: Mailer,
    pub outbox: outbox::Waker,
    pub settings: Arc<Settings>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state provided by the router, or an internal error if it is missing.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| internal("the application state is not in context"))
}

/// Logs an unexpected error and turns it into [`AppError::Internal`]: the
/// person sees a generic message, the log keeps the cause.
pub fn internal(error: impl std::fmt::Display) -> AppError {
    tracing::error!(%error, "unexpected error in a server function");
    AppError::Internal
}

/// The headers of the request being handled.
pub fn request_headers() -> HeaderMap {
    use_context::<axum::http::request::Parts>().map(|parts| parts.headers).unwrap_or_default()
}

/// The value of cookie `name` in `headers`.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// The language for this request: the language cookie, then the browser's
/// `Accept-Language`, then French.
pub fn request_locale(headers: &HeaderMap) -> Locale {
    cookie(headers, LOCALE_COOKIE)
        .and_then(|value| value.parse().ok())
        .or_else(|| {
            headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

/// Adds a `Set-Cookie` header to the response being built.
pub fn set_cookie(cookie: cookie::Cookie<'_>) {
    if let (Some(response), Ok(value)) =
        (use_context::<leptos_axum::ResponseOptions>(), HeaderValue::from_str(&cookie.to_string()))
    {
        response.append_header(header::SET_COOKIE, value);
    }
}

/// A same-site path to go back to after a form, or `/` when `target` could
/// lead elsewhere (open redirects are refused).
pub fn safe_local_path(target: &str) -> &str {
    let ok = target.starts_with('/')
        && !target.starts_with("//")
        && !target.starts_with("/\\")
        && !target.chars().any(|c| c.is_control());
    if ok { target } else { "/" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_local_path("/consultations?page=2"), "/consultations?page=2");
        assert_eq!(safe_local_path("//evil.example/"), "/");
        assert_eq!(safe_local_path("/\\evil.example"), "/");
        assert_eq!(safe_local_path("https://evil.example"), "/");
        assert_eq!(safe_local_path("/a\nb"), "/");
        assert_eq!(safe_local_path(""), "/");
    }

    #[test]
    fn locale_comes_from_cookie_then_browser() {
        let mut headers = HeaderMap::new();
        assert_eq!(request_locale(&headers), Locale::Fr);
        headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("en-GB,en;q=0.8"));
        assert_eq!(request_locale(&headers), Locale::En);
        headers.insert(header::COOKIE, HeaderValue::from_static("other=1; palier_lang=fr"));
        assert_eq!(request_locale(&headers), Locale::Fr);
        headers.insert(header::COOKIE, HeaderValue::from_static("palier_lang=xx"));
        assert_eq!(request_locale(&headers), Locale::En);
    }
}
