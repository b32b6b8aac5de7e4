//! Security headers and the cross-site request check.

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, Request, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::nonce::use_nonce;
use leptos::prelude::use_context;
use palier_app::server::Settings;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use tower_http::set_header::SetResponseHeaderLayer;

/// The policy of pages: scripts only from this site, plus the inline
/// hydration scripts that carry this response's nonce; wasm may compile
/// (`'wasm-unsafe-eval'`); nothing may frame the site.
pub fn page_csp(nonce: &str) -> String {
    let reload = if std::env::var_os("LEPTOS_WATCH").is_some() { " ws:" } else { "" };
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'{reload}; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The policy of every other response (JSON, files): nothing runs.
const DEFAULT_CSP: &str =
    "default-src 'none'; img-src 'self'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// Sets the page policy on the response being rendered, with the nonce
/// leptos_axum generated for this request.
pub fn add_page_csp() {
    if let (Some(nonce), Some(response)) = (use_nonce(), use_context::<leptos_axum::ResponseOptions>())
        && let Ok(value) = HeaderValue::from_str(&page_csp(&nonce.to_string()))
    {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

/// Adds the headers every response carries.
pub fn with_headers<S: Clone + Send + Sync + 'static>(router: Router<S>, https: bool) -> Router<S> {
    let hsts = if https { "max-age=31536000; includeSubDomains" } else { "max-age=0" };
    router
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DEFAULT_CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(SetResponseHeaderLayer::overriding(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
        ))
        .layer(SetResponseHeaderLayer::overriding(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(hsts)))
        // Pages (and anything else that does not say otherwise, e.g. the
        // hashed static files) are revalidated on each use and never kept
        // by a shared cache: many show one person's data.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache, private"),
        ))
}

/// Refuses state-changing requests that a browser marks as cross-site
/// (`Sec-Fetch-Site`), or whose `Origin` is neither this host nor the public
/// address. Requests without either header (scripts, curl) pass: they carry
/// no ambient browser cookies worth forging.
pub async fn check_origin(State(settings): State<Arc<Settings>>, request: Request<Body>, next: Next) -> Response {
    let safe_method = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe_method || is_same_site(&request, &settings.public_url) {
        return next.run(request).await;
    }
    tracing::warn!(path = %request.uri().path(), "cross-site request refused");
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Requête refusée</title></head>\
         <body><h1>Requête refusée</h1><p>Ce formulaire venait d'un autre site : il n'a pas été envoyé.</p>\
         <p lang=\"en\">Request refused: this form came from another site and was not sent.</p>\
         <p><a href=\"/\">Palier</a></p></body></html>",
    )
        .into_response()
}

/// Refuses, with 415 and a message, a body that a server function's codec
/// would panic on instead of refusing: a file-upload function (see
/// [`palier_app::api::MULTIPART_PATHS`]) posted without a multipart body
/// and its boundary.
pub async fn guard_bodies(request: Request<Body>, next: Next) -> Response {
    let path = request.uri().path();
    if request.method() != Method::POST || !palier_app::api::MULTIPART_PATHS.contains(&path) {
        return next.run(request).await;
    }
    let content_type = request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let multipart = content_type.trim_start().to_ascii_lowercase().starts_with("multipart/form-data");
    if multipart && multer::parse_boundary(content_type).is_ok_and(|boundary| !boundary.is_empty()) {
        return next.run(request).await;
    }
    tracing::warn!(path = %path, "a file upload without a multipart body was refused");
    (
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Envoi refusé</title></head>\
         <body><h1>Envoi refusé</h1><p>Ce formulaire attend un fichier : envoyez-le depuis la page du formulaire.</p>\
         <p lang=\"en\">Upload refused: this form expects a file; send it from the form's page.</p>\
         <p><a href=\"/\">Palier</a></p></body></html>",
    )
        .into_response()
}

/// Bodies are limited to [`super::BODY_LIMIT_BYTES`], but those of the
/// forms that take photos ([`palier_app::api::PHOTO_PATHS`]), which the
/// outer limit bounds. A body announced larger is refused at once (413); one
/// that grows larger stops being read.
///
/// A body the server answers without reading to its end (a refusal before
/// the form is read) leaves the connection unfit for another request: the
/// answer then says `Connection: close` (RFC 9112 §9.6), so a client does
/// not send its next request on a connection the server is closing.
pub async fn limit_bodies(request: Request<Body>, next: Next) -> Response {
    let photos = palier_app::api::PHOTO_PATHS.contains(&request.uri().path());
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<usize>().ok());
    if !photos && announced.is_some_and(|length| length > super::BODY_LIMIT_BYTES) {
        return (StatusCode::PAYLOAD_TOO_LARGE, [(header::CONNECTION, "close")], "Request body too large")
            .into_response();
    }
    let has_body =
        announced.is_some_and(|length| length > 0) || request.headers().contains_key(header::TRANSFER_ENCODING);
    let (parts, body) = request.into_parts();
    let read = Arc::new(AtomicBool::new(false));
    let body = if photos { body } else { Body::new(http_body_util::Limited::new(body, super::BODY_LIMIT_BYTES)) };
    let body = Body::new(ReadToEnd { inner: body, read: read.clone() });
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if has_body && !read.load(Ordering::Acquire) {
        response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// A request body that notes when it was read to its end.
struct ReadToEnd {
    inner: Body,
    read: Arc<AtomicBool>,
}

impl http_body::Body for ReadToEnd {
    type Data = axum::body::Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        if matches!(polled, Poll::Ready(None)) || self.inner.is_end_stream() {
            self.read.store(true, Ordering::Release);
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

fn is_same_site(request: &Request<Body>, public_url: &str) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    if origin.eq_ignore_ascii_case(public_url) {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let origin_host = origin.split_once("://").map_or("", |(_, rest)| rest);
    !host.is_empty() && origin_host.eq_ignore_ascii_case(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(headers: &[(&str, &str)]) -> Request<Body> {
        let mut builder = Request::post("/api/x").header(header::HOST, "127.0.0.1:3000");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn same_site_requests_pass_and_cross_site_ones_do_not() {
        let public = "https://palier.example";
        assert!(is_same_site(&post(&[("sec-fetch-site", "same-origin")]), public));
        assert!(is_same_site(&post(&[("sec-fetch-site", "none")]), public));
        assert!(!is_same_site(&post(&[("sec-fetch-site", "cross-site")]), public));
        assert!(!is_same_site(&post(&[("sec-fetch-site", "same-site")]), public));
        assert!(is_same_site(&post(&[("origin", "http://127.0.0.1:3000")]), public));
        assert!(is_same_site(&post(&[("origin", "https://palier.example")]), public));
        assert!(!is_same_site(&post(&[("origin", "https://evil.example")]), public));
        assert!(!is_same_site(&post(&[("origin", "null")]), public));
        assert!(is_same_site(&post(&[]), public));
    }

    #[test]
    fn page_policy_allows_only_nonced_inline_scripts() {
        let csp = page_csp("abc123");
        assert!(csp.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-inline"));
    }
}
