//! Councils as pages show them: an organisation's list for its staff, a
//! council's public page, a meeting's page, and the meetings a residence's
//! tenants see coming.

use super::{CouncilError, residences_of, seat};
use crate::entities::{
    council, council_member, council_residence, meeting, meeting_reply, organisation, residence, user,
};
use crate::policy::{Actor, Permission, Scope};
use chrono::{DateTime, Utc};
use palier_domain::councils::{
    AgendaItemView, CouncilAdmin, CouncilKind, CouncilPage, CouncilSummary, MeetingPage, MeetingStatus, MeetingSummary,
    MemberView, agenda_fits, held,
};
use palier_domain::ids::{CouncilId, MeetingId, OrganisationId, ResidenceId, UserId};
use sea_orm::{
    ColumnTrait as _, Condition, ConnectionTrait, DbErr, EntityTrait as _, QueryFilter as _, QueryOrder as _,
    QuerySelect as _,
};
use std::collections::HashMap;

fn kind_of(row: &council::Model) -> CouncilKind {
    row.kind.parse().unwrap_or(CouncilKind::Other)
}

/// The names of the residences of `ids`, by id.
async fn residence_names<C: ConnectionTrait>(
    conn: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, String>, DbErr> {
    Ok(residence::Entity::find()
        .filter(residence::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect())
}

/// Organisation `organisation`'s councils, for its staff.
pub async fn admin_list<C: ConnectionTrait>(
    conn: &C,
    organisation: organisation::Model,
) -> Result<CouncilAdmin, DbErr> {
    let rows = council::Entity::find()
        .filter(council::Column::OrganisationId.eq(organisation.id))
        .order_by_asc(council::Column::Name)
        .all(conn)
        .await?;
    let covered = council_residence::Entity::find()
        .filter(council_residence::Column::CouncilId.is_in(rows.iter().map(|c| c.id)))
        .all(conn)
        .await?;
    let residences = residence::Entity::find()
        .filter(residence::Column::OrganisationId.eq(organisation.id))
        .order_by_asc(residence::Column::Name)
        .all(conn)
        .await?;
    let names: HashMap<i64, String> = residences.iter().map(|r| (r.id, r.name.clone())).collect();
    Ok(CouncilAdmin {
        organisation_id: OrganisationId::new(organisation.id),
        organisation: organisation.name,
        councils: rows
            .iter()
            .map(|c| CouncilSummary {
                id: CouncilId::new(c.id),
                name: c.name.clone(),
                kind: kind_of(c),
                residences: covered
                    .iter()
                    .filter(|r| r.council_id == c.id)
                    .filter_map(|r| names.get(&r.residence_id).cloned())
                    .collect(),
            })
            .collect(),
        residences: residences.into_iter().map(|r| (ResidenceId::new(r.id), r.name)).collect(),
    })
}

fn summary(row: &meeting::Model, council: &council::Model) -> MeetingSummary {
    MeetingSummary {
        id: MeetingId::new(row.id),
        council_id: CouncilId::new(council.id),
        council: council.name.clone(),
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        place: row.place.clone(),
        status: row.status.parse().unwrap_or(MeetingStatus::Planned),
    }
}

/// Council `id`'s public page, as `actor` (or a visitor) sees it.
pub async fn page<C: ConnectionTrait>(
    conn: &C,
    actor: Option<&Actor>,
    id: CouncilId,
    now: DateTime<Utc>,
) -> Result<CouncilPage, CouncilError> {
    let row = council::Entity::find_by_id(id.get()).one(conn).await?.ok_or(CouncilError::NotFound)?;
    let organisation = organisation::Entity::find_by_id(row.organisation_id).one(conn).await?.map(|o| o.name);
    let covered = residences_of(conn, row.id).await?;
    let names = residence_names(conn, covered.iter().copied()).await?;
    let members = council_member::Entity::find()
        .filter(council_member::Column::CouncilId.eq(row.id))
        .find_also_related(user::Entity)
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|(seat, person)| {
            let person = person.filter(|p| p.deleted_at.is_none())?;
            Some(MemberView {
                user_id: UserId::new(person.id),
                name: person.display_name,
                role: seat.role.parse().ok()?,
                term_ends: seat.term_ends,
            })
        })
        .collect();
    let meetings = meeting::Entity::find()
        .filter(meeting::Column::CouncilId.eq(row.id))
        .order_by_asc(meeting::Column::StartsAt)
        .all(conn)
        .await?;
    let (past, upcoming): (Vec<_>, Vec<_>) = meetings.iter().partition(|m| held(m.ends_at, now));
    let my_seat = match actor {
        Some(actor) => seat(conn, row.id, actor.user_id).await?,
        None => None,
    };
    let manage = actor.is_some_and(|a| a.can(Permission::ManageCouncils, Scope::organisation(row.organisation_id)));
    Ok(CouncilPage {
        id,
        organisation: organisation.unwrap_or_default(),
        name: row.name.clone(),
        kind: kind_of(&row),
        description_html: crate::markdown::tenant_html(&row.description),
        residences: covered.iter().filter_map(|r| names.get(r).cloned()).collect(),
        members,
        upcoming: upcoming.into_iter().map(|m| summary(m, &row)).collect(),
        past: past.into_iter().rev().take(12).map(|m| summary(m, &row)).collect(),
        can_manage: manage,
        can_convene: actor.is_some_and(|a| a.acts_for_council(row.organisation_id, my_seat)),
    })
}

/// Meeting `id`'s page, as `actor` (or a visitor) sees it.
pub async fn meeting_page<C: ConnectionTrait>(
    conn: &C,
    actor: Option<&Actor>,
    council_id: CouncilId,
    id: MeetingId,
    now: DateTime<Utc>,
) -> Result<MeetingPage, CouncilError> {
    let row = meeting::Entity::find_by_id(id.get())
        .filter(meeting::Column::CouncilId.eq(council_id.get()))
        .one(conn)
        .await?
        .ok_or(CouncilError::NotFound)?;
    let council = council::Entity::find_by_id(row.council_id).one(conn).await?.ok_or(CouncilError::NotFound)?;
    let agenda = super::meetings::agenda_of(conn, row.id).await?;
    let my_seat = match actor {
        Some(actor) => seat(conn, council.id, actor.user_id).await?,
        None => None,
    };
    let staff = actor.is_some_and(|a| a.can(Permission::ManageCouncils, Scope::organisation(council.organisation_id)));
    let replies: HashMap<i64, String> = meeting_reply::Entity::find()
        .filter(meeting_reply::Column::MeetingId.eq(row.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.user_id, r.reply))
        .collect();
    let seen_replies = if my_seat.is_some() || staff {
        council_member::Entity::find()
            .filter(council_member::Column::CouncilId.eq(council.id))
            .find_also_related(user::Entity)
            .all(conn)
            .await?
            .into_iter()
            .filter_map(|(seat, person)| {
                let person = person?;
                Some((person.display_name, replies.get(&seat.user_id).and_then(|r| r.parse().ok())))
            })
            .collect()
    } else {
        Vec::new()
    };
    let minutes: Vec<u32> = agenda.iter().map(|i| u32::try_from(i.minutes).unwrap_or(0)).collect();
    Ok(MeetingPage {
        id,
        council_id: CouncilId::new(council.id),
        council: council.name.clone(),
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        place: row.place.clone(),
        video_link: row.video_link.clone(),
        status: row.status.parse().unwrap_or(MeetingStatus::Planned),
        fits: agenda_fits(&minutes, (row.ends_at - row.starts_at).num_minutes()),
        agenda: agenda
            .into_iter()
            .map(|i| AgendaItemView {
                id: i.id,
                title: i.title,
                description: i.description,
                presenter: i.presenter,
                minutes: u32::try_from(i.minutes).unwrap_or(0),
            })
            .collect(),
        member: my_seat.is_some(),
        my_reply: actor.and_then(|a| replies.get(&a.user_id)).and_then(|r| r.parse().ok()),
        replies: seen_replies,
        can_convene: actor.is_some_and(|a| a.acts_for_council(council.organisation_id, my_seat)),
        held: held(row.ends_at, now),
    })
}

/// The councils that cover residence `residence` (naming it, or naming none
/// of their organisation's residences), by name.
async fn covering<C: ConnectionTrait>(conn: &C, residence: &residence::Model) -> Result<Vec<council::Model>, DbErr> {
    let councils = council::Entity::find()
        .filter(council::Column::OrganisationId.eq(residence.organisation_id))
        .order_by_asc(council::Column::Name)
        .all(conn)
        .await?;
    let covered = council_residence::Entity::find()
        .filter(council_residence::Column::CouncilId.is_in(councils.iter().map(|c| c.id)))
        .all(conn)
        .await?;
    Ok(councils
        .into_iter()
        .filter(|c| {
            let mut mine = covered.iter().filter(|r| r.council_id == c.id).peekable();
            mine.peek().is_none() || mine.any(|r| r.residence_id == residence.id)
        })
        .collect())
}

/// What a residence's tenants see of its councils: the councils that cover
/// it, and their next meetings (five at most), soonest first.
pub async fn for_residence<C: ConnectionTrait>(
    conn: &C,
    residence: &residence::Model,
    now: DateTime<Utc>,
) -> Result<(Vec<CouncilSummary>, Vec<MeetingSummary>), DbErr> {
    let concerned = covering(conn, residence).await?;
    let rows = meeting::Entity::find()
        .filter(meeting::Column::CouncilId.is_in(concerned.iter().map(|c| c.id)))
        .filter(Condition::all().add(meeting::Column::EndsAt.gt(now)))
        .filter(meeting::Column::Status.eq(MeetingStatus::Planned.code()))
        .order_by_asc(meeting::Column::StartsAt)
        .limit(5)
        .all(conn)
        .await?;
    let meetings =
        rows.iter().filter_map(|m| concerned.iter().find(|c| c.id == m.council_id).map(|c| summary(m, c))).collect();
    let councils = concerned
        .iter()
        .map(|c| CouncilSummary {
            id: CouncilId::new(c.id),
            name: c.name.clone(),
            kind: kind_of(c),
            residences: Vec::new(),
        })
        .collect();
    Ok((councils, meetings))
}
