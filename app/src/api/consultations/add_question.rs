//! Server functions take one argument per form field, so some take many.
#![expect(clippy::too_many_arguments, reason = "one argument per form field")]

use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::consultations::KindCode;
use palier_domain::form::Input;
use palier_domain::ids::ConsultationId;

/// Adds a question to a draft consultation.
#[server(prefix = "/api", endpoint = "consultations/add_question")]
pub async fn add_question(
    consultation_id: ConsultationId,
    kind: Input<KindCode>,
    prompt: String,
    required: Option<String>,
    #[server(default)] options: String,
    #[server(default)] min_choices: Input<u32>,
    #[server(default)] max_choices: Input<u32>,
    #[server(default)] scale_low: String,
    #[server(default)] scale_high: String,
    #[server(default)] max_chars: Input<u32>,
) -> Result<(), AppError> {
    use super::server::{build_error, opened};
    use crate::error::FormErrors;
    use palier_backend::consultations::access::Access;
    use palier_backend::consultations::builder;
    use palier_backend::policy::Permission;
    use palier_domain::consultations::{QuestionDraft, form::QuestionForm};
    let (state, _, _) = opened(consultation_id, Access::Staff(Permission::ManageRegistry)).await?;
    let mut form = FormErrors::new();
    let posted = QuestionForm {
        kind: &kind,
        prompt: &prompt,
        required: required.is_some(),
        options: &options,
        min_choices: &min_choices,
        max_choices: &max_choices,
        scale_low: &scale_low,
        scale_high: &scale_high,
        max_chars: &max_chars,
    };
    let Some(question) = QuestionDraft::parse(&mut form, posted) else { return Err(AppError::Invalid(form)) };
    match builder::add_question(&state.db, consultation_id.get(), question).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{consultation_id}?ok=question-added#questions"));
            Ok(())
        }
        Err(error) => Err(build_error(error, form, "prompt")),
    }
}
