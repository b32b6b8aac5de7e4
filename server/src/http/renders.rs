//! How page reads are rendered: a few at once, and again when one stalls.
//!
//! - **A few at once.** A render holds its reactive graph and its HTML in
//!   memory until it is sent. With a thousand keep-alive connections asking
//!   at once, a thousand renders in flight took 180 MB; two cores cannot
//!   render more than a few at a time anyway. Page reads beyond the permits
//!   wait for one (holding only their request), in arrival order.
//! - **Again when one stalls.** Leptos 0.8's server rendering can, rarely
//!   and under concurrent load, lose the wake-up that tells a `<Suspense>`
//!   its data is ready; the response then never comes (leptos-rs/leptos#4647,
//!   #4851). Until that is fixed upstream, a page read that has not answered
//!   [`STALL_AFTER`] after it got its permit is rendered once more from a
//!   copy of the request; the stalled render is dropped. Reads have no side
//!   effects, so rendering twice is safe. Every retry is logged.
//!
//! Everything but page reads (GET or HEAD) — forms, server functions,
//! static files — passes untouched.

use axum::body::Body;
use axum::http::{Method, Request};
use axum::response::Response;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::Semaphore;
use tower::{Layer, Service, ServiceExt as _};

/// Page renders in flight per core: enough to keep the cores busy while
/// some renders wait on the database.
pub const RENDERS_PER_CORE: usize = 16;

/// How long a page render may take before it is tried again. Pages render
/// in milliseconds; this leaves a wide margin for a busy machine.
pub const STALL_AFTER: Duration = Duration::from_secs(5);

/// Page renders of this process that stalled and were rendered again.
static STALLS: AtomicU64 = AtomicU64::new(0);

/// How many page renders of this process have stalled so far.
pub fn stalls_so_far() -> u64 {
    STALLS.load(Ordering::Relaxed)
}

#[derive(Debug, Clone)]
pub struct PageRenders {
    permits: Arc<Semaphore>,
}

impl PageRenders {
    /// [`RENDERS_PER_CORE`] renders per core of this machine (at least two cores' worth).
    pub fn for_this_machine() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get()).max(2);
        Self::new(cores * RENDERS_PER_CORE)
    }

    /// At most `renders` page renders at once.
    pub fn new(renders: usize) -> Self {
        Self { permits: Arc::new(Semaphore::new(renders.max(1))) }
    }
}

impl<S> Layer<S> for PageRenders {
    type Service = Rendering<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Rendering { inner, permits: self.permits.clone() }
    }
}

#[derive(Debug, Clone)]
pub struct Rendering<S> {
    inner: S,
    permits: Arc<Semaphore>,
}

/// Whether `request` reads a page (not a server function or a static file).
fn is_page_read(request: &Request<Body>) -> bool {
    let path = request.uri().path();
    (request.method() == Method::GET || request.method() == Method::HEAD)
        && !path.starts_with("/api/")
        && !path.starts_with("/pkg/")
}

impl<S> Service<Request<Body>> for Rendering<S>
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
        // Nothing runs until it is polled, after the permit.
        let first = ready.call(Request::from_parts(parts, body));
        let permits = self.permits.clone();
        Box::pin(async move {
            // The semaphore is never closed; without a permit, render anyway.
            let _permit = permits.acquire_owned().await.ok();
            match tokio::time::timeout(STALL_AFTER, first).await {
                Ok(response) => response,
                Err(_) => {
                    STALLS.fetch_add(1, Ordering::Relaxed);
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
    use std::sync::atomic::AtomicUsize;

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
        let service = PageRenders::new(4).layer(stalls_once(calls.clone()));
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
            let service = PageRenders::new(4).layer(stalls_once(calls.clone()));
            let outcome = tokio::time::timeout(STALL_AFTER * 3, service.oneshot(request)).await;
            assert!(outcome.is_err(), "still waiting on the first call");
            assert_eq!(calls.load(Ordering::SeqCst), 1);
        }
    }

    /// Waiting for a permit is not a stall: with one permit, a second page
    /// read that waits 4 s behind the first and then takes 4 s is rendered
    /// once, although 8 s is past [`STALL_AFTER`].
    #[tokio::test(start_paused = true)]
    async fn the_wait_for_a_permit_is_not_counted_as_a_stall() {
        let calls = Arc::new(AtomicUsize::new(0));
        let slow = {
            let calls = calls.clone();
            tower::service_fn(move |_request: Request<Body>| {
                calls.fetch_add(1, Ordering::SeqCst);
                async move {
                    tokio::time::sleep(Duration::from_secs(4)).await;
                    Ok::<_, Infallible>(Response::new(Body::from("rendered")))
                }
            })
        };
        let service = PageRenders::new(1).layer(slow);
        let read = || service.clone().oneshot(Request::get("/").body(Body::empty()).unwrap());
        let (first, second) = tokio::join!(read(), read());
        assert_eq!(first.unwrap().status(), 200);
        assert_eq!(second.unwrap().status(), 200);
        assert_eq!(calls.load(Ordering::SeqCst), 2, "each read rendered once");
    }

    /// A service that records how many calls run at once.
    fn counting(
        now: Arc<AtomicUsize>,
        most: Arc<AtomicUsize>,
    ) -> impl Service<Request<Body>, Response = Response, Error = Infallible, Future: Send> + Clone + Send {
        tower::service_fn(move |_request: Request<Body>| {
            let (now, most) = (now.clone(), most.clone());
            async move {
                let running = now.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(running, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(10)).await;
                now.fetch_sub(1, Ordering::SeqCst);
                Ok::<_, Infallible>(Response::new(Body::from("rendered")))
            }
        })
    }

    async fn most_at_once(paths: &[&str], method: &str) -> usize {
        let (now, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let service = PageRenders::new(3).layer(counting(now, most.clone()));
        let calls = (0..20).map(|i| {
            let request = Request::builder().method(method).uri(paths[i % paths.len()]).body(Body::empty()).unwrap();
            service.clone().oneshot(request)
        });
        for response in futures_util::future::join_all(calls).await {
            assert_eq!(response.unwrap().status(), 200);
        }
        most.load(Ordering::SeqCst)
    }

    #[tokio::test(start_paused = true)]
    async fn page_reads_wait_for_a_permit_and_all_are_answered() {
        assert_eq!(most_at_once(&["/", "/consultations/1"], "GET").await, 3);
    }

    #[tokio::test(start_paused = true)]
    async fn forms_server_functions_and_files_are_not_held_back() {
        assert_eq!(most_at_once(&["/api/consultations/get", "/pkg/palier.css"], "GET").await, 20);
        assert_eq!(most_at_once(&["/consultations/1/verifier"], "POST").await, 20);
    }
}
