//! A council's meetings: convened with an agenda, each member emailed a
//! convocation with an iCalendar invitation; moved (the invitation's
//! SEQUENCE raised, members emailed again) or called off (METHOD:CANCEL);
//! members answer present or excused. The covered residences' tenants hear
//! of meetings by notification (in their daily digest by default).

use super::calendar::{self, Method};
use super::{CouncilError, acting, audit, seat};
use crate::entities::{agenda_item, council, council_member, meeting, meeting_reply, user};
use crate::links::Links;
use crate::mail::templates::{self, EmailTemplate};
use crate::notifications::{self, Event};
use crate::outbox::{self, NewEmail};
use crate::policy::Actor;
use anyhow::Context as _;
use chrono::{DateTime, Duration, Utc};
use palier_domain::councils::form::{ItemDraft, MeetingDraft};
use palier_domain::councils::{MeetingStatus, Reply, held};
use palier_domain::ids::{CouncilId, MeetingId};
use palier_domain::{Email, Locale};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait as _, QueryFilter as _, QueryOrder as _, TransactionTrait as _,
};

/// Who convocations come from, and the site's address for links.
#[derive(Debug, Clone)]
pub struct Mailing {
    pub links: Links,
    /// The address invitations name as their organiser.
    pub organiser: String,
}

impl Mailing {
    fn host(&self) -> String {
        let url = self.links.public_url();
        url.split("://").nth(1).unwrap_or(url).split('/').next().unwrap_or("palier").to_owned()
    }

    fn meeting_link(&self, council: i64, meeting: i64) -> String {
        format!("{}/conseils/{council}/reunions/{meeting}", self.links.public_url())
    }
}

/// What a convocation email says.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Convocation {
    /// `convened`, `moved` or `cancelled`.
    pub change: &'static str,
    pub council: String,
    pub when: String,
    pub place: String,
    pub video_link: String,
    pub agenda: Vec<String>,
    pub link: String,
}

impl EmailTemplate for Convocation {
    const NAME: &'static str = "council_convocation";
}

/// Meeting `id` of a council `actor` acts for.
async fn acting_on<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: MeetingId,
) -> Result<(council::Model, meeting::Model), CouncilError> {
    let row = meeting::Entity::find_by_id(id.get()).one(conn).await?.ok_or(CouncilError::NotFound)?;
    let council = acting(conn, actor, CouncilId::new(row.council_id)).await?;
    Ok((council, row))
}

/// Whether meeting `row` is still to come: planned, and not over. Only then
/// is it moved, called off, given items, or answered.
fn to_come(row: &meeting::Model, now: DateTime<Utc>) -> bool {
    row.status == MeetingStatus::Planned.code() && !held(row.ends_at, now)
}

/// The agenda of meeting `id`, in order.
pub(crate) async fn agenda_of<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Vec<agenda_item::Model>, DbErr> {
    agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(id))
        .order_by_asc(agenda_item::Column::Position)
        .order_by_asc(agenda_item::Column::Id)
        .all(conn)
        .await
}

/// Convenes a meeting of `council`; its members are emailed a convocation
/// with an invitation once the agenda is set (see [`send_convocations`]).
pub async fn convene(
    db: &DatabaseConnection,
    actor: &Actor,
    council: CouncilId,
    draft: MeetingDraft,
    now: DateTime<Utc>,
) -> Result<MeetingId, CouncilError> {
    if draft.starts_at <= now {
        return Err(CouncilError::NotNow);
    }
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let row = acting(&txn, actor, council).await?;
    let created = meeting::ActiveModel {
        council_id: Set(row.id),
        starts_at: Set(draft.starts_at),
        ends_at: Set(draft.starts_at + Duration::minutes(i64::from(draft.minutes))),
        place: Set(draft.place.clone()),
        video_link: Set(draft.video_link.clone()),
        status: Set(MeetingStatus::Planned.code().to_owned()),
        sequence: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let details = serde_json::json!({ "meeting": created.id, "starts_at": draft.starts_at.to_rfc3339() });
    audit(&txn, actor.user_id, row.organisation_id, palier_domain::audit::Action::MeetingConvened, row.id, details)
        .await?;
    notifications::notify(&txn, Event::MeetingConvened { meeting_id: created.id }).await?;
    txn.commit().await?;
    Ok(MeetingId::new(created.id))
}

/// Emails every member the convocation of meeting `id` with its invitation
/// (or, once called off, its cancellation), in its current version: an
/// email per member and version of the meeting, whatever is called twice.
pub async fn send_convocations(
    db: &DatabaseConnection,
    mailing: &Mailing,
    actor: &Actor,
    id: MeetingId,
) -> Result<(CouncilId, usize), CouncilError> {
    let txn = db.begin().await?;
    let (council, row) = acting_on(&txn, actor, id).await?;
    let sent = enqueue_convocations(&txn, mailing, &council, &row).await?;
    txn.commit().await?;
    Ok((CouncilId::new(council.id), sent))
}

/// Puts a convocation of `row` (in its current version) in the outbox for
/// each member of `council`, on `conn` (the caller's transaction).
async fn enqueue_convocations<C: ConnectionTrait>(
    conn: &C,
    mailing: &Mailing,
    council: &council::Model,
    row: &meeting::Model,
) -> Result<usize, CouncilError> {
    let txn = conn;
    let agenda = agenda_of(txn, row.id).await?;
    let members = council_member::Entity::find()
        .filter(council_member::Column::CouncilId.eq(council.id))
        .find_also_related(user::Entity)
        .all(txn)
        .await?;
    let cancelled = row.status == MeetingStatus::Cancelled.code();
    let change = match (cancelled, row.sequence) {
        (true, _) => "cancelled",
        (false, 0) => "convened",
        (false, _) => "moved",
    };
    let link = mailing.meeting_link(council.id, row.id);
    let mut sent = 0;
    for (_, person) in members {
        let Some(person) = person else { continue };
        let Some(address) = person.email.as_deref().and_then(|e| Email::parse(e).ok()) else { continue };
        let locale: Locale = person.locale.parse().unwrap_or_default();
        let message = Convocation {
            change,
            council: council.name.clone(),
            when: palier_domain::time::format_paris(row.starts_at, locale),
            place: row.place.clone(),
            video_link: row.video_link.clone(),
            agenda: agenda.iter().map(|item| format!("{} ({} min)", item.title, item.minutes)).collect(),
            link: link.clone(),
        };
        let content =
            templates::render(&message, locale, &mailing.links.layout()).context("could not render a convocation")?;
        let method = if cancelled { Method::Cancel } else { Method::Request };
        let invitation = calendar::invitation(
            &mailing.host(),
            &mailing.organiser,
            address.as_ref(),
            council,
            row,
            &agenda,
            &link,
            method,
        );
        outbox::enqueue(
            txn,
            NewEmail {
                idempotency_key: format!("convocation:{}:{}:{}", row.id, row.sequence, person.id),
                to: address,
                content,
                headers: Vec::new(),
                sensitive: false,
                calendar: Some(invitation),
            },
        )
        .await?;
        sent += 1;
    }
    Ok(sent)
}

/// Moves meeting `id` (its invitation's SEQUENCE is raised); members are
/// emailed the updated invitation.
pub async fn reschedule(
    db: &DatabaseConnection,
    mailing: &Mailing,
    actor: &Actor,
    id: MeetingId,
    draft: MeetingDraft,
    now: DateTime<Utc>,
) -> Result<CouncilId, CouncilError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let (council, row) = acting_on(&txn, actor, id).await?;
    if !to_come(&row, now) || draft.starts_at <= now {
        return Err(CouncilError::NotNow);
    }
    meeting::Entity::update_many()
        .col_expr(meeting::Column::StartsAt, draft.starts_at.into())
        .col_expr(meeting::Column::EndsAt, (draft.starts_at + Duration::minutes(i64::from(draft.minutes))).into())
        .col_expr(meeting::Column::Place, draft.place.clone().into())
        .col_expr(meeting::Column::VideoLink, draft.video_link.clone().into())
        .col_expr(meeting::Column::Sequence, Expr::col(meeting::Column::Sequence).add(1))
        .col_expr(meeting::Column::UpdatedAt, now.into())
        .filter(meeting::Column::Id.eq(row.id))
        .exec(&txn)
        .await?;
    let details = serde_json::json!({ "meeting": row.id, "from": row.starts_at.to_rfc3339(), "to": draft.starts_at.to_rfc3339() });
    audit(
        &txn,
        actor.user_id,
        council.organisation_id,
        palier_domain::audit::Action::MeetingMoved,
        council.id,
        details,
    )
    .await?;
    notifications::notify(&txn, Event::MeetingMoved { meeting_id: row.id, at: now }).await?;
    let moved = meeting::Entity::find_by_id(row.id).one(&txn).await?.ok_or(CouncilError::NotFound)?;
    enqueue_convocations(&txn, mailing, &council, &moved).await?;
    txn.commit().await?;
    Ok(CouncilId::new(council.id))
}

/// Calls meeting `id` off: members are emailed its cancellation, which
/// removes it from their calendars.
pub async fn cancel(
    db: &DatabaseConnection,
    mailing: &Mailing,
    actor: &Actor,
    id: MeetingId,
    now: DateTime<Utc>,
) -> Result<CouncilId, CouncilError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let (council, row) = acting_on(&txn, actor, id).await?;
    if !to_come(&row, now) {
        return Err(CouncilError::NotNow);
    }
    meeting::Entity::update_many()
        .col_expr(meeting::Column::Status, MeetingStatus::Cancelled.code().into())
        .col_expr(meeting::Column::Sequence, Expr::col(meeting::Column::Sequence).add(1))
        .col_expr(meeting::Column::UpdatedAt, now.into())
        .filter(meeting::Column::Id.eq(row.id))
        .exec(&txn)
        .await?;
    audit(
        &txn,
        actor.user_id,
        council.organisation_id,
        palier_domain::audit::Action::MeetingCancelled,
        council.id,
        serde_json::json!({ "meeting": row.id }),
    )
    .await?;
    notifications::notify(&txn, Event::MeetingCancelled { meeting_id: row.id }).await?;
    let cancelled = meeting::Entity::find_by_id(row.id).one(&txn).await?.ok_or(CouncilError::NotFound)?;
    enqueue_convocations(&txn, mailing, &council, &cancelled).await?;
    txn.commit().await?;
    Ok(CouncilId::new(council.id))
}

/// Adds an item at the end of meeting `id`'s agenda.
pub async fn add_item(
    db: &DatabaseConnection,
    actor: &Actor,
    id: MeetingId,
    draft: ItemDraft,
    now: DateTime<Utc>,
) -> Result<CouncilId, CouncilError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let (council, row) = acting_on(&txn, actor, id).await?;
    if !to_come(&row, now) {
        return Err(CouncilError::NotNow);
    }
    let position = agenda_of(&txn, row.id).await?.iter().map(|i| i.position).max().unwrap_or(0).saturating_add(1);
    agenda_item::ActiveModel {
        meeting_id: Set(row.id),
        position: Set(position),
        title: Set(draft.title.clone()),
        description: Set(draft.description),
        presenter: Set(draft.presenter),
        minutes: Set(i32::try_from(draft.minutes).unwrap_or(i32::MAX)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit(
        &txn,
        actor.user_id,
        council.organisation_id,
        palier_domain::audit::Action::AgendaChanged,
        council.id,
        serde_json::json!({ "meeting": row.id, "added": draft.title }),
    )
    .await?;
    txn.commit().await?;
    Ok(CouncilId::new(council.id))
}

/// Takes item `item` off meeting `id`'s agenda.
pub async fn remove_item(
    db: &DatabaseConnection,
    actor: &Actor,
    id: MeetingId,
    item: i64,
    now: DateTime<Utc>,
) -> Result<CouncilId, CouncilError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let (council, row) = acting_on(&txn, actor, id).await?;
    if !to_come(&row, now) {
        return Err(CouncilError::NotNow);
    }
    let removed = agenda_item::Entity::delete_many()
        .filter(agenda_item::Column::Id.eq(item))
        .filter(agenda_item::Column::MeetingId.eq(row.id))
        .exec(&txn)
        .await?;
    if removed.rows_affected == 0 {
        return Err(CouncilError::NotFound);
    }
    audit(
        &txn,
        actor.user_id,
        council.organisation_id,
        palier_domain::audit::Action::AgendaChanged,
        council.id,
        serde_json::json!({ "meeting": row.id, "removed": item }),
    )
    .await?;
    txn.commit().await?;
    Ok(CouncilId::new(council.id))
}

/// A member answers the convocation of meeting `id`.
pub async fn reply(
    db: &DatabaseConnection,
    actor: &Actor,
    id: MeetingId,
    reply: Reply,
    now: DateTime<Utc>,
) -> Result<CouncilId, CouncilError> {
    let row = meeting::Entity::find_by_id(id.get()).one(db).await?.ok_or(CouncilError::NotFound)?;
    if seat(db, row.council_id, actor.user_id).await?.is_none() {
        return Err(CouncilError::Forbidden);
    }
    if !to_come(&row, now) {
        return Err(CouncilError::NotNow);
    }
    meeting_reply::Entity::insert(meeting_reply::ActiveModel {
        meeting_id: Set(row.id),
        user_id: Set(actor.user_id),
        reply: Set(reply.code().to_owned()),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([meeting_reply::Column::MeetingId, meeting_reply::Column::UserId])
            .update_columns([meeting_reply::Column::Reply, meeting_reply::Column::UpdatedAt])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(CouncilId::new(row.council_id))
}

/// The public feed of council `id`'s meetings (those of the last year and to come).
pub async fn feed<C: ConnectionTrait>(
    conn: &C,
    mailing: &Mailing,
    id: CouncilId,
    now: DateTime<Utc>,
) -> Result<String, CouncilError> {
    let council = council::Entity::find_by_id(id.get()).one(conn).await?.ok_or(CouncilError::NotFound)?;
    let rows = meeting::Entity::find()
        .filter(meeting::Column::CouncilId.eq(council.id))
        .filter(meeting::Column::StartsAt.gte(now - Duration::days(365)))
        .order_by_asc(meeting::Column::StartsAt)
        .all(conn)
        .await?;
    let mut items = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.is_in(rows.iter().map(|m| m.id)))
        .order_by_asc(agenda_item::Column::Position)
        .order_by_asc(agenda_item::Column::Id)
        .all(conn)
        .await?;
    let mut meetings = Vec::with_capacity(rows.len());
    for row in rows {
        let (agenda, rest): (Vec<_>, Vec<_>) = items.into_iter().partition(|item| item.meeting_id == row.id);
        items = rest;
        let link = mailing.meeting_link(council.id, row.id);
        meetings.push((row, agenda, link));
    }
    Ok(calendar::feed(&mailing.host(), &council, &meetings))
}
