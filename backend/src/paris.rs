//! Dates as people in France read them: Europe/Paris time, in their language.

use chrono::{DateTime, Utc};
use palier_domain::Locale;

/// `at` in Paris time, e.g. `03/12/2026 à 18:00` or `03/12/2026 at 18:00`.
pub fn format_datetime(at: DateTime<Utc>, locale: Locale) -> String {
    let local = at.with_timezone(&chrono_tz::Europe::Paris);
    match locale {
        Locale::Fr => local.format("%d/%m/%Y à %H:%M").to_string(),
        Locale::En => local.format("%d/%m/%Y at %H:%M").to_string(),
    }
}
