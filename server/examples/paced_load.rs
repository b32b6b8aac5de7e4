//! Latency at a fixed request rate (what wrk, which sends as fast as it
//! can, does not measure): sends `RATE` requests a second for `SECONDS` to
//! `URL` over keep-alive connections, and measures each request from the
//! instant it was due, so a server that falls behind is charged for the
//! wait (no "coordinated omission"). `scripts/bench.sh` runs it.
//!
//! Usage: paced_load URL RATE SECONDS [COOKIE]
//! Prints: `p50_ms p99_ms max_ms errors sent`.

use std::time::{Duration, Instant};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(url), Some(rate), Some(seconds)) = (args.next(), args.next(), args.next()) else {
        anyhow::bail!("usage: paced_load URL RATE SECONDS [COOKIE]");
    };
    let rate: u64 = rate.parse()?;
    let seconds: u64 = seconds.parse()?;
    anyhow::ensure!(rate > 0 && seconds > 0, "RATE and SECONDS must be at least 1");
    let cookie = args.next();
    let client = reqwest::Client::builder().pool_max_idle_per_host(256).build()?;
    // A short warm-up opens the connections.
    for _ in 0..20 {
        let _ = request(&client, &url, cookie.as_deref()).await;
    }
    let total = rate * seconds;
    let start = Instant::now() + Duration::from_millis(50);
    let mut tasks = Vec::with_capacity(total as usize);
    for i in 0..total {
        let due = start + Duration::from_nanos(i * 1_000_000_000 / rate);
        let (client, url, cookie) = (client.clone(), url.clone(), cookie.clone());
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep_until(due.into()).await;
            let ok = request(&client, &url, cookie.as_deref()).await;
            (due.elapsed(), ok)
        }));
    }
    let mut latencies = Vec::with_capacity(tasks.len());
    let mut errors = 0;
    for task in tasks {
        let (latency, ok) = task.await?;
        latencies.push(latency);
        if !ok {
            errors += 1;
        }
    }
    latencies.sort();
    let at =
        |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)].as_secs_f64() * 1000.0;
    println!("{:.2} {:.2} {:.2} {errors} {}", at(0.50), at(0.99), at(1.0), latencies.len());
    Ok(())
}

async fn request(client: &reqwest::Client, url: &str, cookie: Option<&str>) -> bool {
    let mut request = client.get(url);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    match request.send().await {
        Ok(response) => response.status().is_success() && response.bytes().await.is_ok(),
        Err(_) => false,
    }
}
