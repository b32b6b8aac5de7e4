//! Sessions' last activity, written in groups off the requests' path.

use super::timeouts;
use crate::entities::session;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait as _, DbErr, EntityTrait as _, QueryFilter as _, TransactionTrait};
use std::collections::BTreeSet;

/// Writes sessions' last activity in groups: every request of a crowd
/// would otherwise be a write transaction of its own, waiting for SQLite's
/// single writer. A touch is written within [`TOUCH_LINGER`]; one that
/// finds the queue full is dropped (the session's next request asks again).
#[derive(Debug, Clone)]
pub struct Touches {
    queue: tokio::sync::mpsc::Sender<Touch>,
}

/// What the touch writer is sent.
#[derive(Debug)]
enum Touch {
    /// Session `.0` (remembered or not, `.1`) was seen now.
    Seen(i64, bool),
    /// Write what waits, then say so (shutdown, tests).
    Flush(tokio::sync::oneshot::Sender<()>),
}

/// How long touches gather before they are written together.
pub const TOUCH_LINGER: std::time::Duration = std::time::Duration::from_millis(500);
const TOUCH_QUEUE: usize = 8192;

impl Touches {
    /// Starts the writer on the current runtime; it stops when every handle is dropped.
    pub fn start(db: sea_orm::DatabaseConnection) -> Self {
        let (queue, mut received) = tokio::sync::mpsc::channel(TOUCH_QUEUE);
        tokio::spawn(async move {
            let mut messages = Vec::new();
            while received.recv_many(&mut messages, TOUCH_QUEUE).await > 0 {
                // Touches gather for a while, unless a flush is asked for.
                if !messages.iter().any(|m| matches!(m, Touch::Flush(_))) {
                    tokio::time::sleep(TOUCH_LINGER).await;
                    while received.try_recv().map(|touch| messages.push(touch)).is_ok() {}
                }
                let (mut batch, mut flushed) = (Vec::new(), Vec::new());
                for message in messages.drain(..) {
                    match message {
                        Touch::Seen(id, remember) => batch.push((id, remember)),
                        Touch::Flush(done) => flushed.push(done),
                    }
                }
                if !batch.is_empty()
                    && let Err(error) = touch_many(&db, &batch).await
                {
                    tracing::warn!(%error, sessions = batch.len(), "could not record the sessions' last activity");
                }
                for done in flushed {
                    let _ = done.send(());
                }
            }
        });
        Self { queue }
    }

    pub(super) fn touch(&self, session_id: i64, remember: bool) {
        if self.queue.try_send(Touch::Seen(session_id, remember)).is_err() {
            tracing::debug!("the session touch queue is full; this touch is skipped");
        }
    }

    /// Writes the touches waiting now, and returns once they are written.
    pub async fn flush(&self) {
        let (done, written) = tokio::sync::oneshot::channel();
        if self.queue.send(Touch::Flush(done)).await.is_ok() {
            let _ = written.await;
        }
    }
}

/// Marks sessions `(id, remember)` as active now: their idle deadline moves
/// to now plus their idle timeout, never past their absolute limit. One
/// statement per kind of session, in one transaction.
pub async fn touch_many<C: TransactionTrait>(db: &C, sessions: &[(i64, bool)]) -> Result<(), DbErr> {
    let now = Utc::now();
    let txn = db.begin().await?;
    for remember in [false, true] {
        let ids: BTreeSet<i64> = sessions.iter().filter(|(_, r)| *r == remember).map(|(id, _)| *id).collect();
        if ids.is_empty() {
            continue;
        }
        let idle_end = now + timeouts(remember).0;
        let absolute = session::Column::AbsoluteExpiresAt;
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::value(now))
            .col_expr(
                session::Column::IdleExpiresAt,
                Expr::case(absolute.lt(idle_end), Expr::col(absolute)).finally(Expr::value(idle_end)).into(),
            )
            .filter(session::Column::Id.is_in(ids))
            .exec(&txn)
            .await?;
    }
    txn.commit().await
}
