//! Voting: which unit a person votes as, casting a ballot (online or on
//! paper), and the consultations a tenant is asked.
//!
//! A ballot is cast in one transaction: the participation register row (the
//! unit, the channel, the time) is inserted first, and its unique constraint
//! on (consultation, unit) is what refuses a second vote, even from parallel
//! requests; then the ballot, sealed ([`seal`]): the transaction ties the
//! register row to a row nobody can read without the server key. At closing
//! the sealed ballots are opened and written, shuffled, as the published
//! ballots (random key and receipt, no time, no person) and their answers.

mod ballot_box;
pub mod seal;
mod tenant;
mod write;

pub use ballot_box::*;
pub use seal::Seal;
pub use tenant::*;
pub use write::write;

use super::Definition;
use crate::audit::{self, Entry};
use crate::auth::secret;
use crate::entities::{consultation, consultation_scope, eligible_unit, participation, sealed_ballot};
use crate::policy::Actor;
use chrono::{DateTime, Utc};
use palier_domain::consultations::VotingUnit;
use palier_domain::consultations::{Answer, AnswerError, RawAnswers, Status, TenantLine, check_ballot};
use palier_domain::ids::QuestionId;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait as _, QueryFilter as _,
    QueryOrder as _, QuerySelect as _, TransactionTrait as _, TryInsertResult,
};
use serde_json::json;
use std::collections::{BTreeMap, HashMap, HashSet};

/// How a ballot reached the count. Stored (in the register of who took
/// part) as its [`ChannelCode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumDiscriminants)]
#[strum_discriminants(
    name(ChannelCode),
    derive(strum::IntoStaticStr, strum::EnumString),
    strum(serialize_all = "snake_case")
)]
pub enum Channel {
    Online,
    /// Entered by a staff member from a paper ballot.
    Paper {
        staff_id: i64,
    },
}

impl Channel {
    /// The stored code.
    pub fn code(self) -> &'static str {
        ChannelCode::from(self).into()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CastError {
    #[error("voting is not open")]
    NotOpen,
    #[error("this unit may not vote in this consultation")]
    NotEligible,
    /// A staff member entered a paper ballot for the home they live in.
    #[error("staff vote for their own home online, not on paper")]
    OwnHome,
    #[error("this unit has already voted")]
    AlreadyVoted,
    #[error("the ballot breaks the rules of {} question(s)", .0.len())]
    Invalid(BTreeMap<QuestionId, AnswerError>),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<DbErr> for CastError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(anyhow::Error::new(error).context("database error while voting"))
    }
}

/// Whether voting is open at `now` (status and clock).
pub fn is_open(definition: &Definition, now: DateTime<Utc>) -> bool {
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

/// The unit `actor` casts a ballot as: their only eligible one (one query;
/// whether it already voted is for the ballot box to say), or, with several,
/// the first that has not voted.
pub async fn unit_to_cast<C: ConnectionTrait>(
    conn: &C,
    definition: &Definition,
    actor: &Actor,
) -> Result<Option<eligible_unit::Model>, DbErr> {
    let candidates: Vec<i64> = match definition.unit() {
        VotingUnit::Household => actor.homes.iter().map(|h| h.household_id).collect(),
        VotingUnit::Adult => vec![actor.user_id],
    };
    match candidates.as_slice() {
        [] => Ok(None),
        [only] => eligible_unit(conn, definition.consultation.id, *only).await,
        _ => Ok(unit_of(conn, definition, actor).await?.map(|(unit, _)| unit)),
    }
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
    seal: &Seal,
    definition: &Definition,
    unit: &eligible_unit::Model,
    channel: Channel,
    raw: &RawAnswers,
    now: DateTime<Utc>,
) -> Result<String, CastError> {
    cast_with_receipt(db, seal, definition, unit, channel, raw, None, now).await
}

/// Like [`cast`], and emails the receipt to the voter through the outbox, in
/// the same transaction; the email is marked sensitive, so its text is
/// erased from the database once sent.
#[tracing::instrument(skip_all, fields(consultation_id = definition.consultation.id))]
#[expect(clippy::too_many_arguments, reason = "the ballot, who casts it, and what it is cast with")]
pub async fn cast_with_receipt(
    db: &DatabaseConnection,
    seal: &Seal,
    definition: &Definition,
    unit: &eligible_unit::Model,
    channel: Channel,
    raw: &RawAnswers,
    mail: Option<ReceiptMail<'_>>,
    now: DateTime<Utc>,
) -> Result<String, CastError> {
    let prepared = prepare(seal, definition, unit, channel, raw, mail, now)?;
    write(db, std::slice::from_ref(&prepared)).await?.pop().unwrap_or(Err(CastError::AlreadyVoted))
}

/// A ballot checked and ready to write, its receipt email rendered: all the
/// work that needs no lock on the database is done before the transaction.
#[derive(Debug)]
pub struct Prepared {
    consultation: consultation::Model,
    unit: eligible_unit::Model,
    channel: Channel,
    receipt: String,
    /// The ballot, sealed (its receipt and answers).
    sealed: sealed_ballot::Model,
    email: Option<crate::outbox::NewEmail>,
    /// The online voter, told in the app that their vote counted.
    voter: Option<i64>,
}

/// Checks the ballot against the rules, at `now`, and prepares its rows.
pub fn prepare(
    seal: &Seal,
    definition: &Definition,
    unit: &eligible_unit::Model,
    channel: Channel,
    raw: &RawAnswers,
    mail: Option<ReceiptMail<'_>>,
    now: DateTime<Utc>,
) -> Result<Prepared, CastError> {
    if !is_open(definition, now) {
        return Err(CastError::NotOpen);
    }
    if unit.consultation_id != definition.consultation.id {
        return Err(CastError::NotEligible);
    }
    let ballot = check_ballot(&definition.rules(), raw).map_err(CastError::Invalid)?;
    let receipt = secret::new_invitation_code().to_string();
    let mut answers = Vec::new();
    for (question_id, answer) in &ballot.answers {
        let row =
            |position: usize, option: Option<i64>, rank: Option<i32>, value: Option<i32>, text: Option<String>| {
                seal::SealedAnswer {
                    question_id: question_id.get(),
                    position: i32::try_from(position).unwrap_or(i32::MAX),
                    option_id: option,
                    rank,
                    value,
                    text,
                }
            };
        match answer {
            Answer::Blank => {}
            Answer::Single(option) => answers.push(row(0, Some(option.get()), None, None, None)),
            Answer::Multiple(options) => {
                answers.extend(options.iter().enumerate().map(|(i, o)| row(i, Some(o.get()), None, None, None)));
            }
            Answer::Ranking(order) => answers.extend(
                order
                    .iter()
                    .enumerate()
                    .map(|(i, o)| row(i, Some(o.get()), Some(i32::try_from(i + 1).unwrap_or(i32::MAX)), None, None)),
            ),
            Answer::Scale(value) => answers.push(row(0, None, None, Some(i32::from(*value)), None)),
            Answer::Text(text) => answers.push(row(0, None, None, None, Some(text.clone()))),
        }
    }
    let (email, voter) = match mail {
        Some(mail) => {
            let message = crate::mail::templates::BallotReceipt {
                title: definition.consultation.title.clone(),
                receipt: receipt.clone(),
                link: mail.links.recount(definition.consultation.id),
            };
            let content = crate::mail::templates::render(&message, mail.locale, &mail.links.layout())
                .map_err(|error| anyhow::anyhow!("could not render the receipt email: {error}"))?;
            let content = seal
                .seal_mail(content)
                .ok_or_else(|| CastError::Unexpected(anyhow::anyhow!("a receipt email could not be sealed")))?;
            let email = crate::outbox::NewEmail {
                idempotency_key: format!("receipt:{}", uuid::Uuid::new_v4()),
                to: mail.to,
                content,
                headers: Vec::new(),
                sensitive: true,
                calendar: None,
            };
            (Some(email), Some(mail.user_id))
        }
        None => (None, None),
    };
    let contents = seal::Contents { receipt: receipt.clone(), answers };
    let size = seal::sealed_size(&definition.questions);
    let body = seal
        .seal(definition.consultation.id, &contents, size)
        .ok_or_else(|| CastError::Unexpected(anyhow::anyhow!("a ballot could not be sealed")))?;
    let sealed = sealed_ballot::Model {
        consultation_id: definition.consultation.id,
        id: uuid::Uuid::new_v4().simple().to_string(),
        body,
    };
    Ok(Prepared {
        consultation: definition.consultation.clone(),
        unit: unit.clone(),
        channel,
        receipt,
        sealed,
        email,
        voter,
    })
}
