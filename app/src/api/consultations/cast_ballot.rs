use super::PostedAnswers;
use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::ConsultationId;

/// Casts the signed-in person's ballot (the confirmation of the review
/// page). The receipt is shown once on the next page and emailed.
#[server(prefix = "/api", endpoint = "consultations/cast_ballot")]
pub async fn cast_ballot(
    consultation_id: ConsultationId,
    #[server(default)] answers: PostedAnswers,
) -> Result<(), AppError> {
    use super::receipt_cookie;
    use super::server::{ballot_errors, opened};
    use crate::error::FormErrors;
    use crate::server::{set_cookie, site_cookie};
    use palier_backend::consultations::access::Access;
    use palier_backend::consultations::voting::{self, CastError, Channel, ReceiptMail};
    use palier_domain::consultations::answers_by_question;
    let (state, actor, definition) = opened(consultation_id, Access::Read).await?;
    let refuse = |message: &str| {
        let mut form = FormErrors::new();
        form.add("ballot", message);
        AppError::Invalid(form)
    };
    let Some(unit) = voting::unit_to_cast(&state.db, &definition, &actor).await? else {
        return Err(refuse("error-ballot-not-eligible"));
    };
    let raw = answers_by_question(&answers);
    let links = state.settings.links();
    let mail = actor.email.as_deref().and_then(|e| palier_domain::Email::parse(e).ok()).map(|to| ReceiptMail {
        user_id: actor.user_id,
        to,
        locale: actor.locale,
        links: &links,
    });
    match state.ballots.cast(&definition, &unit, Channel::Online, &raw, mail, state.clock.now()).await {
        Ok(receipt) => {
            state.outbox.wake();
            let (name, path) = receipt_cookie(consultation_id);
            set_cookie(site_cookie(&state.settings, name, receipt, path, Some(cookie::time::Duration::minutes(10))));
            leptos_axum::redirect(&format!("/consultations/{consultation_id}/recu"));
            Ok(())
        }
        Err(CastError::AlreadyVoted) => Err(refuse("error-ballot-already-voted")),
        Err(CastError::NotOpen) => Err(refuse("error-ballot-not-open")),
        Err(CastError::NotEligible | CastError::OwnHome) => Err(refuse("error-ballot-not-eligible")),
        Err(CastError::Invalid(errors)) => Err(AppError::Invalid(ballot_errors(&errors, &raw))),
        Err(CastError::Unexpected(error)) => Err(error.into()),
    }
}
