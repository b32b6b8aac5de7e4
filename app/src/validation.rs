//! Parsing form fields with the domain's parsers, recording their localised
//! message ids. The same parsers run in the browser (instant feedback,
//! through [`palier_domain::form::Rule`]) and on the server (the rule).

use crate::error::FormErrors;
use palier_domain::{DisplayName, Email, InvitationCode, Password};

/// Parses `value` for `field`, recording the message when it fails.
pub fn parse_email(form: &mut FormErrors, field: &str, value: &str) -> Option<Email> {
    form.field(field, value, |v| Email::parse(v).map_err(|e| e.message()))
}

pub fn parse_name(form: &mut FormErrors, field: &str, value: &str) -> Option<DisplayName> {
    form.field(field, value, |v| DisplayName::parse(v).map_err(|e| e.message()))
}

/// Passwords are never kept in the error (they would travel in a URL).
pub fn parse_password(form: &mut FormErrors, field: &str, value: &str) -> Option<Password> {
    form.secret(field, value, |v| Password::parse(v).map_err(|e| e.message()))
}

pub fn parse_code(form: &mut FormErrors, field: &str, value: &str) -> Option<InvitationCode> {
    form.field(field, value, |v| InvitationCode::parse(v).map_err(|e| e.message()))
}

/// A password someone already has: anything, but something.
pub fn current_password(value: &str) -> Result<(), &'static str> {
    match palier_domain::form::Rule::CurrentPassword.check(value) {
        Some(message) => Err(message),
        None => Ok(()),
    }
}

/// The address someone signs in with: anything, but something.
pub fn sign_in_email(value: &str) -> Result<(), &'static str> {
    match palier_domain::form::Rule::SignInEmail.check(value) {
        Some(message) => Err(message),
        None => Ok(()),
    }
}
