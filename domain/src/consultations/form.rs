//! The forms of the consultation builder, parsed by the same rules on the
//! server (the rule) and in the browser (instant feedback, field by field).

use super::{Audience, Decision, KindCode, MAX_TEXT_CHARS, QuestionKind, QuestionProblem, QuestionRules, Scope};
use super::{Visibility, VotingUnit};
use crate::form::{FormErrors, Input, collapse};
use crate::ids::{BuildingId, OptionId, QuestionId, ResidenceId, UnitId};
use crate::{InvitationCode, InvitationCodeError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The settings of a consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub audience: Audience,
    pub unit: VotingUnit,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub visibility: Visibility,
    /// Share of eligible units needed, in percent.
    pub quorum_percent: Option<u32>,
}

/// The settings form as posted.
#[derive(Debug, Clone, Copy)]
pub struct SettingsForm<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    pub scope: &'a Input<Scope>,
    pub residences: &'a [ResidenceId],
    pub buildings: &'a [BuildingId],
    pub unit: &'a Input<VotingUnit>,
    pub opens_at: &'a str,
    pub closes_at: &'a str,
    pub visibility: &'a Input<Visibility>,
    pub quorum: &'a Input<u32>,
}

/// The longest title, summary and body of a consultation, in characters.
pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 500;
pub const MAX_BODY: usize = 20_000;

/// A consultation's title: 1 to 200 characters, white space collapsed.
pub fn title(text: &str) -> Result<String, &'static str> {
    let title = collapse(text);
    if title.is_empty() || title.chars().count() > MAX_TITLE { Err("error-consultation-title") } else { Ok(title) }
}

/// Its summary: up to 500 characters, white space collapsed.
pub fn summary(text: &str) -> Result<String, &'static str> {
    let summary = collapse(text);
    if summary.chars().count() > MAX_SUMMARY { Err(TOO_LONG) } else { Ok(summary) }
}

/// Its body (markdown): up to 20 000 characters, as typed.
pub fn body(text: &str) -> Result<String, &'static str> {
    if text.chars().count() > MAX_BODY { Err(TOO_LONG) } else { Ok(text.to_owned()) }
}

/// A date and time as a `datetime-local` field gives it (the server also
/// refuses a time the spring change skips, with the same message).
pub fn datetime(text: &str) -> Result<(), &'static str> {
    crate::time::parse_local(text).map(|_| ()).ok_or(DATETIME)
}

/// The closing comes after the opening, both as typed in Paris time (the
/// browser checks it too, without the time zone).
pub fn schedule(opens_at: &str, closes_at: &str) -> Result<(), &'static str> {
    match (crate::time::parse_local(opens_at), crate::time::parse_local(closes_at)) {
        (Some(opens), Some(closes)) if closes <= opens => Err("error-closes-before-opens"),
        _ => Ok(()),
    }
}

/// A date and time in Paris time, as UTC.
pub fn paris_datetime(text: &str) -> Result<DateTime<Utc>, &'static str> {
    crate::time::parse_paris(text).ok_or(DATETIME)
}

/// The home (or adult) a paper ballot is for: one of the list's.
pub fn paper_unit(input: &Input<UnitId>) -> Result<UnitId, &'static str> {
    input.value().copied().ok_or("error-paper-unit")
}

/// A receipt to find in the ballot list: `None` when nothing is typed (no
/// lookup), else a code of the receipts' format (that of invitation codes).
pub fn receipt(text: &str) -> Result<Option<InvitationCode>, &'static str> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    InvitationCode::parse(text).map(Some).map_err(|error| match error {
        InvitationCodeError::InvalidCharacter => "error-receipt-character",
        InvitationCodeError::Empty | InvitationCodeError::WrongLength => "error-receipt-length",
    })
}

/// The quorum: nothing, or a share from 1 to 100 %.
pub fn quorum(input: &Input<u32>) -> Result<Option<u32>, &'static str> {
    if input.is_empty() {
        return Ok(None);
    }
    input.value().copied().filter(|q| (1..=100).contains(q)).map(Some).ok_or("error-quorum")
}

/// The landlord's response to a consultation: 1 to 20 000 characters.
pub fn response(text: &str) -> Result<String, &'static str> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.chars().count() > MAX_BODY {
        Err("error-response")
    } else {
        Ok(trimmed.to_owned())
    }
}

/// The decision published with the response.
pub fn decision(input: &Input<Decision>) -> Result<Decision, &'static str> {
    input.value().copied().ok_or("error-decision")
}

/// Who a consultation is for: the scope chosen, with at least one of its
/// places ticked (the form's other places are left out).
pub fn audience(
    scope: Option<Scope>,
    residences: &[ResidenceId],
    buildings: &[BuildingId],
) -> Result<Audience, &'static str> {
    match scope {
        Some(Scope::Organisation) => Ok(Audience::Organisation),
        Some(Scope::Residences) if !residences.is_empty() => Ok(Audience::Residences(residences.to_vec())),
        Some(Scope::Buildings) if !buildings.is_empty() => Ok(Audience::Buildings(buildings.to_vec())),
        _ => Err("error-consultation-scope"),
    }
}

const TOO_LONG: &str = "error-text-too-long";
const DATETIME: &str = "error-datetime";

impl Settings {
    /// Parses the settings form, recording every field's problem in `form`
    /// (which keeps what was typed).
    pub fn parse(form: &mut FormErrors, posted: SettingsForm<'_>) -> Option<Settings> {
        let title = form.field("title", posted.title, title);
        let summary = form.field("summary", posted.summary, summary);
        let body = form.field("body", posted.body, body);
        form.keep("scope", posted.scope.text());
        for id in posted.residences {
            form.keep("residences", &id.to_string());
        }
        for id in posted.buildings {
            form.keep("buildings", &id.to_string());
        }
        let audience = audience(posted.scope.value().copied(), posted.residences, posted.buildings)
            .map_err(|message| form.add("scope", message))
            .ok();
        let unit =
            form.field("unit", posted.unit.text(), |_| posted.unit.value().copied().ok_or("error-consultation-unit"));
        let opens = form.field("opens_at", posted.opens_at, paris_datetime);
        let closes = form.field("closes_at", posted.closes_at, paris_datetime);
        if let (Some(_), Some(_), Err(message)) = (opens, closes, schedule(posted.opens_at, posted.closes_at)) {
            form.add("closes_at", message);
        }
        let visibility = form.field("visibility", posted.visibility.text(), |_| {
            posted.visibility.value().copied().ok_or("error-consultation-visibility")
        });
        let quorum_percent = form.field("quorum", posted.quorum.text(), |_| quorum(posted.quorum));
        if !form.is_empty() {
            return None;
        }
        Some(Settings {
            title: title?,
            summary: summary?,
            body: body?,
            audience: audience?,
            unit: unit?,
            opens_at: opens?,
            closes_at: closes?,
            visibility: visibility?,
            quorum_percent: quorum_percent?,
        })
    }
}

/// A question to add, or to put in place of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionDraft {
    pub kind: QuestionKind,
    pub prompt: String,
    pub required: bool,
    /// Option labels, in order (for choice and ranking questions).
    pub options: Vec<String>,
}

/// The question form as posted.
#[derive(Debug, Clone, Copy)]
pub struct QuestionForm<'a> {
    pub kind: &'a Input<KindCode>,
    pub prompt: &'a str,
    pub required: bool,
    /// One option per line.
    pub options: &'a str,
    pub min_choices: &'a Input<u32>,
    pub max_choices: &'a Input<u32>,
    pub scale_low: &'a str,
    pub scale_high: &'a str,
    pub max_chars: &'a Input<u32>,
}

/// The longest prompt, option label and scale label, in characters.
pub const MAX_PROMPT: usize = 500;
pub const MAX_OPTION: usize = 300;
pub const MAX_SCALE_LABEL: usize = 100;
/// The most options a question may offer.
pub const MAX_OPTIONS: usize = 50;
/// The most questions a consultation may ask.
pub const MAX_QUESTIONS: u64 = 50;

/// A question's prompt: 1 to 500 characters, white space collapsed.
pub fn prompt(text: &str) -> Result<String, &'static str> {
    let prompt = collapse(text);
    if prompt.is_empty() || prompt.chars().count() > MAX_PROMPT { Err("error-question-prompt") } else { Ok(prompt) }
}

/// The options, one per line (blank lines left out), each up to 300 characters.
pub fn option_lines(text: &str) -> Result<Vec<String>, &'static str> {
    let labels: Vec<String> = text.lines().map(collapse).filter(|l| !l.is_empty()).collect();
    if labels.len() > MAX_OPTIONS || labels.iter().any(|l| l.chars().count() > MAX_OPTION) {
        Err(TOO_LONG)
    } else {
        Ok(labels)
    }
}

/// A label at one end of a scale: up to 100 characters, white space collapsed.
pub fn scale_label(text: &str) -> Result<String, &'static str> {
    let label = collapse(text);
    if label.chars().count() > MAX_SCALE_LABEL { Err(TOO_LONG) } else { Ok(label) }
}

/// A number of choices: nothing, or a whole number.
pub fn choice_count(input: &Input<u32>) -> Result<Option<u32>, &'static str> {
    if input.is_empty() {
        return Ok(None);
    }
    input.value().copied().map(Some).ok_or("error-choice-limits")
}

/// The length limit of a free-text answer: 1 to 2000 characters.
pub fn max_chars(input: &Input<u32>) -> Result<u32, &'static str> {
    input.value().copied().filter(|n| (1..=MAX_TEXT_CHARS).contains(n)).ok_or("error-max-chars")
}

impl QuestionDraft {
    /// Parses the question form, recording every field's problem in `form`.
    pub fn parse(form: &mut FormErrors, posted: QuestionForm<'_>) -> Option<QuestionDraft> {
        form.keep("kind", posted.kind.text());
        let prompt = form.field("prompt", posted.prompt, prompt);
        let labels = form.field("options", posted.options, option_lines).unwrap_or_default();
        let min = form.field("min_choices", posted.min_choices.text(), |_| choice_count(posted.min_choices));
        let max = form.field("max_choices", posted.max_choices.text(), |_| choice_count(posted.max_choices));
        let low = form.field("scale_low", posted.scale_low, scale_label);
        let high = form.field("scale_high", posted.scale_high, scale_label);
        let kind = match posted.kind.value() {
            Some(KindCode::Single) => Some(QuestionKind::SingleChoice),
            Some(KindCode::Ranking) => Some(QuestionKind::Ranking),
            Some(KindCode::Multiple) => match (min.flatten(), max.flatten()) {
                (Some(min), Some(max)) => Some(QuestionKind::MultipleChoice { min, max }),
                _ => {
                    form.add("max_choices", "error-choice-limits");
                    None
                }
            },
            Some(KindCode::Scale) => {
                Some(QuestionKind::Scale { low: low.unwrap_or_default(), high: high.unwrap_or_default() })
            }
            Some(KindCode::Text) => form
                .field("max_chars", posted.max_chars.text(), |_| max_chars(posted.max_chars))
                .map(|max_chars| QuestionKind::FreeText { max_chars }),
            None => {
                form.add("kind", "error-question-kind");
                None
            }
        };
        let kind = kind?;
        let count = i64::try_from(labels.len()).unwrap_or(0);
        let rules = QuestionRules {
            id: QuestionId::new(0),
            kind: kind.clone(),
            required: posted.required,
            options: (0..count).map(OptionId::new).collect(),
        };
        if let Err(problem) = rules.check() {
            let (field, message) = match problem {
                QuestionProblem::TooFewOptions => ("options", "error-options-too-few"),
                QuestionProblem::BadChoiceLimits => ("max_choices", "error-choice-limits"),
                QuestionProblem::BadTextLimit => ("max_chars", "error-max-chars"),
                QuestionProblem::MissingScaleLabels => ("scale_low", "error-scale-labels"),
            };
            form.add(field, message);
        }
        if !form.is_empty() {
            return None;
        }
        Some(QuestionDraft {
            options: if kind.has_options() { labels } else { Vec::new() },
            kind,
            prompt: prompt?,
            required: posted.required,
        })
    }
}

#[cfg(test)]
mod tests;
