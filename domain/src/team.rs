//! An organisation's team: the people who work for a landlord, and their roles.

use serde::{Deserialize, Serialize};

/// A person's role inside one organisation (landlord).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::Display,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum OrgRole {
    /// Manages staff, roles and settings, and does everything staff does.
    Admin,
    /// Manages residences, households, consultations and projects.
    Staff,
}

crate::codes!(OrgRole);

use crate::ids::{OrganisationId, StaffInvitationId, UserId};
use chrono::{DateTime, Utc};

/// Someone of the team, as the team page shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub user_id: UserId,
    pub display_name: String,
    pub email: String,
    pub role: OrgRole,
    pub since: DateTime<Utc>,
    /// The person reading the page.
    pub me: bool,
}

/// An invitation not yet accepted, revoked or expired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingInvitation {
    pub id: StaffInvitationId,
    pub email: String,
    pub role: OrgRole,
    pub expires_at: DateTime<Utc>,
}

/// An organisation's team page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamView {
    pub organisation_id: OrganisationId,
    pub organisation: String,
    pub members: Vec<Member>,
    pub invitations: Vec<PendingInvitation>,
}

/// What an invitation link leads to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub organisation: String,
    pub role: OrgRole,
    pub email: String,
    /// The address already has an account (sign in to accept).
    pub account_exists: bool,
}

/// A role chosen in a form.
pub fn role(input: &crate::form::Input<OrgRole>) -> Result<OrgRole, &'static str> {
    input.value().copied().ok_or("error-role")
}
