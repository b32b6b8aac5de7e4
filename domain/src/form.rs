//! Forms: the errors shown next to fields, and the rules fields follow.
//!
//! A server function parses what was posted with the parsers of this crate
//! and answers [`FormErrors`] when something is wrong; in the browser the
//! same parsers run as the person types ([`Rule`]), so both show the same
//! message. Messages are ids of the interface's localised texts
//! (`app/locales/<lang>/main.ftl`); a test there checks every id exists.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

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

/// Runs of white space made one space, and none at the ends: how a name,
/// a title or a label typed in a form is kept.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A text of several lines as it is kept: Windows line ends made `\n`, no
/// white space at its ends, no invisible control character but line ends
/// and tabs (a NUL, which PostgreSQL refuses to store, among them).
pub fn clean_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// What a person typed in a field that holds a `T` (a number, a choice):
/// the text as typed, and the value when it reads as a `T`. It travels as
/// the text, so a form with a mistake still reaches its server function,
/// which answers with a message next to the field (a field typed as a bare
/// number would refuse the whole request instead).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input<T> {
    text: String,
    value: Option<T>,
}

impl<T: FromStr> Input<T> {
    /// What was typed.
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let value = text.trim().parse().ok();
        Self { text, value }
    }
}

impl<T> Input<T> {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The value, when the text reads as one.
    pub fn value(&self) -> Option<&T> {
        self.value.as_ref()
    }

    /// Nothing (but white space) was typed.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

impl<T> Default for Input<T> {
    fn default() -> Self {
        Self { text: String::new(), value: None }
    }
}

impl<T> Serialize for Input<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de, T: FromStr> Deserialize<'de> for Input<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = String;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("the text of a form field")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<String, E> {
                Ok(text.to_owned())
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<String, E> {
                Ok(n.to_string())
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<String, E> {
                Ok(n.to_string())
            }
            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<String, E> {
                Ok(n.to_string())
            }
            fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<String, E> {
                Ok(b.to_string())
            }
        }
        deserializer.deserialize_any(Text).map(Input::new)
    }
}

mod rules;
pub use rules::{FormRule, PASSWORD_EMPTY, REQUIRED, Rule};

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray as _;

    #[test]
    fn every_message_a_rule_gives_is_among_its_messages() {
        let long = "x".repeat(30_000);
        let samples = ["", " ", "a", "0", "150", "jeanne@example.fr", "K7QM-9TXR-2HWP", "2026-12-01T18:00", &long];
        for rule in Rule::VARIANTS {
            for sample in samples {
                if let Some(message) = rule.check(sample) {
                    assert!(rule.messages().contains(&message), "{rule:?} gave {message} for {sample:?}");
                }
            }
        }
    }

    #[test]
    fn the_audience_needs_a_place_of_its_scope() {
        let form = |scope: &str, residences: &[&str], buildings: &[&str]| {
            FormRule::Audience.check(|name| {
                let texts: &[&str] = match name {
                    "scope" => &[scope],
                    "residences[]" => residences,
                    "buildings[]" => buildings,
                    _ => &[],
                };
                texts.iter().map(|t| t.to_string()).collect()
            })
        };
        assert_eq!(form("organisation", &[], &[]), None);
        assert_eq!(form("residences", &["3"], &[]), None);
        assert_eq!(form("buildings", &[], &["7", "8"]), None);
        for (scope, residences, buildings) in
            [("residences", &[][..], &["7"][..]), ("buildings", &["3"], &[]), ("", &[], &[])]
        {
            assert_eq!(form(scope, residences, buildings), Some("error-consultation-scope"), "{scope}");
        }
    }

    /// A form's values as [`FormRule::check`] reads them.
    fn values<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Vec<String> + 'a {
        move |name| pairs.iter().filter(|(n, _)| *n == name).map(|(_, v)| v.to_string()).collect()
    }

    #[test]
    fn the_closing_comes_after_the_opening() {
        let check = |opens, closes| FormRule::Schedule.check(values(&[("opens_at", opens), ("closes_at", closes)]));
        assert_eq!(check("2026-12-01T18:00", "2026-12-08T18:00"), None);
        assert_eq!(check("2026-12-01T18:00", "2026-12-01T18:00"), Some("error-closes-before-opens"));
        assert_eq!(check("2026-12-08T18:00", "2026-12-01T09:00"), Some("error-closes-before-opens"));
        // A time not typed yet is its own field's problem.
        assert_eq!(check("", "2026-12-01T09:00"), None);
    }

    #[test]
    fn a_question_has_what_its_kind_needs() {
        let check = |pairs: &[(&str, &str)]| FormRule::Question.check(values(pairs));
        let base = [("prompt", "Quelle couleur ?"), ("max_chars", "500")];
        let with = |extra: &[(&'static str, &'static str)]| -> Vec<(&'static str, &'static str)> {
            base.iter().chain(extra).copied().collect()
        };
        assert_eq!(check(&with(&[("kind", "single"), ("options", "Bleu\nVert")])), None);
        assert_eq!(check(&with(&[("kind", "single"), ("options", "Bleu")])), Some("error-options-too-few"));
        assert_eq!(
            check(&with(&[("kind", "multiple"), ("options", "A\nB\nC"), ("min_choices", "3"), ("max_choices", "1")])),
            Some("error-choice-limits")
        );
        assert_eq!(check(&with(&[("kind", "multiple"), ("options", "A\nB\nC")])), Some("error-choice-limits"));
        assert_eq!(check(&with(&[("kind", "scale")])), Some("error-scale-labels"));
        assert_eq!(
            check(&with(&[("kind", "scale"), ("scale_low", "Pas du tout"), ("scale_high", "Tout à fait")])),
            None
        );
        // A prompt left empty is the prompt field's own message, not this rule's.
        assert_eq!(check(&[("kind", "text"), ("max_chars", "500")]), None);
    }

    #[test]
    fn inputs_keep_the_text_and_read_the_value() {
        let number: Input<u32> = Input::new(" 12 ");
        assert_eq!(number.value(), Some(&12));
        assert_eq!(number.text(), " 12 ");
        let wrong: Input<u32> = Input::new("douze");
        assert_eq!(wrong.value(), None);
        assert!(!wrong.is_empty());
        assert!(Input::<u32>::new("  ").is_empty());
        let json: Input<u32> = serde_json::from_str("7").unwrap();
        assert_eq!(json.value(), Some(&7));
        let text: Input<u32> = serde_json::from_str("\"-3\"").unwrap();
        assert_eq!((text.value(), text.text()), (None, "-3"));
        assert_eq!(serde_json::to_string(&text).unwrap(), "\"-3\"");
    }

    #[test]
    fn white_space_is_collapsed() {
        assert_eq!(collapse("  Résidence   Les\tTilleuls \n"), "Résidence Les Tilleuls");
        assert_eq!(collapse(&clean_text("Les\0 Tilleuls\u{7}")), "Les Tilleuls", "control characters go");
        assert_eq!(clean_text(" Un\r\nbanc\0 \u{1b}[31m\trouge "), "Un\nbanc [31m\trouge");
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
