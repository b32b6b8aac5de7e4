//! Voting: which unit a person votes as, casting a ballot (online or on
//! paper), and the consultations a tenant is asked.
//!
//! A ballot is cast in one transaction: the participation register row (the
//! unit, the channel, the time) is inserted first, and its unique constraint
//! on (consultation, unit) is what refuses a second vote, even from parallel
//! requests; then the ballot (random key and receipt, no time, no person)
//! and its answers. Nothing ties the two but the transaction itself.

use super::{Definition, Summary, VotingUnit};
use crate::audit::{self, Entry};
use crate::auth::secret;
use crate::entities::{
    ballot, ballot_answer, consultation, consultation_scope, eligible_unit, household, participation, residence, user,
};
use crate::policy::Actor;
use chrono::Utc;
use palier_domain::consultation::{Answer, AnswerError, Status, check_ballot};
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait as _, QueryFilter as _, QueryOrder as _, SqlErr, TransactionTrait as _,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeMap, HashMap, HashSet};

/// How a ballot reached the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Online,
    /// Entered by a staff member from a paper ballot.
    Paper {
        staff_id: i64,
    },
}

impl Channel {
    pub fn code(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Paper { .. } => "paper",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CastError {
    #[error("voting is not open")]
    NotOpen,
    #[error("this unit may not vote in this consultation")]
    NotEligible,
    #[error("this unit has already voted")]
    AlreadyVoted,
    #[error("the ballot breaks the rules of {} question(s)", .0.len())]
    Invalid(BTreeMap<i64, AnswerError>),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<DbErr> for CastError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(anyhow::Error::new(error).context("database error while voting"))
    }
}

/// Whether voting is open right now (status and clock).
pub fn is_open(definition: &Definition) -> bool {
    let now = Utc::now();
    definition.status() == Status::Open
        && now >= definition.consultation.opens_at
        && now < definition.consultation.closes_at
}

/// The eligible unit `actor` votes as, and whether it has voted. In household
/// mode, the first of their eligible households that has not voted yet.
pub async fn unit_of<C: ConnectionTrait>(
    conn: &C,
    definition: &Definition,
    actor: &Actor,
) -> Result<Option<(eligible_unit::Model, bool)>, DbErr> {
    let consultation_id = definition.consultation.id;
    let candidates: Vec<i64> = match definition.unit() {
        VotingUnit::Household => actor.homes.iter().map(|h| h.household_id).collect(),
        VotingUnit::Adult => vec![actor.user_id],
    };
    if candidates.is_empty() {
        return Ok(None);
    }
    let units = eligible_unit::Entity::find()
        .filter(eligible_unit::Column::ConsultationId.eq(consultation_id))
        .filter(eligible_unit::Column::UnitId.is_in(candidates))
        .order_by_asc(eligible_unit::Column::UnitId)
        .all(conn)
        .await?;
    if units.is_empty() {
        return Ok(None);
    }
    let voted: HashSet<i64> = participation::Entity::find()
        .filter(participation::Column::ConsultationId.eq(consultation_id))
        .filter(participation::Column::UnitId.is_in(units.iter().map(|u| u.unit_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| p.unit_id)
        .collect();
    let first_free = units.iter().find(|u| !voted.contains(&u.unit_id)).cloned();
    Ok(Some(match first_free {
        Some(unit) => (unit, false),
        None => (units[0].clone(), true),
    }))
}

/// The eligible unit `unit_id` of a consultation (for paper ballots).
pub async fn eligible_unit<C: ConnectionTrait>(
    conn: &C,
    consultation_id: i64,
    unit_id: i64,
) -> Result<Option<eligible_unit::Model>, DbErr> {
    eligible_unit::Entity::find_by_id((consultation_id, unit_id)).one(conn).await
}

/// Who voted online, and where to email their receipt.
#[derive(Debug, Clone)]
pub struct ReceiptMail<'a> {
    /// The voter (told in the app that their vote counted; never with the receipt).
    pub user_id: i64,
    pub to: palier_domain::Email,
    pub locale: palier_domain::Locale,
    pub links: &'a crate::links::Links,
}

/// Checks `raw` answers and casts the ballot for `unit`. Returns the receipt,
/// shown once.
pub async fn cast(
    db: &DatabaseConnection,
    definition: &Definition,
    unit: &eligible_unit::Model,
    channel: Channel,
    raw: &BTreeMap<i64, Vec<String>>,
) -> Result<String, CastError> {
    cast_with_receipt(db, definition, unit, channel, raw, None).await
}

/// Like [`cast`], and emails the receipt to the voter through the outbox, in
/// the same transaction; the email is marked sensitive, so its text is
/// erased from the database once sent.
#[tracing::instrument(skip_all, fields(consultation_id = definition.consultation.id))]
pub async fn cast_with_receipt(
    db: &DatabaseConnection,
    definition: &Definition,
    unit: &eligible_unit::Model,
    channel: Channel,
    raw: &BTreeMap<i64, Vec<String>>,
    mail: Option<ReceiptMail<'_>>,
) -> Result<String, CastError> {
    if !is_open(definition) {
        return Err(CastError::NotOpen);
    }
    if unit.consultation_id != definition.consultation.id {
        return Err(CastError::NotEligible);
    }
    let ballot = check_ballot(&definition.rules(), raw).map_err(CastError::Invalid)?;
    let now = Utc::now();
    let txn = db.begin().await?;
    let register = participation::ActiveModel {
        consultation_id: Set(unit.consultation_id),
        unit_id: Set(unit.unit_id),
        household_id: Set(unit.household_id),
        residence_id: Set(unit.residence_id),
        building_id: Set(unit.building_id),
        channel: Set(channel.code().to_owned()),
        recorded_at: Set(now),
        recorded_by: Set(match channel {
            Channel::Online => None,
            Channel::Paper { staff_id } => Some(staff_id),
        }),
        ..Default::default()
    };
    match register.insert(&txn).await {
        Ok(_) => {}
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(CastError::AlreadyVoted);
        }
        Err(error) => return Err(error.into()),
    }
    let ballot_id = uuid::Uuid::new_v4().to_string();
    let receipt = secret::new_invitation_code().to_string();
    ballot::ActiveModel {
        id: Set(ballot_id.clone()),
        consultation_id: Set(unit.consultation_id),
        receipt: Set(receipt.clone()),
    }
    .insert(&txn)
    .await?;
    let mut rows = Vec::new();
    for (question_id, answer) in &ballot.answers {
        let row =
            |position: usize, option: Option<i64>, rank: Option<i32>, value: Option<i32>, text: Option<String>| {
                ballot_answer::ActiveModel {
                    ballot_id: Set(ballot_id.clone()),
                    question_id: Set(*question_id),
                    position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
                    option_id: Set(option),
                    rank: Set(rank),
                    value: Set(value),
                    text: Set(text),
                }
            };
        match answer {
            Answer::Blank => {}
            Answer::Single(option) => rows.push(row(0, Some(*option), None, None, None)),
            Answer::Multiple(options) => {
                rows.extend(options.iter().enumerate().map(|(i, o)| row(i, Some(*o), None, None, None)));
            }
            Answer::Ranking(order) => rows.extend(
                order
                    .iter()
                    .enumerate()
                    .map(|(i, o)| row(i, Some(*o), Some(i32::try_from(i + 1).unwrap_or(i32::MAX)), None, None)),
            ),
            Answer::Scale(value) => rows.push(row(0, None, None, Some(i32::from(*value)), None)),
            Answer::Text(text) => rows.push(row(0, None, None, None, Some(text.clone()))),
        }
    }
    if !rows.is_empty() {
        ballot_answer::Entity::insert_many(rows).exec(&txn).await?;
    }
    if let Some(mail) = mail {
        let message = crate::mail::templates::BallotReceipt {
            title: definition.consultation.title.clone(),
            receipt: receipt.clone(),
            link: mail.links.recount(definition.consultation.id),
        };
        let content = crate::mail::templates::render(&message, mail.locale, &mail.links.layout())
            .map_err(|error| anyhow::anyhow!("could not render the receipt email: {error}"))?;
        crate::outbox::enqueue(
            &txn,
            crate::outbox::NewEmail {
                idempotency_key: format!("receipt:{}", uuid::Uuid::new_v4()),
                to: mail.to,
                content,
                headers: Vec::new(),
                sensitive: true,
            },
        )
        .await?;
        crate::notifications::notify(
            &txn,
            crate::notifications::Event::BallotCast {
                consultation_id: definition.consultation.id,
                user_id: mail.user_id,
            },
        )
        .await?;
    }
    if let Channel::Paper { staff_id } = channel {
        audit::record(
            &txn,
            Entry {
                actor_user_id: Some(staff_id),
                organisation_id: Some(definition.consultation.organisation_id),
                action: "consultation.paper_ballot",
                target_kind: "consultation",
                target_id: Some(definition.consultation.id),
                details: json!({ "title": definition.consultation.title, "household_id": unit.household_id }),
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(receipt)
}

/// A unit staff can record a paper ballot for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperUnit {
    pub unit_id: i64,
    /// "Résidence, Logement A01" (and the occupant's name when adults vote).
    pub label: String,
    pub voted: bool,
}

/// The eligible units of a consultation, for the paper ballot form.
pub async fn paper_units<C: ConnectionTrait>(conn: &C, definition: &Definition) -> Result<Vec<PaperUnit>, DbErr> {
    let id = definition.consultation.id;
    let units = eligible_unit::Entity::find().filter(eligible_unit::Column::ConsultationId.eq(id)).all(conn).await?;
    let voted: HashSet<i64> = participation::Entity::find()
        .filter(participation::Column::ConsultationId.eq(id))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| p.unit_id)
        .collect();
    let households: HashMap<i64, household::Model> = household::Entity::find()
        .filter(household::Column::Id.is_in(units.iter().map(|u| u.household_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|h| (h.id, h))
        .collect();
    let residences: HashMap<i64, String> = residence::Entity::find()
        .filter(residence::Column::Id.is_in(units.iter().map(|u| u.residence_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let names: HashMap<i64, String> = if definition.unit() == VotingUnit::Adult {
        user::Entity::find()
            .filter(user::Column::Id.is_in(units.iter().map(|u| u.unit_id)))
            .all(conn)
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect()
    } else {
        HashMap::new()
    };
    let mut list: Vec<PaperUnit> = units
        .iter()
        .map(|u| {
            let place = format!(
                "{}, {}",
                residences.get(&u.residence_id).cloned().unwrap_or_default(),
                households.get(&u.household_id).map(|h| h.unit_label.clone()).unwrap_or_default()
            );
            let label = match names.get(&u.unit_id) {
                Some(name) => format!("{place} — {name}"),
                None => place,
            };
            PaperUnit { unit_id: u.unit_id, label, voted: voted.contains(&u.unit_id) }
        })
        .collect();
    list.sort_by(|a, b| a.label.cmp(&b.label));
    Ok(list)
}

/// A consultation as a tenant sees it in their list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantConsultation {
    pub summary: Summary,
    /// The tenant's unit voted (online or on paper).
    pub voted: bool,
    /// The tenant's unit is eligible (frozen at opening).
    pub eligible: bool,
}

/// The consultations for the homes of `actor` (not drafts, not archived),
/// in a fixed number of queries.
pub async fn for_tenant<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<Vec<TenantConsultation>, DbErr> {
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
            let unit_ids: Vec<i64> = match VotingUnit::parse(&row.voting_unit).unwrap_or(VotingUnit::Household) {
                VotingUnit::Household => actor.homes.iter().map(|h| h.household_id).collect(),
                VotingUnit::Adult => vec![actor.user_id],
            };
            let eligible_units: Vec<i64> = unit_ids.into_iter().filter(|u| eligible.contains(&(row.id, *u))).collect();
            TenantConsultation {
                summary: Summary::from(row),
                eligible: !eligible_units.is_empty(),
                voted: !eligible_units.is_empty() && eligible_units.iter().all(|u| voted.contains(&(row.id, *u))),
            }
        })
        .collect())
}
