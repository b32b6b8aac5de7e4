//! The ballot box's one write: a group of prepared ballots, one transaction.

use super::*;
use palier_domain::audit::Action;
use sea_orm::IntoActiveModel as _;

/// Writes prepared ballots in one transaction, a handful of statements for
/// the whole batch: the register rows first (`ON CONFLICT DO NOTHING`: the
/// unique constraint on (consultation, unit) decides who already voted,
/// here or in a parallel transaction), then the sealed ballots of the
/// units that were let in, their receipt emails and their notifications.
/// Returns each ballot's receipt, or why it was refused, in order.
pub async fn write(db: &DatabaseConnection, batch: &[Prepared]) -> Result<Vec<Result<String, CastError>>, DbErr> {
    // A unit twice in one batch: the first one counts.
    let mut seen = HashSet::new();
    let first: Vec<bool> = batch.iter().map(|p| seen.insert((p.unit.consultation_id, p.unit.unit_id))).collect();
    let now = Utc::now();
    let txn = db.begin().await?;
    let register = batch.iter().zip(&first).filter(|(_, first)| **first).map(|(p, _)| participation::ActiveModel {
        consultation_id: Set(p.unit.consultation_id),
        unit_id: Set(p.unit.unit_id),
        household_id: Set(p.unit.household_id),
        residence_id: Set(p.unit.residence_id),
        building_id: Set(p.unit.building_id),
        channel: Set(p.channel.code().to_owned()),
        recorded_at: Set(now),
        recorded_by: Set(match p.channel {
            Channel::Online => None,
            Channel::Paper { staff_id } => Some(staff_id),
        }),
        ..Default::default()
    });
    let registered: HashSet<(i64, i64)> = match participation::Entity::insert_many(register)
        .on_conflict(
            OnConflict::columns([participation::Column::ConsultationId, participation::Column::UnitId])
                .do_nothing()
                .to_owned(),
        )
        .do_nothing()
        .exec_with_returning_many(&txn)
        .await?
    {
        TryInsertResult::Inserted(rows) => rows.into_iter().map(|r| (r.consultation_id, r.unit_id)).collect(),
        TryInsertResult::Empty | TryInsertResult::Conflicted => HashSet::new(),
    };
    // A ballot received while its vote was open may reach this transaction
    // after the vote closed. The votes' rows are read here, after the insert
    // above took SQLite's only write lock, and on PostgreSQL under a share
    // lock that the closing's update waits for: every ballot is either in
    // the count made at closing or refused here.
    let votes: HashSet<i64> = batch.iter().map(|p| p.unit.consultation_id).collect();
    let open: HashSet<i64> = consultation::Entity::find()
        .select_only()
        .column(consultation::Column::Id)
        .filter(consultation::Column::Id.is_in(votes.iter().copied()))
        .filter(consultation::Column::Status.eq(Status::Open.code()))
        .lock_shared()
        .into_tuple::<i64>()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    // Staff who live in a home vote for it online, like its other occupants:
    // never on paper, where nobody else would see it. (Read after the insert
    // above, like the votes: on SQLite a read first would make the insert
    // fail when another connection wrote in between.)
    let mut own_home = vec![false; batch.len()];
    for (p, own) in batch.iter().zip(&mut own_home) {
        let Channel::Paper { staff_id } = p.channel else { continue };
        *own = crate::entities::occupancy::Entity::find()
            .filter(crate::entities::occupancy::Column::HouseholdId.eq(p.unit.household_id))
            .filter(crate::entities::occupancy::Column::UserId.eq(staff_id))
            .one(&txn)
            .await?
            .is_some();
    }
    let outcomes: Vec<Result<(), CastError>> = batch
        .iter()
        .zip(&first)
        .zip(&own_home)
        .map(|((p, first), own)| {
            if *own {
                Err(CastError::OwnHome)
            } else if !open.contains(&p.unit.consultation_id) {
                Err(CastError::NotOpen)
            } else if *first && registered.contains(&(p.unit.consultation_id, p.unit.unit_id)) {
                Ok(())
            } else {
                Err(CastError::AlreadyVoted)
            }
        })
        .collect();
    let accepted: Vec<bool> = outcomes.iter().map(Result::is_ok).collect();
    // The register rows this transaction inserted for ballots it refuses
    // (their vote closed, or staff entered one for their own home) go again.
    let mut unregister: HashMap<i64, Vec<i64>> = HashMap::new();
    for (p, ok) in batch.iter().zip(&accepted) {
        let key = (p.unit.consultation_id, p.unit.unit_id);
        if !ok && registered.contains(&key) && !accepted_unit(batch, &accepted, key) {
            unregister.entry(key.0).or_default().push(key.1);
        }
    }
    for (consultation_id, units) in unregister {
        participation::Entity::delete_many()
            .filter(participation::Column::ConsultationId.eq(consultation_id))
            .filter(participation::Column::UnitId.is_in(units))
            .exec(&txn)
            .await?;
    }
    for (p, outcome) in batch.iter().zip(&outcomes) {
        if let (Channel::Paper { staff_id }, Err(CastError::AlreadyVoted)) = (p.channel, outcome) {
            audit::record(&txn, paper_entry(p, staff_id, Action::ConsultationPaperBallotRefused)).await?;
        }
    }
    // Sealed ballots go in the order of their random keys, not in the register's.
    let mut in_key_order: Vec<&Prepared> = batch.iter().zip(&accepted).filter(|(_, ok)| **ok).map(|(p, _)| p).collect();
    in_key_order.sort_by(|a, b| a.sealed.id.cmp(&b.sealed.id));
    let counted = || in_key_order.iter().copied();
    if counted().next().is_some() {
        sealed_ballot::Entity::insert_many(counted().map(|p| p.sealed.clone().into_active_model()))
            .exec_without_returning(&txn)
            .await?;
        crate::outbox::enqueue_many(&txn, counted().filter_map(|p| p.email.clone()).collect()).await?;
        let voters: Vec<(i64, &consultation::Model)> =
            counted().filter_map(|p| p.voter.map(|user| (user, &p.consultation))).collect();
        crate::notifications::votes_cast(&txn, &voters).await?;
        for p in counted() {
            if let Channel::Paper { staff_id } = p.channel {
                audit::record(&txn, paper_entry(p, staff_id, Action::ConsultationPaperBallot)).await?;
                let event = crate::notifications::Event::PaperBallot {
                    consultation_id: p.consultation.id,
                    household_id: p.unit.household_id,
                    unit_id: p.unit.unit_id,
                    adult: p.consultation.voting_unit == VotingUnit::Adult.code(),
                };
                crate::notifications::notify(&txn, event).await?;
            }
        }
    }
    txn.commit().await?;
    Ok(batch.iter().zip(outcomes).map(|(p, outcome)| outcome.map(|()| p.receipt.clone())).collect())
}

/// The log entry of a paper ballot `staff_id` entered (recorded or refused).
fn paper_entry(p: &Prepared, staff_id: i64, action: Action) -> Entry<'static> {
    Entry {
        actor_user_id: Some(staff_id),
        organisation_id: Some(p.consultation.organisation_id),
        action,
        target_kind: "consultation",
        target_id: Some(p.consultation.id),
        details: json!({ "title": p.consultation.title, "household_id": p.unit.household_id }),
    }
}

/// Whether a ballot of the batch for unit `key` was accepted (a unit may
/// appear twice in one batch; only its first ballot counts).
fn accepted_unit(batch: &[Prepared], accepted: &[bool], key: (i64, i64)) -> bool {
    batch.iter().zip(accepted).any(|(p, ok)| *ok && (p.unit.consultation_id, p.unit.unit_id) == key)
}
