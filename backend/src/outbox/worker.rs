//! The worker that sends what the outbox holds, with retries and backoff.

use super::*;

/// How the worker paces itself.
#[derive(Debug, Clone)]
pub struct OutboxConfig {
    /// Rows claimed per round.
    pub batch_size: u64,
    /// How long a claim holds before another worker may take the row back.
    pub lease: Duration,
    /// Attempts before a row is marked failed.
    pub max_attempts: i32,
    /// Delay before the first retry; doubles each time.
    pub retry_base: Duration,
    /// The longest delay between two attempts.
    pub retry_max: Duration,
    /// How often an idle worker looks for due rows (it is also woken on enqueue).
    pub poll_interval: Duration,
}

impl Default for OutboxConfig {
    fn default() -> Self {
        Self {
            batch_size: 50,
            lease: Duration::from_secs(300),
            max_attempts: 10,
            retry_base: Duration::from_secs(30),
            retry_max: Duration::from_secs(3600),
            poll_interval: Duration::from_secs(5),
        }
    }
}

impl OutboxConfig {
    /// The delay before the next attempt, after `attempts` failed ones.
    pub fn backoff(&self, attempts: i32) -> Duration {
        let exponent = u32::try_from(attempts.saturating_sub(1)).unwrap_or(0).min(20);
        self.retry_base.saturating_mul(1 << exponent).min(self.retry_max)
    }
}

/// Emails sent at the same time, each on a connection of the SMTP pool
/// (lettre keeps up to 10): one SMTP exchange waits on several round trips,
/// so one email after the other would cap a fan-out at a few dozen a second.
const SENDS_AT_ONCE: usize = 8;

/// What one round of the worker did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

impl Round {
    pub fn claimed(&self) -> usize {
        self.sent + self.retried + self.failed
    }
}

/// Wakes the worker of this process when an email was enqueued.
#[derive(Debug, Clone, Default)]
pub struct Waker(Arc<Notify>);

impl Waker {
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

/// Sends what the outbox holds.
#[derive(Debug, Clone)]
pub struct Worker {
    db: DatabaseConnection,
    mailer: Mailer,
    config: OutboxConfig,
    id: String,
    waker: Waker,
    /// When a row is due, and when it will be retried.
    clock: Clock,
    /// Opens the sealed fields of sensitive emails.
    key: Option<ServerKey>,
}

impl Worker {
    /// A worker on the system clock.
    pub fn new(db: DatabaseConnection, mailer: Mailer, config: OutboxConfig) -> Self {
        let id = uuid::Uuid::new_v4().to_string();
        Self { db, mailer, config, id, waker: Waker::default(), clock: Clock::system(), key: None }
    }

    /// The same worker, opening sealed emails with the server key `key`.
    #[must_use]
    pub fn with_key(self, key: ServerKey) -> Self {
        Self { key: Some(key), ..self }
    }

    /// The same worker on `clock` (the server's, which the tests move).
    #[must_use]
    pub fn with_clock(self, clock: Clock) -> Self {
        Self { clock, ..self }
    }

    /// A handle that wakes this worker.
    pub fn waker(&self) -> Waker {
        self.waker.clone()
    }

    /// Runs rounds until `shutdown` turns true, sleeping when nothing is due.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        tracing::info!(worker = %self.id, "outbox worker started");
        loop {
            if *shutdown.borrow() {
                break;
            }
            let round = match self.run_once().await {
                Ok(round) => round,
                Err(error) => {
                    tracing::error!(%error, "outbox round failed");
                    Round::default()
                }
            };
            if round.claimed() == 0 {
                tokio::select! {
                    () = tokio::time::sleep(self.config.poll_interval) => {}
                    () = self.waker.0.notified() => {}
                    _ = shutdown.changed() => {}
                }
            }
        }
        tracing::info!(worker = %self.id, "outbox worker stopped");
    }

    /// Claims the due rows, sends them (several at once) and records each outcome.
    pub async fn run_once(&self) -> Result<Round, DbErr> {
        use futures_util::stream::{self, StreamExt as _};
        let claimed = self.claim().await?;
        let mut round = Round::default();
        let (mut sent, mut later, mut failed) = (Vec::new(), Vec::new(), Vec::new());
        let outcomes: Vec<_> = stream::iter(claimed)
            .map(|row| async move {
                let outcome = match to_outgoing(&row, self.mailer.sender_domain(), self.key.as_ref()) {
                    Some(email) => self.mailer.send(&email).await,
                    None => Err(SendError::Permanent("a sealed email cannot be opened with this server's key".into())),
                };
                (row, outcome)
            })
            .buffered(SENDS_AT_ONCE)
            .collect()
            .await;
        for (row, outcome) in outcomes {
            match outcome {
                Ok(()) => {
                    sent.push((row.id, row.sensitive));
                    tracing::info!(outbox_id = row.id, attempts = row.attempts, "email sent");
                }
                Err(SendError::Transient(reason)) if row.attempts < self.config.max_attempts => {
                    let delay = self.config.backoff(row.attempts);
                    tracing::warn!(
                        outbox_id = row.id,
                        attempts = row.attempts,
                        retry_in_s = delay.as_secs(),
                        "email not sent, will retry"
                    );
                    later.push((row.id, delay, reason));
                }
                Err(error) => {
                    tracing::error!(outbox_id = row.id, attempts = row.attempts, "email failed for good");
                    failed.push((row.id, row.sensitive, error.to_string()));
                }
            }
        }
        // What was sent is recorded first, whatever happens to the rest.
        self.mark_sent(&sent).await?;
        round.sent = sent.len();
        for (id, delay, reason) in &later {
            self.retry_later(*id, *delay, reason).await?;
            round.retried += 1;
        }
        for (id, sensitive, reason) in &failed {
            self.mark_failed(*id, *sensitive, reason).await?;
            round.failed += 1;
        }
        Ok(round)
    }

    async fn claim(&self) -> Result<Vec<outbox_email::Model>, DbErr> {
        let now = self.clock.now();
        let lease_end = now + chrono::Duration::from_std(self.config.lease).unwrap_or(chrono::Duration::minutes(5));
        let mut due = Query::select();
        due.column(Column::Id)
            .from(Entity)
            .and_where(Column::Status.eq(Status::Pending.as_str()))
            .and_where(Column::NextAttemptAt.lte(now))
            .and_where(Column::LockedUntil.is_null().or(Column::LockedUntil.lt(now)))
            .order_by(Column::NextAttemptAt, Order::Asc)
            .order_by(Column::Id, Order::Asc)
            .limit(self.config.batch_size);
        if self.db.get_database_backend() == DbBackend::Postgres {
            due.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
        }
        let mut rows = Entity::update_many()
            .col_expr(Column::LockedBy, Expr::value(self.id.clone()))
            .col_expr(Column::LockedUntil, Expr::value(lease_end))
            .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
            .filter(Column::Id.in_subquery(due))
            .exec_with_returning(&self.db)
            .await?;
        rows.sort_by_key(|row| row.id);
        Ok(rows)
    }

    /// Marks the round's sent rows `(id, sensitive)`, in two statements at
    /// most rather than a write per email.
    async fn mark_sent(&self, sent: &[(i64, bool)]) -> Result<(), DbErr> {
        let now = self.clock.now();
        for sensitive in [false, true] {
            let ids: Vec<i64> = sent.iter().filter(|(_, s)| *s == sensitive).map(|(id, _)| *id).collect();
            if ids.is_empty() {
                continue;
            }
            erase_if(Entity::update_many(), sensitive)
                .col_expr(Column::Status, Expr::value(Status::Sent.as_str()))
                .col_expr(Column::SentAt, Expr::value(now))
                .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
                .col_expr(Column::LastError, Expr::value(Option::<String>::None))
                .filter(Column::Id.is_in(ids))
                .filter(Column::LockedBy.eq(self.id.clone()))
                .exec(&self.db)
                .await?;
        }
        Ok(())
    }

    async fn retry_later(&self, id: i64, delay: Duration, reason: &str) -> Result<(), DbErr> {
        let next = self.clock.now() + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::hours(1));
        Entity::update_many()
            .col_expr(Column::NextAttemptAt, Expr::value(next))
            .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
            .col_expr(Column::LastError, Expr::value(truncate(reason)))
            .filter(Column::Id.eq(id))
            .filter(Column::LockedBy.eq(self.id.clone()))
            .exec(&self.db)
            .await
            .map(drop)
    }

    async fn mark_failed(&self, id: i64, sensitive: bool, reason: &str) -> Result<(), DbErr> {
        erase_if(Entity::update_many(), sensitive)
            .col_expr(Column::Status, Expr::value(Status::Failed.as_str()))
            .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
            .col_expr(Column::LastError, Expr::value(truncate(reason)))
            .filter(Column::Id.eq(id))
            .filter(Column::LockedBy.eq(self.id.clone()))
            .exec(&self.db)
            .await
            .map(drop)
    }
}

/// `update`, which also erases the subject and the bodies when the email is
/// `sensitive` (a ballot receipt): once it has left, or can no longer leave,
/// the row keeps only its status.
fn erase_if(update: sea_orm::UpdateMany<Entity>, sensitive: bool) -> sea_orm::UpdateMany<Entity> {
    if !sensitive {
        return update;
    }
    let erased = "[erased]";
    update
        .col_expr(Column::Subject, Expr::value(erased))
        .col_expr(Column::TextBody, Expr::value(erased))
        .col_expr(Column::HtmlBody, Expr::value(erased))
}
