//! Live results of open votes, recounted at most every few seconds per server.

use super::{Definition, compute, counted};
use palier_domain::consultations::{Results, Status};
use sea_orm::{ConnectionTrait, DbErr};
use std::collections::HashMap;

/// Live results of open votes, counted at most once per [`LIVE_FOR`] in this
/// process: a crowd refreshing the page of a large vote costs one count
/// (a count of 100 000 ballots takes about a second on SQLite, so those who
/// arrive while it runs wait for it rather than start their own).
#[derive(Debug, Clone, Default)]
pub struct LiveCounts {
    counts: std::sync::Arc<std::sync::Mutex<HashMap<i64, LiveCount>>>,
}

#[derive(Debug, Default)]
struct LiveCount {
    /// The last count and when it was made.
    fresh: Option<(std::time::Instant, Results)>,
    /// Held while this vote is being counted.
    counting: std::sync::Arc<tokio::sync::Mutex<()>>,
}

/// How long a live count is shown before it is counted again.
pub const LIVE_FOR: std::time::Duration = std::time::Duration::from_secs(10);

/// What a request finds for an open vote: a fresh count, or the lock to
/// take before counting.
enum Live {
    Fresh(Results),
    Stale(std::sync::Arc<tokio::sync::Mutex<()>>),
}

impl LiveCounts {
    /// Like [`counted`], reusing a live count younger than [`LIVE_FOR`].
    pub async fn counted<C: ConnectionTrait>(&self, conn: &C, definition: &Definition) -> Result<Results, DbErr> {
        let id = definition.consultation.id;
        if definition.status() != Status::Open {
            self.counts().remove(&id);
            return counted(conn, definition).await;
        }
        let counting = match self.live(id) {
            Live::Fresh(results) => return Ok(results),
            Live::Stale(counting) => counting,
        };
        let _counting = counting.lock().await;
        // Someone else may have counted while this request waited.
        if let Live::Fresh(results) = self.live(id) {
            return Ok(results);
        }
        let results = compute(conn, definition).await?;
        let mut counts = self.counts();
        // Keep fresh counts, and votes someone is counting (dropping their
        // lock would let the next request start a second count).
        counts.retain(|kept, count| {
            *kept == id
                || std::sync::Arc::strong_count(&count.counting) > 1
                || count.fresh.as_ref().is_some_and(|(at, _)| at.elapsed() < LIVE_FOR)
        });
        counts.entry(id).or_default().fresh = Some((std::time::Instant::now(), results.clone()));
        Ok(results)
    }

    fn live(&self, id: i64) -> Live {
        let mut counts = self.counts();
        let count = counts.entry(id).or_default();
        match &count.fresh {
            Some((at, results)) if at.elapsed() < LIVE_FOR => Live::Fresh(results.clone()),
            _ => Live::Stale(count.counting.clone()),
        }
    }

    fn counts(&self) -> std::sync::MutexGuard<'_, HashMap<i64, LiveCount>> {
        self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
