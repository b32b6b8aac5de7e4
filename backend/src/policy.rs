//! Who may do what. Every permission is decided here, from the actor and the
//! resource's organisation, residence and household; server functions and
//! pages ask this module and nothing else.

use serde::{Deserialize, Serialize};

/// A person's role inside one organisation (landlord).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgRole {
    /// Manages staff, roles and settings, and does everything staff does.
    Admin,
    /// Manages residences, households, consultations and projects.
    Staff,
}

impl OrgRole {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgRole::Admin => "admin",
            OrgRole::Staff => "staff",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "admin" => Some(OrgRole::Admin),
            "staff" => Some(OrgRole::Staff),
            _ => None,
        }
    }
}
