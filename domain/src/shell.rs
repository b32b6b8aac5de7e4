//! The frame around every page: whose landlord it is, who is signed in.

use serde::{Deserialize, Serialize};

/// The signed-in person, as the header shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShellUser {
    pub display_name: String,
    /// Staff or admin of some organisation, or platform admin: show the back office.
    pub staff: bool,
    pub platform_admin: bool,
    /// Linked to at least one household.
    pub has_home: bool,
    /// Notifications not yet read.
    pub unread: u64,
    /// The organisation whose content this tenant moderates (not staff).
    pub moderates: Option<crate::ids::OrganisationId>,
}

/// The page frame's data, loaded once per page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShellInfo {
    /// The landlord's name shown in the header, when there is one to show.
    pub organisation: Option<String>,
    pub user: Option<ShellUser>,
}
