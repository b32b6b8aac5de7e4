//! Building and running the server: database, mailer, outbox worker, router.

use crate::config::Config;
use anyhow::Context as _;
use axum::serve::ListenerExt as _;
use leptos::config::LeptosOptions;
use palier_app::server::{AppState, Settings};
use palier_backend::DatabaseConnection;
use palier_backend::clock::Clock;
use palier_backend::consultations::voting::Seal;
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
    state: AppState,
    jobs: Jobs,
}

impl Application {
    /// Connects to the database (creating and migrating it when needed),
    /// builds the mailer unless one is given, and binds the port.
    pub async fn build(config: &Config, mailer: Option<Mailer>) -> anyhow::Result<Self> {
        let started = Instant::now();
        for warning in config.warnings() {
            tracing::warn!("{warning}");
        }
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
        let clock = Clock::system();
        let key = crate::cli::server_key(config, &db).await?;
        let worker = Worker::new(db.clone(), mailer.clone(), config.outbox.clone())
            .with_clock(clock.clone())
            .with_key(key.clone());
        let unsubscribe_key = palier_backend::notifications::unsubscribe::Key::load(&db).await?;
        let seal = Seal::new(&key);
        let resealed = palier_backend::consultations::voting::seal::seal_plain_ballots(&db, &seal).await?;
        if resealed > 0 {
            tracing::info!(ballots = resealed, "ballots of open votes cast before sealing are now sealed");
        }

        let listener = TcpListener::bind(config.addr)
            .await
            .with_context(|| format!("PALIER_ADDR: cannot listen on {}", config.addr))?;
        let addr = listener.local_addr().context("the listener has no address")?;

        palier_app::assets::Assets::install(&config.site_root);
        let leptos_options = LeptosOptions::builder()
            .output_name("palier")
            .site_root(config.site_root.to_string_lossy().into_owned())
            .site_pkg_dir("pkg")
            .site_addr(addr)
            .build();
        let ballots = palier_backend::consultations::voting::BallotBox::start(db.clone(), seal.clone());
        let state = AppState {
            leptos_options,
            ballots,
            touches: palier_backend::sessions::Touches::start(db.clone()),
            live_counts: palier_backend::consultations::results::LiveCounts::new(config.secrecy_k, seal.clone()),
            definitions: Default::default(),
            seal: seal.clone(),
            codes: palier_backend::auth::secret::CodeKey::new(&key),
            server_key: key.clone(),
            db: db.clone(),
            mailer,
            outbox: worker.waker(),
            settings: Arc::new(Settings {
                public_url: config.public_url.clone(),
                secure_cookies: config.secure_cookies(),
                unsubscribe_key: unsubscribe_key.clone(),
            }),
            attachments: palier_backend::attachments::Attachments::new(
                palier_backend::attachments::FileStore::new(&config.attachments_dir).with_context(|| {
                    format!("PALIER_ATTACHMENTS_DIR: cannot create {}", config.attachments_dir.display())
                })?,
            ),
            clock: clock.clone(),
        };
        let notifications = mailer::Settings {
            links: palier_backend::links::Links::new(&config.public_url),
            key: unsubscribe_key,
            digest_hour: config.digest_hour,
        };
        let jobs = Jobs { db, touches: state.touches.clone(), seal, worker, notifications, clock };
        let router = crate::http::router(state.clone(), config);
        Ok(Self { listener, router, state, jobs })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// The state shared with every request (tests use its database and clock).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The server's background work, one round at a time.
    pub fn jobs(&self) -> &Jobs {
        &self.jobs
    }

    /// Serves until `shutdown` resolves, running the background jobs on
    /// their periods; then lets requests in flight finish and stops the jobs.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
        let (stop, stopped) = watch::channel(false);
        let jobs = self.jobs.clone();
        let running = [
            tokio::spawn(jobs.clone().every(Duration::from_secs(600), stopped.clone(), Jobs::janitor)),
            tokio::spawn(jobs.clone().every(Duration::from_secs(15), stopped.clone(), Jobs::consultation_clock)),
            tokio::spawn(jobs.clone().every(palier_backend::db::CHECKPOINT_EVERY, stopped.clone(), Jobs::checkpoint)),
            tokio::spawn(jobs.clone().every(Duration::from_secs(2), stopped.clone(), Jobs::notification_mailer)),
            tokio::spawn(jobs.worker.run(stopped)),
        ];
        let served = self.serve_until(shutdown).await;
        let _ = stop.send(true);
        for job in running {
            let _ = job.await;
        }
        // The last requests' activity is not lost.
        jobs.touches.flush().await;
        tracing::info!("stopped");
        served
    }

    /// Serves until `shutdown` resolves, running no background job: the test
    /// suites run them when they choose, with [`Jobs::run_pending`].
    pub async fn serve_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
        // Without TCP_NODELAY, Nagle's algorithm holds each streamed page ~40 ms.
        let listener = self.listener.tap_io(|tcp| {
            if let Err(error) = tcp.set_nodelay(true) {
                tracing::warn!(%error, "could not set TCP_NODELAY");
            }
        });
        axum::serve(listener, self.router.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(shutdown)
            .await
            .context("the server failed")
    }
}

/// The server's background work. Each job is one round that does what is
/// due at the clock's time, logs it and says whether it did anything:
/// `palier serve` runs each on its period, the tests run them all at once
/// with [`Jobs::run_pending`] instead of waiting for the periods.
#[derive(Debug, Clone)]
pub struct Jobs {
    db: DatabaseConnection,
    /// The writer of sessions' last activity.
    touches: palier_backend::sessions::Touches,
    seal: Seal,
    worker: Worker,
    notifications: mailer::Settings,
    clock: Clock,
}

impl Jobs {
    /// Runs `job` now, then again every `period`, until `stop` changes.
    async fn every(self, period: Duration, mut stop: watch::Receiver<bool>, job: impl AsyncFn(&Self) -> bool) {
        loop {
            job(&self).await;
            tokio::select! {
                () = tokio::time::sleep(period) => {}
                _ = stop.changed() => return,
            }
        }
    }

    /// Opens and closes the consultations due, and sends the closing
    /// reminders due (reads and votes also advance the consultation they
    /// touch, so this keeps lists and notifications prompt).
    pub async fn consultation_clock(&self) -> bool {
        use palier_backend::consultations::lifecycle;
        let now = self.clock.now();
        let mut busy = false;
        match lifecycle::advance_due(&self.db, &self.seal, now).await {
            Ok(done) => {
                for transition in &done {
                    tracing::info!(?transition, "consultation advanced by the clock");
                }
                busy |= !done.is_empty();
            }
            Err(error) => tracing::warn!(error = %format!("{error:#}"), "the consultation clock failed"),
        }
        match lifecycle::remind_due(&self.db, now).await {
            Ok(reminded) if !reminded.is_empty() => {
                tracing::info!(?reminded, "closing reminders notified");
                busy = true;
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(error = %format!("{error:#}"), "the closing reminders failed"),
        }
        busy
    }

    /// Turns notifications into outbox emails: those chosen "immediate" at
    /// once, the daily digests at their hour; then wakes the outbox worker.
    pub async fn notification_mailer(&self) -> bool {
        match mailer::run_once(&self.db, &self.notifications, self.clock.now()).await {
            Ok(round) if round != mailer::Round::default() => {
                tracing::info!(?round, "notification emails queued");
                self.worker.waker().wake();
                true
            }
            Ok(_) => false,
            Err(error) => {
                tracing::warn!(error = %format!("{error:#}"), "the notification mailer failed");
                false
            }
        }
    }

    /// Sends one batch of the emails due in the outbox.
    pub async fn outbox(&self) -> bool {
        match self.worker.run_once().await {
            Ok(round) => round.claimed() > 0,
            Err(error) => {
                tracing::error!(error = %format!("{error:#}"), "outbox round failed");
                false
            }
        }
    }

    /// Checkpoints the SQLite database, off the writers' path (see
    /// `palier_backend::db::checkpoint`); nothing to do on PostgreSQL.
    pub async fn checkpoint(&self) -> bool {
        if !palier_backend::db::is_sqlite(&self.db) {
            return false;
        }
        if let Err(error) = palier_backend::db::checkpoint(&self.db).await {
            tracing::warn!(error = %format!("{error:#}"), "the database checkpoint failed");
        }
        false
    }

    /// Deletes expired sessions, tokens and counters.
    pub async fn janitor(&self) -> bool {
        match palier_backend::maintenance::purge_expired(&self.db).await {
            Ok(purged) if purged != Default::default() => {
                tracing::info!(?purged, "expired rows deleted");
                true
            }
            Ok(_) => false,
            Err(error) => {
                tracing::warn!(error = %format!("{error:#}"), "clean-up failed");
                false
            }
        }
    }

    /// Runs every job until none has anything left to do at the clock's
    /// time: what `palier serve` would have done by then, without waiting
    /// for the jobs' periods, starting with writing the sessions' last
    /// activity. (An email waiting for its retry stays.)
    pub async fn run_pending(&self) {
        self.touches.flush().await;
        for _ in 0..1000 {
            let mut busy = self.consultation_clock().await;
            busy |= self.notification_mailer().await;
            while self.outbox().await {
                busy = true;
            }
            busy |= self.janitor().await;
            if !busy {
                return;
            }
        }
        tracing::error!("the background jobs still had work after 1000 rounds");
    }
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
