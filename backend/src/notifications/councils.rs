//! Who hears of council meetings, and what they read: the tenants of the
//! residences a council covers (its members get a convocation email with
//! the invitation instead).

use super::Event;
use crate::entities::{council, council_member, household, meeting, occupancy, residence};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _, QueryFilter as _, QuerySelect as _};

fn meeting_of(event: Event) -> Option<i64> {
    match event {
        Event::MeetingConvened { meeting_id }
        | Event::MeetingMoved { meeting_id, .. }
        | Event::MeetingCancelled { meeting_id } => Some(meeting_id),
        _ => None,
    }
}

/// The occupants of the homes of the residences the meeting's council
/// covers (all of its organisation's when it names none), but its members.
pub(super) async fn recipients<C: ConnectionTrait>(conn: &C, event: Event) -> Result<Vec<i64>, DbErr> {
    let Some(id) = meeting_of(event) else { return Ok(Vec::new()) };
    let Some(row) = meeting::Entity::find_by_id(id).one(conn).await? else { return Ok(Vec::new()) };
    let Some(council) = council::Entity::find_by_id(row.council_id).one(conn).await? else { return Ok(Vec::new()) };
    let mut residences = crate::councils::residences_of(conn, council.id).await?;
    if residences.is_empty() {
        residences = residence::Entity::find()
            .select_only()
            .column(residence::Column::Id)
            .filter(residence::Column::OrganisationId.eq(council.organisation_id))
            .into_tuple()
            .all(conn)
            .await?;
    }
    let homes = Query::select()
        .column(household::Column::Id)
        .from(household::Entity)
        .and_where(household::Column::ResidenceId.is_in(residences))
        .to_owned();
    let members = Query::select()
        .column(council_member::Column::UserId)
        .from(council_member::Entity)
        .and_where(council_member::Column::CouncilId.eq(council.id))
        .to_owned();
    occupancy::Entity::find()
        .select_only()
        .column(occupancy::Column::UserId)
        .distinct()
        .filter(occupancy::Column::HouseholdId.in_subquery(homes))
        .filter(occupancy::Column::UserId.not_in_subquery(members))
        .into_tuple()
        .all(conn)
        .await
}

/// The council's name and the meeting's time; its page.
pub(super) async fn content<C: ConnectionTrait>(
    conn: &C,
    event: Event,
) -> Result<Option<(serde_json::Value, String)>, DbErr> {
    let Some(id) = meeting_of(event) else { return Ok(None) };
    let Some(row) = meeting::Entity::find_by_id(id).one(conn).await? else { return Ok(None) };
    let Some(council) = council::Entity::find_by_id(row.council_id).one(conn).await? else { return Ok(None) };
    let values = serde_json::json!({ "council": council.name, "starts_at": row.starts_at.to_rfc3339() });
    Ok(Some((values, format!("/conseils/{}/reunions/{}", council.id, row.id))))
}
