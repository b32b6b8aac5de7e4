//! Server functions of the housing registry: the back office (residences,
//! buildings, households, occupants, CSV import, the organisation's
//! settings) and the tenant side (joining a household with its code, my
//! home, my residence). One server function per file.

pub mod add_category;
pub mod archive_category;
pub mod back_office;
pub mod create_building;
pub mod create_household;
pub mod create_residence;
pub mod household_admin;
pub mod import_households;
pub mod join_household;
pub mod my_homes;
pub mod name_moderator;
pub mod remove_moderator;
pub mod remove_occupant;
pub mod residence_admin;
pub mod residence_view;
pub mod settings_view;
pub mod update_household;
pub mod update_residence;
pub mod update_settings;

/// Households shown per page of a residence.
pub const HOUSEHOLDS_PER_PAGE: u64 = 100;

#[cfg(feature = "ssr")]
mod server {
    use crate::error::{AppError, FormErrors};
    use palier_backend::registry::RegistryError;

    /// A registry refusal as the form shows it: a taken name or lease on
    /// `field` (`form` keeps what was typed).
    pub fn registry_error(error: RegistryError, mut form: FormErrors, field: &str, taken: &str) -> AppError {
        match error {
            RegistryError::DuplicateName | RegistryError::DuplicateLease => {
                form.add(field, taken);
                AppError::Invalid(form)
            }
            RegistryError::ForeignBuilding => {
                form.add("building_id", "error-building-choice");
                AppError::Invalid(form)
            }
            RegistryError::NotFound => AppError::NotFound,
            RegistryError::Unexpected(error) => error.into(),
        }
    }
}
