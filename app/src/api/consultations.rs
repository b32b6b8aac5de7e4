//! Server functions of consultations: building them (staff), voting
//! (tenants, and paper ballots entered by staff), results and recount.
//! One server function per file; what several share is in `server` below.

pub mod add_question;
pub mod admin_list;
pub mod ballots;
pub mod cast_ballot;
pub mod change_status;
pub mod create;
pub mod extend;
pub mod get;
pub mod get_admin;
pub mod mine;
pub mod places;
pub mod publish;
pub mod question_action;
pub mod record_paper_ballot;
pub mod results;
pub mod review;
pub mod take_receipt;
pub mod update;
pub mod update_question;

/// Ballots per page of the recount list.
pub const BALLOTS_PER_PAGE: u64 = 100;

/// Answers as a ballot form posts them: `answers[q12][]=…` gives key `q12`.
pub type PostedAnswers = std::collections::BTreeMap<String, Vec<String>>;

/// The cookie that carries a ballot's receipt to the next page, once.
pub fn receipt_cookie(consultation: palier_domain::ids::ConsultationId) -> (String, String) {
    (format!("palier_receipt_{consultation}"), format!("/consultations/{consultation}"))
}

#[cfg(feature = "ssr")]
mod server {
    use crate::error::{AppError, FormErrors};
    use crate::server::{AppState, signed_in};
    use palier_backend::consultations::Definition;
    use palier_backend::consultations::access::{Access, open};
    use palier_backend::consultations::builder::BuildError;
    use palier_backend::policy::Actor;
    use palier_domain::consultations::{AnswerError, RawAnswers, question_key};
    use palier_domain::ids::{ConsultationId, QuestionId};
    use std::collections::BTreeMap;

    /// The state, the signed-in person and the consultation, when they may
    /// have `access` to it (moved on by the clock first).
    pub async fn opened(id: ConsultationId, access: Access) -> Result<(AppState, Actor, Definition), AppError> {
        let (state, actor) = signed_in()?;
        let definition =
            open(&state.db, &state.definitions, &state.seal, &actor, id, access, state.clock.now()).await?;
        Ok((state, actor, definition))
    }

    /// The form errors of a ballot that breaks rules, keeping every answer given.
    pub fn ballot_errors(errors: &BTreeMap<QuestionId, AnswerError>, raw: &RawAnswers) -> FormErrors {
        let mut form = FormErrors::new();
        for (question, error) in errors {
            let (id, args) = error.message();
            form.add_with(&question_key(*question), id, &args);
        }
        for (question, values) in raw {
            for value in values {
                form.keep(&question_key(*question), value);
            }
        }
        form
    }

    /// A builder refusal as the form shows it, on `field` (`form` keeps
    /// what was typed).
    pub fn build_error(error: BuildError, mut form: FormErrors, field: &str) -> AppError {
        let message = match error {
            BuildError::NotFound => return AppError::NotFound,
            BuildError::Unexpected(error) => return error.into(),
            BuildError::Frozen => "error-consultation-frozen",
            BuildError::BadAudience => "error-consultation-scope",
            BuildError::BadTransition { .. } => "error-consultation-transition",
            BuildError::NoQuestion => "error-consultation-no-question",
            BuildError::TooManyQuestions => "error-consultation-too-many-questions",
            BuildError::QuestionNotReady { .. } => "error-consultation-question-not-ready",
            BuildError::ClosesBeforeOpens => "error-closes-before-opens",
            BuildError::ClosesInThePast => "error-closes-in-past",
            BuildError::NotLater => "error-extend-not-later",
            BuildError::AlreadyExtended => "error-extend-once",
            BuildError::LiveResults => "error-extend-live",
        };
        form.add(field, message);
        AppError::Invalid(form)
    }
}
