//! The housing registry: organisations, residences, buildings and households,
//! each household with its invitation code, the tenants who joined it, and
//! the letters that carry the codes.
//!
//! Reads return the domain's views for the pages; writes by staff record an
//! audit entry in the same transaction. Authorisation is the caller's
//! (server functions ask `policy` first); these functions trust their
//! arguments.

pub mod access;
mod buildings;
mod households;
mod joining;
mod letters;
mod organisations;
mod residences;

pub use buildings::{add_building, buildings_of, create_building};
pub use households::{
    NewHousehold, add_household, add_occupant, create_household, edit_household, household, household_admin,
    household_scope, households_of, issue_code, occupants_of, remove_occupant, withdraw_code,
};
pub use joining::{JoinError, Joined, homes_of, join_household};
pub use letters::{Letter, LetterSelection, issue_letters};
pub use organisations::{
    back_office, code_validity, create_organisation, organisation, organisation_by_slug, organisation_name,
    organisations, settings_of, settings_view, sole_organisation_name, update_settings,
};
pub use residences::{
    add_residence, create_residence, edit_residence, places_of, residence, residence_admin, residence_scope,
    residence_view, residences_in, residences_of,
};

use sea_orm::{DbErr, FromQueryResult, SqlErr};
use std::collections::HashMap;

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("the name is already used")]
    DuplicateName,
    #[error("the lease reference is already used")]
    DuplicateLease,
    #[error("the building is not the residence's")]
    ForeignBuilding,
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<DbErr> for RegistryError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(anyhow::Error::new(error).context("database error in the registry"))
    }
}

fn unique_violation(error: &DbErr) -> bool {
    matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

#[derive(FromQueryResult)]
struct CountRow {
    key: i64,
    n: i64,
}

/// Counts by key, from a `GROUP BY key` query.
fn counts(rows: Vec<CountRow>) -> HashMap<i64, u64> {
    rows.into_iter().map(|r| (r.key, u64::try_from(r.n).unwrap_or(0))).collect()
}
