//! Live results of open votes: published in steps of at least k ballots,
//! recounted at most every few seconds per server.
//!
//! Someone who watches live results could otherwise see which answers one
//! more ballot added, and a staff member who knows who just voted would
//! learn how. So while a vote is open, the published count moves only once
//! at least k more ballots are in (k = [`SECRECY_K`], or more by setting);
//! it stays empty until the first k; free-text answers wait for the close;
//! and turnout is shown only for residences and buildings where at least k
//! units took part. The published count is stored in the database, so that
//! every server of a site shows the same steps.

use super::{Definition, compute_sealed, counted};
use crate::consultations::voting::Seal;
use crate::entities::{live_result, sealed_ballot};
use palier_domain::consultations::{Results, Status, percent, tally};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait as _,
    PaginatorTrait as _, QueryFilter as _, TransactionTrait as _,
};
use std::collections::{BTreeMap, HashMap};

/// The fewest ballots by which published live results may move, and the
/// smallest group whose turnout is shown while a vote is open.
pub const SECRECY_K: u64 = 5;

/// Live results of open votes, counted at most once per [`LIVE_FOR`] in this
/// process: a crowd refreshing the page of a large vote costs one count
/// (a count of 100 000 ballots takes about a second on SQLite, so those who
/// arrive while it runs wait for it rather than start their own).
#[derive(Debug, Clone)]
pub struct LiveCounts {
    counts: std::sync::Arc<std::sync::Mutex<HashMap<i64, LiveCount>>>,
    k: u64,
    /// Opens the sealed ballots of open votes, to count them.
    seal: Seal,
}

#[derive(Debug, Default)]
struct LiveCount {
    /// The last count and when it was made.
    fresh: Option<(std::time::Instant, Results)>,
    /// Held while this vote is being counted.
    counting: std::sync::Arc<tokio::sync::Mutex<()>>,
}

/// How long a live count is shown before it is counted again.
pub const LIVE_FOR: std::time::Duration = std::time::Duration::from_secs(10);

/// What a request finds for an open vote: a fresh count, or the lock to
/// take before counting.
enum Live {
    Fresh(Results),
    Stale(std::sync::Arc<tokio::sync::Mutex<()>>),
}

impl LiveCounts {
    /// Live counts that move by at least `k` ballots (never fewer than [`SECRECY_K`]).
    pub fn new(k: u64, seal: Seal) -> Self {
        Self { counts: Default::default(), k: k.max(SECRECY_K), seal }
    }

    /// The step of published live results, and the smallest group shown.
    pub fn k(&self) -> u64 {
        self.k
    }

    /// Like [`counted`] once a vote is over; while it is open, the count
    /// published last (see the module), looked up at most once per
    /// [`LIVE_FOR`] in this process.
    pub async fn counted(
        &self,
        conn: &DatabaseConnection,
        definition: &Definition,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Results, DbErr> {
        let id = definition.consultation.id;
        if definition.status() != Status::Open {
            self.counts().remove(&id);
            return counted(conn, definition).await;
        }
        let counting = match self.live(id) {
            Live::Fresh(results) => return Ok(results),
            Live::Stale(counting) => counting,
        };
        let _counting = counting.lock().await;
        // Someone else may have counted while this request waited.
        if let Live::Fresh(results) = self.live(id) {
            return Ok(results);
        }
        let results = publish(conn, &self.seal, definition, self.k, now).await?;
        let mut counts = self.counts();
        // Keep fresh counts, and votes someone is counting (dropping their
        // lock would let the next request start a second count).
        counts.retain(|kept, count| {
            *kept == id
                || std::sync::Arc::strong_count(&count.counting) > 1
                || count.fresh.as_ref().is_some_and(|(at, _)| at.elapsed() < LIVE_FOR)
        });
        counts.entry(id).or_default().fresh = Some((std::time::Instant::now(), results.clone()));
        Ok(results)
    }

    fn live(&self, id: i64) -> Live {
        let mut counts = self.counts();
        let count = counts.entry(id).or_default();
        match &count.fresh {
            Some((at, results)) if at.elapsed() < LIVE_FOR => Live::Fresh(results.clone()),
            _ => Live::Stale(count.counting.clone()),
        }
    }

    fn counts(&self) -> std::sync::MutexGuard<'_, HashMap<i64, LiveCount>> {
        self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The live results of open vote `definition` as they may be shown: the
/// count published last, replaced first when at least `k` more ballots are
/// in. Two servers racing to publish cannot make a smaller step: the
/// database keeps a new count only if it holds `k` ballots more.
async fn publish(
    db: &DatabaseConnection,
    seal: &Seal,
    definition: &Definition,
    k: u64,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Results, DbErr> {
    let id = definition.consultation.id;
    let published = live_result::Entity::find_by_id(id).one(db).await?;
    if frozen(definition, now) {
        return match &published {
            Some(row) => read(row),
            None => Ok(nothing_yet(definition, k)),
        };
    }
    let ballots = sealed_ballot::Entity::find().filter(sealed_ballot::Column::ConsultationId.eq(id)).count(db).await?;
    let step = |shown: u64| ballots >= shown.saturating_add(k);
    match &published {
        Some(row) if !step(u64::try_from(row.ballots).unwrap_or(0)) => return read(row),
        None if !step(0) => return Ok(nothing_yet(definition, k)),
        _ => {}
    }
    let results = for_open_vote(consistent_count(db, seal, definition).await?, k);
    let body = serde_json::to_string(&results).map_err(|error| DbErr::Custom(error.to_string()))?;
    let count = i64::try_from(results.ballots).unwrap_or(i64::MAX);
    let step = i64::try_from(k).unwrap_or(i64::MAX);
    live_result::Entity::insert(live_result::ActiveModel {
        consultation_id: Set(id),
        ballots: Set(count),
        published_at: Set(chrono::Utc::now()),
        body: Set(body),
    })
    .on_conflict(
        OnConflict::column(live_result::Column::ConsultationId)
            .update_columns([live_result::Column::Ballots, live_result::Column::PublishedAt, live_result::Column::Body])
            .action_and_where(
                Expr::expr(Expr::col((live_result::Entity, live_result::Column::Ballots)).add(step))
                    .lte(Expr::cust("excluded.ballots")),
            )
            .to_owned(),
    )
    .do_nothing()
    .exec(db)
    .await?;
    match live_result::Entity::find_by_id(id).one(db).await? {
        Some(row) => read(&row),
        None => Ok(nothing_yet(definition, k)),
    }
}

/// How long before the close live results stop moving (a quarter of the
/// vote for votes shorter than four days): the final count then differs
/// from the last one shown by every ballot of that time, not by the last
/// few, whose voters someone who knows who voted late could name.
pub const FROZEN_BEFORE_CLOSE: chrono::Duration = chrono::Duration::hours(24);

/// Whether the live results of `definition` have stopped moving at `now`.
pub fn frozen(definition: &Definition, now: chrono::DateTime<chrono::Utc>) -> bool {
    let row = &definition.consultation;
    let window = FROZEN_BEFORE_CLOSE.min((row.closes_at - row.opens_at) / 4);
    now >= row.closes_at - window
}

/// A count of every figure at one instant (the ballots, the register and the
/// answers must agree, or two published counts could differ by fewer than k
/// ballots in some answer).
async fn consistent_count(db: &DatabaseConnection, seal: &Seal, definition: &Definition) -> Result<Results, DbErr> {
    let txn = if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        use sea_orm::{AccessMode, IsolationLevel};
        db.begin_with_config(Some(IsolationLevel::RepeatableRead), Some(AccessMode::ReadOnly)).await?
    } else {
        // A SQLite transaction reads one snapshot from its first read on.
        db.begin().await?
    };
    let results = compute_sealed(&txn, seal, definition).await?;
    txn.commit().await?;
    Ok(results)
}

/// `results` of an open vote as they may be published: no free-text answer
/// before the close, no turnout of a group of fewer than `k` participants.
fn for_open_vote(mut results: Results, k: u64) -> Results {
    for question in &mut results.questions {
        if let palier_domain::consultations::Detail::Text { samples } = &mut question.detail {
            samples.clear();
        }
    }
    results.turnout = small_groups_hidden(std::mem::take(&mut results.turnout), k);
    results.live_step = Some(k);
    results
}

/// The turnout lines that may be shown while a vote is open: a level
/// (residences, or the buildings of one residence) shows only if each of its
/// groups, and what the total leaves out of them, has none or no fewer than
/// `k` voters; one hidden group next to shown ones would be their difference.
fn small_groups_hidden(
    lines: Vec<palier_domain::consultations::TurnoutLine>,
    k: u64,
) -> Vec<palier_domain::consultations::TurnoutLine> {
    let large = |n: u64| n == 0 || n >= k;
    let residences: Vec<_> = lines.iter().filter(|line| line.building.is_none()).collect();
    if !residences.iter().all(|r| large(r.participants)) {
        return Vec::new();
    }
    let mut shown = Vec::new();
    for residence in residences {
        shown.push(residence.clone());
        let buildings: Vec<_> =
            lines.iter().filter(|l| l.building.is_some() && l.residence == residence.residence).collect();
        let in_buildings: u64 = buildings.iter().map(|b| b.participants).sum();
        if buildings.iter().all(|b| large(b.participants)) && large(residence.participants.saturating_sub(in_buildings))
        {
            shown.extend(buildings.into_iter().cloned());
        }
    }
    shown
}

/// What an open vote shows before its first k ballots: every question, no count.
fn nothing_yet(definition: &Definition, k: u64) -> Results {
    let eligible = definition.consultation.eligible_count.map_or(0, |n| u64::try_from(n).unwrap_or(0));
    let quorum_percent = definition.consultation.quorum_percent.and_then(|q| u32::try_from(q).ok());
    Results {
        ballots: 0,
        eligible,
        participants: 0,
        online: 0,
        paper: 0,
        turnout_percent: percent(0, eligible),
        quorum_percent,
        quorum_reached: quorum_percent.map(|_| false),
        turnout: Vec::new(),
        questions: tally(&definition.questions, &[], BTreeMap::new()),
        live_step: Some(k),
    }
}

fn read(row: &live_result::Model) -> Result<Results, DbErr> {
    serde_json::from_str(&row.body)
        .map_err(|error| DbErr::Custom(format!("live results of {}: {error}", row.consultation_id)))
}
