//! Building and running the server: database, mailer, outbox worker, router.

use crate::config::Config;
use anyhow::Context as _;
use axum::serve::ListenerExt as _;
use leptos::config::LeptosOptions;
use palier_app::server::{AppState, Settings};
use palier_backend::mail::Mailer;
use palier_backend::notifications::mailer;
use palier_backend::outbox::Worker;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use tokio::sync::watch;

/// A server bound to its port, not yet serving.
pub struct Application {
    listener: TcpListener,
    router: axum::Router,
    worker: Worker,
    state: AppState,
    notifications: mailer::Settings,
}

impl Application {
    /// Connects to the database (creating and migrating it when needed),
    /// builds the mailer unless one is given, and binds the port.
    pub async fn build(config: &Config, mailer: Option<Mailer>) -> anyhow::Result<Self> {
        let started = Instant::now();
        if config.database_url.starts_with("sqlite:") {
            std::fs::create_dir_all(&config.data_dir)
                .with_context(|| format!("PALIER_DATA_DIR: cannot create {}", config.data_dir.display()))?;
        }
        let db = palier_backend::db::connect(&config.database_url).await?;
        palier_backend::db::migrate(&db).await?;
        tracing::info!(database = %config.database_url_for_logs(), elapsed_ms = started.elapsed().as_millis(), "database ready");

        let mailer = match mailer {
            Some(mailer) => mailer,
            None => Mailer::new(&config.mail_from, &config.mail_transport)?,
        };
        let worker = Worker::new(db.clone(), mailer.clone(), config.outbox.clone());
        let unsubscribe_key = palier_backend::notifications::unsubscribe::Key::load(&db).await?;

        let listener = TcpListener::bind(config.addr)
            .await
            .with_context(|| format!("PALIER_ADDR: cannot listen on {}", config.addr))?;
        let addr = listener.local_addr().context("the listener has no address")?;

        let leptos_options = LeptosOptions::builder()
            .output_name("palier")
            .site_root(config.site_root.to_string_lossy().into_owned())
            .site_pkg_dir("pkg")
            .site_addr(addr)
            .build();
        let ballots = palier_backend::consultations::voting::BallotBox::start(db.clone());
        let state = AppState {
            leptos_options,
            ballots,
            touches: palier_backend::sessions::Touches::start(db.clone()),
            live_counts: Default::default(),
            definitions: Default::default(),
            db,
            mailer,
            outbox: worker.waker(),
            settings: Arc::new(Settings {
                public_url: config.public_url.clone(),
                secure_cookies: config.secure_cookies(),
                unsubscribe_key: unsubscribe_key.clone(),
            }),
        };
        let notifications = mailer::Settings {
            links: palier_backend::links::Links::new(&config.public_url),
            key: unsubscribe_key,
            digest_hour: config.digest_hour,
        };
        let router = crate::http::router(state.clone(), config);
        Ok(Self { listener, router, worker, state, notifications })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// The state shared with every request (tests use its database).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` resolves, then lets requests in flight finish
    /// and stops the outbox worker.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
        let (stop_worker, worker_stopped) = watch::channel(false);
        let janitor = tokio::spawn(janitor(self.state.db.clone(), worker_stopped.clone()));
        let clock = tokio::spawn(consultation_clock(self.state.db.clone(), worker_stopped.clone()));
        let checkpoints = tokio::spawn(checkpointer(self.state.db.clone(), worker_stopped.clone()));
        let notifier = tokio::spawn(notification_mailer(
            self.state.db.clone(),
            self.notifications,
            self.state.outbox.clone(),
            worker_stopped.clone(),
        ));
        let worker = tokio::spawn(self.worker.run(worker_stopped));
        // Without TCP_NODELAY, Nagle's algorithm holds each streamed page ~40 ms.
        let listener = self.listener.tap_io(|tcp| {
            if let Err(error) = tcp.set_nodelay(true) {
                tracing::warn!(%error, "could not set TCP_NODELAY");
            }
        });
        axum::serve(listener, self.router.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(shutdown)
            .await
            .context("the server failed")?;
        let _ = stop_worker.send(true);
        let _ = worker.await;
        let _ = janitor.await;
        let _ = clock.await;
        let _ = checkpoints.await;
        let _ = notifier.await;
        tracing::info!("stopped");
        Ok(())
    }
}

/// Runs `round` now, then again every `period`, until `stop` changes.
async fn every<F: Future<Output = ()>>(
    period: Duration,
    mut stop: watch::Receiver<bool>,
    mut round: impl FnMut() -> F,
) {
    loop {
        round().await;
        tokio::select! {
            () = tokio::time::sleep(period) => {}
            _ = stop.changed() => return,
        }
    }
}

/// Opens and closes consultations on time (reads and votes also advance the
/// consultation they touch, so this only keeps lists and notifications prompt).
async fn consultation_clock(db: palier_backend::DatabaseConnection, stop: watch::Receiver<bool>) {
    let db = &db;
    every(Duration::from_secs(15), stop, move || async move {
        match palier_backend::consultations::lifecycle::advance_due(db).await {
            Ok(done) => {
                for transition in done {
                    tracing::info!(?transition, "consultation advanced by the clock");
                }
            }
            Err(error) => tracing::warn!(%error, "the consultation clock failed"),
        }
        match palier_backend::consultations::lifecycle::remind_due(db).await {
            Ok(reminded) if !reminded.is_empty() => tracing::info!(?reminded, "closing reminders notified"),
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "the closing reminders failed"),
        }
    })
    .await;
}

/// Turns notifications into outbox emails: those chosen "immediate" within
/// seconds, the daily digests at their hour; then wakes the outbox worker.
async fn notification_mailer(
    db: palier_backend::DatabaseConnection,
    settings: mailer::Settings,
    outbox: palier_backend::outbox::Waker,
    stop: watch::Receiver<bool>,
) {
    let (db, settings, outbox) = (&db, &settings, &outbox);
    every(Duration::from_secs(2), stop, move || async move {
        match mailer::run_once(db, settings, chrono::Utc::now()).await {
            Ok(round) if round != mailer::Round::default() => {
                tracing::info!(?round, "notification emails queued");
                outbox.wake();
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "the notification mailer failed"),
        }
    })
    .await;
}

/// Checkpoints the SQLite database twice a second, off the writers'
/// path (see `palier_backend::db::checkpoint`); stops at once on PostgreSQL.
async fn checkpointer(db: palier_backend::DatabaseConnection, stop: watch::Receiver<bool>) {
    if !palier_backend::db::is_sqlite(&db) {
        return;
    }
    let db = &db;
    every(palier_backend::db::CHECKPOINT_EVERY, stop, move || async move {
        if let Err(error) = palier_backend::db::checkpoint(db).await {
            tracing::warn!(%error, "the database checkpoint failed");
        }
    })
    .await;
}

/// Deletes expired sessions, tokens and counters every 10 minutes.
async fn janitor(db: palier_backend::DatabaseConnection, stop: watch::Receiver<bool>) {
    let db = &db;
    every(Duration::from_secs(600), stop, move || async move {
        match palier_backend::maintenance::purge_expired(db).await {
            Ok(purged) if purged != Default::default() => tracing::info!(?purged, "expired rows deleted"),
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "clean-up failed"),
        }
    })
    .await;
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}
