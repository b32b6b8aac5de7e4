//! The languages Palier speaks.

use serde::{Deserialize, Serialize};

/// A language of the interface and of emails. French first, English second.
/// Its code is the BCP 47 tag (`fr`, `en`), read in any case.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Locale {
    #[default]
    Fr,
    En,
}

impl Locale {
    /// Every supported locale, the default first.
    pub const ALL: [Locale; 2] = [Locale::Fr, Locale::En];

    /// The BCP 47 tag, as used in `<html lang>` and in the language cookie.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The language's own name for itself, for the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::Fr => "Français",
            Locale::En => "English",
        }
    }

    /// Picks the best supported locale from an `Accept-Language` header value,
    /// honouring quality values; `None` when nothing matches.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(Locale, f32)> = None;
        for part in header.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or_default().trim();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or_default();
            let Ok(locale) = primary.parse::<Locale>() else {
                continue;
            };
            if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
                best = Some((locale, quality));
            }
        }
        best.map(|(locale, _)| locale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn round_trips_through_its_tag() {
        for locale in Locale::ALL {
            assert_eq!(locale.as_str().parse::<Locale>(), Ok(locale));
        }
        assert_eq!("EN".parse::<Locale>(), Ok(Locale::En));
        assert!("de".parse::<Locale>().is_err());
    }

    #[test]
    fn accept_language_prefers_the_highest_quality_supported_tag() {
        assert_eq!(Locale::from_accept_language("en-GB,en;q=0.9,fr;q=0.8"), Some(Locale::En));
        assert_eq!(Locale::from_accept_language("de-DE,fr;q=0.5,en;q=0.4"), Some(Locale::Fr));
        assert_eq!(Locale::from_accept_language("fr-FR;q=0.2, en-US;q=0.9"), Some(Locale::En));
        assert_eq!(Locale::from_accept_language("de, it"), None);
        assert_eq!(Locale::from_accept_language("en;q=0"), None);
        assert_eq!(Locale::from_accept_language(""), None);
    }

    proptest! {
        #[test]
        fn accept_language_never_panics(header in ".{0,200}") {
            let _ = Locale::from_accept_language(&header);
        }
    }
}
