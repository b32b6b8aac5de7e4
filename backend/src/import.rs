//! Importing households from a CSV file (the landlord's lease list).
//!
//! All or nothing: every line is checked first and each bad line reported
//! with its number and reason; only a clean file is written, in one
//! transaction. Importing the same file again changes nothing: households
//! are matched on their lease reference within the organisation. Residences
//! must exist (a typo would otherwise create a residence); buildings are
//! created when a line names a new one.
//!
//! Columns (header on the first line, `;` or `,`, UTF-8, names in French or
//! English, any order): `residence`, `batiment`/`building` (optional),
//! `logement`/`unit`, `bail`/`lease`, `occupants_max`/`max_occupants`
//! (optional, default 4).

use crate::audit::{self, Entry};
use crate::entities::{building, household, residence};
use crate::registry::{self, NewHousehold};
use chrono::Utc;
use palier_domain::form::Input;
use palier_domain::registry::{
    DEFAULT_MAX_OCCUPANTS, MAX_BUILDING_NAME, MAX_LEASE_REF, MAX_RESIDENCE_NAME, MAX_UNIT_LABEL,
};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait as _, DatabaseConnection, DbErr, EntityTrait as _, QueryFilter as _, TransactionTrait as _};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;

/// The longest file accepted (about 40,000 lines; the domain's rule).
pub const MAX_BYTES: usize = palier_domain::registry::MAX_IMPORT_BYTES as usize;

/// What is wrong with a line (or the file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// The file is not UTF-8 text (often: saved as "CSV" instead of "CSV UTF-8").
    NotUtf8,
    /// The file has no line at all.
    Empty,
    TooLarge,
    /// The header lacks a required column.
    MissingColumn(String),
    /// A line could not be read as CSV (e.g. an unclosed quote).
    Malformed,
    /// A required value is empty.
    EmptyValue(String),
    /// A value is longer than its column allows.
    TooLong(String),
    /// No residence of the organisation has this name.
    UnknownResidence(String),
    /// `occupants_max` is not a whole number from 1 to 20.
    BadMaxOccupants(String),
    /// The lease reference appears on an earlier line of the file.
    DuplicateLease {
        lease: String,
        first_line: usize,
    },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::NotUtf8 => f.write_str("the file is not UTF-8 text (save it as \"CSV UTF-8\")"),
            Problem::Empty => f.write_str("the file has no household"),
            Problem::TooLarge => f.write_str("the file is too large"),
            Problem::MissingColumn(column) => write!(f, "the header has no '{column}' column"),
            Problem::Malformed => f.write_str("the line cannot be read (check the quotes)"),
            Problem::EmptyValue(column) => write!(f, "'{column}' is empty"),
            Problem::TooLong(column) => write!(f, "'{column}' is too long"),
            Problem::UnknownResidence(name) => write!(f, "no residence is named '{name}'"),
            Problem::BadMaxOccupants(value) => write!(f, "'{value}' is not a number of occupants from 1 to 20"),
            Problem::DuplicateLease { lease, first_line } => {
                write!(f, "lease '{lease}' is already on line {first_line}")
            }
        }
    }
}

/// A problem and where it is (line 1 is the header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineError {
    pub line: usize,
    pub problem: Problem,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Buildings that did not exist and were created.
    pub buildings_created: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file has {} problem(s)", .0.len())]
    Invalid(Vec<LineError>),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<DbErr> for ImportError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(anyhow::Error::new(error).context("database error during the import"))
    }
}

/// A checked line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    line: usize,
    residence_id: i64,
    building: Option<String>,
    unit: String,
    lease: String,
    max_occupants: u8,
}

fn column(headers: &csv::StringRecord, names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| {
        let h = h.trim().trim_start_matches('\u{feff}').to_lowercase();
        let h = h.replace(['â', 'à'], "a").replace(['é', 'è'], "e");
        names.iter().any(|n| h == *n)
    })
}

fn value(record: &csv::StringRecord, index: Option<usize>) -> String {
    palier_domain::form::collapse(index.and_then(|i| record.get(i)).unwrap_or_default())
}

/// Reads and checks the whole file against the organisation's residences
/// (by name, ignoring case). Returns the rows or every problem found.
fn check(bytes: &[u8], residences: &HashMap<String, i64>) -> Result<Vec<Row>, Vec<LineError>> {
    let fail = |problem| Err(vec![LineError { line: 1, problem }]);
    if bytes.len() > MAX_BYTES {
        return fail(Problem::TooLarge);
    }
    let Ok(text) = std::str::from_utf8(bytes) else { return fail(Problem::NotUtf8) };
    let text = text.trim_start_matches('\u{feff}');
    let Some(first_line) = text.lines().next() else { return fail(Problem::Empty) };
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let Ok(headers) = reader.headers().cloned() else { return fail(Problem::Malformed) };
    let residence_col = column(&headers, &["residence"]);
    let building_col = column(&headers, &["batiment", "building"]);
    let unit_col = column(&headers, &["logement", "unit"]);
    let lease_col = column(&headers, &["bail", "lease", "reference_bail", "lease_ref"]);
    let max_col = column(&headers, &["occupants_max", "max_occupants"]);
    let mut errors = Vec::new();
    for (index, name) in [(residence_col, "residence"), (unit_col, "logement"), (lease_col, "bail")] {
        if index.is_none() {
            errors.push(LineError { line: 1, problem: Problem::MissingColumn(name.to_owned()) });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut rows = Vec::new();
    let mut leases: HashMap<String, usize> = HashMap::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let Ok(record) = record else {
            errors.push(LineError { line, problem: Problem::Malformed });
            continue;
        };
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let mut problems = Vec::new();
        let residence = value(&record, residence_col);
        let building = value(&record, building_col);
        let unit = value(&record, unit_col);
        let lease = value(&record, lease_col);
        let max = value(&record, max_col);
        for (name, text, limit) in [
            ("residence", &residence, MAX_RESIDENCE_NAME),
            ("logement", &unit, MAX_UNIT_LABEL),
            ("bail", &lease, MAX_LEASE_REF),
            ("batiment", &building, MAX_BUILDING_NAME),
        ] {
            if text.is_empty() && name != "batiment" {
                problems.push(Problem::EmptyValue(name.to_owned()));
            } else if text.chars().count() > limit {
                problems.push(Problem::TooLong(name.to_owned()));
            }
        }
        let residence_id = residences.get(&residence.to_lowercase()).copied();
        if residence_id.is_none() && !residence.is_empty() {
            problems.push(Problem::UnknownResidence(residence.clone()));
        }
        // The rule of the household form.
        let max_occupants = if max.is_empty() {
            Some(DEFAULT_MAX_OCCUPANTS)
        } else {
            palier_domain::registry::max_occupants(&Input::new(max.as_str())).ok()
        };
        if max_occupants.is_none() {
            problems.push(Problem::BadMaxOccupants(max.clone()));
        }
        if !lease.is_empty() {
            if let Some(first_line) = leases.get(&lease) {
                problems.push(Problem::DuplicateLease { lease: lease.clone(), first_line: *first_line });
            } else {
                leases.insert(lease.clone(), line);
            }
        }
        match (problems.is_empty(), residence_id, max_occupants) {
            (true, Some(residence_id), Some(max_occupants)) => rows.push(Row {
                line,
                residence_id,
                building: (!building.is_empty()).then_some(building),
                unit,
                lease,
                max_occupants,
            }),
            _ => errors.extend(problems.into_iter().map(|problem| LineError { line, problem })),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if rows.is_empty() {
        return fail(Problem::Empty);
    }
    Ok(rows)
}

/// Imports `bytes` into organisation `organisation_id`. `progress(done,
/// total)` is called as lines are written. `actor_id` is `None` for the CLI.
#[tracing::instrument(skip_all, fields(organisation_id))]
pub async fn import_households(
    db: &DatabaseConnection,
    actor_id: Option<i64>,
    organisation_id: i64,
    bytes: &[u8],
    mut progress: impl FnMut(usize, usize),
) -> Result<ImportReport, ImportError> {
    let residences: HashMap<String, i64> = residence::Entity::find()
        .filter(residence::Column::OrganisationId.eq(organisation_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.name.to_lowercase(), r.id))
        .collect();
    let rows = check(bytes, &residences).map_err(ImportError::Invalid)?;
    let total = rows.len();

    let txn = db.begin().await?;
    let mut buildings: HashMap<(i64, String), i64> = building::Entity::find()
        .filter(building::Column::ResidenceId.is_in(residences.values().copied()))
        .all(&txn)
        .await?
        .into_iter()
        .map(|b| ((b.residence_id, b.name.to_lowercase()), b.id))
        .collect();
    let existing: HashMap<String, household::Model> = household::Entity::find()
        .filter(household::Column::OrganisationId.eq(organisation_id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|h| (h.lease_ref.clone(), h))
        .collect();
    let mut report = ImportReport::default();
    for (done, row) in rows.into_iter().enumerate() {
        let building_id = match &row.building {
            None => None,
            Some(name) => match buildings.get(&(row.residence_id, name.to_lowercase())) {
                Some(id) => Some(*id),
                None => {
                    let created = registry::create_building(&txn, row.residence_id, name).await?;
                    buildings.insert((row.residence_id, name.to_lowercase()), created.id);
                    report.buildings_created.push(name.clone());
                    Some(created.id)
                }
            },
        };
        match existing.get(&row.lease) {
            Some(current)
                if current.residence_id == row.residence_id
                    && current.building_id == building_id
                    && current.unit_label == row.unit
                    && current.max_occupants == i32::from(row.max_occupants) =>
            {
                report.unchanged += 1;
            }
            Some(current) => {
                household::Entity::update_many()
                    .col_expr(household::Column::ResidenceId, Expr::value(row.residence_id))
                    .col_expr(household::Column::BuildingId, Expr::value(building_id))
                    .col_expr(household::Column::UnitLabel, Expr::value(row.unit.clone()))
                    .col_expr(household::Column::MaxOccupants, Expr::value(i32::from(row.max_occupants)))
                    .col_expr(household::Column::UpdatedAt, Expr::value(Utc::now()))
                    .filter(household::Column::Id.eq(current.id))
                    .exec(&txn)
                    .await?;
                report.updated += 1;
            }
            None => {
                registry::create_household(
                    &txn,
                    organisation_id,
                    NewHousehold {
                        residence_id: row.residence_id,
                        building_id,
                        lease_ref: row.lease.clone(),
                        unit_label: row.unit.clone(),
                        max_occupants: row.max_occupants,
                    },
                )
                .await?;
                report.created += 1;
            }
        }
        let _ = row.line;
        progress(done + 1, total);
    }
    audit::record(
        &txn,
        Entry {
            actor_user_id: actor_id,
            organisation_id: Some(organisation_id),
            action: palier_domain::audit::Action::HouseholdsImported,
            target_kind: "organisation",
            target_id: Some(organisation_id),
            details: json!({
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "buildings_created": report.buildings_created,
            }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn residences() -> HashMap<String, i64> {
        HashMap::from([("les tilleuls".to_owned(), 1), ("le parc".to_owned(), 2)])
    }

    #[test]
    fn french_excel_files_are_read() {
        let csv = "\u{feff}Résidence;Bâtiment;Logement;Bail;Occupants_max\nLes Tilleuls;A;Logement A01;TIL-A01;3\nLE PARC;;Logement 101;PAR-101;\n";
        let rows = check(csv.as_bytes(), &residences()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].building.as_deref(), Some("A"));
        assert_eq!(rows[0].max_occupants, 3);
        assert_eq!(rows[1].residence_id, 2);
        assert_eq!(rows[1].building, None);
        assert_eq!(rows[1].max_occupants, DEFAULT_MAX_OCCUPANTS);
    }

    #[test]
    fn every_bad_line_is_reported_with_its_number() {
        let csv = "residence,unit,lease,max_occupants\nLes Tilleuls,A01,L1,2\nNulle Part,A02,L2,2\nLes Tilleuls,,L3,x\nLes Tilleuls,A04,L1,2\n";
        let errors = check(csv.as_bytes(), &residences()).unwrap_err();
        assert!(errors.contains(&LineError { line: 3, problem: Problem::UnknownResidence("Nulle Part".into()) }));
        assert!(errors.contains(&LineError { line: 4, problem: Problem::EmptyValue("logement".into()) }));
        assert!(errors.contains(&LineError { line: 4, problem: Problem::BadMaxOccupants("x".into()) }));
        assert!(
            errors.contains(&LineError {
                line: 5,
                problem: Problem::DuplicateLease { lease: "L1".into(), first_line: 2 }
            })
        );
        assert_eq!(errors.len(), 4);
    }

    #[test]
    fn files_without_required_columns_or_not_in_utf8_say_so() {
        let errors = check(b"residence;logement\nLes Tilleuls;A01\n", &residences()).unwrap_err();
        assert_eq!(errors, vec![LineError { line: 1, problem: Problem::MissingColumn("bail".into()) }]);
        let latin1 = b"residence;logement;bail\nLes Tilleuls;B\xe2timent;L1\n";
        assert_eq!(check(latin1, &residences()).unwrap_err()[0].problem, Problem::NotUtf8);
        assert_eq!(check(b"", &residences()).unwrap_err()[0].problem, Problem::Empty);
        assert_eq!(check(b"residence;logement;bail\n", &residences()).unwrap_err()[0].problem, Problem::Empty);
    }
}
