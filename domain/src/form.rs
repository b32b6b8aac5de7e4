//! Forms: the errors shown next to fields, and the rules fields follow.
//!
//! A server function parses what was posted with the parsers of this crate
//! and answers [`FormErrors`] when something is wrong; in the browser the
//! same parsers run as the person types ([`Rule`]), so both show the same
//! message. Messages are ids of the interface's localised texts
//! (`app/locales/<lang>/main.ftl`); a test there checks every id exists.

use serde::{Deserialize, Serialize};

/// A field's problem: the field's name, the id of the message to show and
/// the message's arguments (e.g. the line of a file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, String)>,
}

/// A form that did not pass validation: every field's problem, and what the
/// person typed (secrets left out) so the form shows it again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormErrors {
    pub errors: Vec<FieldError>,
    /// What the person typed, by field name (secrets left out).
    pub values: Vec<(String, String)>,
}

impl FormErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the message `message` for `field`.
    pub fn add(&mut self, field: &str, message: &str) {
        self.errors.push(FieldError { field: field.to_owned(), message: message.to_owned(), args: Vec::new() });
    }

    /// Adds the message `message` with arguments for `field`.
    pub fn add_with(&mut self, field: &str, message: &str, args: &[(&str, String)]) {
        self.errors.push(FieldError {
            field: field.to_owned(),
            message: message.to_owned(),
            args: args.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect(),
        });
    }

    /// Remembers what was typed in `field`.
    pub fn keep(&mut self, field: &str, value: &str) {
        self.values.push((field.to_owned(), value.to_owned()));
    }

    /// Keeps what was typed in `field` and parses it with `parse`, recording
    /// its message when it fails.
    pub fn field<T>(
        &mut self,
        field: &str,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, &'static str>,
    ) -> Option<T> {
        self.keep(field, value);
        self.secret(field, value, parse)
    }

    /// Like [`FormErrors::field`] for a secret: what was typed is not kept.
    pub fn secret<T>(
        &mut self,
        field: &str,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, &'static str>,
    ) -> Option<T> {
        parse(value).map_err(|message| self.add(field, message)).ok()
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The message id for `field`, if it has one.
    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|e| e.field == field).map(|e| e.message.as_str())
    }

    /// Every error of `field`, with its arguments.
    pub fn all_for(&self, field: &str) -> Vec<&FieldError> {
        self.errors.iter().filter(|e| e.field == field).collect()
    }

    /// What was typed in `field`, if kept.
    pub fn value(&self, field: &str) -> Option<&str> {
        self.values.iter().find(|(name, _)| name == field).map(|(_, value)| value.as_str())
    }
}

/// The rule a form field follows, named so that a page can tell the browser
/// which parser to run on it (a function cannot travel to the browser, a
/// name can).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
pub enum Rule {
    /// Something must be typed.
    Required,
    /// The address someone signs in with: anything typed (an old account
    /// may predate today's rules), but something.
    SignInEmail,
    /// A password someone already has: anything typed, but something.
    CurrentPassword,
    Email,
    DisplayName,
    /// A password being chosen: the length rules of [`crate::Password`].
    NewPassword,
    InvitationCode,
}

impl Rule {
    /// The message id of what is wrong with `value`, or `None` when it is fine.
    pub fn check(self, value: &str) -> Option<&'static str> {
        use crate::{DisplayName, Email, EmailError, InvitationCode, Password};
        match self {
            Rule::Required => value.trim().is_empty().then_some(REQUIRED),
            Rule::SignInEmail => value.trim().is_empty().then_some(EmailError::Empty.message()),
            Rule::CurrentPassword => value.is_empty().then_some(PASSWORD_EMPTY),
            Rule::Email => Email::parse(value).err().map(|e| e.message()),
            Rule::DisplayName => DisplayName::parse(value).err().map(|e| e.message()),
            Rule::NewPassword => Password::parse(value).err().map(|e| e.message()),
            Rule::InvitationCode => InvitationCode::parse(value).err().map(|e| e.message()),
        }
    }

    /// Every message [`Rule::check`] can give, so a page can send their texts along.
    pub fn messages(self) -> Vec<&'static str> {
        use crate::{EmailError, InvitationCodeError, NameError, PasswordError};
        use strum::VariantArray as _;
        match self {
            Rule::Required => vec![REQUIRED],
            Rule::SignInEmail => vec![EmailError::Empty.message()],
            Rule::CurrentPassword => vec![PASSWORD_EMPTY],
            Rule::Email => EmailError::VARIANTS.iter().map(|e| e.message()).collect(),
            Rule::DisplayName => NameError::VARIANTS.iter().map(|e| e.message()).collect(),
            // "Common" is only known to the server, which holds the list.
            Rule::NewPassword => PasswordError::VARIANTS.iter().map(|e| e.message()).collect(),
            Rule::InvitationCode => InvitationCodeError::VARIANTS.iter().map(|e| e.message()).collect(),
        }
    }
}

/// The message of an empty field that needs a value.
pub const REQUIRED: &str = "error-required";
/// The message of an empty current password.
pub const PASSWORD_EMPTY: &str = "error-password-empty";

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray as _;

    #[test]
    fn every_message_a_rule_gives_is_among_its_messages() {
        let samples = ["", " ", "a", "jeanne@example.fr", "K7QM-9TXR-2HWP", &"x".repeat(300), "un mot de passe long"];
        for rule in Rule::VARIANTS {
            for sample in samples {
                if let Some(message) = rule.check(sample) {
                    assert!(rule.messages().contains(&message), "{rule:?} gave {message} for {sample:?}");
                }
            }
        }
    }

    #[test]
    fn fields_keep_what_was_typed_except_secrets() {
        let mut form = FormErrors::new();
        assert_eq!(form.field("name", " x ", |v| Ok::<_, &str>(v.trim().to_owned())), Some("x".to_owned()));
        assert_eq!(form.secret("password", "hunter2", |_| Err::<(), _>("error-password-too-short")), None);
        assert_eq!(form.value("name"), Some(" x "));
        assert_eq!(form.value("password"), None);
        assert_eq!(form.for_field("password"), Some("error-password-too-short"));
    }
}
