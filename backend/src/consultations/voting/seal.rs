//! Sealed ballots: how an open vote's ballots are stored, so that nobody who
//! reads the database (during the vote or later, in its files, its backups
//! or the dead rows PostgreSQL keeps until a vacuum) can read a ballot next
//! to the register row written in the same transaction.
//!
//! Each ballot is encrypted (XChaCha20-Poly1305, a random nonce) under a key
//! derived from the server key for its consultation, after padding to one
//! size for the whole consultation ([`sealed_size`], the longest ballot its
//! rules allow), so that its length does not tell its answers either. At closing, [`unseal`] opens the vote's sealed ballots and writes
//! them, under fresh random ids and in random order, to `ballots` and
//! `ballot_answers`, in the transaction that closes the vote: every ballot
//! written before then is counted, and the open tables share nothing with
//! the register but the consultation.

use crate::auth::server_key::ServerKey;
use crate::entities::{ballot, ballot_answer, sealed_ballot};
use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _, QueryFilter as _, QueryOrder as _,
    QuerySelect as _,
};
use serde::{Deserialize, Serialize};

/// Sealed ballots are padded to a multiple of this many bytes.
pub const PAD: usize = 1024;

/// The size every ballot of a consultation with `questions` is padded to
/// before sealing: more than the longest one its rules allow (each answer
/// row at its widest, each text at four bytes a character, the most JSON
/// needs for one), in steps of [`PAD`].
pub fn sealed_size(questions: &[palier_domain::consultations::Question]) -> usize {
    use palier_domain::consultations::QuestionKind;
    /// `{"q":…,"p":…,"o":…,"r":…,"v":…}` with every number at its widest.
    const ROW: usize = 128;
    let rows: usize = questions
        .iter()
        .map(|q| match &q.kind {
            QuestionKind::FreeText { max_chars } => ROW + 4 * usize::try_from(*max_chars).unwrap_or(usize::MAX / 8),
            QuestionKind::Scale { .. } => ROW,
            _ => ROW * q.options.len().max(1),
        })
        .sum();
    (rows + 256).div_ceil(PAD) * PAD
}

/// Seals and opens ballots (see the module).
#[derive(Clone)]
pub struct Seal {
    key: ServerKey,
}

impl std::fmt::Debug for Seal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Seal(…)")
    }
}

/// What a sealed ballot holds: its receipt and its answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contents {
    pub receipt: String,
    pub answers: Vec<SealedAnswer>,
}

/// One row of `ballot_answers`, without its ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedAnswer {
    #[serde(rename = "q")]
    pub question_id: i64,
    #[serde(rename = "p")]
    pub position: i32,
    #[serde(rename = "o", default, skip_serializing_if = "Option::is_none")]
    pub option_id: Option<i64>,
    #[serde(rename = "r", default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<i32>,
    #[serde(rename = "v", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<i32>,
    #[serde(rename = "t", default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Seal {
    pub fn new(key: &ServerKey) -> Self {
        Self { key: key.clone() }
    }

    /// A receipt email's content, sealed until the outbox sends it
    /// ([`crate::outbox::sealed`]).
    pub fn seal_mail(&self, content: crate::mail::RenderedEmail) -> Option<crate::mail::RenderedEmail> {
        crate::outbox::sealed(&self.key, content)
    }

    fn purpose(consultation_id: i64) -> String {
        format!("palier ballot seal:{consultation_id}")
    }

    /// `contents`, padded to `size` bytes (more if it is longer, which
    /// [`sealed_size`] rules out) and sealed for consultation `consultation_id`.
    pub fn seal(&self, consultation_id: i64, contents: &Contents, size: usize) -> Option<Vec<u8>> {
        let mut plain = serde_json::to_vec(contents).ok()?;
        // JSON allows trailing spaces: the padding needs no length.
        plain.resize(plain.len().max(size).div_ceil(PAD).max(1) * PAD, b' ');
        self.key.seal(&Self::purpose(consultation_id), &plain)
    }

    /// Opens a ballot sealed for `consultation_id`.
    pub fn open(&self, consultation_id: i64, body: &[u8]) -> Result<Contents, DbErr> {
        let unreadable =
            || DbErr::Custom(format!("a sealed ballot of consultation {consultation_id} cannot be opened"));
        let plain = self.key.open(&Self::purpose(consultation_id), body).ok_or_else(unreadable)?;
        serde_json::from_slice(&plain).map_err(|_| unreadable())
    }
}

/// How many sealed ballots are read at a time.
const PAGE: u64 = 1000;

/// Calls `each` with every sealed ballot of `consultation_id`, opened, a
/// page at a time (in the order of their random ids).
pub async fn for_each_sealed<C: ConnectionTrait>(
    conn: &C,
    seal: &Seal,
    consultation_id: i64,
    mut each: impl FnMut(Contents),
) -> Result<(), DbErr> {
    let mut after: Option<String> = None;
    loop {
        let mut page = sealed_ballot::Entity::find()
            .filter(sealed_ballot::Column::ConsultationId.eq(consultation_id))
            .order_by_asc(sealed_ballot::Column::Id)
            .limit(PAGE);
        if let Some(after) = &after {
            page = page.filter(sealed_ballot::Column::Id.gt(after.clone()));
        }
        let rows = page.all(conn).await?;
        let Some(last) = rows.last() else { return Ok(()) };
        after = Some(last.id.clone());
        for row in &rows {
            each(seal.open(consultation_id, &row.body)?);
        }
        if (rows.len() as u64) < PAGE {
            return Ok(());
        }
    }
}

/// Opens the sealed ballots of `consultation_id` and writes them to the
/// ballot tables under new random ids, in random order, then deletes them.
/// Run it in the transaction that closes the vote. Returns their number.
pub async fn unseal<C: ConnectionTrait>(conn: &C, seal: &Seal, consultation_id: i64) -> Result<u64, DbErr> {
    let mut opened = Vec::new();
    for_each_sealed(conn, seal, consultation_id, |contents| {
        opened.push((uuid::Uuid::new_v4().to_string(), contents));
    })
    .await?;
    // In the order of the new random ids: unrelated to when each was cast.
    opened.sort_by(|a, b| a.0.cmp(&b.0));
    for chunk in opened.chunks(2000) {
        ballot::Entity::insert_many(chunk.iter().map(|(id, contents)| ballot::ActiveModel {
            id: Set(id.clone()),
            consultation_id: Set(consultation_id),
            receipt: Set(contents.receipt.clone()),
        }))
        .exec_without_returning(conn)
        .await?;
        let answers: Vec<ballot_answer::ActiveModel> = chunk
            .iter()
            .flat_map(|(id, contents)| {
                contents.answers.iter().map(move |a| ballot_answer::ActiveModel {
                    ballot_id: Set(id.clone()),
                    question_id: Set(a.question_id),
                    position: Set(a.position),
                    option_id: Set(a.option_id),
                    rank: Set(a.rank),
                    value: Set(a.value),
                    text: Set(a.text.clone()),
                })
            })
            .collect();
        // Within SQLite's limit of bound values per statement.
        for part in answers.chunks(2000) {
            ballot_answer::Entity::insert_many(part.iter().cloned()).exec_without_returning(conn).await?;
        }
    }
    let deleted = sealed_ballot::Entity::delete_many()
        .filter(sealed_ballot::Column::ConsultationId.eq(consultation_id))
        .exec(conn)
        .await?
        .rows_affected;
    // Ballots written meanwhile would be lost: the closing fails instead
    // (the ballot box's lock on the vote keeps them out).
    if deleted != opened.len() as u64 {
        return Err(DbErr::Custom(format!(
            "consultation {consultation_id}: {deleted} sealed ballots deleted, {} opened",
            opened.len()
        )));
    }
    Ok(deleted)
}

/// Seals the ballots that open votes hold in the clear (cast by a version of
/// Palier that did not seal them), so that no open vote keeps a ballot
/// next to its register row: each vote's ballots are read, sealed under new
/// ids and deleted in one transaction. Run at start-up. Returns how many.
pub async fn seal_plain_ballots(db: &sea_orm::DatabaseConnection, seal: &Seal) -> Result<u64, DbErr> {
    use crate::entities::consultation;
    use palier_domain::consultations::Status;
    use sea_orm::{PaginatorTrait as _, TransactionTrait as _};
    let open: Vec<i64> = consultation::Entity::find()
        .select_only()
        .column(consultation::Column::Id)
        .filter(consultation::Column::Status.eq(Status::Open.code()))
        .into_tuple()
        .all(db)
        .await?;
    let mut sealed = 0;
    for id in open {
        if ballot::Entity::find().filter(ballot::Column::ConsultationId.eq(id)).count(db).await? == 0 {
            continue;
        }
        let txn = db.begin().await?;
        let Some(definition) = super::super::definition(&txn, id).await? else { continue };
        let size = sealed_size(&definition.questions);
        let ballots = ballot::Entity::find().filter(ballot::Column::ConsultationId.eq(id)).all(&txn).await?;
        let mut rows = Vec::with_capacity(ballots.len());
        for chunk in ballots.chunks(500) {
            let mut answers: std::collections::HashMap<String, Vec<SealedAnswer>> = Default::default();
            for a in ballot_answer::Entity::find()
                .filter(ballot_answer::Column::BallotId.is_in(chunk.iter().map(|b| b.id.clone())))
                .all(&txn)
                .await?
            {
                answers.entry(a.ballot_id.clone()).or_default().push(SealedAnswer {
                    question_id: a.question_id,
                    position: a.position,
                    option_id: a.option_id,
                    rank: a.rank,
                    value: a.value,
                    text: a.text,
                });
            }
            for b in chunk {
                let contents =
                    Contents { receipt: b.receipt.clone(), answers: answers.remove(&b.id).unwrap_or_default() };
                let body = seal
                    .seal(id, &contents, size)
                    .ok_or_else(|| DbErr::Custom("a ballot could not be sealed".to_owned()))?;
                rows.push(sealed_ballot::ActiveModel {
                    consultation_id: Set(id),
                    id: Set(uuid::Uuid::new_v4().simple().to_string()),
                    body: Set(body),
                });
            }
        }
        rows.sort_by(|a, b| a.id.as_ref().cmp(b.id.as_ref()));
        for chunk in rows.chunks(1000) {
            sealed_ballot::Entity::insert_many(chunk.iter().cloned()).exec_without_returning(&txn).await?;
        }
        for chunk in ballots.chunks(500) {
            ballot_answer::Entity::delete_many()
                .filter(ballot_answer::Column::BallotId.is_in(chunk.iter().map(|b| b.id.clone())))
                .exec(&txn)
                .await?;
        }
        ballot::Entity::delete_many().filter(ballot::Column::ConsultationId.eq(id)).exec(&txn).await?;
        txn.commit().await?;
        sealed += rows.len() as u64;
    }
    Ok(sealed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Contents {
        Contents {
            receipt: "ABCD-EFGH".into(),
            answers: vec![SealedAnswer {
                question_id: 1,
                position: 0,
                option_id: None,
                rank: None,
                value: None,
                text: Some(text.into()),
            }],
        }
    }

    #[test]
    fn a_sealed_ballot_opens_only_with_its_key_and_consultation() {
        let seal = Seal::new(&ServerKey::generate());
        let body = seal.seal(7, &contents("oui"), PAD).unwrap();
        assert_eq!(seal.open(7, &body).unwrap(), contents("oui"));
        assert!(seal.open(8, &body).is_err());
        assert!(Seal::new(&ServerKey::generate()).open(7, &body).is_err());
        assert!(seal.open(7, &body[..10]).is_err());
    }

    #[test]
    fn the_longest_ballot_fits_the_size_of_its_consultation() {
        use palier_domain::consultations::{Question, QuestionKind};
        use palier_domain::ids::{OptionId, QuestionId};
        let text = Question {
            id: QuestionId::new(i64::MAX),
            position: 0,
            kind: QuestionKind::FreeText { max_chars: 2000 },
            prompt: String::new(),
            required: false,
            options: Vec::new(),
        };
        let size = sealed_size(std::slice::from_ref(&text));
        // Characters JSON writes longest: a quote becomes two bytes, an emoji four.
        let longest = "\"😀".repeat(1000);
        let mut ballot = contents(&longest);
        ballot.answers[0].question_id = i64::MAX;
        ballot.receipt = "ZZZZ-ZZZZ-ZZZZ-ZZZZ".into();
        let short = contents("oui");
        let seal = Seal::new(&ServerKey::generate());
        let (long, short) = (seal.seal(7, &ballot, size).unwrap(), seal.seal(7, &short, size).unwrap());
        assert_eq!(long.len(), short.len());
        let many = Question {
            kind: QuestionKind::Ranking,
            options: (0..60).map(|n| (OptionId::new(i64::MAX - n), String::new())).collect(),
            ..text
        };
        assert!(sealed_size(&[many]) >= 60 * 100);
    }

    #[test]
    fn sealed_ballots_look_alike() {
        let seal = Seal::new(&ServerKey::generate());
        let (a, b) = (seal.seal(7, &contents("oui"), PAD), seal.seal(7, &contents("non, pas du tout"), PAD));
        let (a, b) = (a.unwrap(), b.unwrap());
        let again = seal.seal(7, &contents("oui"), PAD).unwrap();
        assert_eq!(a.len(), b.len());
        assert_ne!(a, again);
        assert!(!a.windows(3).any(|w| w == b"oui"));
    }
}
