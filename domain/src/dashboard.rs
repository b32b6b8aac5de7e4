//! The signed-in person's home page: what needs them first.

use crate::consultations::TenantLine;
use crate::notifications::NotificationView;
use crate::shell::ShellUser;
use serde::{Deserialize, Serialize};

/// What a signed-in person finds first on their home page: what needs them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub user: ShellUser,
    /// The open votes of their homes, the soonest to close first, each
    /// saying whether their home has voted.
    pub open_votes: Vec<TenantLine>,
    /// Their newest unread notifications (at most [`Dashboard::UNREAD_SHOWN`]).
    pub unread: Vec<NotificationView>,
}

impl Dashboard {
    /// How many unread notifications the home page lists.
    pub const UNREAD_SHOWN: u64 = 3;
}
