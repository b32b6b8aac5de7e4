//! An organisation's settings, as its admins set them on their settings
//! page. Later settings of the organisation (projects, councils) join
//! [`OrganisationSettings`].

use crate::consultations::VotingUnit;
use crate::form::{FormErrors, Input};
use crate::ids::OrganisationId;
use crate::projects::{DEFAULT_ANSWER_DAYS, DEFAULT_REPORT_THRESHOLD, Threshold, ThresholdKind};
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

/// The most supports a threshold may ask.
pub const MAX_SUPPORTS: u32 = 10_000;
/// The longest answer deadline, in days.
pub const MAX_ANSWER_DAYS: u16 = 365;
/// The most reporters an organisation may wait for before hiding an item.
pub const MAX_REPORT_THRESHOLD: u16 = 50;

/// A project's support threshold as typed: 1 to 10,000 supports.
pub fn support_threshold(input: &Input<u32>) -> Result<u32, &'static str> {
    input.value().copied().filter(|n| (1..=MAX_SUPPORTS).contains(n)).ok_or("error-support-threshold")
}

/// A threshold as a share of homes: at most 100 %.
pub fn threshold(kind: ThresholdKind, value: u32) -> Result<Threshold, &'static str> {
    match kind {
        ThresholdKind::Percent if value > 100 => Err("error-support-percent"),
        _ => Ok(Threshold { kind, value }),
    }
}

/// Days the landlord has to answer a project under review: 1 to 365.
pub fn answer_days(input: &Input<u16>) -> Result<u16, &'static str> {
    input.value().copied().filter(|n| (1..=MAX_ANSWER_DAYS).contains(n)).ok_or("error-answer-days")
}

/// Reporters that hide an item until a moderator decides: 1 to 50.
pub fn report_threshold(input: &Input<u16>) -> Result<u16, &'static str> {
    input.value().copied().filter(|n| (1..=MAX_REPORT_THRESHOLD).contains(n)).ok_or("error-report-threshold")
}

/// What an organisation's admins choose for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationSettings {
    /// Days a household's invitation code works after its letter.
    pub code_validity_days: u16,
    /// Who supports a project: each household, or each adult.
    pub support_unit: VotingUnit,
    /// The support that moves a project to review.
    pub threshold: Threshold,
    /// Days the landlord has to answer a project under review.
    pub answer_days: u16,
    /// Reporters that hide an item until a moderator decides.
    pub report_threshold: u16,
}

impl Default for OrganisationSettings {
    fn default() -> Self {
        Self {
            code_validity_days: DEFAULT_CODE_VALIDITY_DAYS,
            support_unit: VotingUnit::Household,
            threshold: Threshold::default(),
            answer_days: DEFAULT_ANSWER_DAYS,
            report_threshold: DEFAULT_REPORT_THRESHOLD,
        }
    }
}

/// The settings form as posted.
#[derive(Debug, Clone, Default)]
pub struct SettingsForm {
    pub code_validity_days: Input<u16>,
    pub support_unit: Input<VotingUnit>,
    pub threshold_kind: Input<ThresholdKind>,
    pub threshold: Input<u32>,
    pub answer_days: Input<u16>,
    pub report_threshold: Input<u16>,
}

impl OrganisationSettings {
    /// Parses the settings form, recording every field's problem in `form`.
    pub fn parse(form: &mut FormErrors, posted: &SettingsForm) -> Option<Self> {
        let days = form.field("code_validity_days", posted.code_validity_days.text(), |_| {
            code_validity_days(&posted.code_validity_days)
        });
        let unit = form.field("support_unit", posted.support_unit.text(), |_| {
            posted.support_unit.value().copied().ok_or("error-support-unit")
        });
        let kind = form.field("threshold_kind", posted.threshold_kind.text(), |_| {
            posted.threshold_kind.value().copied().ok_or("error-support-threshold-kind")
        });
        let value = form.field("threshold", posted.threshold.text(), |_| support_threshold(&posted.threshold));
        let threshold = match (kind, value) {
            (Some(kind), Some(value)) => threshold(kind, value).map_err(|message| form.add("threshold", message)).ok(),
            _ => None,
        };
        let answer = form.field("answer_days", posted.answer_days.text(), |_| answer_days(&posted.answer_days));
        let reports = form
            .field("report_threshold", posted.report_threshold.text(), |_| report_threshold(&posted.report_threshold));
        Some(Self {
            code_validity_days: days?,
            support_unit: unit?,
            threshold: threshold?,
            answer_days: answer?,
            report_threshold: reports?,
        })
    }
}

/// The settings page of an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsView {
    pub organisation_id: OrganisationId,
    pub organisation: String,
    pub settings: OrganisationSettings,
    /// Its categories of projects, archived ones included.
    pub categories: Vec<CategoryAdmin>,
    /// The tenants it named to moderate their residence's content.
    pub moderators: Vec<(crate::ids::UserId, String)>,
}

/// A category of projects as its organisation's admins manage it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryAdmin {
    pub id: crate::ids::CategoryId,
    pub name: crate::projects::CategoryName,
    /// Offered no more to new projects (the projects filed under it keep it).
    pub archived: bool,
    /// Projects filed under it.
    pub projects: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(days: &str) -> SettingsForm {
        SettingsForm {
            code_validity_days: Input::new(days),
            support_unit: Input::new("household"),
            threshold_kind: Input::new("supports"),
            threshold: Input::new("10"),
            answer_days: Input::new("30"),
            report_threshold: Input::new("3"),
        }
    }

    #[test]
    fn a_code_works_from_a_week_to_a_year() {
        let mut form = FormErrors::new();
        let parsed = OrganisationSettings::parse(&mut form, &posted(" 30 "));
        assert_eq!(parsed, Some(OrganisationSettings { code_validity_days: 30, ..OrganisationSettings::default() }));
        for bad in ["", "6", "366", "trente", "-30", "1e3", "99999999999"] {
            let mut form = FormErrors::new();
            assert_eq!(OrganisationSettings::parse(&mut form, &posted(bad)), None, "{bad}");
            assert_eq!(form.for_field("code_validity_days"), Some("error-code-validity-days"));
            assert_eq!(form.value("code_validity_days"), Some(bad), "what was typed is kept");
        }
    }

    #[test]
    fn project_settings_are_bounded() {
        let mut ok = posted("90");
        ok.threshold_kind = Input::new("percent");
        ok.threshold = Input::new("15");
        ok.support_unit = Input::new("adult");
        let parsed = OrganisationSettings::parse(&mut FormErrors::new(), &ok).unwrap();
        assert_eq!(parsed.threshold, Threshold { kind: ThresholdKind::Percent, value: 15 });
        assert_eq!(parsed.support_unit, VotingUnit::Adult);
        for (field, value, message) in [
            ("threshold", "101", "error-support-percent"),
            ("threshold", "0", "error-support-threshold"),
            ("answer_days", "0", "error-answer-days"),
            ("answer_days", "400", "error-answer-days"),
            ("report_threshold", "51", "error-report-threshold"),
            ("support_unit", "chat", "error-support-unit"),
        ] {
            let mut bad = ok.clone();
            match field {
                "threshold" => bad.threshold = Input::new(value),
                "answer_days" => bad.answer_days = Input::new(value),
                "report_threshold" => bad.report_threshold = Input::new(value),
                _ => bad.support_unit = Input::new(value),
            }
            let mut form = FormErrors::new();
            assert_eq!(OrganisationSettings::parse(&mut form, &bad), None, "{field} {value}");
            assert_eq!(form.for_field(field), Some(message), "{field} {value}");
        }
    }
}
