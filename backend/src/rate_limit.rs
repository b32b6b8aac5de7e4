//! Rate limits kept in the database, so that several server processes share
//! them (an in-memory limiter such as `governor` would give each process its
//! own budget). Fixed windows: a key counts hits from the start of its window
//! and is refused once over the limit until the window ends.

use crate::auth::secret;
use crate::entities::rate_limit::{Column, Entity};
use chrono::{Duration, Utc};
use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait as _};

/// How many hits a key may have in a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: i32,
    pub window: Duration,
}

pub const LOGIN_FAILURES_PER_ACCOUNT: Limit = Limit { max: 10, window: Duration::minutes(15) };
pub const LOGIN_FAILURES_PER_IP: Limit = Limit { max: 50, window: Duration::minutes(15) };
pub const RESET_PER_ADDRESS: Limit = Limit { max: 3, window: Duration::hours(1) };
pub const RESET_PER_IP: Limit = Limit { max: 20, window: Duration::hours(1) };
pub const VERIFICATION_PER_ADDRESS: Limit = Limit { max: 3, window: Duration::hours(1) };
pub const REGISTRATION_PER_IP: Limit = Limit { max: 20, window: Duration::hours(1) };
pub const CODE_FAILURES_PER_ACCOUNT: Limit = Limit { max: 10, window: Duration::hours(1) };
pub const CODE_FAILURES_PER_IP: Limit = Limit { max: 30, window: Duration::hours(1) };

/// The limit is reached; try again after this long.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("too many attempts; retry in {} s", retry_after.num_seconds())]
pub struct Exceeded {
    pub retry_after: Duration,
}

/// A key for `kind` (e.g. `login-account`) and `subject` (an email, an IP);
/// the subject is hashed so no address is stored in clear.
pub fn key(kind: &str, subject: &str) -> String {
    format!("{kind}:{}", &secret::hash(&subject.trim().to_lowercase())[..32])
}

/// Counts one hit for `key`; `Err(Exceeded)` when it goes over `limit`.
pub async fn hit<C: ConnectionTrait>(conn: &C, key: &str, limit: Limit) -> Result<Result<(), Exceeded>, DbErr> {
    let now = Utc::now();
    let window_cutoff = now - limit.window;
    let expired = Expr::col((Entity, Column::WindowStartedAt)).lt(window_cutoff);
    let insert = Query::insert()
        .into_table(Entity)
        .columns([Column::Key, Column::WindowStartedAt, Column::Hits])
        .values_panic([key.into(), now.into(), 1.into()])
        .on_conflict(
            OnConflict::column(Column::Key)
                .value(Column::Hits, Expr::case(expired.clone(), 1).finally(Expr::col((Entity, Column::Hits)).add(1)))
                .value(
                    Column::WindowStartedAt,
                    Expr::case(expired, now).finally(Expr::col((Entity, Column::WindowStartedAt))),
                )
                .to_owned(),
        )
        .returning(Query::returning().columns([Column::Hits, Column::WindowStartedAt]))
        .to_owned();
    let row = conn
        .query_one(conn.get_database_backend().build(&insert))
        .await?
        .ok_or_else(|| DbErr::Custom("the rate-limit upsert returned no row".into()))?;
    let hits: i32 = row.try_get("", "hits")?;
    let started: chrono::DateTime<Utc> = row.try_get("", "window_started_at")?;
    Ok(verdict(hits, started, limit, now))
}

/// Whether `key` is over `limit`, without counting a hit.
pub async fn check<C: ConnectionTrait>(conn: &C, key: &str, limit: Limit) -> Result<Result<(), Exceeded>, DbErr> {
    let now = Utc::now();
    Ok(match Entity::find_by_id(key.to_owned()).one(conn).await? {
        Some(row) if row.window_started_at > now - limit.window && row.hits >= limit.max => {
            Err(Exceeded { retry_after: (row.window_started_at + limit.window - now).max(Duration::seconds(1)) })
        }
        _ => Ok(()),
    })
}

/// Forgets the hits of `key` (e.g. failed logins after a success).
pub async fn clear<C: ConnectionTrait>(conn: &C, key: &str) -> Result<(), DbErr> {
    Entity::delete_by_id(key.to_owned()).exec(conn).await.map(drop)
}

/// Deletes counters whose window ended long ago.
pub async fn purge<C: ConnectionTrait>(conn: &C) -> Result<u64, DbErr> {
    use sea_orm::{ColumnTrait as _, QueryFilter as _};
    Ok(Entity::delete_many()
        .filter(Column::WindowStartedAt.lt(Utc::now() - Duration::days(1)))
        .exec(conn)
        .await?
        .rows_affected)
}

fn verdict(
    hits: i32,
    started: chrono::DateTime<Utc>,
    limit: Limit,
    now: chrono::DateTime<Utc>,
) -> Result<(), Exceeded> {
    if hits > limit.max {
        Err(Exceeded { retry_after: (started + limit.window - now).max(Duration::seconds(1)) })
    } else {
        Ok(())
    }
}
