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

mod worker;

pub use worker::*;

use crate::auth::server_key::ServerKey;
use crate::clock::Clock;
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
    /// An iCalendar invitation sent with it (RFC 5545 text).
    pub calendar: Option<String>,
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
        calendar: Set(email.calendar),
        ..Default::default()
    });
    Entity::insert_many(rows)
        .on_conflict(OnConflict::column(Column::IdempotencyKey).do_nothing().to_owned())
        .do_nothing()
        .exec_without_returning(conn)
        .await
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

/// What marks a sealed field of a row.
const SEALED: &str = "sealed:";
const PURPOSE: &str = "palier outbox";

/// `content` sealed under the server key, field by field, for an email that
/// holds a secret (a ballot receipt): until the worker sends it and erases
/// it, the row shows nothing of it, even to someone reading old row versions
/// or backups without the key.
pub fn sealed(key: &ServerKey, content: RenderedEmail) -> Option<RenderedEmail> {
    let seal =
        |field: &str| Some(format!("{SEALED}{}", crate::auth::secret::hex(&key.seal(PURPOSE, field.as_bytes())?)));
    Some(RenderedEmail { subject: seal(&content.subject)?, text: seal(&content.text)?, html: seal(&content.html)? })
}

/// A field of a row, opened if it is sealed.
fn opened(key: Option<&ServerKey>, field: &str) -> Option<String> {
    match field.strip_prefix(SEALED) {
        Some(sealed) => String::from_utf8(key?.open(PURPOSE, &crate::auth::secret::unhex_vec(sealed)?)?).ok(),
        None => Some(field.to_owned()),
    }
}

/// The email of `row`, its sealed fields opened with `key` (`None` when
/// they cannot be).
fn to_outgoing(row: &outbox_email::Model, domain: &str, key: Option<&ServerKey>) -> Option<OutgoingEmail> {
    let headers: Vec<(String, String)> = serde_json::from_str(&row.headers).unwrap_or_default();
    let digest = Sha256::digest(row.idempotency_key.as_bytes());
    let id: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    Some(OutgoingEmail {
        to: row.recipient.clone(),
        subject: opened(key, &row.subject)?,
        text: opened(key, &row.text_body)?,
        html: opened(key, &row.html_body)?,
        headers,
        message_id: format!("<{id}@{domain}>"),
        calendar: row.calendar.clone(),
    })
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
