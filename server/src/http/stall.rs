//! Renders a page again when its first render stalls.
//!
//! Leptos 0.8's server rendering can, rarely and under concurrent load, lose
//! the wake-up that tells a `<Suspense>` its data is ready; the response then
//! never comes (leptos-rs/leptos#4647, #4851). Until that is fixed upstream,
//! a page read (GET or HEAD, never a form post or a server function) that
//! has not answered after [`STALL_AFTER`] is rendered once more from a copy
//! of the request; the stalled render is dropped. Reads have no side effects,
//! so rendering twice is safe. Every retry is logged.

use axum::body::Body;
use axum::http::{Method, Request};
use axum::response::Response;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tower::{Layer, Service, ServiceExt as _};

/// How long a page render may take before it is tried again. Pages render
/// in milliseconds; this leaves a wide margin for a busy machine.
pub const STALL_AFTER: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, Copy, Default)]
pub struct RetryStalledRenders;

impl<S> Layer<S> for RetryStalledRenders {
    type Service = RetryStalled<S>;

    fn layer(&self, inner: S) -> Self::Service {
        RetryStalled { inner }
    }
}

#[derive(Debug, Clone)]
pub struct RetryStalled<S> {
    inner: S,
}

/// Whether `request` reads a page (not a server function or a static file).
pub(super) fn is_page_read(request: &Request<Body>) -> bool {
    let path = request.uri().path();
    (request.method() == Method::GET || request.method() == Method::HEAD)
        && !path.starts_with("/api/")
        && !path.starts_with("/pkg/")
}

impl<S> Service<Request<Body>> for RetryStalled<S>
where
    S: Service<Request<Body>, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<Body>) -> Self::Future {
        // The service that was polled ready handles the first attempt.
        let spare = self.inner.clone();
        let mut ready = std::mem::replace(&mut self.inner, spare.clone());
        if !is_page_read(&request) {
            return Box::pin(ready.call(request));
        }
        let (parts, body) = request.into_parts();
        let copy = parts.clone();
        let first = ready.call(Request::from_parts(parts, body));
        Box::pin(async move {
            match tokio::time::timeout(STALL_AFTER, first).await {
                Ok(response) => response,
                Err(_) => {
                    tracing::warn!(path = %copy.uri.path(), "a page render stalled; rendering it again");
                    spare.oneshot(Request::from_parts(copy, Body::empty())).await
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A service whose first call never answers, like a stalled render.
    fn stalls_once(
        calls: Arc<AtomicUsize>,
    ) -> impl Service<Request<Body>, Response = Response, Error = Infallible, Future: Send> + Clone + Send {
        tower::service_fn(move |_request: Request<Body>| {
            let call = calls.fetch_add(1, Ordering::SeqCst);
            async move {
                if call == 0 {
                    std::future::pending::<()>().await;
                }
                Ok::<_, Infallible>(Response::new(Body::from("rendered")))
            }
        })
    }

    #[tokio::test(start_paused = true)]
    async fn a_stalled_page_read_is_rendered_again() {
        let calls = Arc::new(AtomicUsize::new(0));
        let service = RetryStalledRenders.layer(stalls_once(calls.clone()));
        let request = Request::get("/consultations/1").body(Body::empty()).unwrap();
        let response = service.oneshot(request).await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn posts_and_server_functions_are_never_repeated() {
        for request in [
            Request::post("/consultations/1/verifier").body(Body::empty()).unwrap(),
            Request::get("/api/consultations/get?id=1").body(Body::empty()).unwrap(),
        ] {
            let calls = Arc::new(AtomicUsize::new(0));
            let service = RetryStalledRenders.layer(stalls_once(calls.clone()));
            let outcome = tokio::time::timeout(STALL_AFTER * 3, service.oneshot(request)).await;
            assert!(outcome.is_err(), "still waiting on the first call");
            assert_eq!(calls.load(Ordering::SeqCst), 1);
        }
    }
}
