//! `GET /healthz`: whether this instance can serve (200) or not (503).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use palier_app::server::AppState;
use serde_json::json;

pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let database = palier_backend::db::ping(&state.db).await;
    let outbox = if database { palier_backend::outbox::counts(&state.db).await.ok() } else { None };
    let status = if database { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let body = json!({
        "status": if database { "ok" } else { "unavailable" },
        "database": if database { "ok" } else { "unreachable" },
        "outbox": outbox,
        "version": env!("CARGO_PKG_VERSION"),
    });
    (status, [("cache-control", "no-store")], Json(body))
}
