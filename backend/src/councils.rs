//! Tenant councils: an organisation's councils, the residences they cover,
//! their members, their meetings and agendas, the convocations members
//! receive with an iCalendar invitation, and the public iCalendar feed.
//!
//! Who may do what: an organisation's staff manage its councils
//! (`Permission::ManageCouncils`); a council's president and secretary act
//! for it (convene, set the agenda, move or cancel a meeting —
//! `Actor::acts_for_council`); members answer convocations; a council's page,
//! its meetings and its feed are public. Every change is audit-logged.

pub mod calendar;
pub mod meetings;
pub mod members;
mod pages;

pub use pages::{admin_list, for_residence, meeting_page, page};

use crate::entities::{council, council_member, council_residence};
use crate::policy::{AccessError, Actor, Permission, Refusal, Scope};
use chrono::{DateTime, Utc};
use palier_domain::councils::SeatRole;
use palier_domain::councils::form::CouncilDraft;
use palier_domain::ids::{CouncilId, OrganisationId};
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait as _, QueryFilter as _, TransactionTrait as _,
};

/// Why a council operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum CouncilError {
    #[error("not found")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    /// No account has this address (a member is a person with an account).
    #[error("no account has this address")]
    UnknownPerson,
    /// A residence that is not the organisation's.
    #[error("the residence is not the organisation's")]
    ForeignResidence,
    /// The meeting is over or called off.
    #[error("not possible now")]
    NotNow,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<DbErr> for CouncilError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(anyhow::Error::new(error).context("database error in councils"))
    }
}

impl From<Refusal> for CouncilError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::Forbidden => CouncilError::Forbidden,
            Refusal::NotFound => CouncilError::NotFound,
        }
    }
}

impl From<AccessError> for CouncilError {
    fn from(error: AccessError) -> Self {
        match error {
            AccessError::Refused(refusal) => refusal.into(),
            AccessError::Db(error) => error.into(),
        }
    }
}

/// `user_id`'s role on council `council_id`, if they sit on it.
pub async fn seat<C: ConnectionTrait>(conn: &C, council_id: i64, user_id: i64) -> Result<Option<SeatRole>, DbErr> {
    Ok(council_member::Entity::find_by_id((council_id, user_id)).one(conn).await?.and_then(|m| m.role.parse().ok()))
}

/// Council `id`, which `actor` acts for (its staff, president or secretary).
pub async fn acting<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: CouncilId,
) -> Result<council::Model, CouncilError> {
    let row = council::Entity::find_by_id(id.get()).one(conn).await?.ok_or(CouncilError::NotFound)?;
    let seat = seat(conn, row.id, actor.user_id).await?;
    if actor.acts_for_council(row.organisation_id, seat) {
        Ok(row)
    } else {
        Err(actor
            .authorise(Permission::ManageCouncils, Scope::organisation(row.organisation_id))
            .err()
            .unwrap_or(Refusal::Forbidden)
            .into())
    }
}

/// Organisation `organisation`'s councils, for its staff.
pub async fn admin<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    organisation: OrganisationId,
) -> Result<palier_domain::councils::CouncilAdmin, CouncilError> {
    let row = crate::registry::access::organisation(conn, actor, organisation, Permission::ManageCouncils).await?;
    Ok(admin_list(conn, row).await?)
}

/// Checks that `residences` are organisation `organisation_id`'s.
async fn check_residences<C: ConnectionTrait>(
    conn: &C,
    organisation_id: i64,
    draft: &CouncilDraft,
) -> Result<(), CouncilError> {
    use crate::entities::residence;
    let ids: Vec<i64> = draft.residences.iter().map(|r| r.get()).collect();
    let found = residence::Entity::find()
        .filter(residence::Column::Id.is_in(ids.clone()))
        .filter(residence::Column::OrganisationId.eq(organisation_id))
        .all(conn)
        .await?;
    if found.len() == ids.len() { Ok(()) } else { Err(CouncilError::ForeignResidence) }
}

/// Creates a council of organisation `organisation` (its staff; audited).
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    organisation: OrganisationId,
    draft: CouncilDraft,
    now: DateTime<Utc>,
) -> Result<CouncilId, CouncilError> {
    actor.authorise(Permission::ManageCouncils, Scope::organisation(organisation.get()))?;
    check_residences(db, organisation.get(), &draft).await?;
    let txn = db.begin().await?;
    let row = council::ActiveModel {
        organisation_id: Set(organisation.get()),
        name: Set(draft.name.clone()),
        kind: Set(draft.kind.code().to_owned()),
        description: Set(draft.description.clone()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for residence in &draft.residences {
        council_residence::ActiveModel { council_id: Set(row.id), residence_id: Set(residence.get()) }
            .insert(&txn)
            .await?;
    }
    audit(
        &txn,
        actor.user_id,
        organisation.get(),
        palier_domain::audit::Action::CouncilCreated,
        row.id,
        serde_json::json!({ "name": draft.name }),
    )
    .await?;
    txn.commit().await?;
    Ok(CouncilId::new(row.id))
}

/// Records a council's action in its organisation's audit log.
pub(crate) async fn audit<C: ConnectionTrait>(
    conn: &C,
    actor_id: i64,
    organisation_id: i64,
    action: palier_domain::audit::Action,
    target_id: i64,
    details: serde_json::Value,
) -> Result<(), DbErr> {
    crate::audit::record(
        conn,
        crate::audit::Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(organisation_id),
            action,
            target_kind: "council",
            target_id: Some(target_id),
            details,
        },
    )
    .await
}

/// The residences council `id` covers (none: all of its organisation's).
pub(crate) async fn residences_of<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Vec<i64>, DbErr> {
    Ok(council_residence::Entity::find()
        .filter(council_residence::Column::CouncilId.eq(id))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.residence_id)
        .collect())
}
