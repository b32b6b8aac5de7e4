//! Server functions take one argument per form field, so some take many.
#![expect(clippy::too_many_arguments, reason = "one argument per form field")]

use crate::error::AppError;
use leptos::prelude::*;

/// Checks a question form into a backend question.
#[cfg(feature = "ssr")]
fn parse_question(
    form: &mut crate::error::FormErrors,
    kind: &str,
    prompt: &str,
    required: bool,
    options: &str,
    min_choices: &str,
    max_choices: &str,
    scale_low: &str,
    scale_high: &str,
    max_chars: &str,
) -> Option<palier_backend::consultations::builder::NewQuestion> {
    use palier_domain::consultation::{MAX_TEXT_CHARS, QuestionKind};
    let prompt = prompt.split_whitespace().collect::<Vec<_>>().join(" ");
    for (field, value) in [
        ("kind", kind),
        ("prompt", prompt.as_str()),
        ("options", options),
        ("min_choices", min_choices),
        ("max_choices", max_choices),
        ("scale_low", scale_low),
        ("scale_high", scale_high),
        ("max_chars", max_chars),
    ] {
        form.keep(field, value);
    }
    if prompt.is_empty() || prompt.chars().count() > 500 {
        form.add("prompt", "error-question-prompt");
    }
    let labels: Vec<String> =
        options.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect();
    if labels.iter().any(|l| l.chars().count() > 300) {
        form.add("options", "error-text-too-long");
    }
    let number = |text: &str| text.trim().parse::<u32>().ok();
    let kind = match kind {
        "single" => Some(QuestionKind::SingleChoice),
        "ranking" => Some(QuestionKind::Ranking),
        "multiple" => match (number(min_choices), number(max_choices)) {
            (Some(min), Some(max)) => Some(QuestionKind::MultipleChoice { min, max }),
            _ => {
                form.add("max_choices", "error-choice-limits");
                None
            }
        },
        "scale" => Some(QuestionKind::Scale {
            low: scale_low.split_whitespace().collect::<Vec<_>>().join(" "),
            high: scale_high.split_whitespace().collect::<Vec<_>>().join(" "),
        }),
        "text" => match number(max_chars).filter(|n| (1..=MAX_TEXT_CHARS).contains(n)) {
            Some(max_chars) => Some(QuestionKind::FreeText { max_chars }),
            None => {
                form.add("max_chars", "error-max-chars");
                None
            }
        },
        _ => {
            form.add("kind", "error-question-kind");
            None
        }
    };
    let kind = kind?;
    let rules = palier_domain::consultation::QuestionRules {
        id: 0,
        kind: kind.clone(),
        required,
        options: (0..i64::try_from(labels.len()).unwrap_or(0)).collect(),
    };
    if let Err(problem) = rules.check() {
        use palier_domain::consultation::QuestionProblem;
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
    Some(palier_backend::consultations::builder::NewQuestion {
        kind,
        prompt,
        required,
        options: if rules.kind.has_options() { labels } else { Vec::new() },
    })
}

#[cfg(feature = "ssr")]
async fn authorise_consultation(
    consultation_id: i64,
) -> Result<(crate::server::AppState, palier_backend::policy::Actor), AppError> {
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::policy::Permission;
    let state = state()?;
    let actor = require_session()?.actor;
    let definition = palier_backend::consultations::definition(&state.db, consultation_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ManageRegistry, definition.organisation_scope())?;
    Ok((state, actor))
}

#[cfg(feature = "ssr")]
fn frozen_or(
    error: palier_backend::consultations::builder::BuildError,
    mut form: crate::error::FormErrors,
) -> AppError {
    use palier_backend::consultations::builder::BuildError;
    match error {
        BuildError::NotFound => AppError::NotFound,
        BuildError::Frozen => {
            form.add("prompt", "error-consultation-frozen");
            AppError::Invalid(form)
        }
        other => crate::server::internal(other),
    }
}

/// Adds a question to a draft consultation.
#[server(prefix = "/api", endpoint = "consultations/add_question")]
pub async fn add_question(
    consultation_id: i64,
    kind: String,
    prompt: String,
    required: Option<String>,
    #[server(default)] options: String,
    #[server(default)] min_choices: String,
    #[server(default)] max_choices: String,
    #[server(default)] scale_low: String,
    #[server(default)] scale_high: String,
    #[server(default)] max_chars: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    let (state, _) = authorise_consultation(consultation_id).await?;
    let mut form = FormErrors::new();
    let Some(question) = parse_question(
        &mut form,
        &kind,
        &prompt,
        required.is_some(),
        &options,
        &min_choices,
        &max_choices,
        &scale_low,
        &scale_high,
        &max_chars,
    ) else {
        return Err(AppError::Invalid(form));
    };
    match palier_backend::consultations::builder::add_question(&state.db, consultation_id, question).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{consultation_id}?ok=question-added#questions"));
            Ok(())
        }
        Err(error) => Err(frozen_or(error, form)),
    }
}

/// Replaces a question of a draft consultation.
#[server(prefix = "/api", endpoint = "consultations/update_question")]
pub async fn update_question(
    question_id: i64,
    kind: String,
    prompt: String,
    required: Option<String>,
    #[server(default)] options: String,
    #[server(default)] min_choices: String,
    #[server(default)] max_choices: String,
    #[server(default)] scale_low: String,
    #[server(default)] scale_high: String,
    #[server(default)] max_chars: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{internal, state};
    let db = state()?.db;
    let consultation_id = palier_backend::consultations::builder::consultation_of_question(&db, question_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let (state, _) = authorise_consultation(consultation_id).await?;
    let mut form = FormErrors::new();
    let Some(question) = parse_question(
        &mut form,
        &kind,
        &prompt,
        required.is_some(),
        &options,
        &min_choices,
        &max_choices,
        &scale_low,
        &scale_high,
        &max_chars,
    ) else {
        return Err(AppError::Invalid(form));
    };
    match palier_backend::consultations::builder::update_question(&state.db, question_id, question).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{consultation_id}?ok=question-saved#questions"));
            Ok(())
        }
        Err(error) => Err(frozen_or(error, form)),
    }
}

/// Deletes a question (`action=delete`) or moves it (`up`, `down`).
#[server(prefix = "/api", endpoint = "consultations/question_action")]
pub async fn question_action(question_id: i64, action: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{internal, state};
    use palier_backend::consultations::builder;
    let db = state()?.db;
    let consultation_id =
        builder::consultation_of_question(&db, question_id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    let (state, _) = authorise_consultation(consultation_id).await?;
    let result = match action.as_str() {
        "delete" => builder::delete_question(&state.db, question_id).await,
        "up" => builder::move_question(&state.db, question_id, -1).await,
        "down" => builder::move_question(&state.db, question_id, 1).await,
        _ => return Err(AppError::BadRequest),
    };
    match result {
        Ok(()) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{consultation_id}#questions"));
            Ok(())
        }
        Err(error) => Err(frozen_or(error, FormErrors::new())),
    }
}
