//! Turning domain parse errors into the ids of localised messages. The same
//! parsers run in the browser (instant feedback) and on the server (the rule).

use crate::error::FormErrors;
use palier_domain::{
    DisplayName, Email, EmailError, InvitationCode, InvitationCodeError, NameError, Password, PasswordError,
};

pub fn email_message(error: EmailError) -> &'static str {
    match error {
        EmailError::Empty => "error-email-empty",
        EmailError::TooLong => "error-email-too-long",
        EmailError::Invalid => "error-email-invalid",
    }
}

pub fn name_message(error: NameError) -> &'static str {
    match error {
        NameError::Empty => "error-name-empty",
        NameError::TooLong => "error-name-too-long",
        NameError::ControlCharacters => "error-name-invalid",
    }
}

pub fn password_message(error: PasswordError) -> &'static str {
    match error {
        PasswordError::TooShort => "error-password-too-short",
        PasswordError::TooLong => "error-password-too-long",
        PasswordError::Common => "error-password-common",
    }
}

pub fn code_message(error: InvitationCodeError) -> &'static str {
    match error {
        InvitationCodeError::Empty => "error-code-empty",
        InvitationCodeError::WrongLength => "error-code-length",
        InvitationCodeError::InvalidCharacter => "error-code-character",
    }
}

/// Instant checks for form fields, by field kind.
pub fn check_email(value: &str) -> Option<&'static str> {
    Email::parse(value).err().map(email_message)
}

pub fn check_name(value: &str) -> Option<&'static str> {
    DisplayName::parse(value).err().map(name_message)
}

pub fn check_new_password(value: &str) -> Option<&'static str> {
    Password::parse(value).err().map(password_message)
}

pub fn check_code(value: &str) -> Option<&'static str> {
    InvitationCode::parse(value).err().map(code_message)
}

/// Parses `value` for `field`, recording the message when it fails.
pub fn parse_email(form: &mut FormErrors, field: &str, value: &str) -> Option<Email> {
    form.keep(field, value);
    Email::parse(value).map_err(|e| form.add(field, email_message(e))).ok()
}

pub fn parse_name(form: &mut FormErrors, field: &str, value: &str) -> Option<DisplayName> {
    form.keep(field, value);
    DisplayName::parse(value).map_err(|e| form.add(field, name_message(e))).ok()
}

/// Passwords are never kept in the error (they would travel in a URL).
pub fn parse_password(form: &mut FormErrors, field: &str, value: &str) -> Option<Password> {
    Password::parse(value).map_err(|e| form.add(field, password_message(e))).ok()
}

pub fn parse_code(form: &mut FormErrors, field: &str, value: &str) -> Option<InvitationCode> {
    form.keep(field, value);
    InvitationCode::parse(value).map_err(|e| form.add(field, code_message(e))).ok()
}
