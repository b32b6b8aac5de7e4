//! The benchmark's baseline: a bare axum server answering `GET /0`, `/1`, …
//! with the bytes of each file given (`/` too, with the first), read once at
//! start, with the same TCP_NODELAY listener as `palier serve`.
//! `scripts/bench.sh` loads it next to Palier in the same run.
//!
//! Usage: static_baseline ADDR FILE [FILE…]

use axum::Router;
use axum::http::header;
use axum::routing::get;
use axum::serve::ListenerExt as _;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(addr) = args.next() else {
        anyhow::bail!("usage: static_baseline ADDR FILE [FILE…]");
    };
    let mut app = Router::new();
    for (i, file) in args.enumerate() {
        let body: &'static [u8] = Vec::leak(std::fs::read(&file)?);
        let page = get(move || async move { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body) });
        if i == 0 {
            app = app.route("/", page.clone());
        }
        app = app.route(&format!("/{i}"), page);
    }
    let listener = tokio::net::TcpListener::bind(&addr).await?.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, app).await?;
    Ok(())
}
