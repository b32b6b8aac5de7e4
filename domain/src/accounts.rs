//! What an account is made of: an email address, a display name, a password.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A syntactically valid email address, trimmed and lower-cased so that one
/// mailbox maps to one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

/// Why a text is not an email address we accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, strum::VariantArray)]
pub enum EmailError {
    #[error("the email address is empty")]
    Empty,
    #[error("the email address is too long")]
    TooLong,
    #[error("the email address is not valid")]
    Invalid,
}

impl EmailError {
    /// The id of the message that explains this error.
    pub fn message(self) -> &'static str {
        match self {
            EmailError::Empty => "error-email-empty",
            EmailError::TooLong => "error-email-too-long",
            EmailError::Invalid => "error-email-invalid",
        }
    }
}

impl Email {
    /// The longest address SMTP can carry (RFC 5321, path limit minus brackets).
    pub const MAX_LEN: usize = 254;

    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        if trimmed.len() > Self::MAX_LEN {
            return Err(EmailError::TooLong);
        }
        let normalised = trimmed.to_lowercase();
        let parsed = email_address::EmailAddress::parse_with_options(
            &normalised,
            email_address::Options::default().without_display_text().without_domain_literal(),
        )
        .map_err(|_| EmailError::Invalid)?;
        // A public mailbox needs a dotted domain ("jean@localhost" is no use to a landlord).
        let domain = parsed.domain();
        if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
            return Err(EmailError::Invalid);
        }
        Ok(Self(normalised))
    }

    /// The part after the `@`, for logs that must not carry the address itself.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, domain)| domain)
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.0
    }
}

/// The name a person shows to others: 1 to 60 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DisplayName(String);

/// Why a text is not a display name we accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, strum::VariantArray)]
pub enum NameError {
    #[error("the name is empty")]
    Empty,
    #[error("the name is longer than {max} characters", max = DisplayName::MAX_CHARS)]
    TooLong,
    #[error("the name contains invisible control characters")]
    ControlCharacters,
}

impl NameError {
    /// The id of the message that explains this error.
    pub fn message(self) -> &'static str {
        match self {
            NameError::Empty => "error-name-empty",
            NameError::TooLong => "error-name-too-long",
            NameError::ControlCharacters => "error-name-invalid",
        }
    }
}

impl DisplayName {
    pub const MAX_CHARS: usize = 60;

    pub fn parse(input: &str) -> Result<Self, NameError> {
        // Collapse runs of white space so "Jean   Dupont" and "Jean Dupont" are one name.
        let collapsed = crate::form::collapse(input);
        if collapsed.is_empty() {
            return Err(NameError::Empty);
        }
        if collapsed.chars().count() > Self::MAX_CHARS {
            return Err(NameError::TooLong);
        }
        if collapsed.chars().any(char::is_control) {
            return Err(NameError::ControlCharacters);
        }
        Ok(Self(collapsed))
    }
}

impl AsRef<str> for DisplayName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for DisplayName {
    type Error = NameError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<DisplayName> for String {
    fn from(value: DisplayName) -> Self {
        value.0
    }
}

/// A password that meets the length rules: 12 to 128 characters, any Unicode,
/// no composition rules (NIST SP 800-63B). Whether it is a common password is
/// checked by the server against its list, which is too large for the browser.
///
/// It is never serialised and its `Debug` output is redacted.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

/// Why a text is not a password we accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, strum::VariantArray)]
pub enum PasswordError {
    #[error("the password is shorter than {min} characters", min = Password::MIN_CHARS)]
    TooShort,
    #[error("the password is longer than {max} characters", max = Password::MAX_CHARS)]
    TooLong,
    #[error("the password is among the most common passwords")]
    Common,
}

impl PasswordError {
    /// The id of the message that explains this error.
    pub fn message(self) -> &'static str {
        match self {
            PasswordError::TooShort => "error-password-too-short",
            PasswordError::TooLong => "error-password-too-long",
            PasswordError::Common => "error-password-common",
        }
    }
}

impl Password {
    pub const MIN_CHARS: usize = 12;
    pub const MAX_CHARS: usize = 128;

    /// Checks the length rules. Passwords are taken exactly as typed: white
    /// space counts, nothing is trimmed.
    pub fn parse(input: &str) -> Result<Self, PasswordError> {
        let chars = input.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(PasswordError::TooShort);
        }
        if chars > Self::MAX_CHARS {
            return Err(PasswordError::TooLong);
        }
        Ok(Self(input.to_owned()))
    }

    /// The secret itself, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// Something secret a person typed — a password, the token of a link — as a
/// server function receives it. Server functions' argument types derive
/// `Debug`, so this one's prints `Secret(<redacted>)`: a logged request
/// never shows what was typed.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The text itself, to check or hash it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// The signed-in person's account, for the account page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub display_name: String,
    pub email: String,
    pub locale: crate::Locale,
}

/// One of my sessions, on "my sessions".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: crate::ids::SessionId,
    /// e.g. "Firefox, Android"; `None` when the browser did not say.
    pub device: Option<String>,
    pub started_at: chrono::DateTime<chrono::Utc>,
    pub last_seen_at: chrono::DateTime<chrono::Utc>,
    /// "Stay signed in" was ticked.
    pub remember: bool,
    /// The session this page is shown in.
    pub current: bool,
}

/// The confirmation box of deleting an account, as posted (`on` when
/// ticked, nothing otherwise): it must be ticked.
pub fn delete_confirmed(posted: &str) -> Result<(), &'static str> {
    if posted.is_empty() { Err("error-delete-confirm") } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn secrets_never_print() {
        let secret = Secret::new("correct horse battery staple");
        assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
        assert_eq!(secret.expose(), "correct horse battery staple");
        let json = serde_json::to_string(&secret).unwrap_or_default();
        assert_eq!(json, "\"correct horse battery staple\"", "it travels as the bare text");
    }

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        let email = Email::parse("  Jeanne.Martin@Example.FR ").unwrap();
        assert_eq!(email.as_ref(), "jeanne.martin@example.fr");
        assert_eq!(email.domain(), "example.fr");
    }

    #[test]
    fn bad_emails_say_why() {
        assert_eq!(Email::parse("   "), Err(EmailError::Empty));
        assert_eq!(Email::parse("jeanne"), Err(EmailError::Invalid));
        assert_eq!(Email::parse("jeanne@localhost"), Err(EmailError::Invalid));
        assert_eq!(Email::parse("jeanne@@example.fr"), Err(EmailError::Invalid));
        assert_eq!(Email::parse("Jeanne <j@example.fr>"), Err(EmailError::Invalid));
        assert_eq!(Email::parse("jeanne martin@example.fr"), Err(EmailError::Invalid));
        let long = format!("{}@example.fr", "a".repeat(250));
        assert_eq!(Email::parse(&long), Err(EmailError::TooLong));
    }

    #[test]
    fn names_collapse_white_space_and_have_limits() {
        assert_eq!(DisplayName::parse("  Jean   Dupont ").unwrap().as_ref(), "Jean Dupont");
        assert_eq!(DisplayName::parse(" \t "), Err(NameError::Empty));
        assert_eq!(DisplayName::parse(&"é".repeat(61)), Err(NameError::TooLong));
        assert!(DisplayName::parse(&"é".repeat(60)).is_ok());
        assert_eq!(DisplayName::parse("Jean\u{0007}"), Err(NameError::ControlCharacters));
    }

    #[test]
    fn passwords_count_characters_not_bytes() {
        assert_eq!(Password::parse("short"), Err(PasswordError::TooShort));
        // 12 characters of 2 bytes each: long enough.
        assert!(Password::parse(&"é".repeat(12)).is_ok());
        assert_eq!(Password::parse(&"é".repeat(11)), Err(PasswordError::TooShort));
        assert_eq!(Password::parse(&"x".repeat(129)), Err(PasswordError::TooLong));
        // Nothing is trimmed.
        assert_eq!(Password::parse("  twelve chars").unwrap().expose(), "  twelve chars");
    }

    #[test]
    fn password_debug_is_redacted() {
        let password = Password::parse("correct horse battery").unwrap();
        assert!(!format!("{password:?}").contains("horse"));
    }

    proptest! {
        #[test]
        fn parsed_emails_are_stable(input in "[a-zA-Z0-9._%+-]{1,20}@[a-zA-Z0-9-]{1,20}\\.[a-z]{2,6}") {
            if let Ok(email) = Email::parse(&input) {
                let again = Email::parse(email.as_ref()).unwrap();
                prop_assert_eq!(again, email);
            }
        }

        #[test]
        fn email_parse_never_panics(input in ".{0,300}") {
            let _ = Email::parse(&input);
        }

        #[test]
        fn names_are_never_empty_or_too_long(input in ".{0,100}") {
            if let Ok(name) = DisplayName::parse(&input) {
                prop_assert!(!name.as_ref().is_empty());
                prop_assert!(name.as_ref().chars().count() <= DisplayName::MAX_CHARS);
                prop_assert_eq!(name.as_ref().trim(), name.as_ref());
            }
        }

        #[test]
        fn password_length_rule_holds(input in ".{0,200}") {
            let chars = input.chars().count();
            prop_assert_eq!(Password::parse(&input).is_ok(), (12..=128).contains(&chars));
        }
    }
}
