//! The audit log: what staff and councils did, kept for the organisation's admins.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An entry as the log page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub at: DateTime<Utc>,
    /// The actor's display name; `None` for the system or a deleted account.
    pub actor: Option<String>,
    /// What was done, e.g. `residence.created`.
    pub action: String,
    /// Its particulars as (name, value) pairs.
    pub details: Vec<(String, String)>,
}

/// A page of an organisation's log, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub organisation: String,
    pub lines: Vec<AuditLine>,
    /// From 0.
    pub page: u64,
    pub pages: u64,
}
