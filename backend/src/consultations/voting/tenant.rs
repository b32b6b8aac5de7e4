//! The consultations a tenant is asked, and where their home stands in each.

use super::*;

/// The consultations for the homes of `actor` (not drafts, not archived),
/// in a fixed number of queries.
pub async fn for_tenant<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<TenantLine>, DbErr> {
    if actor.homes.is_empty() {
        return Ok(Vec::new());
    }
    let organisations: HashSet<i64> = actor.homes.iter().map(|h| h.organisation_id).collect();
    let rows = consultation::Entity::find()
        .filter(consultation::Column::OrganisationId.is_in(organisations))
        .filter(consultation::Column::Status.is_not_in([Status::Draft.code(), Status::Archived.code()]))
        .order_by_desc(consultation::Column::ClosesAt)
        .all(conn)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut scopes: HashMap<i64, Vec<consultation_scope::Model>> = HashMap::new();
    for scope in consultation_scope::Entity::find()
        .filter(consultation_scope::Column::ConsultationId.is_in(ids.clone()))
        .all(conn)
        .await?
    {
        scopes.entry(scope.consultation_id).or_default().push(scope);
    }
    let mut units: Vec<i64> = actor.homes.iter().map(|h| h.household_id).collect();
    units.push(actor.user_id);
    let eligible: HashSet<(i64, i64)> = eligible_unit::Entity::find()
        .filter(eligible_unit::Column::ConsultationId.is_in(ids.clone()))
        .filter(eligible_unit::Column::UnitId.is_in(units.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.consultation_id, u.unit_id))
        .collect();
    let voted: HashSet<(i64, i64)> = participation::Entity::find()
        .filter(participation::Column::ConsultationId.is_in(ids))
        .filter(participation::Column::UnitId.is_in(units))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.consultation_id, p.unit_id))
        .collect();
    Ok(rows
        .iter()
        .filter(|row| {
            let scope = scopes.get(&row.id).map(Vec::as_slice).unwrap_or_default();
            actor.homes.iter().any(|home| {
                home.organisation_id == row.organisation_id
                    && match row.scope_kind.as_str() {
                        "residences" => scope.iter().any(|s| s.residence_id == Some(home.residence_id)),
                        "buildings" => {
                            scope.iter().any(|s| s.building_id.is_some() && s.building_id == home.building_id)
                        }
                        _ => true,
                    }
            })
        })
        .map(|row| {
            let unit_ids: Vec<i64> = match row.voting_unit.parse().unwrap_or(VotingUnit::Household) {
                VotingUnit::Household => actor.homes.iter().map(|h| h.household_id).collect(),
                VotingUnit::Adult => vec![actor.user_id],
            };
            let eligible_units: Vec<i64> = unit_ids.into_iter().filter(|u| eligible.contains(&(row.id, *u))).collect();
            TenantLine {
                summary: super::super::views::summary(row, now),
                eligible: !eligible_units.is_empty(),
                voted: !eligible_units.is_empty() && eligible_units.iter().all(|u| voted.contains(&(row.id, *u))),
            }
        })
        .collect())
}
