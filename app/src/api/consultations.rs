//! Server functions of consultations: building them (staff), voting
//! (tenants, and paper ballots entered by staff), results and recount.

pub mod ballot;
pub mod build;
pub mod questions;
pub mod view;

use serde::{Deserialize, Serialize};

/// A question as a ballot shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionForm {
    pub id: i64,
    /// `single`, `multiple`, `ranking`, `scale` or `text`.
    pub kind: String,
    pub prompt: String,
    pub required: bool,
    pub options: Vec<(i64, String)>,
    pub min: u32,
    pub max: u32,
    pub scale_low: String,
    pub scale_high: String,
    pub max_chars: u32,
}

impl QuestionForm {
    /// The question's rule, as the ballot checks it.
    pub fn rules(&self) -> palier_domain::consultation::QuestionRules {
        use palier_domain::consultation::QuestionKind;
        let kind = match self.kind.as_str() {
            "multiple" => QuestionKind::MultipleChoice { min: self.min, max: self.max },
            "ranking" => QuestionKind::Ranking,
            "scale" => QuestionKind::Scale { low: self.scale_low.clone(), high: self.scale_high.clone() },
            "text" => QuestionKind::FreeText { max_chars: self.max_chars },
            _ => QuestionKind::SingleChoice,
        };
        palier_domain::consultation::QuestionRules {
            id: self.id,
            kind,
            required: self.required,
            options: self.options.iter().map(|(id, _)| *id).collect(),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<&palier_backend::consultations::QuestionView> for QuestionForm {
    fn from(q: &palier_backend::consultations::QuestionView) -> Self {
        use palier_domain::consultation::QuestionKind;
        let mut form = QuestionForm {
            id: q.id,
            kind: q.kind.code().to_owned(),
            prompt: q.prompt.clone(),
            required: q.required,
            options: q.options.clone(),
            min: 0,
            max: 0,
            scale_low: String::new(),
            scale_high: String::new(),
            max_chars: 0,
        };
        match &q.kind {
            QuestionKind::MultipleChoice { min, max } => (form.min, form.max) = (*min, *max),
            QuestionKind::Scale { low, high } => (form.scale_low, form.scale_high) = (low.clone(), high.clone()),
            QuestionKind::FreeText { max_chars } => form.max_chars = *max_chars,
            QuestionKind::SingleChoice | QuestionKind::Ranking => {}
        }
        form
    }
}

/// Form answers as posted: `answers[q12][]=…` gives key `q12`.
pub type RawAnswers = std::collections::BTreeMap<String, Vec<String>>;

/// Posted answers by question id (keys that are not `q<number>` are ignored).
pub fn answers_by_question(raw: &RawAnswers) -> std::collections::BTreeMap<i64, Vec<String>> {
    raw.iter()
        .filter_map(|(key, values)| key.strip_prefix('q').and_then(|id| id.parse().ok()).map(|id| (id, values.clone())))
        .collect()
}

/// The message id (and its arguments) for a question's broken rule.
pub fn answer_message(error: &palier_domain::consultation::AnswerError) -> (&'static str, Vec<(&'static str, String)>) {
    use palier_domain::consultation::AnswerError;
    match error {
        AnswerError::Missing => ("error-answer-missing", vec![]),
        AnswerError::TooFew { min } => ("error-answer-too-few", vec![("min", min.to_string())]),
        AnswerError::TooMany { max } => ("error-answer-too-many", vec![("max", max.to_string())]),
        AnswerError::OnlyOne => ("error-answer-only-one", vec![]),
        AnswerError::UnknownOption => ("error-answer-unknown", vec![]),
        AnswerError::BadRanking { count } => ("error-answer-ranking", vec![("count", count.to_string())]),
        AnswerError::OutOfScale => ("error-answer-scale", vec![]),
        AnswerError::TooLong { max } => ("error-answer-too-long", vec![("max", max.to_string())]),
    }
}

/// The form errors of a ballot that breaks rules, keeping every answer given.
#[cfg(feature = "ssr")]
pub fn ballot_errors(
    errors: &std::collections::BTreeMap<i64, palier_domain::consultation::AnswerError>,
    raw: &std::collections::BTreeMap<i64, Vec<String>>,
) -> crate::error::FormErrors {
    let mut form = crate::error::FormErrors::new();
    for (question, error) in errors {
        let (id, args) = answer_message(error);
        form.add_with(&format!("q{question}"), id, &args);
    }
    for (question, values) in raw {
        for value in values {
            form.keep(&format!("q{question}"), value);
        }
    }
    form
}
