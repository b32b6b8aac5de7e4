//! At most a few page renders at once.
//!
//! A render holds its reactive graph and its HTML in memory until it is
//! sent. With a thousand keep-alive connections asking at once, a thousand
//! renders in flight took 180 MB; two cores cannot render more than a few
//! at a time anyway. Page reads beyond [`RenderLimit`]'s permits wait for
//! one (holding only their request), in arrival order; everything else —
//! forms, server functions, static files — passes untouched.

use super::stall::is_page_read;
use axum::body::Body;
use axum::http::Request;
use axum::response::Response;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use tokio::sync::Semaphore;
use tower::{Layer, Service};

/// Page renders in flight per core: enough to keep the cores busy while
/// some renders wait on the database.
pub const RENDERS_PER_CORE: usize = 16;

#[derive(Debug, Clone)]
pub struct RenderLimit {
    permits: Arc<Semaphore>,
}

impl RenderLimit {
    /// [`RENDERS_PER_CORE`] renders per core of this machine (at least two cores' worth).
    pub fn for_this_machine() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get()).max(2);
        Self::new(cores * RENDERS_PER_CORE)
    }

    pub fn new(renders: usize) -> Self {
        Self { permits: Arc::new(Semaphore::new(renders.max(1))) }
    }
}

impl<S> Layer<S> for RenderLimit {
    type Service = Limited<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Limited { inner, permits: self.permits.clone() }
    }
}

#[derive(Debug, Clone)]
pub struct Limited<S> {
    inner: S,
    permits: Arc<Semaphore>,
}

impl<S> Service<Request<Body>> for Limited<S>
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
        if !is_page_read(&request) {
            return Box::pin(self.inner.call(request));
        }
        // The service polled ready is not the one that runs after the wait.
        let inner = self.inner.clone();
        let inner = std::mem::replace(&mut self.inner, inner);
        let permits = self.permits.clone();
        Box::pin(async move {
            // The semaphore is never closed; without a permit, render anyway.
            let _permit = permits.acquire_owned().await.ok();
            let mut inner = inner;
            inner.call(request).await
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tower::ServiceExt as _;

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
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                now.fetch_sub(1, Ordering::SeqCst);
                Ok::<_, Infallible>(Response::new(Body::from("rendered")))
            }
        })
    }

    async fn most_at_once(paths: &[&str], method: &str) -> usize {
        let (now, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let service = RenderLimit::new(3).layer(counting(now, most.clone()));
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
