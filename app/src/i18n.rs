//! The interface's languages, through Fluent (`app/locales/<lang>/*.ftl`).
//!
//! Components get the current language with [`use_i18n`] and translate with
//! [`I18n::t`] or [`I18n::t_with`]. The locale is decided once per page load
//! (see `api::shell`), so translations need no reactivity.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader as _, langid, static_loader};
use leptos::prelude::*;
use palier_domain::Locale;
use std::borrow::Cow;
use std::collections::HashMap;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "fr",
        // Unicode isolation marks around arguments only matter for mixed-direction scripts.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static FR: LanguageIdentifier = langid!("fr");
static EN: LanguageIdentifier = langid!("en");

fn language(locale: Locale) -> &'static LanguageIdentifier {
    match locale {
        Locale::Fr => &FR,
        Locale::En => &EN,
    }
}

/// Translates into one locale.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct I18n {
    pub locale: Locale,
}

impl I18n {
    pub fn new(locale: Locale) -> Self {
        Self { locale }
    }

    /// The message `id` in this locale.
    pub fn t(self, id: &str) -> String {
        LOCALES.lookup(language(self.locale), id)
    }

    /// The message `id` with its arguments, e.g. `t_with("votes", &[("count", 3.into())])`.
    pub fn t_with(self, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
            args.iter().map(|(name, value)| (Cow::Borrowed(*name), value.clone())).collect();
        LOCALES.lookup_with_args(language(self.locale), id, &args)
    }
}

impl I18n {
    /// The message `id` with text arguments named at run time (from an error).
    pub fn t_args(self, id: &str, args: &[(String, String)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
            args.iter().map(|(name, value)| (Cow::Owned(name.clone()), FluentValue::from(value.clone()))).collect();
        LOCALES.lookup_with_args(language(self.locale), id, &args)
    }
}

impl I18n {
    /// `at` in Paris time, as this locale writes it ("28/11/2026 à 14:05").
    pub fn datetime(self, at: chrono::DateTime<chrono::Utc>) -> String {
        palier_domain::time::format_paris(at, self.locale)
    }

    /// The message named after a code: `t_code("status", Status::Open.code())`
    /// is `status-open` (underscores become dashes).
    pub fn t_code(self, prefix: &str, code: &str) -> String {
        self.t(&format!("{prefix}-{}", code.replace('_', "-")))
    }
}

/// The translator of the current page (French when none was provided).
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_default()
}

/// The locale the server chose for this request (language cookie, then
/// `Accept-Language`), provided as context before the page renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestLocale(pub Locale);

/// The page's locale: on the server, the request's; in the browser, the
/// `lang` of the server-rendered `<html>`, so hydration renders the same text.
pub fn current_locale() -> Locale {
    use_context::<RequestLocale>().map(|r| r.0).or_else(document_locale).unwrap_or_default()
}

#[cfg(feature = "hydrate")]
fn document_locale() -> Option<Locale> {
    document().document_element()?.get_attribute("lang")?.parse().ok()
}

#[cfg(not(feature = "hydrate"))]
fn document_locale() -> Option<Locale> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    /// Message id -> its source text, from one locale's `.ftl` files.
    fn messages(locale: &str) -> BTreeMap<String, String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(locale);
        let mut found = BTreeMap::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let mut current: Option<String> = None;
            for line in text.lines() {
                if line.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                    && let Some((id, body)) = line.split_once(" =")
                {
                    found.insert(id.trim().to_owned(), body.to_owned());
                    current = Some(id.trim().to_owned());
                } else if line.starts_with([' ', '}'])
                    && let Some(body) = current.as_ref().and_then(|id| found.get_mut(id))
                {
                    // A message over several lines (a choice by `$variable`).
                    body.push('\n');
                    body.push_str(line);
                } else {
                    current = None;
                }
            }
        }
        found
    }

    fn ids(locale: &str) -> BTreeSet<String> {
        messages(locale).into_keys().collect()
    }

    /// The `$variables` a message's source uses.
    fn variables(source: &str) -> Vec<&'static str> {
        source
            .split('$')
            .skip(1)
            .map(|rest| rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).next().unwrap_or(""))
            .map(|name| &*Box::leak(name.to_owned().into_boxed_str()))
            .collect()
    }

    /// Every message id written in the Rust sources as `.t("…")` or `.t_with("…"`.
    fn used_ids() -> BTreeSet<String> {
        fn walk(dir: &Path, out: &mut BTreeSet<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    let text: String = source
                        .lines()
                        .filter(|line| !line.trim_start().starts_with("//"))
                        .collect::<Vec<_>>()
                        .join("\n");
                    for marker in [".t(\"", ".t_with(\"", " label=\"", " hint=\"", " placeholder=\""] {
                        for piece in text.split(marker).skip(1) {
                            if let Some((id, _)) = piece.split_once('"') {
                                out.insert(id.to_owned());
                            }
                        }
                    }
                }
            }
        }
        let mut ids = BTreeSet::new();
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut ids);
        ids
    }

    #[test]
    fn french_and_english_define_the_same_messages() {
        let fr = ids("fr");
        let en = ids("en");
        let only_fr: Vec<_> = fr.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&fr).collect();
        assert!(only_fr.is_empty(), "missing in English: {only_fr:?}");
        assert!(only_en.is_empty(), "missing in French: {only_en:?}");
        assert!(fr.len() > 20);
    }

    #[test]
    fn every_message_used_in_the_code_exists() {
        let defined = ids("fr");
        let missing: Vec<_> = used_ids().into_iter().filter(|id| !defined.contains(id)).collect();
        assert!(missing.is_empty(), "messages used but not defined: {missing:?}");
    }

    #[test]
    fn every_message_renders_in_both_languages() {
        for locale in Locale::ALL {
            for (id, source) in messages(locale.as_str()) {
                let args: Vec<(&'static str, FluentValue<'static>)> =
                    variables(&source).into_iter().map(|name| (name, FluentValue::from("x"))).collect();
                let text = I18n::new(locale).t_with(&id, &args);
                assert!(!text.trim().is_empty(), "{id} is empty in {locale}");
                assert!(!text.contains("Unknown localization"), "{id} in {locale}: {text}");
            }
        }
    }

    /// Ids built at run time from the domain's codes.
    #[test]
    fn every_notification_kind_category_and_mode_has_its_text() {
        use palier_domain::notifications::{Category, Kind, Mode};
        use strum::VariantArray as _;
        let defined = ids("fr");
        let mut wanted: Vec<String> =
            Kind::VARIANTS.iter().map(|k| format!("notification-{}", k.code().replace('_', "-"))).collect();
        for category in Category::CHOOSABLE {
            let code = category.code();
            wanted.extend([
                format!("preferences-category-{code}"),
                format!("preferences-category-{code}-hint"),
                format!("unsubscribe-what-{code}"),
            ]);
        }
        wanted.extend(Mode::ALL.map(|m| format!("preferences-mode-{}", m.code())));
        let missing: Vec<_> = wanted.iter().filter(|id| !defined.contains(*id)).collect();
        assert!(missing.is_empty(), "missing: {missing:?}");
    }

    /// Messages the domain's field rules give, checked in the browser too.
    #[test]
    fn every_message_of_a_field_rule_exists() {
        use palier_domain::form::Rule;
        use strum::VariantArray as _;
        let defined = ids("fr");
        let missing: Vec<_> =
            Rule::VARIANTS.iter().flat_map(|rule| rule.messages()).filter(|id| !defined.contains(*id)).collect();
        assert!(missing.is_empty(), "missing: {missing:?}");
    }

    /// Ids built at run time with `t_code` from the wire enums' codes.
    #[test]
    fn every_code_shown_as_text_has_its_text() {
        use palier_domain::consultations::{Decision, KindCode, QuestionMove, Status, VotingUnit};
        use palier_domain::team::OrgRole;
        use strum::VariantArray as _;
        let defined = ids("fr");
        let code = |prefix: &str, code: &str| format!("{prefix}-{}", code.replace('_', "-"));
        let mut wanted: Vec<String> = Status::VARIANTS.iter().map(|s| code("status", s.code())).collect();
        wanted.extend(Decision::VARIANTS.iter().map(|d| code("decision", d.code())));
        wanted.extend(KindCode::VARIANTS.iter().map(|k| code("kind", k.code())));
        wanted.extend(QuestionMove::VARIANTS.iter().map(|m| code("question", m.code())));
        wanted.extend(OrgRole::VARIANTS.iter().map(|r| code("role", r.code())));
        wanted.extend(
            palier_domain::audit::Action::VARIANTS.iter().map(|a| code("audit-action", &a.code().replace('.', "-"))),
        );
        {
            use palier_domain::discussion::{ContentKind, Decision, Moderation, ReportReason};
            use palier_domain::projects::{Action, Channel, DefaultCategory, Need, Sort, Status, ThresholdKind};
            wanted.extend(Status::VARIANTS.iter().map(|s| code("project-status", s.code())));
            wanted.extend(Status::VARIANTS.iter().map(|s| code("project-event", s.code())));
            wanted.extend(DefaultCategory::VARIANTS.iter().map(|c| code("project-category", c.code())));
            wanted.extend(Need::VARIANTS.iter().map(|n| code("project-need", n.code())));
            wanted.extend(Action::VARIANTS.iter().map(|a| code("project-action", a.code())));
            wanted.extend(Channel::VARIANTS.iter().map(|c| code("project-channel", c.code())));
            wanted.extend(Channel::VARIANTS.iter().map(|c| code("project-by-channel", c.code())));
            wanted.extend(Sort::VARIANTS.iter().map(|s| code("projects-sort", s.code())));
            wanted.extend(ThresholdKind::VARIANTS.iter().map(|k| code("settings-threshold-kind", k.code())));
            wanted.extend(VotingUnit::VARIANTS.iter().map(|u| code("settings-unit", u.code())));
            wanted.extend(Moderation::VARIANTS.iter().map(|m| code("moderation", m.code())));
            wanted.extend(ContentKind::VARIANTS.iter().map(|k| code("moderation-kind", k.code())));
            wanted.extend(ContentKind::VARIANTS.iter().map(|k| code("report-open", k.code())));
            wanted.extend(Decision::VARIANTS.iter().map(|d| code("moderation-decision", d.code())));
            wanted.extend(Decision::VARIANTS.iter().map(|d| code("ok", d.code())));
            wanted.extend(ReportReason::VARIANTS.iter().map(|r| code("report-reason", r.code())));
            wanted.extend(ReportReason::VARIANTS.iter().map(|r| code("moderation-reason", r.code())));
        }
        {
            use palier_domain::councils::{CouncilKind, Reply, SeatRole};
            wanted.extend(CouncilKind::VARIANTS.iter().map(|k| code("council-kind", k.code())));
            wanted.extend(SeatRole::VARIANTS.iter().map(|r| code("seat-role", r.code())));
            wanted.extend(Reply::VARIANTS.iter().map(|r| code("meeting-reply", r.code())));
            wanted.extend(Reply::VARIANTS.iter().map(|r| code("meeting-reply-is", r.code())));
            wanted.extend(Reply::VARIANTS.iter().map(|r| code("ok-reply", r.code())));
        }
        let missing: Vec<_> = wanted.iter().filter(|id| !defined.contains(*id)).collect();
        assert!(missing.is_empty(), "missing: {missing:?}");
    }

    #[test]
    fn arguments_are_interpolated_without_isolation_marks() {
        let text = I18n::new(Locale::En).t_with("language-current", &[("language", "English".into())]);
        assert_eq!(text, "Language: English (current language)");
    }
}
