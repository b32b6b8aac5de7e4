//! The HTTP layer: routes, static files and the middleware stack.

pub mod attachments;
pub mod ballot;
pub mod client_addr;
pub mod downloads;
pub mod health;
pub mod notifications;
pub mod renders;
pub mod security;
pub mod session;
pub mod typed_values;

use crate::config::Config;
use axum::Router;
use axum::http::{HeaderName, HeaderValue, Request, header};
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{AxumRouteListing, LeptosRoutes as _, generate_route_list};
use palier_app::server::AppState;
use palier_app::{App, shell};
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// The largest request body accepted (forms, CSV uploads).
pub const BODY_LIMIT_BYTES: usize = 5 * 1024 * 1024;
/// The largest body of a form with photos: three photos and the form.
pub const PHOTO_BODY_LIMIT_BYTES: usize = 3 * 10 * 1024 * 1024 + 1024 * 1024;
/// How long a request may take before the server answers 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Hashed files (their name changes with their content) are kept by
/// browsers for a year without asking again; anything else in `/pkg` is
/// revalidated on each use.
async fn pkg_cache(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let file = request.uri().path().rsplit('/').next().unwrap_or_default().to_owned();
    let mut response = next.run(request).await;
    let policy = if palier_app::assets::Assets::current().is_immutable(&file) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// Builds the whole router: pages, server functions, `/healthz`, static files.
pub fn router(state: AppState, config: &Config) -> Router {
    let routes = route_list();
    let options = state.leptos_options.clone();
    let context = request_context();
    let typed = typed_values::TypedValues { key: state.server_key.clone(), settings: state.settings.clone() };

    let pkg = ServeDir::new(config.site_root.join("pkg")).precompressed_br().precompressed_gzip();

    let router = Router::new()
        .route("/compte/mes-donnees.json", get(downloads::my_data))
        .route("/gestion/residences/{id}/lettres", axum::routing::post(downloads::letters))
        .route("/consultations/{id}/{file}", get(downloads::consultation_csv))
        .route("/notifications/{id}/ouvrir", get(notifications::open))
        .route("/pieces-jointes/{id}/{variant}", get(attachments::photo))
        .route("/projets/export/{file}", get(downloads::projects_export))
        .route("/conseils/{id}/{file}", get(downloads::council_feed))
        .route("/desabonnement", axum::routing::post(notifications::one_click))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell))
        .layer(axum::middleware::from_fn(session::server_fn_errors))
        .layer(axum::middleware::from_fn_with_state(state.clone(), session::resolve))
        .layer(axum::middleware::from_fn_with_state(Arc::new(config.trusted_proxies.clone()), client_addr::resolve))
        .route("/healthz", get(health::healthz))
        .nest_service("/pkg", ServiceBuilder::new().layer(axum::middleware::from_fn(pkg_cache)).service(pkg))
        .layer(axum::middleware::from_fn(security::guard_bodies))
        .layer(axum::middleware::from_fn_with_state(state.settings.clone(), security::check_origin))
        .with_state(state);
    // Before routing, which would refuse a POST to a page: a ballot posted
    // for review is rendered like a GET of the review page.
    let router = Router::new().fallback_service(
        ServiceBuilder::new()
            .layer(axum::middleware::from_fn(ballot::review_posted_ballot))
            .layer(renders::PageRenders::for_this_machine())
            .service(router),
    );
    security::with_headers(router, config.secure_cookies())
        .layer(axum::middleware::from_fn_with_state(typed, typed_values::keep_typed_values))
        .layer(CompressionLayer::new().br(true).gzip(true).quality(CompressionLevel::Precise(4)))
        .layer(axum::middleware::from_fn(security::limit_bodies))
        .layer(RequestBodyLimitLayer::new(PHOTO_BODY_LIMIT_BYTES))
        .layer(axum::middleware::map_response(close_unread))
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
            let id = request.headers().get(&REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
            // The path only: query strings can carry personal data.
            tracing::info_span!("request", request_id = %id, method = %request.method(), path = %request.uri().path())
        }))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

/// The app's routes, walked once per process.
///
/// Walking them sets a process-wide flag under which any resource that
/// starts loading meanwhile, in any render of any server of this process,
/// waits forever (leptos_server 0.8's `SuppressResourceLoad`,
/// leptos-rs/leptos#4773). One server walks them once, at startup, before it
/// serves; but a process that builds several servers (the tests build one
/// per test) must not walk them while another server renders.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Context every page render and server function gets: the request's
/// language, how a page sets its HTTP status, and for pages a
/// Content-Security-Policy with this response's nonce.
fn request_context() -> impl Fn() + Clone + Send + Sync + 'static {
    move || {
        let headers = palier_app::server::request_headers();
        provide_context(palier_app::i18n::RequestLocale(palier_app::server::request_locale(&headers)));
        provide_context(palier_app::components::page::PageStatus(|code| {
            if let Ok(status) = axum::http::StatusCode::from_u16(code) {
                palier_app::server::set_status(status);
            }
        }));
        security::add_page_csp();
    }
}

/// A body refused for its size is left unread, so the connection cannot
/// carry another request: say so (RFC 9112 §9.6), or a client may send its
/// next request on a connection the server is closing.
async fn close_unread(mut response: axum::response::Response) -> axum::response::Response {
    if response.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}
