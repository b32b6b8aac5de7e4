//! The transactional email outbox.
//!
//! A service that must email someone calls [`enqueue`] with the same
//! transaction as the change that causes the email, so the email exists if and
//! only if the change does. The [`Worker`] then claims due rows, sends them,
//! and records the outcome:
//!
//! - a row is claimed by one worker at a time: the claim is one `UPDATE` that
//!   sets a lease (`locked_until`), with `FOR UPDATE SKIP LOCKED` on
//!   PostgreSQL so concurrent workers of several processes never take the same
//!   row; SQLite serialises writers, so the same statement is safe there;
//! - the rows a round sent are marked `sent` together when it ends (one
//!   write, not one per email) and are never claimed again;
//! - a transient failure (connection refused, 4xx) is retried with exponential
//!   backoff; a permanent one (5xx) or too many attempts marks it `failed`,
//!   which staff can see;
//! - the Message-ID is derived from the idempotency key, so in the one window
//!   no outbox can close (the process dies after the SMTP server accepted the
//!   email but before its round is recorded), the receiving server sees the
//!   same Message-ID twice.

use crate::entities::outbox_email::{self, Column, Entity};
use crate::mail::{Mailer, OutgoingEmail, RenderedEmail, SendError};
use chrono::{DateTime, Utc};
use palier_domain::Email;
use sea_orm::sea_query::{Expr, LockBehavior, LockType, OnConflict, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait as _, Order,
    QueryFilter as _, TryInsertResult,
};
use sha2::{Digest as _, Sha256};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, watch};

/// Where a row is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pending,
    Sent,
    Failed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Sent => "sent",
            Status::Failed => "failed",
        }
    }
}

/// An email to put in the outbox.
#[derive(Debug, Clone)]
pub struct NewEmail {
    /// Unique per intended email, e.g. `verify:42:<token id>`: enqueuing the
    /// same key twice stores one row.
    pub idempotency_key: String,
    pub to: Email,
    pub content: RenderedEmail,
    pub headers: Vec<(String, String)>,
    /// Erase the subject and bodies once sent (they must not stay in the database).
    pub sensitive: bool,
}

/// Writes `email` to the outbox on `conn` (pass the caller's transaction).
/// Returns `false` when an email with the same idempotency key already exists.
pub async fn enqueue<C: ConnectionTrait>(conn: &C, email: NewEmail) -> Result<bool, DbErr> {
    let inserted = insert_new(conn, vec![email]).await?;
    Ok(matches!(inserted, TryInsertResult::Inserted(n) if n > 0))
}

/// Writes several emails to the outbox in one statement (same rules as
/// [`enqueue`]: a key already there keeps its row).
pub async fn enqueue_many<C: ConnectionTrait>(conn: &C, emails: Vec<NewEmail>) -> Result<(), DbErr> {
    if !emails.is_empty() {
        insert_new(conn, emails).await?;
    }
    Ok(())
}

/// Inserts pending rows for `emails` (at least one), skipping known keys.
async fn insert_new<C: ConnectionTrait>(conn: &C, emails: Vec<NewEmail>) -> Result<TryInsertResult<u64>, DbErr> {
    let now = Utc::now();
    let rows = emails.into_iter().map(|email| outbox_email::ActiveModel {
        idempotency_key: Set(email.idempotency_key),
        recipient: Set(email.to.into()),
        subject: Set(email.content.subject),
        text_body: Set(email.content.text),
        html_body: Set(email.content.html),
        headers: Set(serde_json::to_string(&email.headers).unwrap_or_else(|_| "[]".to_owned())),
        status: Set(Status::Pending.as_str().to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        created_at: Set(now),
        sensitive: Set(email.sensitive),
        ..Default::default()
    });
    Entity::insert_many(rows)
        .on_conflict(OnConflict::column(Column::IdempotencyKey).do_nothing().to_owned())
        .do_nothing()
        .exec_without_returning(conn)
        .await
}

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
}

impl Worker {
    pub fn new(db: DatabaseConnection, mailer: Mailer, config: OutboxConfig) -> Self {
        Self { db, mailer, config, id: uuid::Uuid::new_v4().to_string(), waker: Waker::default() }
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

    /// Claims the due rows, sends them and records each outcome.
    pub async fn run_once(&self) -> Result<Round, DbErr> {
        let claimed = self.claim().await?;
        let mut round = Round::default();
        let (mut sent, mut later, mut failed) = (Vec::new(), Vec::new(), Vec::new());
        for row in claimed {
            let email = to_outgoing(&row, self.mailer.sender_domain());
            match self.mailer.send(&email).await {
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
                    failed.push((row.id, error.to_string()));
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
        for (id, reason) in &failed {
            self.mark_failed(*id, reason).await?;
            round.failed += 1;
        }
        Ok(round)
    }

    async fn claim(&self) -> Result<Vec<outbox_email::Model>, DbErr> {
        let now = Utc::now();
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
        let now = Utc::now();
        for sensitive in [false, true] {
            let ids: Vec<i64> = sent.iter().filter(|(_, s)| *s == sensitive).map(|(id, _)| *id).collect();
            if ids.is_empty() {
                continue;
            }
            let mut update = Entity::update_many();
            if sensitive {
                let erased = "[erased after sending]";
                update = update
                    .col_expr(Column::Subject, Expr::value(erased))
                    .col_expr(Column::TextBody, Expr::value(erased))
                    .col_expr(Column::HtmlBody, Expr::value(erased));
            }
            update
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
        let next = Utc::now() + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::hours(1));
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

    async fn mark_failed(&self, id: i64, reason: &str) -> Result<(), DbErr> {
        Entity::update_many()
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

/// Counts of rows per status, for `/healthz` and the admin pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub pending: u64,
    pub sent: u64,
    pub failed: u64,
}

pub async fn counts<C: ConnectionTrait>(conn: &C) -> Result<Counts, DbErr> {
    use sea_orm::{FromQueryResult, QuerySelect as _};
    #[derive(FromQueryResult)]
    struct Row {
        status: String,
        n: i64,
    }
    let rows = Entity::find()
        .select_only()
        .column(Column::Status)
        .column_as(Column::Id.count(), "n")
        .group_by(Column::Status)
        .into_model::<Row>()
        .all(conn)
        .await?;
    let mut counts = Counts::default();
    for row in rows {
        let n = u64::try_from(row.n).unwrap_or(0);
        match row.status.as_str() {
            "pending" => counts.pending = n,
            "sent" => counts.sent = n,
            "failed" => counts.failed = n,
            _ => {}
        }
    }
    Ok(counts)
}

fn to_outgoing(row: &outbox_email::Model, domain: &str) -> OutgoingEmail {
    let headers: Vec<(String, String)> = serde_json::from_str(&row.headers).unwrap_or_default();
    let digest = Sha256::digest(row.idempotency_key.as_bytes());
    let id: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    OutgoingEmail {
        to: row.recipient.clone(),
        subject: row.subject.clone(),
        text: row.text_body.clone(),
        html: row.html_body.clone(),
        headers,
        message_id: format!("<{id}@{domain}>"),
    }
}

fn truncate(reason: &str) -> String {
    reason.chars().take(900).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_maximum() {
        let config = OutboxConfig {
            retry_base: Duration::from_secs(30),
            retry_max: Duration::from_secs(600),
            ..OutboxConfig::default()
        };
        assert_eq!(config.backoff(1), Duration::from_secs(30));
        assert_eq!(config.backoff(2), Duration::from_secs(60));
        assert_eq!(config.backoff(3), Duration::from_secs(120));
        assert_eq!(config.backoff(6), Duration::from_secs(600));
        assert_eq!(config.backoff(60), Duration::from_secs(600));
        assert_eq!(config.backoff(0), Duration::from_secs(30));
    }
}
