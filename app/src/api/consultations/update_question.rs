//! Server functions take one argument per form field, so some take many.
#![expect(clippy::too_many_arguments, reason = "one argument per form field")]

use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::consultations::KindCode;
use palier_domain::form::Input;
use palier_domain::ids::QuestionId;

/// Replaces a question of a draft consultation.
#[server(prefix = "/api", endpoint = "consultations/update_question")]
pub async fn update_question(
    question_id: QuestionId,
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
    use super::server::build_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::consultations::access::{Access, open_by_question};
    use palier_backend::consultations::builder;
    use palier_backend::policy::Permission;
    use palier_domain::consultations::{QuestionDraft, form::QuestionForm};
    let (state, actor) = signed_in()?;
    let access = Access::Staff(Permission::ManageRegistry);
    let definition =
        open_by_question(&state.db, &state.definitions, &state.seal, &actor, question_id, access, state.clock.now())
            .await?;
    let mut form = FormErrors::new();
    // Which question's form the errors go back to.
    form.keep("question_id", &question_id.to_string());
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
    match builder::update_question(&state.db, question_id, question).await {
        Ok(()) => {
            let consultation = definition.consultation.id;
            leptos_axum::redirect(&format!("/gestion/consultations/{consultation}?ok=question-saved#questions"));
            Ok(())
        }
        Err(error) => Err(build_error(error, form, "prompt")),
    }
}
