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
use palier_backend::sessions::CurrentSession;
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
    /// Signs and checks unsubscribe links.
    pub unsubscribe_key: palier_backend::notifications::unsubscribe::Key,
}

impl Settings {
    /// The session cookie's name: with the `__Host-` prefix over https, so
    /// browsers refuse it unless it is `Secure`, host-only and for `/`.
    pub fn session_cookie(&self) -> &'static str {
        if self.secure_cookies { "__Host-palier_session" } else { "palier_session" }
    }

    /// Links for emails.
    pub fn links(&self) -> palier_backend::links::Links {
        palier_backend::links::Links::new(&self.public_url)
    }
}

/// The client's IP address, put in the request's extensions by the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientIp(pub String);

/// Everything a request may need, passed by context to every server function
/// and page (never a global).
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub mailer: Mailer,
    pub outbox: outbox::Waker,
    /// Records sessions' last activity in groups.
    pub touches: palier_backend::sessions::Touches,
    /// Casts ballots, committed in groups under load.
    pub ballots: palier_backend::consultations::voting::BallotBox,
    /// Seals the ballots of open votes and opens them at closing.
    pub seal: palier_backend::consultations::voting::Seal,
    /// The server key (kept outside the database), from which the others derive.
    pub server_key: palier_backend::auth::server_key::ServerKey,
    /// Keys the stored invitation codes.
    pub codes: palier_backend::auth::secret::CodeKey,
    /// Definitions of opened votes, their frozen parts kept.
    pub definitions: palier_backend::consultations::Definitions,
    /// Live results of open votes, recounted at most every few seconds.
    pub live_counts: palier_backend::consultations::results::LiveCounts,
    pub settings: Arc<Settings>,
    /// Where photos and other attachments are kept.
    pub attachments: palier_backend::attachments::Attachments,
    /// The time every time-dependent rule applies (see `palier_backend::clock`).
    pub clock: palier_backend::clock::Clock,
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
    tracing::error!(error = %format!("{error:#}"), "unexpected error in a server function");
    AppError::Internal
}

/// An error and every error that caused it, e.g. "database error while
/// voting: error returned from database: no such table: ballots".
pub fn cause_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Database failures are unexpected: logged with their cause, a generic
/// message for the person.
impl From<palier_backend::DbErr> for AppError {
    fn from(error: palier_backend::DbErr) -> Self {
        tracing::error!(error = %cause_chain(&error), "database error in a server function");
        AppError::Internal
    }
}

/// A backend operation's unexpected failure (its `Unexpected` variant),
/// logged with its whole context.
impl From<anyhow::Error> for AppError {
    fn from(error: anyhow::Error) -> Self {
        // Too many password checks at once: try again in a moment.
        if error.downcast_ref::<palier_backend::auth::password::Busy>().is_some() {
            tracing::warn!("password checks are queueing: a request was asked to retry");
            let retry_after = palier_backend::auth::password::WAIT_FOR_A_TURN;
            let retry_after = chrono::Duration::from_std(retry_after).unwrap_or(chrono::Duration::seconds(3));
            return rate_limited(palier_backend::rate_limit::Exceeded { retry_after });
        }
        internal(error)
    }
}

impl From<palier_backend::accounts::Unexpected> for AppError {
    fn from(error: palier_backend::accounts::Unexpected) -> Self {
        error.0.into()
    }
}

impl From<palier_backend::policy::Refusal> for AppError {
    fn from(refusal: palier_backend::policy::Refusal) -> Self {
        match refusal {
            palier_backend::policy::Refusal::Forbidden => AppError::Forbidden,
            palier_backend::policy::Refusal::NotFound => AppError::NotFound,
        }
    }
}

impl From<palier_backend::policy::AccessError> for AppError {
    fn from(error: palier_backend::policy::AccessError) -> Self {
        match error {
            palier_backend::policy::AccessError::Refused(refusal) => refusal.into(),
            palier_backend::policy::AccessError::Db(error) => error.into(),
        }
    }
}

/// A registry refusal that no form field explains (forms that can show
/// one match it first, see `api::registry`).
impl From<palier_backend::registry::RegistryError> for AppError {
    fn from(error: palier_backend::registry::RegistryError) -> Self {
        use palier_backend::registry::RegistryError;
        match error {
            RegistryError::NotFound => AppError::NotFound,
            RegistryError::DuplicateName | RegistryError::DuplicateLease | RegistryError::ForeignBuilding => {
                AppError::BadRequest
            }
            RegistryError::Unexpected(error) => error.into(),
        }
    }
}

/// A team refusal that no form field explains (forms that can show one
/// match it first, see `api::team`).
impl From<palier_backend::team::TeamError> for AppError {
    fn from(error: palier_backend::team::TeamError) -> Self {
        use palier_backend::team::TeamError;
        match error {
            TeamError::NotFound => AppError::NotFound,
            TeamError::AlreadyMember | TeamError::LastAdmin => AppError::BadRequest,
            TeamError::Unexpected(error) => error.into(),
        }
    }
}

/// The state, and the signed-in person (or [`AppError::Unauthenticated`]).
pub fn signed_in() -> Result<(AppState, palier_backend::policy::Actor), AppError> {
    Ok((state()?, require_session()?.actor))
}

/// The session of the request, when the person is signed in (resolved by
/// the server's session middleware before any page or server function runs).
pub fn session() -> Option<CurrentSession> {
    use_context::<axum::http::request::Parts>().and_then(|parts| parts.extensions.get::<CurrentSession>().cloned())
}

/// The signed-in person, or [`AppError::Unauthenticated`].
pub fn require_session() -> Result<CurrentSession, AppError> {
    session().ok_or(AppError::Unauthenticated)
}

/// The client's IP address as text (`unknown` when the server could not tell).
pub fn client_ip() -> String {
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<ClientIp>().map(|ip| ip.0.clone()))
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The browser's User-Agent, for "my sessions".
pub fn user_agent() -> String {
    request_headers().get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// A cookie of this site: `HttpOnly`, `SameSite=Lax`, `Secure` over https,
/// sent back for `path`; it lasts `max_age`, or until the browser closes.
/// A zero `max_age` removes it.
pub fn site_cookie(
    settings: &Settings,
    name: impl Into<String>,
    value: impl Into<String>,
    path: impl Into<String>,
    max_age: Option<cookie::time::Duration>,
) -> cookie::Cookie<'static> {
    let mut builder = cookie::Cookie::build((name.into(), value.into()))
        .path(path.into())
        .http_only(true)
        .same_site(cookie::SameSite::Lax)
        .secure(settings.secure_cookies);
    if let Some(max_age) = max_age {
        builder = builder.max_age(max_age);
    }
    builder.build()
}

/// Sets the session cookie after sign-in. "Stay signed in" makes it
/// persistent; otherwise it lasts until the browser closes.
pub fn set_session_cookie(settings: &Settings, token: &str, remember: bool) {
    let max_age = remember.then(|| cookie::time::Duration::days(90));
    set_cookie(site_cookie(settings, settings.session_cookie(), token, "/", max_age));
}

/// Removes the session cookie (sign-out, expired session).
pub fn clear_session_cookie(settings: &Settings) {
    set_cookie(site_cookie(settings, settings.session_cookie(), "", "/", Some(cookie::time::Duration::ZERO)));
}

/// Remembers `locale` in the language cookie.
pub fn set_locale_cookie(settings: &Settings, locale: Locale) {
    set_cookie(site_cookie(settings, LOCALE_COOKIE, locale.as_str(), "/", Some(cookie::time::Duration::days(365))));
}

/// The header that tells the server's HTTP layer to answer 429.
pub const RETRY_AFTER_MARKER: &str = "x-palier-retry-after";

/// Turns a rate-limit refusal into [`AppError::RateLimited`], and marks the
/// response so the server answers 429 (with a readable page for forms).
pub fn rate_limited(exceeded: palier_backend::rate_limit::Exceeded) -> AppError {
    let seconds = u64::try_from(exceeded.retry_after.num_seconds()).unwrap_or(60).max(1);
    if let (Some(response), Ok(value)) =
        (use_context::<leptos_axum::ResponseOptions>(), HeaderValue::from_str(&seconds.to_string()))
    {
        response.insert_header(axum::http::HeaderName::from_static(RETRY_AFTER_MARKER), value);
    }
    AppError::RateLimited { retry_after_s: seconds }
}

/// Sets the HTTP status of the page or response being built.
pub fn set_status(status: axum::http::StatusCode) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
}

/// `at` in Paris time, written the way `locale` writes dates.
pub fn format_datetime(at: chrono::DateTime<chrono::Utc>, locale: Locale) -> String {
    palier_domain::time::format_paris(at, locale)
}

/// Posted ballot answers, put in the request by the server when a ballot is
/// posted for review (they never travel in an address).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingBallot(pub palier_domain::consultations::RawAnswers);

/// The answers posted for review with this request, if any.
pub fn pending_ballot() -> Option<PendingBallot> {
    use_context::<axum::http::request::Parts>().and_then(|parts| parts.extensions.get::<PendingBallot>().cloned())
}

/// The locale of the request being handled.
pub fn locale() -> Locale {
    use_context::<crate::i18n::RequestLocale>().map(|l| l.0).unwrap_or_default()
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
