//! The consultation forms' parsers.

use super::*;

fn settings_form<'a>(
    scope: &'a Input<Scope>,
    unit: &'a Input<VotingUnit>,
    visibility: &'a Input<Visibility>,
    quorum: &'a Input<u32>,
    residences: &'a [ResidenceId],
) -> SettingsForm<'a> {
    SettingsForm {
        title: "  Les   halls ",
        summary: "",
        body: "**Vos idées**",
        scope,
        residences,
        buildings: &[],
        unit,
        opens_at: "2026-12-01T18:00",
        closes_at: "2026-12-15T18:00",
        visibility,
        quorum,
    }
}

#[test]
fn settings_parse_into_typed_values() {
    let (scope, unit, visibility, quorum) =
        (Input::new("residences"), Input::new("household"), Input::new("after_close"), Input::new("25"));
    let residences = [ResidenceId::new(3)];
    let mut form = FormErrors::new();
    let settings = Settings::parse(&mut form, settings_form(&scope, &unit, &visibility, &quorum, &residences)).unwrap();
    assert_eq!(settings.title, "Les halls");
    assert_eq!(settings.audience, Audience::Residences(vec![ResidenceId::new(3)]));
    assert_eq!(settings.quorum_percent, Some(25));
    assert_eq!(settings.visibility, Visibility::AfterClose);
}

#[test]
fn every_bad_setting_is_named_and_what_was_typed_stays() {
    let (scope, unit, visibility, quorum) =
        (Input::new("residences"), Input::new("everyone"), Input::new("sometimes"), Input::new("150"));
    let mut form = FormErrors::new();
    assert!(Settings::parse(&mut form, settings_form(&scope, &unit, &visibility, &quorum, &[])).is_none());
    for (field, message) in [
        ("scope", "error-consultation-scope"),
        ("unit", "error-consultation-unit"),
        ("visibility", "error-consultation-visibility"),
        ("quorum", "error-quorum"),
    ] {
        assert_eq!(form.for_field(field), Some(message), "{field}");
    }
    assert_eq!(form.value("quorum"), Some("150"));
    assert_eq!(form.value("title"), Some("  Les   halls "));
}

#[test]
fn questions_check_their_own_rules() {
    let kind = Input::new("multiple");
    let (min, max, chars) = (Input::new("1"), Input::new("3"), Input::default());
    let posted = QuestionForm {
        kind: &kind,
        prompt: "Quels équipements ?",
        required: true,
        options: "Un banc\n\n  Des  plantes ",
        min_choices: &min,
        max_choices: &max,
        scale_low: "",
        scale_high: "",
        max_chars: &chars,
    };
    let mut form = FormErrors::new();
    assert!(QuestionDraft::parse(&mut form, posted).is_none(), "3 of 2 options");
    assert_eq!(form.for_field("max_choices"), Some("error-choice-limits"));
    let max = Input::new("2");
    let mut form = FormErrors::new();
    let draft = QuestionDraft::parse(&mut form, QuestionForm { max_choices: &max, ..posted }).unwrap();
    assert_eq!(draft.options, vec!["Un banc", "Des plantes"]);
    assert_eq!(draft.kind, QuestionKind::MultipleChoice { min: 1, max: 2 });
}

#[test]
fn long_scale_labels_are_refused_before_the_database_sees_them() {
    assert_eq!(scale_label(&"é".repeat(101)), Err("error-text-too-long"));
    assert!(scale_label(&"é".repeat(100)).is_ok());
}
