//! What staff do to a consultation: write it, set its questions, schedule
//! it, extend it, publish the response, archive it. Questions, options,
//! audience, unit, opening time and rules change only while it is a draft;
//! the database rows are re-checked inside each transaction, so a change
//! racing the opening is refused too.

use super::definition;
use crate::audit::{self, Entry};
use crate::entities::{building, consultation, consultation_scope, question, question_option, residence};
use chrono::{DateTime, Utc};

use palier_domain::consultations::{Audience, Decision, QuestionDraft, Settings};
use palier_domain::consultations::{QuestionKind, QuestionProblem, Status};
use palier_domain::ids::QuestionId;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, DbErr, EntityTrait as _, PaginatorTrait as _, QueryFilter as _, TransactionTrait as _,
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
    #[error("question {question} is not ready: {problem}")]
    QuestionNotReady { question: i64, problem: QuestionProblem },
    #[error("the closing time must come after the opening time")]
    ClosesBeforeOpens,
    #[error("the closing time has passed")]
    ClosesInThePast,
    #[error("the new closing time must be later than the current one")]
    NotLater,
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

async fn locked(txn: &DatabaseTransaction, id: i64) -> Result<consultation::Model, BuildError> {
    consultation::Entity::find_by_id(id).one(txn).await?.ok_or(BuildError::NotFound)
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

/// The kind-specific columns of a question row.
#[derive(Default)]
struct KindColumns {
    min: Option<i32>,
    max: Option<i32>,
    low: Option<String>,
    high: Option<String>,
    chars: Option<i32>,
}

fn question_columns(q: &QuestionDraft) -> KindColumns {
    let int = |v: u32| i32::try_from(v).ok();
    match &q.kind {
        QuestionKind::MultipleChoice { min, max } => {
            KindColumns { min: int(*min), max: int(*max), ..Default::default() }
        }
        QuestionKind::Scale { low, high } => {
            KindColumns { low: Some(low.clone()), high: Some(high.clone()), ..Default::default() }
        }
        QuestionKind::FreeText { max_chars } => KindColumns { chars: int(*max_chars), ..Default::default() },
        QuestionKind::SingleChoice | QuestionKind::Ranking => KindColumns::default(),
    }
}

async fn write_options(txn: &DatabaseTransaction, question_id: i64, q: &QuestionDraft) -> Result<(), DbErr> {
    question_option::Entity::delete_many()
        .filter(question_option::Column::QuestionId.eq(question_id))
        .exec(txn)
        .await?;
    if !q.kind.has_options() || q.options.is_empty() {
        return Ok(());
    }
    let rows = q.options.iter().enumerate().map(|(position, label)| question_option::ActiveModel {
        question_id: Set(question_id),
        position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
        label: Set(label.clone()),
        ..Default::default()
    });
    question_option::Entity::insert_many(rows).exec(txn).await?;
    Ok(())
}

/// Adds a question at the end of a draft.
pub async fn add_question(
    db: &DatabaseConnection,
    consultation_id: i64,
    new: QuestionDraft,
) -> Result<i64, BuildError> {
    let txn = db.begin().await?;
    editable(&txn, consultation_id).await?;
    let position = i32::try_from(
        question::Entity::find().filter(question::Column::ConsultationId.eq(consultation_id)).count(&txn).await?,
    )
    .unwrap_or(i32::MAX);
    let KindColumns { min, max, low, high, chars } = question_columns(&new);
    let row = question::ActiveModel {
        consultation_id: Set(consultation_id),
        position: Set(position),
        kind: Set(new.kind.code().code().to_owned()),
        prompt: Set(new.prompt.clone()),
        required: Set(new.required),
        min_choices: Set(min),
        max_choices: Set(max),
        scale_low: Set(low),
        scale_high: Set(high),
        max_chars: Set(chars),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    write_options(&txn, row.id, &new).await?;
    txn.commit().await?;
    Ok(row.id)
}

async fn question_of_draft(txn: &DatabaseTransaction, question_id: i64) -> Result<question::Model, BuildError> {
    let row = question::Entity::find_by_id(question_id).one(txn).await?.ok_or(BuildError::NotFound)?;
    editable(txn, row.consultation_id).await?;
    Ok(row)
}

/// The consultation a question belongs to.
pub async fn consultation_of_question<C: ConnectionTrait>(
    conn: &C,
    question_id: QuestionId,
) -> Result<Option<i64>, DbErr> {
    let question_id = question_id.get();
    Ok(question::Entity::find_by_id(question_id).one(conn).await?.map(|q| q.consultation_id))
}

/// Replaces a question of a draft.
pub async fn update_question(
    db: &DatabaseConnection,
    question_id: QuestionId,
    new: QuestionDraft,
) -> Result<(), BuildError> {
    let question_id = question_id.get();
    let txn = db.begin().await?;
    let row = question_of_draft(&txn, question_id).await?;
    let KindColumns { min, max, low, high, chars } = question_columns(&new);
    let mut active: question::ActiveModel = row.into();
    active.kind = Set(new.kind.code().code().to_owned());
    active.prompt = Set(new.prompt.clone());
    active.required = Set(new.required);
    active.min_choices = Set(min);
    active.max_choices = Set(max);
    active.scale_low = Set(low);
    active.scale_high = Set(high);
    active.max_chars = Set(chars);
    active.update(&txn).await?;
    write_options(&txn, question_id, &new).await?;
    txn.commit().await?;
    Ok(())
}

/// Deletes a question of a draft.
pub async fn delete_question(db: &DatabaseConnection, question_id: QuestionId) -> Result<(), BuildError> {
    let question_id = question_id.get();
    let txn = db.begin().await?;
    question_of_draft(&txn, question_id).await?;
    question::Entity::delete_by_id(question_id).exec(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Moves a question of a draft one place up (`-1`) or down (`1`).
pub async fn move_question(db: &DatabaseConnection, question_id: QuestionId, direction: i32) -> Result<(), BuildError> {
    let question_id = question_id.get();
    let txn = db.begin().await?;
    let row = question_of_draft(&txn, question_id).await?;
    let definition = definition(&txn, row.consultation_id).await?.ok_or(BuildError::NotFound)?;
    let mut ids: Vec<i64> = definition.questions.iter().map(|q| q.id.get()).collect();
    let Some(index) = ids.iter().position(|id| *id == question_id) else { return Err(BuildError::NotFound) };
    let target = index as i64 + i64::from(direction.signum());
    if target < 0 || target >= ids.len() as i64 {
        return Ok(());
    }
    ids.swap(index, usize::try_from(target).unwrap_or(index));
    for (position, id) in ids.into_iter().enumerate() {
        question::Entity::update_many()
            .col_expr(question::Column::Position, Expr::value(i32::try_from(position).unwrap_or(i32::MAX)))
            .filter(question::Column::Id.eq(id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Freezes a draft: checks its questions and dates, then waits for its
/// opening time (opens at once when that time has come).
pub async fn schedule(db: &DatabaseConnection, actor_id: i64, id: i64) -> Result<(), BuildError> {
    let txn = db.begin().await?;
    let row = locked(&txn, id).await?;
    let from = status_of(&row);
    if !from.can_become(Status::Scheduled) {
        return Err(BuildError::BadTransition { from, to: Status::Scheduled });
    }
    let definition = definition(&txn, id).await?.ok_or(BuildError::NotFound)?;
    if definition.questions.is_empty() {
        return Err(BuildError::NoQuestion);
    }
    for question in &definition.questions {
        question
            .rules()
            .check()
            .map_err(|problem| BuildError::QuestionNotReady { question: question.id.get(), problem })?;
    }
    if row.closes_at <= row.opens_at {
        return Err(BuildError::ClosesBeforeOpens);
    }
    if row.closes_at <= Utc::now() {
        return Err(BuildError::ClosesInThePast);
    }
    check_audience(&txn, row.organisation_id, &definition.audience).await?;
    consultation::Entity::update_many()
        .col_expr(consultation::Column::Status, Expr::value(Status::Scheduled.code()))
        .col_expr(consultation::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(consultation::Column::Id.eq(id))
        .filter(consultation::Column::Status.eq(Status::Draft.code()))
        .exec(&txn)
        .await?;
    log(
        &txn,
        Some(actor_id),
        &row,
        palier_domain::audit::Action::ConsultationScheduled,
        json!({ "title": row.title, "opens_at": row.opens_at, "closes_at": row.closes_at }),
    )
    .await?;
    txn.commit().await?;
    super::lifecycle::advance(db, id).await?;
    Ok(())
}

/// Takes a scheduled consultation back to draft (before it opened).
pub async fn unschedule(db: &DatabaseConnection, actor_id: i64, id: i64) -> Result<(), BuildError> {
    super::lifecycle::advance(db, id).await?;
    let txn = db.begin().await?;
    let row = locked(&txn, id).await?;
    let from = status_of(&row);
    if from != Status::Scheduled {
        return Err(BuildError::BadTransition { from, to: Status::Draft });
    }
    consultation::Entity::update_many()
        .col_expr(consultation::Column::Status, Expr::value(Status::Draft.code()))
        .filter(consultation::Column::Id.eq(id))
        .filter(consultation::Column::Status.eq(Status::Scheduled.code()))
        .exec(&txn)
        .await?;
    log(
        &txn,
        Some(actor_id),
        &row,
        palier_domain::audit::Action::ConsultationUnscheduled,
        json!({ "title": row.title }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Opens a scheduled consultation now instead of at its opening time.
pub async fn open_now(db: &DatabaseConnection, actor_id: i64, id: i64) -> Result<(), BuildError> {
    let txn = db.begin().await?;
    let row = locked(&txn, id).await?;
    if status_of(&row) != Status::Scheduled {
        return Err(BuildError::BadTransition { from: status_of(&row), to: Status::Open });
    }
    let now = Utc::now();
    consultation::Entity::update_many()
        .col_expr(consultation::Column::OpensAt, Expr::value(now))
        .filter(consultation::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    log(
        &txn,
        Some(actor_id),
        &row,
        palier_domain::audit::Action::ConsultationOpenedEarly,
        json!({ "title": row.title }),
    )
    .await?;
    txn.commit().await?;
    super::lifecycle::advance(db, id).await?;
    Ok(())
}

/// Moves the closing time of an open consultation later (never earlier,
/// never after it passed). Audited.
pub async fn extend(
    db: &DatabaseConnection,
    actor_id: i64,
    id: i64,
    closes_at: DateTime<Utc>,
) -> Result<(), BuildError> {
    super::lifecycle::advance(db, id).await?;
    let txn = db.begin().await?;
    let row = locked(&txn, id).await?;
    let status = status_of(&row);
    if !matches!(status, Status::Open | Status::Scheduled) || row.closes_at <= Utc::now() {
        return Err(BuildError::BadTransition { from: status, to: Status::Open });
    }
    if closes_at <= row.closes_at {
        return Err(BuildError::NotLater);
    }
    consultation::Entity::update_many()
        .col_expr(consultation::Column::ClosesAt, Expr::value(closes_at))
        .col_expr(consultation::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(consultation::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    log(
        &txn,
        Some(actor_id),
        &row,
        palier_domain::audit::Action::ConsultationExtended,
        json!({ "title": row.title, "from": row.closes_at, "to": closes_at }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Publishes the results and the landlord's response (closed consultations).
pub async fn publish(
    db: &DatabaseConnection,
    actor_id: i64,
    id: i64,
    response: &str,
    decision: Decision,
) -> Result<(), BuildError> {
    super::lifecycle::advance(db, id).await?;
    let txn = db.begin().await?;
    let row = locked(&txn, id).await?;
    let from = status_of(&row);
    if !(from.can_become(Status::Published) || from == Status::Published) {
        return Err(BuildError::BadTransition { from, to: Status::Published });
    }
    let now = Utc::now();
    consultation::Entity::update_many()
        .col_expr(consultation::Column::Status, Expr::value(Status::Published.code()))
        .col_expr(consultation::Column::ResponseBody, Expr::value(response.to_owned()))
        .col_expr(consultation::Column::ResponseDecision, Expr::value(decision.code()))
        .col_expr(consultation::Column::ResponsePublishedAt, Expr::value(now))
        .col_expr(consultation::Column::UpdatedAt, Expr::value(now))
        .filter(consultation::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    log(
        &txn,
        Some(actor_id),
        &row,
        palier_domain::audit::Action::ConsultationPublished,
        json!({ "title": row.title, "decision": decision.code() }),
    )
    .await?;
    // Once: editing the response later does not notify again.
    crate::notifications::notify(&txn, crate::notifications::Event::ResponsePublished { consultation_id: id }).await?;
    txn.commit().await?;
    Ok(())
}

/// Archives a consultation whose voting is over.
pub async fn archive(db: &DatabaseConnection, actor_id: i64, id: i64) -> Result<(), BuildError> {
    super::lifecycle::advance(db, id).await?;
    let txn = db.begin().await?;
    let row = locked(&txn, id).await?;
    let from = status_of(&row);
    if !from.can_become(Status::Archived) {
        return Err(BuildError::BadTransition { from, to: Status::Archived });
    }
    consultation::Entity::update_many()
        .col_expr(consultation::Column::Status, Expr::value(Status::Archived.code()))
        .filter(consultation::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    log(&txn, Some(actor_id), &row, palier_domain::audit::Action::ConsultationArchived, json!({ "title": row.title }))
        .await?;
    txn.commit().await?;
    Ok(())
}
