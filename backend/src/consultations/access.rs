//! Who may open a consultation, decided once for every server function,
//! page and download: the clock first moves it on if it is due, then the
//! policy decides.

use super::voting::Seal;
use super::{Definition, Definitions, builder, lifecycle};
use crate::policy::{AccessError, Actor, Permission, Refusal};
use chrono::{DateTime, Utc};
use palier_domain::ids::{ConsultationId, QuestionId};
use sea_orm::{DatabaseConnection, DbErr};

/// What the caller wants to do with a consultation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read it, vote in it, see its results: its organisation's staff, and
    /// the tenants of its audience once it is no longer a draft.
    Read,
    /// Staff work on it with this permission on its organisation.
    Staff(Permission),
}

/// Consultation `id` as it is at `now`: when the clock should have opened
/// or closed it since it was last read, it is moved on first.
pub async fn current(
    db: &DatabaseConnection,
    definitions: &Definitions,
    seal: &Seal,
    id: ConsultationId,
    now: DateTime<Utc>,
) -> Result<Option<Definition>, DbErr> {
    let Some(definition) = definitions.get(db, id.get()).await? else { return Ok(None) };
    if !lifecycle::is_due(&definition, now) {
        return Ok(Some(definition));
    }
    // A vote that cannot close yet is shown as it is (its ballot box refuses
    // ballots past its closing time), not as an error page.
    if let Err(error) = lifecycle::advance(db, seal, id.get(), now).await {
        tracing::error!(%error, consultation = id.get(), "a consultation could not move on");
    }
    definitions.get(db, id.get()).await
}

/// Consultation `id`, as it is at `now`, when `actor` may have `access` to it.
pub async fn open(
    db: &DatabaseConnection,
    definitions: &Definitions,
    seal: &Seal,
    actor: &Actor,
    id: ConsultationId,
    access: Access,
    now: DateTime<Utc>,
) -> Result<Definition, AccessError> {
    let definition = current(db, definitions, seal, id, now).await?.ok_or(Refusal::NotFound)?;
    match access {
        Access::Read if definition.visible_to(actor) => {}
        Access::Read => return Err(Refusal::NotFound.into()),
        Access::Staff(permission) => actor.authorise(permission, definition.organisation_scope())?,
    }
    Ok(definition)
}

/// The consultation of question `id`, when `actor` may have `access` to it.
pub async fn open_by_question(
    db: &DatabaseConnection,
    definitions: &Definitions,
    seal: &Seal,
    actor: &Actor,
    id: QuestionId,
    access: Access,
    now: DateTime<Utc>,
) -> Result<Definition, AccessError> {
    let consultation = builder::consultation_of_question(db, id).await?.ok_or(Refusal::NotFound)?;
    open(db, definitions, seal, actor, ConsultationId::new(consultation), access, now).await
}
