//! An organisation's settings, as its admins set them on their settings
//! page. Later settings of the organisation (projects, councils) join
//! [`OrganisationSettings`].

use crate::form::{FormErrors, Input};
use crate::ids::OrganisationId;
use serde::{Deserialize, Serialize};

/// How many days a household's invitation code works after its letter,
/// unless the organisation chooses otherwise.
pub const DEFAULT_CODE_VALIDITY_DAYS: u16 = 90;
/// The shortest and longest validity an organisation may choose: a week
/// for the letter to arrive, a year at most so a lost letter stops working.
pub const MIN_CODE_VALIDITY_DAYS: u16 = 7;
pub const MAX_CODE_VALIDITY_DAYS: u16 = 365;

/// Days a code works: a whole number from 7 to 365.
pub fn code_validity_days(input: &Input<u16>) -> Result<u16, &'static str> {
    input
        .value()
        .copied()
        .filter(|n| (MIN_CODE_VALIDITY_DAYS..=MAX_CODE_VALIDITY_DAYS).contains(n))
        .ok_or("error-code-validity-days")
}

/// What an organisation's admins choose for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationSettings {
    /// Days a household's invitation code works after its letter.
    pub code_validity_days: u16,
}

impl Default for OrganisationSettings {
    fn default() -> Self {
        Self { code_validity_days: DEFAULT_CODE_VALIDITY_DAYS }
    }
}

impl OrganisationSettings {
    /// Parses the settings form, recording every field's problem in `form`.
    pub fn parse(form: &mut FormErrors, code_validity: &Input<u16>) -> Option<Self> {
        let days = form.field("code_validity_days", code_validity.text(), |_| code_validity_days(code_validity));
        Some(Self { code_validity_days: days? })
    }
}

/// The settings page of an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsView {
    pub organisation_id: OrganisationId,
    pub organisation: String,
    pub settings: OrganisationSettings,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_works_from_a_week_to_a_year() {
        let mut form = FormErrors::new();
        let parsed = OrganisationSettings::parse(&mut form, &Input::new(" 30 "));
        assert_eq!(parsed, Some(OrganisationSettings { code_validity_days: 30 }));
        for bad in ["", "6", "366", "trente", "-30", "1e3", "99999999999"] {
            let mut form = FormErrors::new();
            assert_eq!(OrganisationSettings::parse(&mut form, &Input::new(bad)), None, "{bad}");
            assert_eq!(form.for_field("code_validity_days"), Some("error-code-validity-days"));
            assert_eq!(form.value("code_validity_days"), Some(bad), "what was typed is kept");
        }
    }
}
