//! Server-side sessions. The browser holds a random 256-bit token in an
//! `HttpOnly` cookie; the database holds only its SHA-256. A session ends
//! after 30 idle minutes (30 days with "stay signed in"), or at its absolute
//! limit (12 hours; 90 days with "stay signed in", but never more than 12
//! hours for staff and administrators), at logout, or when the password or
//! the email address changes.

use crate::auth::secret;
use crate::entities::{household, membership, moderator, occupancy, session, user};
use crate::policy::{Actor, Home, Membership};
use chrono::{DateTime, Duration, Utc};
use palier_domain::Locale;
use palier_domain::accounts::SessionView;
use palier_domain::ids::SessionId;
use palier_domain::team::OrgRole;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _,
    FromQueryResult, JoinType, QueryFilter as _, QueryOrder as _, QuerySelect as _, RelationTrait as _,
};

mod touches;
pub use touches::{TOUCH_LINGER, Touches, touch_many};

pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
pub const REMEMBERED_IDLE_TIMEOUT: Duration = Duration::days(30);
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
pub const REMEMBERED_ABSOLUTE_TIMEOUT: Duration = Duration::days(90);
/// Last activity is written at most this often, to spare the database a write per request.
const TOUCH_INTERVAL: Duration = Duration::seconds(60);

/// A session just created: the token goes into the cookie, once.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub id: i64,
    pub remember: bool,
}

/// The session of the request being handled, and who it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentSession {
    pub session_id: i64,
    pub actor: Actor,
}

/// Opens a session for `user_id` and returns its token (shown once).
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    user_id: i64,
    remember: bool,
    user_agent: &str,
) -> Result<NewSession, DbErr> {
    let token = secret::new_token();
    let now = Utc::now();
    let (idle, absolute) = timeouts(remember);
    let row = session::ActiveModel {
        token_hash: Set(token.hash),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        idle_expires_at: Set(now + idle),
        absolute_expires_at: Set(now + absolute),
        remember: Set(remember),
        user_agent: Set(user_agent.chars().take(300).collect()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(NewSession { token: token.plain, id: row.id, remember })
}

fn timeouts(remember: bool) -> (Duration, Duration) {
    if remember { (REMEMBERED_IDLE_TIMEOUT, REMEMBERED_ABSOLUTE_TIMEOUT) } else { (IDLE_TIMEOUT, ABSOLUTE_TIMEOUT) }
}

/// The live session whose token is `token`, and its actor; expired sessions
/// are deleted on sight. At most once a minute, the session is handed to
/// `touches` to push its idle deadline back (written in groups, off the
/// request's path). One query: every request asks this.
pub async fn authenticate<C: ConnectionTrait>(
    conn: &C,
    token: &str,
    touches: &Touches,
) -> Result<Option<CurrentSession>, DbErr> {
    if token.len() != 64 {
        return Ok(None);
    }
    let now = Utc::now();
    let rows = actor_rows(session::Entity::find().join(JoinType::InnerJoin, session::Relation::User.def()))
        .column_as(session::Column::Id, "session_id")
        .column_as(session::Column::Remember, "remember")
        .column_as(session::Column::CreatedAt, "created_at")
        .column_as(session::Column::LastSeenAt, "last_seen_at")
        .column_as(session::Column::IdleExpiresAt, "idle_expires_at")
        .column_as(session::Column::AbsoluteExpiresAt, "absolute_expires_at")
        .filter(session::Column::TokenHash.eq(secret::hash(token)))
        .into_model::<SessionRow>()
        .all(conn)
        .await?;
    let Some(first) = rows.first() else { return Ok(None) };
    let session = first.session;
    let deleted = first.actor.deleted_at.is_some();
    let Some(actor) = actor_from(rows.into_iter().map(|row| row.actor).collect()) else { return Ok(None) };
    // Staff and administrators reach many homes: their sessions last 12 hours
    // at most, whatever "stay signed in" said when they opened it (even a
    // tenant's session opened before they joined a team).
    let staff_limit = (actor.platform_admin || actor.is_staff_anywhere())
        .then(|| session.created_at + ABSOLUTE_TIMEOUT)
        .filter(|limit| *limit < session.absolute_expires_at);
    let absolute = staff_limit.unwrap_or(session.absolute_expires_at);
    if session.idle_expires_at <= now || absolute <= now || deleted {
        session::Entity::delete_by_id(session.session_id).exec(conn).await?;
        return Ok(None);
    }
    if now - session.last_seen_at >= TOUCH_INTERVAL {
        touches.touch(session.session_id, session.remember);
    }
    Ok(Some(CurrentSession { session_id: session.session_id, actor }))
}

/// The columns of [`ActorRow`] on a query that has joined `users`: the
/// person, each of their roles and each of their homes (one row per pair;
/// a person has a handful at most).
fn actor_rows<E: sea_orm::EntityTrait>(query: sea_orm::Select<E>) -> sea_orm::Select<E> {
    query
        .join(JoinType::LeftJoin, user::Relation::Membership.def())
        .join(JoinType::LeftJoin, user::Relation::Occupancy.def())
        .join(JoinType::LeftJoin, occupancy::Relation::Household.def())
        .join(JoinType::LeftJoin, user::Relation::Moderator.def())
        .select_only()
        .column_as(user::Column::Id, "user_id")
        .column_as(user::Column::DisplayName, "display_name")
        .column_as(user::Column::Email, "email")
        .column_as(user::Column::Locale, "locale")
        .column_as(user::Column::EmailVerifiedAt, "email_verified_at")
        .column_as(user::Column::IsPlatformAdmin, "is_platform_admin")
        .column_as(user::Column::DeletedAt, "deleted_at")
        .column_as(membership::Column::OrganisationId, "role_organisation_id")
        .column_as(membership::Column::Role, "role")
        .column_as(household::Column::Id, "household_id")
        .column_as(household::Column::ResidenceId, "residence_id")
        .column_as(household::Column::BuildingId, "building_id")
        .column_as(household::Column::OrganisationId, "home_organisation_id")
        .column_as(moderator::Column::OrganisationId, "moderator_organisation_id")
        .order_by_asc(membership::Column::Id)
        .order_by_asc(occupancy::Column::Id)
}

#[derive(Debug, FromQueryResult)]
struct SessionRow {
    #[sea_orm(nested)]
    session: SessionColumns,
    #[sea_orm(nested)]
    actor: ActorRow,
}

#[derive(Debug, Clone, Copy, FromQueryResult)]
struct SessionColumns {
    session_id: i64,
    remember: bool,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    idle_expires_at: DateTime<Utc>,
    absolute_expires_at: DateTime<Utc>,
}

#[derive(Debug, FromQueryResult)]
struct ActorRow {
    user_id: i64,
    display_name: String,
    email: Option<String>,
    locale: String,
    email_verified_at: Option<DateTime<Utc>>,
    is_platform_admin: bool,
    deleted_at: Option<DateTime<Utc>>,
    role_organisation_id: Option<i64>,
    role: Option<String>,
    household_id: Option<i64>,
    residence_id: Option<i64>,
    building_id: Option<i64>,
    home_organisation_id: Option<i64>,
    moderator_organisation_id: Option<i64>,
}

/// The actor of one person's rows (the person repeats on each); `None`
/// without rows.
fn actor_from(rows: Vec<ActorRow>) -> Option<Actor> {
    let mut memberships: Vec<Membership> = Vec::new();
    let mut homes: Vec<Home> = Vec::new();
    let mut moderates: Vec<i64> = Vec::new();
    for row in &rows {
        if let Some(organisation_id) = row.moderator_organisation_id
            && !moderates.contains(&organisation_id)
        {
            moderates.push(organisation_id);
        }
        if let (Some(organisation_id), Some(role)) =
            (row.role_organisation_id, row.role.as_deref().and_then(|role| role.parse::<OrgRole>().ok()))
        {
            let membership = Membership { organisation_id, role };
            if !memberships.contains(&membership) {
                memberships.push(membership);
            }
        }
        if let (Some(household_id), Some(residence_id), Some(organisation_id)) =
            (row.household_id, row.residence_id, row.home_organisation_id)
        {
            let home = Home { household_id, residence_id, building_id: row.building_id, organisation_id };
            if !homes.contains(&home) {
                homes.push(home);
            }
        }
    }
    let person = rows.into_iter().next()?;
    Some(Actor {
        user_id: person.user_id,
        display_name: person.display_name,
        email: person.email,
        locale: person.locale.parse().unwrap_or(Locale::Fr),
        email_verified: person.email_verified_at.is_some(),
        platform_admin: person.is_platform_admin,
        memberships,
        homes,
        moderates,
    })
}

/// Everything the policy needs about `user`: roles and homes.
pub async fn load_actor<C: ConnectionTrait>(conn: &C, user: &user::Model) -> Result<Actor, DbErr> {
    let rows = actor_rows(user::Entity::find())
        .filter(user::Column::Id.eq(user.id))
        .into_model::<ActorRow>()
        .all(conn)
        .await?;
    actor_from(rows).ok_or_else(|| DbErr::RecordNotFound(format!("user {}", user.id)))
}

/// The live sessions of `user_id`, most recent first.
/// The open sessions of `user_id`, the last used first; `current` is the
/// one asking.
pub async fn list<C: ConnectionTrait>(conn: &C, user_id: i64, current: SessionId) -> Result<Vec<SessionView>, DbErr> {
    let now = Utc::now();
    Ok(session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::IdleExpiresAt.gt(now))
        .filter(session::Column::AbsoluteExpiresAt.gt(now))
        .order_by_desc(session::Column::LastSeenAt)
        .all(conn)
        .await?
        .into_iter()
        .map(|row| SessionView {
            id: SessionId::new(row.id),
            started_at: row.created_at,
            last_seen_at: row.last_seen_at,
            device: describe_device(&row.user_agent),
            remember: row.remember,
            current: row.id == current.get(),
        })
        .collect())
}

/// Ends one session of `user_id`. Returns whether it existed.
pub async fn revoke<C: ConnectionTrait>(conn: &C, user_id: i64, session_id: i64) -> Result<bool, DbErr> {
    let result = session::Entity::delete_many()
        .filter(session::Column::Id.eq(session_id))
        .filter(session::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    Ok(result.rows_affected > 0)
}

/// Ends every session of `user_id` but `keep`. Returns how many ended.
pub async fn revoke_all_except<C: ConnectionTrait>(conn: &C, user_id: i64, keep: Option<i64>) -> Result<u64, DbErr> {
    let mut query = session::Entity::delete_many().filter(session::Column::UserId.eq(user_id));
    if let Some(keep) = keep {
        query = query.filter(session::Column::Id.ne(keep));
    }
    Ok(query.exec(conn).await?.rows_affected)
}

/// Ends the session with this token (logout).
pub async fn end_by_token<C: ConnectionTrait>(conn: &C, token: &str) -> Result<(), DbErr> {
    session::Entity::delete_many().filter(session::Column::TokenHash.eq(secret::hash(token))).exec(conn).await?;
    Ok(())
}

/// Deletes sessions past their deadlines.
pub async fn purge_expired<C: ConnectionTrait>(conn: &C) -> Result<u64, DbErr> {
    let now = Utc::now();
    Ok(session::Entity::delete_many()
        .filter(session::Column::IdleExpiresAt.lte(now).or(session::Column::AbsoluteExpiresAt.lte(now)))
        .exec(conn)
        .await?
        .rows_affected)
}

/// A short description of the browser and system in a User-Agent string.
pub fn describe_device(user_agent: &str) -> Option<String> {
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| name);
    match (browser, system) {
        (Some(browser), Some(system)) => Some(format!("{browser}, {system}")),
        (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_are_described_briefly() {
        let firefox = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0";
        assert_eq!(describe_device(firefox).as_deref(), Some("Firefox, Android"));
        let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
        assert_eq!(describe_device(chrome).as_deref(), Some("Chrome, Windows"));
        let safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        assert_eq!(describe_device(safari).as_deref(), Some("Safari, iPhone"));
        assert_eq!(describe_device(""), None);
    }
}
