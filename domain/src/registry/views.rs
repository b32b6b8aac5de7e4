//! The registry as pages show it.

use crate::ids::{BuildingId, HouseholdId, OrganisationId, ResidenceId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A residence and its buildings, e.g. to choose a consultation's audience.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub residence_id: ResidenceId,
    pub residence: String,
    pub buildings: Vec<(BuildingId, String)>,
}

/// A residence in the back office's list, with its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResidenceSummary {
    pub id: ResidenceId,
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub buildings: u64,
    pub households: u64,
    /// Households at least one tenant joined.
    pub joined: u64,
}

/// An organisation a person works for, and its residences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationOverview {
    pub id: OrganisationId,
    pub name: String,
    /// The person may manage its team (and read its log).
    pub admin: bool,
    pub residences: Vec<ResidenceSummary>,
}

/// A building of a residence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Building {
    pub id: BuildingId,
    pub name: String,
}

/// A household in the back office's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseholdRow {
    pub id: HouseholdId,
    pub lease_ref: String,
    pub unit_label: String,
    pub building: Option<String>,
    pub occupants: u64,
    pub max_occupants: u8,
    pub code_issued_at: Option<DateTime<Utc>>,
}

/// A residence as staff manage it, with a page of its households.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResidenceAdmin {
    pub id: ResidenceId,
    pub organisation_id: OrganisationId,
    pub organisation: String,
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub buildings: Vec<Building>,
    pub households: Vec<HouseholdRow>,
    pub total_households: u64,
    /// From 0.
    pub page: u64,
    pub pages: u64,
}

/// A tenant linked to a household, as staff see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occupant {
    pub user_id: UserId,
    pub display_name: String,
    pub joined_at: DateTime<Utc>,
}

/// A household as staff manage it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseholdAdmin {
    pub id: HouseholdId,
    pub residence_id: ResidenceId,
    pub residence: String,
    pub lease_ref: String,
    pub unit_label: String,
    pub building_id: Option<BuildingId>,
    pub max_occupants: u8,
    pub code_issued_at: Option<DateTime<Utc>>,
    /// When the code stops working (the organisation's validity after its letter).
    pub code_valid_until: Option<DateTime<Utc>>,
    /// The code no longer works: a new letter is needed.
    pub code_expired: bool,
    pub buildings: Vec<Building>,
    pub occupants: Vec<Occupant>,
}

/// A home as its tenant sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Home {
    pub household_id: HouseholdId,
    pub unit_label: String,
    pub building: Option<String>,
    pub residence_id: ResidenceId,
    pub residence: String,
    /// The street, postcode and city, written as one line.
    pub address: String,
    pub organisation: String,
    /// The other people linked to this household.
    pub housemates: Vec<String>,
}

/// A residence's page, for its tenants and its landlord's staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResidenceView {
    pub id: ResidenceId,
    pub name: String,
    /// The street, postcode and city, written as one line.
    pub address: String,
    pub organisation: String,
    pub households: u64,
    pub joined: u64,
    /// Its published projects.
    pub projects: u64,
    /// The landlord's record of answers to projects this year.
    pub answer_record: crate::projects::AnswerRecord,
    /// The tenants' councils that cover it.
    pub councils: Vec<crate::councils::CouncilSummary>,
    /// Their next meetings, soonest first.
    pub meetings: Vec<crate::councils::MeetingSummary>,
}

/// An address written as one line, leaving out the parts that are empty.
pub fn one_line(address: &str, postcode: &str, city: &str) -> String {
    let place = [postcode, city].iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join(" ");
    [address, place.as_str()].iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join(", ")
}
