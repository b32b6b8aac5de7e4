//! The server's clock, passed to every rule that depends on the time: when a
//! consultation opens and closes, whether its results are visible, when a
//! closing reminder and a daily digest are due, when the outbox retries an
//! email, when expired rows are purged.
//!
//! Those rules take `now: DateTime<Utc>` as an argument (they never read the
//! system clock themselves); their callers — server functions, downloads, the
//! background jobs — read it from the one `Clock` of the running server.
//! In production it is the system clock. The test suites (feature `testing`)
//! move it forward to reach a closing time, a retry or a digest hour at once
//! instead of waiting for it.
//!
//! Timestamps that only record when something happened (`created_at`, the
//! audit log) and the expiry of sessions and one-time tokens still read the
//! system clock: no rule compares them with this clock's time.

use chrono::{DateTime, Utc};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// The system clock, shifted forward by what the tests moved it (never in
/// production). Cloning shares the shift.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Milliseconds added to the system clock.
    ahead_ms: Arc<AtomicI64>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Self::default()
    }

    /// What time it is.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + chrono::Duration::milliseconds(self.ahead_ms.load(Ordering::Relaxed))
    }

    /// Moves the clock forward by `by` (for the test suites only: the time
    /// the server runs on never jumps).
    #[cfg(feature = "testing")]
    pub fn advance(&self, by: chrono::Duration) {
        assert!(by >= chrono::Duration::zero(), "the clock only moves forward");
        self.ahead_ms.fetch_add(by.num_milliseconds(), Ordering::Relaxed);
    }
}

#[cfg(all(test, feature = "testing"))]
mod tests {
    use super::*;

    #[test]
    fn clones_share_the_time_they_were_moved_to() {
        let clock = Clock::system();
        let shared = clock.clone();
        clock.advance(chrono::Duration::days(2));
        let ahead = shared.now() - Utc::now();
        assert!(ahead > chrono::Duration::hours(47) && ahead <= chrono::Duration::days(2), "{ahead}");
    }
}
