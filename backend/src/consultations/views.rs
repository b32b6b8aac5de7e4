//! Consultations as pages show them, each view gathered in a fixed number
//! of queries: the server functions make one call here and send the result.

use super::{Definition, results, voting};
use crate::entities::{consultation, eligible_unit, household, residence, user};
use crate::policy::{Actor, Permission};
use chrono::{DateTime, Utc};
use palier_domain::consultations::{
    AdminList, AnswerError, BallotList, ConsultationAdmin, ConsultationView, PaperUnit, RawAnswers, Review, Status,
    Summary, VotingUnit, answer_field, check_ballot,
};
use palier_domain::ids::{ConsultationId, OrganisationId, QuestionId, UnitId};
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _,
};
use std::collections::{BTreeMap, HashMap};

/// A consultation row in a list, with the status the clock gives it now
/// (reading a list never writes: the server's clock moves them on).
pub fn summary(row: &consultation::Model, now: DateTime<Utc>) -> Summary {
    let stored = row.status.parse().unwrap_or(Status::Draft);
    Summary {
        id: ConsultationId::new(row.id),
        title: row.title.clone(),
        summary: row.summary.clone(),
        status: stored.by_clock(
            now.timestamp_millis(),
            row.opens_at.timestamp_millis(),
            row.closes_at.timestamp_millis(),
        ),
        opens_at: row.opens_at,
        closes_at: row.closes_at,
    }
}

/// Every consultation of an organisation, newest first (its back office);
/// `None` when there is no such organisation.
pub async fn admin_list<C: ConnectionTrait>(
    conn: &C,
    organisation_id: OrganisationId,
    now: DateTime<Utc>,
) -> Result<Option<AdminList>, DbErr> {
    let Some(organisation) = crate::registry::organisation_name(conn, organisation_id.get()).await? else {
        return Ok(None);
    };
    let rows = consultation::Entity::find()
        .filter(consultation::Column::OrganisationId.eq(organisation_id.get()))
        .order_by_desc(consultation::Column::OpensAt)
        .order_by_desc(consultation::Column::Id)
        .all(conn)
        .await?;
    Ok(Some(AdminList {
        organisation_id,
        organisation,
        consultations: rows.iter().map(|row| summary(row, now)).collect(),
    }))
}

/// A consultation as staff build and run it. While it is open, the number
/// of participants moves in steps of `k` (see [`results::LiveCounts`]):
/// staff who watch it must not learn when each home votes.
pub async fn admin<C: ConnectionTrait>(conn: &C, definition: &Definition, k: u64) -> Result<ConsultationAdmin, DbErr> {
    let row = &definition.consultation;
    let status = definition.status();
    let participants = if status.has_opened() { results::participants(conn, row.id).await? } else { 0 };
    let participants = if status == Status::Open { participants / k.max(1) * k.max(1) } else { participants };
    let paper_units = if status == Status::Open { paper_units(conn, definition).await? } else { Vec::new() };
    Ok(ConsultationAdmin {
        id: ConsultationId::new(row.id),
        organisation_id: OrganisationId::new(row.organisation_id),
        organisation: crate::registry::organisation_name(conn, row.organisation_id).await?.unwrap_or_default(),
        title: row.title.clone(),
        summary: row.summary.clone(),
        body: row.body.clone(),
        body_html: crate::markdown::to_safe_html(&row.body),
        audience: definition.audience.clone(),
        unit: definition.unit(),
        opens_at: row.opens_at,
        closes_at: row.closes_at,
        visibility: definition.visibility(),
        quorum: row.quorum_percent.and_then(|q| u32::try_from(q).ok()),
        status,
        questions: definition.questions.clone(),
        places: crate::registry::places_of(conn, row.organisation_id).await?,
        eligible: row.eligible_count.and_then(|n| u64::try_from(n).ok()),
        participants,
        live_step: k.max(1),
        paper_units,
        response: row.response_body.clone().unwrap_or_default(),
        decision: row.response_decision.as_deref().and_then(|d| d.parse().ok()),
    })
}

/// A consultation as `actor`, in its audience or on its staff, sees it.
pub async fn for_reader<C: ConnectionTrait>(
    conn: &C,
    definition: &Definition,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<ConsultationView, DbErr> {
    let row = &definition.consultation;
    let unit = voting::unit_of(conn, definition, actor).await?;
    Ok(ConsultationView {
        id: ConsultationId::new(row.id),
        organisation_id: OrganisationId::new(row.organisation_id),
        title: row.title.clone(),
        summary: row.summary.clone(),
        body_html: crate::markdown::to_safe_html(&row.body),
        status: definition.status(),
        opens_at: row.opens_at,
        closes_at: row.closes_at,
        unit: definition.unit(),
        visibility: definition.visibility(),
        quorum: row.quorum_percent.and_then(|q| u32::try_from(q).ok()),
        questions: definition.questions.clone(),
        open: voting::is_open(definition, now),
        eligible: unit.is_some(),
        voted: unit.as_ref().is_some_and(|(_, voted)| *voted),
        results_visible: definition.results_visible(now),
        response_html: row.response_body.as_deref().map(crate::markdown::to_safe_html),
        decision: row.response_decision.as_deref().and_then(|d| d.parse().ok()),
        staff: actor.can(Permission::ViewBackOffice, definition.organisation_scope()),
    })
}

/// A ballot posted for review, checked and written out; every broken rule
/// when it breaks some.
pub fn review(definition: &Definition, raw: &RawAnswers) -> Result<Review, BTreeMap<QuestionId, AnswerError>> {
    let ballot = check_ballot(&definition.rules(), raw)?;
    let lines = definition
        .questions
        .iter()
        .zip(&ballot.answers)
        .map(|(question, (_, answer))| (question.prompt.clone(), answer.written(question)))
        .collect();
    let fields = raw
        .iter()
        .flat_map(|(question, values)| values.iter().map(move |v| (answer_field(*question), v.clone())))
        .collect();
    Ok(Review { lines, fields })
}

/// A page of the ballot list of a consultation, by receipt; `receipt`
/// (as typed) is looked up.
pub async fn ballot_list<C: ConnectionTrait>(
    conn: &C,
    definition: &Definition,
    page: u64,
    per_page: u64,
    receipt: Option<&str>,
) -> Result<BallotList, DbErr> {
    let found = match receipt.map(palier_domain::consultations::form::receipt) {
        Some(Ok(Some(code))) => {
            Some(results::receipt_counted(conn, definition.consultation.id, &code.to_string()).await?)
        }
        Some(Err(_)) => Some(false),
        Some(Ok(None)) | None => None,
    };
    let (ballots, total) = results::ballot_list(conn, definition, page, per_page).await?;
    Ok(BallotList {
        questions: definition.questions.iter().map(|q| (q.id, q.prompt.clone())).collect(),
        ballots,
        total,
        page,
        pages: total.div_ceil(per_page).max(1),
        found,
    })
}

/// The eligible units of a consultation, for the paper ballot form: every
/// one of them, with nothing that says which has voted (recording a paper
/// ballot for a unit that voted is refused, and the refusal logged). Four
/// queries, and no list of ids bound as parameters, however many homes
/// (SQLite binds at most 32 766).
pub async fn paper_units<C: ConnectionTrait>(conn: &C, definition: &Definition) -> Result<Vec<PaperUnit>, DbErr> {
    let id = definition.consultation.id;
    let units = eligible_unit::Entity::find().filter(eligible_unit::Column::ConsultationId.eq(id)).all(conn).await?;
    let of_units = |column: eligible_unit::Column| {
        Query::select()
            .column(column)
            .from(eligible_unit::Entity)
            .and_where(eligible_unit::Column::ConsultationId.eq(id))
            .to_owned()
    };
    let households: HashMap<i64, String> = household::Entity::find()
        .select_only()
        .columns([household::Column::Id, household::Column::UnitLabel])
        .filter(household::Column::Id.in_subquery(of_units(eligible_unit::Column::HouseholdId)))
        .into_tuple::<(i64, String)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let residences: HashMap<i64, String> = residence::Entity::find()
        .select_only()
        .columns([residence::Column::Id, residence::Column::Name])
        .filter(residence::Column::Id.in_subquery(of_units(eligible_unit::Column::ResidenceId)))
        .into_tuple::<(i64, String)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let names: HashMap<i64, String> = if definition.unit() == VotingUnit::Adult {
        user::Entity::find()
            .select_only()
            .columns([user::Column::Id, user::Column::DisplayName])
            .filter(user::Column::Id.in_subquery(of_units(eligible_unit::Column::UnitId)))
            .into_tuple::<(i64, String)>()
            .all(conn)
            .await?
            .into_iter()
            .collect()
    } else {
        HashMap::new()
    };
    let mut list: Vec<PaperUnit> = units
        .iter()
        .map(|u| {
            let place = format!(
                "{}, {}",
                residences.get(&u.residence_id).map(String::as_str).unwrap_or_default(),
                households.get(&u.household_id).map(String::as_str).unwrap_or_default()
            );
            let label = match names.get(&u.unit_id) {
                Some(name) => format!("{place} — {name}"),
                None => place,
            };
            PaperUnit { unit_id: UnitId::new(u.unit_id), label }
        })
        .collect();
    list.sort_by(|a, b| a.label.cmp(&b.label));
    Ok(list)
}
