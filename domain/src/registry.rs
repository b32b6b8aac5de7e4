//! The housing registry: organisations, residences, buildings, households,
//! and the invitation code that links a tenant's account to their home.
//! Its forms are parsed here, by the rules the CSV import also applies.

mod code;
pub mod settings;
mod views;

pub use code::{InvitationCode, InvitationCodeError};
pub use settings::{
    CategoryAdmin, DEFAULT_CODE_VALIDITY_DAYS, MAX_CODE_VALIDITY_DAYS, MIN_CODE_VALIDITY_DAYS, OrganisationSettings,
    SettingsForm, SettingsView, answer_days, code_validity_days, report_threshold, support_threshold,
};
pub use views::{
    Building, Home, HouseholdAdmin, HouseholdRow, Occupant, OrganisationOverview, Place, ResidenceAdmin,
    ResidenceSummary, ResidenceView, one_line,
};

use crate::form::{FormErrors, Input, collapse};
use crate::ids::BuildingId;
use serde::{Deserialize, Serialize};

/// The longest values of the registry, in characters.
pub const MAX_RESIDENCE_NAME: usize = 200;
pub const MAX_ADDRESS: usize = 300;
pub const MAX_CITY: usize = 100;
pub const MAX_BUILDING_NAME: usize = 100;
pub const MAX_UNIT_LABEL: usize = 100;
pub const MAX_LEASE_REF: usize = 64;
/// The largest households file accepted for import (about 40,000 lines).
pub const MAX_IMPORT_BYTES: u64 = 4 * 1024 * 1024;
/// How many tenants a household accepts: from 1 to 20, 4 unless staff say otherwise.
pub const MAX_OCCUPANTS: u8 = 20;
pub const DEFAULT_MAX_OCCUPANTS: u8 = 4;

const TOO_LONG: &str = "error-text-too-long";

/// Which households of a residence get a new letter (the letters form's
/// `which` field).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::Display,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum LetterChoice {
    /// Households nobody joined yet.
    Unclaimed,
    /// Every household of the residence.
    All,
    /// The one household named by the form's `household_id`.
    Household,
}

crate::codes!(LetterChoice);

/// A residence's name: 1 to 200 characters, white space collapsed.
pub fn residence_name(text: &str) -> Result<String, &'static str> {
    let name = collapse(text);
    if name.is_empty() {
        Err("error-residence-name-empty")
    } else if name.chars().count() > MAX_RESIDENCE_NAME {
        Err(TOO_LONG)
    } else {
        Ok(name)
    }
}

/// A street address: up to 300 characters.
pub fn address(text: &str) -> Result<String, &'static str> {
    let address = collapse(text);
    if address.chars().count() > MAX_ADDRESS { Err(TOO_LONG) } else { Ok(address) }
}

/// A French postcode (five digits), or nothing.
pub fn postcode(text: &str) -> Result<String, &'static str> {
    let postcode = collapse(text);
    if postcode.is_empty() || (postcode.len() == 5 && postcode.chars().all(|c| c.is_ascii_digit())) {
        Ok(postcode)
    } else {
        Err("error-postcode")
    }
}

/// A city: up to 100 characters.
pub fn city(text: &str) -> Result<String, &'static str> {
    let city = collapse(text);
    if city.chars().count() > MAX_CITY { Err(TOO_LONG) } else { Ok(city) }
}

/// A building's name: 1 to 100 characters.
pub fn building_name(text: &str) -> Result<String, &'static str> {
    let name = collapse(text);
    if name.is_empty() || name.chars().count() > MAX_BUILDING_NAME { Err("error-building-name") } else { Ok(name) }
}

/// A household's unit, as its letterbox says ("Logement A01"): 1 to 100 characters.
pub fn unit_label(text: &str) -> Result<String, &'static str> {
    let unit = collapse(text);
    if unit.is_empty() || unit.chars().count() > MAX_UNIT_LABEL { Err("error-unit-label") } else { Ok(unit) }
}

/// A lease reference, as the landlord's systems write it: 1 to 64 characters.
pub fn lease_ref(text: &str) -> Result<String, &'static str> {
    let lease = crate::form::clean_text(text);
    let lease = lease.as_str();
    if lease.is_empty() || lease.chars().count() > MAX_LEASE_REF {
        Err("error-lease-ref")
    } else {
        Ok(lease.to_owned())
    }
}

/// The households file to import, by its size in bytes (`None`: no file
/// chosen): there is one, and it is not too large.
pub fn import_file(size: Option<u64>) -> Result<u64, &'static str> {
    match size {
        None | Some(0) => Err("error-import-no-file"),
        Some(size) if size > MAX_IMPORT_BYTES => Err("import-problem-too-large"),
        Some(size) => Ok(size),
    }
}

/// How many tenants may link their account to a household: 1 to 20.
pub fn max_occupants(input: &Input<u8>) -> Result<u8, &'static str> {
    input.value().copied().filter(|n| (1..=MAX_OCCUPANTS).contains(n)).ok_or("error-max-occupants")
}

/// Where a residence is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewResidence {
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
}

impl NewResidence {
    /// Parses the residence form, recording every field's problem in `form`.
    pub fn parse(form: &mut FormErrors, name: &str, address_: &str, postcode_: &str, city_: &str) -> Option<Self> {
        let name = form.field("name", name, residence_name);
        let address = form.field("address", address_, address);
        let postcode = form.field("postcode", postcode_, postcode);
        let city = form.field("city", city_, city);
        Some(NewResidence { name: name?, address: address?, postcode: postcode?, city: city? })
    }
}

/// A household's unit, building and capacity, as staff set them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseholdChanges {
    pub unit_label: String,
    pub building_id: Option<BuildingId>,
    pub max_occupants: u8,
}

impl HouseholdChanges {
    /// Parses the household form (`building` is the chosen building, or
    /// nothing), recording every field's problem in `form`.
    pub fn parse(form: &mut FormErrors, unit: &str, building: &Input<BuildingId>, max: &Input<u8>) -> Option<Self> {
        let unit_label = form.field("unit_label", unit, unit_label);
        let max_occupants = form.field("max_occupants", max.text(), |_| max_occupants(max));
        form.keep("building_id", building.text());
        let building_id = match (building.is_empty(), building.value()) {
            (true, _) => Some(None),
            (false, Some(id)) => Some(Some(*id)),
            (false, None) => {
                form.add("building_id", "error-building-choice");
                None
            }
        };
        Some(HouseholdChanges { unit_label: unit_label?, building_id: building_id?, max_occupants: max_occupants? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residence_fields_are_cleaned_and_checked() {
        let mut form = FormErrors::new();
        let residence = NewResidence::parse(&mut form, "  Les   Tilleuls ", "12 rue  des Tilleuls", "69001", "Lyon");
        assert_eq!(residence.map(|r| r.name), Some("Les Tilleuls".to_owned()));
        let mut form = FormErrors::new();
        assert!(NewResidence::parse(&mut form, " ", "", "6900", "").is_none());
        assert_eq!(form.for_field("name"), Some("error-residence-name-empty"));
        assert_eq!(form.for_field("postcode"), Some("error-postcode"));
        assert_eq!(form.value("postcode"), Some("6900"));
    }

    #[test]
    fn household_numbers_arrive_as_numbers_or_say_why() {
        let mut form = FormErrors::new();
        let parsed = HouseholdChanges::parse(&mut form, "Logement A01", &Input::new(""), &Input::new("3"));
        assert_eq!(
            parsed,
            Some(HouseholdChanges { unit_label: "Logement A01".into(), building_id: None, max_occupants: 3 })
        );
        for bad in ["0", "21", "trois", "-1", "99999999999"] {
            let mut form = FormErrors::new();
            assert!(HouseholdChanges::parse(&mut form, "A", &Input::new("7"), &Input::new(bad)).is_none(), "{bad}");
            assert_eq!(form.for_field("max_occupants"), Some("error-max-occupants"));
        }
    }
}
