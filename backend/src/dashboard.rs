//! The signed-in person's home page: the open votes of their homes and
//! their newest unread notifications.

use crate::policy::Actor;
use chrono::{DateTime, Utc};
use palier_domain::consultations::Status;
use palier_domain::dashboard::Dashboard;
use sea_orm::{ConnectionTrait, DbErr};

/// What `actor` finds first on their home page at `now`: the open votes of
/// their homes, the soonest to close first, and their newest unread
/// notifications.
pub async fn dashboard<C: ConnectionTrait>(conn: &C, actor: &Actor, now: DateTime<Utc>) -> Result<Dashboard, DbErr> {
    let mut open_votes: Vec<_> = crate::consultations::voting::for_tenant(conn, actor, now)
        .await?
        .into_iter()
        .filter(|line| line.summary.status == Status::Open)
        .collect();
    open_votes.sort_by_key(|line| line.summary.closes_at);
    Ok(Dashboard {
        user: crate::shell::user(conn, actor).await?,
        open_votes,
        unread: crate::notifications::newest_unread(conn, actor.user_id, Dashboard::UNREAD_SHOWN).await?,
    })
}
