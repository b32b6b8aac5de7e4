//! Moving a consultation through its life by hand: scheduling, opening early, extending, publishing the response, archiving.

use super::*;
use crate::consultations::voting::Seal;

/// Freezes a draft: checks its questions and dates, then waits for its
/// opening time (opens at once when that time has come).
pub async fn schedule(
    db: &DatabaseConnection,
    seal: &Seal,
    actor_id: i64,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), BuildError> {
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
    if row.closes_at <= now {
        return Err(BuildError::ClosesInThePast);
    }
    check_audience(&txn, row.organisation_id, &definition.audience).await?;
    consultation::Entity::update_many()
        .col_expr(consultation::Column::Status, Expr::value(Status::Scheduled.code()))
        .col_expr(consultation::Column::UpdatedAt, Expr::value(now))
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
    super::super::lifecycle::advance(db, seal, id, now).await?;
    Ok(())
}

/// Takes a scheduled consultation back to draft (before it opened).
pub async fn unschedule(
    db: &DatabaseConnection,
    seal: &Seal,
    actor_id: i64,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), BuildError> {
    super::super::lifecycle::advance(db, seal, id, now).await?;
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
pub async fn open_now(
    db: &DatabaseConnection,
    seal: &Seal,
    actor_id: i64,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), BuildError> {
    let txn = db.begin().await?;
    let row = locked(&txn, id).await?;
    if status_of(&row) != Status::Scheduled {
        return Err(BuildError::BadTransition { from: status_of(&row), to: Status::Open });
    }
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
    super::super::lifecycle::advance(db, seal, id, now).await?;
    Ok(())
}

/// Moves the closing time of a consultation later: never earlier, never
/// after it passed, and once voting is open only once, never while its
/// results are shown live (staff could otherwise keep a vote open until the
/// answer they want leads), and announced to every home that may vote.
/// Audited.
pub async fn extend(
    db: &DatabaseConnection,
    seal: &Seal,
    actor_id: i64,
    id: i64,
    closes_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), BuildError> {
    super::super::lifecycle::advance(db, seal, id, now).await?;
    let txn = db.begin().await?;
    let row = locked(&txn, id).await?;
    let status = status_of(&row);
    if !matches!(status, Status::Open | Status::Scheduled) || row.closes_at <= now {
        return Err(BuildError::BadTransition { from: status, to: Status::Open });
    }
    if closes_at <= row.closes_at {
        return Err(BuildError::NotLater);
    }
    let open = status == Status::Open;
    if open && row.extended_from.is_some() {
        return Err(BuildError::AlreadyExtended);
    }
    if open && row.results_visibility.parse() == Ok(Visibility::Live) {
        return Err(BuildError::LiveResults);
    }
    consultation::Entity::update_many()
        .col_expr(consultation::Column::ClosesAt, Expr::value(closes_at))
        .col_expr(consultation::Column::ExtendedFrom, Expr::value(open.then_some(row.closes_at)))
        .col_expr(consultation::Column::UpdatedAt, Expr::value(now))
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
    if open {
        crate::notifications::notify(&txn, crate::notifications::Event::ConsultationExtended { consultation_id: id })
            .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Publishes the results and the landlord's response (closed consultations).
pub async fn publish(
    db: &DatabaseConnection,
    seal: &Seal,
    actor_id: i64,
    id: i64,
    response: &str,
    decision: Decision,
    now: DateTime<Utc>,
) -> Result<(), BuildError> {
    super::super::lifecycle::advance(db, seal, id, now).await?;
    let txn = db.begin().await?;
    let row = locked(&txn, id).await?;
    let from = status_of(&row);
    if !(from.can_become(Status::Published) || from == Status::Published) {
        return Err(BuildError::BadTransition { from, to: Status::Published });
    }
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
pub async fn archive(
    db: &DatabaseConnection,
    seal: &Seal,
    actor_id: i64,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), BuildError> {
    super::super::lifecycle::advance(db, seal, id, now).await?;
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
