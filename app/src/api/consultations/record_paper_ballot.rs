use super::PostedAnswers;
use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::form::Input;
use palier_domain::ids::{ConsultationId, UnitId};

/// Records a paper ballot for one eligible unit (staff of the organisation).
#[server(prefix = "/api", endpoint = "consultations/record_paper_ballot")]
pub async fn record_paper_ballot(
    consultation_id: ConsultationId,
    unit_id: Input<UnitId>,
    #[server(default)] answers: PostedAnswers,
) -> Result<(), AppError> {
    use super::server::{ballot_errors, opened};
    use palier_backend::consultations::access::Access;
    use palier_backend::consultations::voting::{self, CastError, Channel};
    use palier_backend::policy::Permission;
    use palier_domain::consultations::answers_by_question;
    let (state, actor, definition) = opened(consultation_id, Access::Staff(Permission::ManageRegistry)).await?;
    let raw = answers_by_question(&answers);
    let refuse = |message: &str| {
        let mut form = ballot_errors(&Default::default(), &raw);
        form.keep("unit_id", unit_id.text());
        form.add("unit_id", message);
        AppError::Invalid(form)
    };
    let unit = palier_domain::consultations::form::paper_unit(&unit_id).map_err(refuse)?;
    let Some(unit) = voting::eligible_unit(&state.db, consultation_id.get(), unit.get()).await? else {
        return Err(refuse("error-paper-unit"));
    };
    match state
        .ballots
        .cast(&definition, &unit, Channel::Paper { staff_id: actor.user_id }, &raw, None, state.clock.now())
        .await
    {
        Ok(_) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{consultation_id}?ok=paper-recorded#papier"));
            Ok(())
        }
        Err(CastError::AlreadyVoted) => Err(refuse("error-paper-already-voted")),
        Err(CastError::NotOpen) => Err(refuse("error-ballot-not-open")),
        Err(CastError::NotEligible) => Err(refuse("error-paper-unit")),
        Err(CastError::OwnHome) => Err(refuse("error-paper-own-home")),
        Err(CastError::Invalid(errors)) => {
            let mut form = ballot_errors(&errors, &raw);
            form.keep("unit_id", unit_id.text());
            Err(AppError::Invalid(form))
        }
        Err(CastError::Unexpected(error)) => Err(error.into()),
    }
}
