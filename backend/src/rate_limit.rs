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

/// Sign-in attempts on one account from one client address.
pub const LOGIN_FAILURES_PER_ACCOUNT: Limit = Limit { max: 10, window: Duration::minutes(15) };
/// Sign-in attempts on one account from anywhere: never refused (that would
/// let anyone lock a chosen person out), but slowed, see [`login_delay`].
pub const LOGIN_ATTEMPTS_PER_ACCOUNT: Limit = Limit { max: i32::MAX, window: Duration::minutes(15) };
/// Checks of the current password by a signed-in person (changing the
/// password or the address, deleting the account).
pub const PASSWORD_RECHECKS_PER_ACCOUNT: Limit = Limit { max: 10, window: Duration::hours(1) };
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
/// One statement, so parallel hits are each counted before any is let in.
pub async fn hit<C: ConnectionTrait>(conn: &C, key: &str, limit: Limit) -> Result<Result<(), Exceeded>, DbErr> {
    let now = Utc::now();
    let (hits, started) = count(conn, key, limit, now).await?;
    Ok(verdict(hits, started, limit, now))
}

/// Counts one hit for `key` in `limit`'s window and returns how many it has now.
pub async fn hits<C: ConnectionTrait>(conn: &C, key: &str, limit: Limit) -> Result<i32, DbErr> {
    Ok(count(conn, key, limit, Utc::now()).await?.0)
}

/// Takes back one hit of `key` (an attempt counted before it was known to succeed).
pub async fn release<C: ConnectionTrait>(conn: &C, key: &str) -> Result<(), DbErr> {
    use sea_orm::{ColumnTrait as _, QueryFilter as _};
    Entity::update_many()
        .col_expr(Column::Hits, Expr::col(Column::Hits).sub(1))
        .filter(Column::Key.eq(key))
        .filter(Column::Hits.gt(0))
        .exec(conn)
        .await
        .map(drop)
}

/// The upsert behind [`hit`]: the hits of `key` and when its window started.
async fn count<C: ConnectionTrait>(
    conn: &C,
    key: &str,
    limit: Limit,
    now: chrono::DateTime<Utc>,
) -> Result<(i32, chrono::DateTime<Utc>), DbErr> {
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
    Ok((hits, started))
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

/// How long a sign-in waits when its account had `attempts` in the window
/// (this one included): nothing for the first ten, then doubling from a
/// quarter of a second to eight seconds at most.
pub fn login_delay(attempts: i32) -> std::time::Duration {
    let beyond = u32::try_from(attempts.saturating_sub(10)).unwrap_or(0);
    if beyond == 0 {
        return std::time::Duration::ZERO;
    }
    let millis = 250u64.saturating_mul(1u64 << (beyond - 1).min(10));
    std::time::Duration::from_millis(millis.min(8_000))
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

#[cfg(test)]
mod tests {
    use super::login_delay;
    use std::time::Duration;

    #[test]
    fn sign_ins_slow_down_instead_of_locking_the_account() {
        assert_eq!(login_delay(1), Duration::ZERO);
        assert_eq!(login_delay(10), Duration::ZERO);
        assert_eq!(login_delay(11), Duration::from_millis(250));
        assert_eq!(login_delay(12), Duration::from_millis(500));
        assert_eq!(login_delay(15), Duration::from_secs(4));
        assert_eq!(login_delay(16), Duration::from_secs(8));
        assert_eq!(login_delay(i32::MAX), Duration::from_secs(8));
    }
}
