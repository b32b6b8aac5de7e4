//! Dates and times as people in France read and type them: Europe/Paris
//! time, in their language. Stored and sent in UTC; shown and typed in Paris time.

use crate::Locale;
use chrono::{DateTime, NaiveDateTime, TimeZone as _, Utc};

/// `at` in Paris time, e.g. `03/12/2026 à 18:00` or `03/12/2026 at 18:00`.
pub fn format_paris(at: DateTime<Utc>, locale: Locale) -> String {
    let local = at.with_timezone(&chrono_tz::Europe::Paris);
    match locale {
        Locale::Fr => local.format("%d/%m/%Y à %H:%M").to_string(),
        Locale::En => local.format("%d/%m/%Y at %H:%M").to_string(),
    }
}

/// The hour of `at` in Paris time (`18:00`).
pub fn paris_hour(at: DateTime<Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Paris).format("%H:%M").to_string()
}

/// `at` as the value of a `datetime-local` field, in Paris time (`2026-12-01T18:00`).
pub fn paris_input(at: DateTime<Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Paris).format("%Y-%m-%dT%H:%M").to_string()
}

/// A `datetime-local` value as typed: the date and time, without a zone.
pub fn parse_local(value: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(value.trim(), "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value.trim(), "%Y-%m-%dT%H:%M:%S"))
        .ok()
}

/// A `datetime-local` value in Paris time (`2026-12-01T18:00`), as UTC;
/// `None` when it is not a time, or a time the spring change skips.
pub fn parse_paris(value: &str) -> Option<DateTime<Utc>> {
    let naive = parse_local(value)?;
    chrono_tz::Europe::Paris.from_local_datetime(&naive).earliest().map(|at| at.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paris_times_round_trip() {
        let winter = parse_paris("2026-12-01T18:00").unwrap();
        assert_eq!(winter.to_rfc3339(), "2026-12-01T17:00:00+00:00");
        let summer = parse_paris("2026-07-01T18:00").unwrap();
        assert_eq!(summer.to_rfc3339(), "2026-07-01T16:00:00+00:00");
        assert_eq!(paris_input(winter), "2026-12-01T18:00");
        assert!(parse_paris("demain").is_none());
        // The hour skipped by the spring change does not exist.
        assert!(parse_paris("2026-03-29T02:30").is_none());
        assert_eq!(format_paris(winter, Locale::Fr), "01/12/2026 à 18:00");
        assert_eq!(format_paris(winter, Locale::En), "01/12/2026 at 18:00");
    }
}
