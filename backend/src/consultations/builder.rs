//! What staff do to a consultation: write it, set its questions, schedule
//! it, extend it, publish the response, archive it. Questions, options,
//! audience, unit, opening time and rules change only while it is a draft;
//! the database rows are re-checked inside each transaction, so a change
//! racing the opening is refused too.

mod questions;
mod status;

pub use questions::*;
pub use status::*;

use super::definition;
use crate::audit::{self, Entry};
use crate::entities::{building, consultation, consultation_scope, question, question_option, residence};
use chrono::{DateTime, Utc};

use palier_domain::consultations::form::MAX_QUESTIONS;
use palier_domain::consultations::{Audience, Decision, QuestionDraft, Settings, Visibility};
use palier_domain::consultations::{QuestionKind, QuestionProblem, Status};
use palier_domain::ids::QuestionId;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, DbErr, EntityTrait as _, PaginatorTrait as _, QueryFilter as _, QuerySelect as _,
    TransactionTrait as _,
};
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("not found")]
    NotFound,
    /// Voting has opened (or is scheduled): the rules are frozen.
    #[error("the consultation's rules are frozen")]
    Frozen,
    /// A residence or building of the audience is not the organisation's.
    #[error("the audience is not valid")]
    BadAudience,
    #[error("the consultation cannot move from {from} to {to}")]
    BadTransition { from: Status, to: Status },
    #[error("the consultation has no question")]
    NoQuestion,
    /// A ballot of more questions than anyone answers.
    #[error("the consultation has {MAX_QUESTIONS} questions already")]
    TooManyQuestions,
    #[error("question {question} is not ready: {problem}")]
    QuestionNotReady { question: i64, problem: QuestionProblem },
    #[error("the closing time must come after the opening time")]
    ClosesBeforeOpens,
    #[error("the closing time has passed")]
    ClosesInThePast,
    #[error("the new closing time must be later than the current one")]
    NotLater,
    /// An open vote's closing time moves once at most.
    #[error("the closing time was extended already")]
    AlreadyExtended,
    /// A vote whose results are shown live keeps its closing time.
    #[error("the results are shown live")]
    LiveResults,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<DbErr> for BuildError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(anyhow::Error::new(error).context("database error in the consultation builder"))
    }
}

fn status_of(row: &consultation::Model) -> Status {
    row.status.parse::<Status>().ok().unwrap_or(Status::Draft)
}

/// Consultation `id`, its row locked until `txn` ends: an edit and a change
/// of status wait for each other, so the opening checks the rules it freezes
/// and no edit lands after it. The first statement writes (a no-op update),
/// which takes the row's lock on PostgreSQL and the database's write lock on
/// SQLite (where a read first would make the later write fail, not wait,
/// when another connection wrote in between).
async fn locked(txn: &DatabaseTransaction, id: i64) -> Result<consultation::Model, BuildError> {
    consultation::Entity::update_many()
        .col_expr(consultation::Column::UpdatedAt, Expr::col(consultation::Column::UpdatedAt).into())
        .filter(consultation::Column::Id.eq(id))
        .exec(txn)
        .await?;
    consultation::Entity::find_by_id(id).lock_exclusive().one(txn).await?.ok_or(BuildError::NotFound)
}

async fn editable(txn: &DatabaseTransaction, id: i64) -> Result<consultation::Model, BuildError> {
    let row = locked(txn, id).await?;
    if status_of(&row).is_editable() { Ok(row) } else { Err(BuildError::Frozen) }
}

/// Checks that the audience's residences or buildings belong to the organisation.
async fn check_audience<C: ConnectionTrait>(
    conn: &C,
    organisation_id: i64,
    audience: &Audience,
) -> Result<(), BuildError> {
    let ok = match audience {
        Audience::Organisation => true,
        Audience::Residences(ids) => {
            !ids.is_empty()
                && residence::Entity::find()
                    .filter(residence::Column::Id.is_in(ids.iter().map(|id| id.get())))
                    .filter(residence::Column::OrganisationId.eq(organisation_id))
                    .count(conn)
                    .await?
                    == ids.len() as u64
        }
        Audience::Buildings(ids) => {
            let buildings = building::Entity::find()
                .filter(building::Column::Id.is_in(ids.iter().map(|id| id.get())))
                .find_also_related(residence::Entity)
                .all(conn)
                .await?;
            !ids.is_empty()
                && buildings.len() == ids.len()
                && buildings.iter().all(|(_, r)| r.as_ref().is_some_and(|r| r.organisation_id == organisation_id))
        }
    };
    if ok { Ok(()) } else { Err(BuildError::BadAudience) }
}

async fn write_audience(txn: &DatabaseTransaction, consultation_id: i64, audience: &Audience) -> Result<(), DbErr> {
    consultation_scope::Entity::delete_many()
        .filter(consultation_scope::Column::ConsultationId.eq(consultation_id))
        .exec(txn)
        .await?;
    let rows: Vec<consultation_scope::ActiveModel> = match audience {
        Audience::Organisation => Vec::new(),
        Audience::Residences(ids) => ids
            .iter()
            .map(|id| consultation_scope::ActiveModel {
                consultation_id: Set(consultation_id),
                residence_id: Set(Some(id.get())),
                building_id: Set(None),
                ..Default::default()
            })
            .collect(),
        Audience::Buildings(ids) => ids
            .iter()
            .map(|id| consultation_scope::ActiveModel {
                consultation_id: Set(consultation_id),
                residence_id: Set(None),
                building_id: Set(Some(id.get())),
                ..Default::default()
            })
            .collect(),
    };
    if !rows.is_empty() {
        consultation_scope::Entity::insert_many(rows).exec(txn).await?;
    }
    Ok(())
}

async fn log(
    conn: &impl ConnectionTrait,
    actor_id: Option<i64>,
    row: &consultation::Model,
    action: palier_domain::audit::Action,
    details: serde_json::Value,
) -> Result<(), DbErr> {
    audit::record(
        conn,
        Entry {
            actor_user_id: actor_id,
            organisation_id: Some(row.organisation_id),
            action,
            target_kind: "consultation",
            target_id: Some(row.id),
            details,
        },
    )
    .await
}

/// Creates a draft consultation.
pub async fn create(
    db: &DatabaseConnection,
    actor_id: i64,
    organisation_id: i64,
    settings: Settings,
) -> Result<consultation::Model, BuildError> {
    check_audience(db, organisation_id, &settings.audience).await?;
    if settings.closes_at <= settings.opens_at {
        return Err(BuildError::ClosesBeforeOpens);
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    let row = consultation::ActiveModel {
        organisation_id: Set(organisation_id),
        title: Set(settings.title),
        summary: Set(settings.summary),
        body: Set(settings.body),
        scope_kind: Set(settings.audience.scope().code().to_owned()),
        voting_unit: Set(settings.unit.code().to_owned()),
        opens_at: Set(settings.opens_at),
        closes_at: Set(settings.closes_at),
        results_visibility: Set(settings.visibility.code().to_owned()),
        quorum_percent: Set(settings.quorum_percent.and_then(|q| i32::try_from(q).ok())),
        status: Set(Status::Draft.code().to_owned()),
        created_by: Set(Some(actor_id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    write_audience(&txn, row.id, &settings.audience).await?;
    log(&txn, Some(actor_id), &row, palier_domain::audit::Action::ConsultationCreated, json!({ "title": row.title }))
        .await?;
    txn.commit().await?;
    Ok(row)
}

/// Changes a draft's settings.
pub async fn update(db: &DatabaseConnection, actor_id: i64, id: i64, settings: Settings) -> Result<(), BuildError> {
    let txn = db.begin().await?;
    let row = editable(&txn, id).await?;
    check_audience(&txn, row.organisation_id, &settings.audience).await?;
    if settings.closes_at <= settings.opens_at {
        return Err(BuildError::ClosesBeforeOpens);
    }
    let mut active: consultation::ActiveModel = row.clone().into();
    active.title = Set(settings.title);
    active.summary = Set(settings.summary);
    active.body = Set(settings.body);
    active.scope_kind = Set(settings.audience.scope().code().to_owned());
    active.voting_unit = Set(settings.unit.code().to_owned());
    active.opens_at = Set(settings.opens_at);
    active.closes_at = Set(settings.closes_at);
    active.results_visibility = Set(settings.visibility.code().to_owned());
    active.quorum_percent = Set(settings.quorum_percent.and_then(|q| i32::try_from(q).ok()));
    active.updated_at = Set(Utc::now());
    active.update(&txn).await?;
    write_audience(&txn, id, &settings.audience).await?;
    let _ = actor_id;
    txn.commit().await?;
    Ok(())
}
