//! The platform: the landlords an instance hosts, run by its administrators.

use crate::form::{FormErrors, collapse};
use crate::ids::OrganisationId;
use serde::{Deserialize, Serialize};

/// An organisation on the platform's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationRow {
    pub id: OrganisationId,
    pub name: String,
    pub slug: String,
    pub residences: u64,
}

/// The longest organisation name, in characters.
pub const MAX_NAME: usize = 200;

/// An organisation's name: 1 to 200 characters, white space collapsed.
pub fn organisation_name(text: &str) -> Result<String, &'static str> {
    let name = collapse(text);
    if name.is_empty() || name.chars().count() > MAX_NAME { Err("error-organisation-name") } else { Ok(name) }
}

/// Its short name in addresses: 2 to 64 lower-case letters, digits and
/// dashes, not at either end.
pub fn slug(text: &str) -> Result<String, &'static str> {
    let slug = text.trim().to_lowercase();
    let ok = (2..=64).contains(&slug.len())
        && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if ok { Ok(slug) } else { Err("error-slug") }
}

/// A new organisation, and who administers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    pub name: String,
    pub slug: String,
    pub admin: crate::Email,
}

impl NewOrganisation {
    /// Parses the new-organisation form, recording every field's problem in `form`.
    pub fn parse(form: &mut FormErrors, name: &str, slug_: &str, admin_email: &str) -> Option<Self> {
        let name = form.field("name", name, organisation_name);
        let slug = form.field("slug", slug_, slug);
        let admin = form.field("admin_email", admin_email, |v| crate::Email::parse(v).map_err(|e| e.message()));
        Some(NewOrganisation { name: name?, slug: slug?, admin: admin? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_lower_case_names() {
        assert_eq!(slug(" Habitat-Exemple "), Ok("habitat-exemple".to_owned()));
        for bad in ["a", "-habitat", "habitat-", "habitat exemple", "hàbitat", &"x".repeat(65)] {
            assert_eq!(slug(bad), Err("error-slug"), "{bad}");
        }
    }
}
