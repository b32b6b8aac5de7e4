use super::RawAnswers;
use crate::error::AppError;
use leptos::prelude::*;

/// Casts the signed-in person's ballot (the confirmation of the review
/// page). The receipt is shown once on the next page and emailed.
#[server(prefix = "/api", endpoint = "consultations/cast_ballot")]
pub async fn cast_ballot(consultation_id: i64, #[server(default)] answers: RawAnswers) -> Result<(), AppError> {
    use super::{answers_by_question, ballot_errors};
    use crate::error::FormErrors;
    use crate::server::{internal, require_session, set_cookie, state};
    use palier_backend::consultations::lifecycle;
    use palier_backend::consultations::voting::{self, CastError, Channel, ReceiptMail};
    let state = state()?;
    let actor = require_session()?.actor;
    let load = || state.definitions.get(&state.db, consultation_id);
    let mut definition = load().await.map_err(internal)?.ok_or(AppError::NotFound)?;
    if lifecycle::is_due(&definition) {
        lifecycle::advance(&state.db, consultation_id).await.map_err(internal)?;
        definition = load().await.map_err(internal)?.ok_or(AppError::NotFound)?;
    }
    if !definition.visible_to(&actor) {
        return Err(AppError::NotFound);
    }
    let refuse = |message: &str| {
        let mut form = FormErrors::new();
        form.add("ballot", message);
        AppError::Invalid(form)
    };
    let Some(unit) = voting::unit_to_cast(&state.db, &definition, &actor).await.map_err(internal)? else {
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
    match state.ballots.cast(&definition, &unit, Channel::Online, &raw, mail).await {
        Ok(receipt) => {
            state.outbox.wake();
            let cookie = cookie::Cookie::build((format!("palier_receipt_{consultation_id}"), receipt))
                .path(format!("/consultations/{consultation_id}"))
                .http_only(true)
                .same_site(cookie::SameSite::Lax)
                .secure(state.settings.secure_cookies)
                .max_age(cookie::time::Duration::minutes(10))
                .build();
            set_cookie(cookie);
            leptos_axum::redirect(&format!("/consultations/{consultation_id}/recu"));
            Ok(())
        }
        Err(CastError::AlreadyVoted) => Err(refuse("error-ballot-already-voted")),
        Err(CastError::NotOpen) => Err(refuse("error-ballot-not-open")),
        Err(CastError::NotEligible) => Err(refuse("error-ballot-not-eligible")),
        Err(CastError::Invalid(errors)) => Err(AppError::Invalid(ballot_errors(&errors, &raw))),
        Err(CastError::Unexpected(error)) => Err(internal(error)),
    }
}

/// Records a paper ballot for one eligible unit (staff of the organisation).
#[server(prefix = "/api", endpoint = "consultations/record_paper_ballot")]
pub async fn record_paper_ballot(
    consultation_id: i64,
    unit_id: String,
    #[server(default)] answers: RawAnswers,
) -> Result<(), AppError> {
    use super::{answers_by_question, ballot_errors};
    use crate::error::FormErrors;
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::consultations::voting::{self, CastError, Channel};
    use palier_backend::consultations::{definition, lifecycle};
    use palier_backend::policy::Permission;
    let state = state()?;
    let actor = require_session()?.actor;
    lifecycle::advance(&state.db, consultation_id).await.map_err(internal)?;
    let definition = definition(&state.db, consultation_id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ManageRegistry, definition.organisation_scope())?;
    let raw = answers_by_question(&answers);
    let refuse = |field: &str, message: &str| {
        let mut form = ballot_errors(&Default::default(), &raw);
        form.keep("unit_id", &unit_id);
        form.add(field, message);
        AppError::Invalid(form)
    };
    let Some(unit) = unit_id.trim().parse::<i64>().ok() else { return Err(refuse("unit_id", "error-paper-unit")) };
    let Some(unit) = voting::eligible_unit(&state.db, consultation_id, unit).await.map_err(internal)? else {
        return Err(refuse("unit_id", "error-paper-unit"));
    };
    match state.ballots.cast(&definition, &unit, Channel::Paper { staff_id: actor.user_id }, &raw, None).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{consultation_id}?ok=paper-recorded#papier"));
            Ok(())
        }
        Err(CastError::AlreadyVoted) => Err(refuse("unit_id", "error-paper-already-voted")),
        Err(CastError::NotOpen) => Err(refuse("unit_id", "error-ballot-not-open")),
        Err(CastError::NotEligible) => Err(refuse("unit_id", "error-paper-unit")),
        Err(CastError::Invalid(errors)) => {
            let mut form: FormErrors = ballot_errors(&errors, &raw);
            form.keep("unit_id", &unit.unit_id.to_string());
            Err(AppError::Invalid(form))
        }
        Err(CastError::Unexpected(error)) => Err(internal(error)),
    }
}
