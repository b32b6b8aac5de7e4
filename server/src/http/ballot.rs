//! Reviewing a ballot before casting it. The ballot form posts to the
//! review page's own address; this middleware reads the answers from the
//! body, hands them to the page through the request's extensions and lets
//! the page render as for a GET. The answers thus never travel in an address
//! (which would keep a secret vote in the browser's history) and are never
//! stored on the server before the vote is cast.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use palier_app::api::consultations::PostedAnswers;
use palier_app::routes::review_of;
use palier_app::server::PendingBallot;
use palier_domain::consultations::answers_by_question;

pub async fn review_posted_ballot(request: Request<Body>, next: Next) -> Response {
    if request.method() != Method::POST || review_of(request.uri().path()).is_none() {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 256 * 1024).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let raw: PostedAnswers = match serde_qs::Config::new(5, false).deserialize_bytes::<ReviewForm>(&bytes) {
        Ok(form) => form.answers,
        Err(_) => PostedAnswers::new(),
    };
    parts.method = Method::GET;
    parts.extensions.insert(PendingBallot(answers_by_question(&raw)));
    next.run(Request::from_parts(parts, Body::empty())).await
}

#[derive(serde::Deserialize)]
struct ReviewForm {
    #[serde(default)]
    answers: PostedAnswers,
}
