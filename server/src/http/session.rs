//! Per-request identity: the session cookie is resolved once, here, into a
//! `CurrentSession` in the request's extensions, so
//! pages and server functions read who is asking without another query.
//! Pages for signed-in people redirect visitors to the sign-in page.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, Request, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use palier_app::routes::needs_sign_in;
use palier_app::server::{AppState, RETRY_AFTER_MARKER, cookie, request_locale};
use palier_domain::Locale;

/// Resolves the session cookie.
pub async fn resolve(State(state): State<AppState>, mut request: Request<Body>, next: Next) -> Response {
    let cookie_name = state.settings.session_cookie();
    let mut stale_cookie = false;
    if let Some(token) = cookie(request.headers(), cookie_name) {
        match palier_backend::sessions::authenticate(&state.db, &token, &state.touches).await {
            Ok(Some(current)) => {
                request.extensions_mut().insert(current);
            }
            Ok(None) => stale_cookie = true,
            Err(error) => {
                tracing::error!(error = %palier_app::server::cause_chain(&error), "could not read the session")
            }
        }
    }
    let signed_in = request.extensions().get::<palier_backend::sessions::CurrentSession>().is_some();
    let path = request.uri().path().to_owned();
    if !signed_in && request.method() == Method::GET && needs_sign_in(&path) {
        let back = request.uri().path_and_query().map(|pq| pq.as_str().to_owned()).unwrap_or(path);
        let target = sign_in_address(&back);
        return Redirect::to(&target).into_response();
    }

    let mut response = next.run(request).await;
    if stale_cookie {
        let expired = palier_app::server::site_cookie(
            &state.settings,
            cookie_name,
            "",
            "/",
            Some(::cookie::time::Duration::ZERO),
        );
        if let Ok(value) = HeaderValue::from_str(&expired.to_string()) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Gives server-function errors their HTTP status. A script calling a
/// server function gets the error as JSON with the status that fits it (422
/// for a form with errors, 404, 403, 429 with `Retry-After`…) instead of the
/// 500 that server_fn answers for every error. A form posted without
/// JavaScript is redirected back to its page, with the error in the address,
/// except when it was refused for too many attempts: then it gets HTTP 429
/// and a readable page in the person's language, with a way back.
pub async fn server_fn_errors(request: Request<Body>, next: Next) -> Response {
    let wants_html = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    let locale = request_locale(request.headers());
    let back = request.headers().get(header::REFERER).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let mut response = next.run(request).await;
    let retry_after = response.headers_mut().remove(RETRY_AFTER_MARKER);
    if let (true, Some(seconds)) = (wants_html, &retry_after) {
        let minutes = seconds.to_str().ok().and_then(|s| s.parse::<u64>().ok()).unwrap_or(60).div_ceil(60).max(1);
        let back = back
            .as_deref()
            .and_then(|url| url.find("://").and_then(|i| url[i + 3..].find('/').map(|j| &url[i + 3 + j..])))
            .map(|path| palier_app::server::safe_local_path(path).split("?__").next().unwrap_or("/").to_owned())
            .unwrap_or_else(|| "/".to_owned());
        let page = too_many_page(locale, minutes, &back);
        let mut response =
            (StatusCode::TOO_MANY_REQUESTS, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response();
        response.headers_mut().insert(header::RETRY_AFTER, seconds.clone());
        return response;
    }
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR || !response.headers().contains_key("serverfnerror") {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 1024 * 1024).await.unwrap_or_default();
    let status = serde_json::from_slice::<palier_app::error::AppError>(&bytes)
        .ok()
        .and_then(|error| StatusCode::from_u16(error.status_code()).ok())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    parts.status = status;
    if let Some(seconds) = retry_after {
        parts.headers.insert(header::RETRY_AFTER, seconds);
    }
    Response::from_parts(parts, Body::from(bytes))
}

fn too_many_page(locale: Locale, minutes: u64, back: &str) -> String {
    let back = html_escape(back);
    let (title, body, link) = match locale {
        Locale::Fr => (
            "Trop de tentatives",
            format!("Par sécurité, cette action est bloquée pendant un moment. Réessayez dans {minutes} minute(s)."),
            "Revenir à la page précédente",
        ),
        Locale::En => (
            "Too many attempts",
            format!("For your security, this action is blocked for a while. Try again in {minutes} minute(s)."),
            "Go back to the previous page",
        ),
    };
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Palier</title><link rel=\"stylesheet\" href=\"{stylesheet}\"></head>\
         <body><div class=\"app\"><main id=\"main\" class=\"site-main\"><div class=\"page page--narrow\">\
         <h1>{title}</h1><div class=\"notice notice--warning\" role=\"alert\"><p>{body}</p></div>\
         <p><a class=\"button\" href=\"{back}\">{link}</a></p></div></main></div></body></html>",
        lang = locale.as_str(),
        stylesheet = palier_app::assets::Assets::current().stylesheet_href(),
    )
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The sign-in page, told where to send the person back. Slashes stay
/// readable (`retour=/accueil`); everything that could end the value is
/// encoded.
fn sign_in_address(back: &str) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    const VALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~').remove(b'/');
    format!("/connexion?retour={}", utf8_percent_encode(back, VALUE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_paths_are_encoded() {
        let address = sign_in_address("/gestion?page=2&x=é");
        let query = address.strip_prefix("/connexion?").unwrap();
        let decoded: std::collections::HashMap<String, String> = serde_qs::from_str(query).unwrap();
        assert_eq!(decoded["retour"], "/gestion?page=2&x=é");
        assert!(!query.contains('&') && !query.contains('é'), "{query}");
    }
}
