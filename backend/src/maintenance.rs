//! Housekeeping: deletes expired sessions, used or expired one-time tokens,
//! and old rate-limit counters. `palier serve` runs it every few minutes.

use sea_orm::{DatabaseConnection, DbErr};

/// What one clean-up removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub sessions: u64,
    pub tokens: u64,
    pub rate_limits: u64,
}

pub async fn purge_expired(db: &DatabaseConnection) -> Result<Purged, DbErr> {
    Ok(Purged {
        sessions: crate::sessions::purge_expired(db).await?,
        tokens: crate::tokens::purge(db).await?,
        rate_limits: crate::rate_limit::purge(db).await?,
    })
}
