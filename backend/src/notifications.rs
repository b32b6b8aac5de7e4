//! Notifications: each event is fanned out, inside the transaction that
//! causes it, to the people it concerns. Every recipient gets a row (the
//! in-app notification centre); its `email_state` records what their
//! preference for the event's category asks of email: `immediate`,
//! `digest`, or `none`. The [`mailer`] later turns those rows into outbox
//! emails, each in one transaction with the row's change of state, so an
//! email is neither lost nor sent twice.
//!
//! Adding an event kind is one [`Event`] variant (its recipient query and
//! its values below), one email template (`notification_<kind>`) and one
//! line of text in the app's locales (`notification-<kind>`).

pub mod mailer;
pub mod unsubscribe;

use crate::entities::{
    consultation, eligible_unit, household, notification, notification_preference, occupancy, participation, residence,
    user,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _, PaginatorTrait as _,
    QueryFilter as _, QueryOrder as _, QuerySelect as _,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use palier_domain::ids::NotificationId;
use palier_domain::notifications::{Category, Kind, Mode, NotificationView, NotificationsPage, Preference};

/// The kinds that may be emailed: each has a template `notification_<kind>`.
pub const EMAILED_KINDS: [Kind; 6] = [
    Kind::ConsultationOpened,
    Kind::ConsultationClosing,
    Kind::ResultsAvailable,
    Kind::ResponsePublished,
    Kind::HomeJoined,
    Kind::HomeLeft,
];

/// The `email_state` of a notification whose email went to the outbox.
pub const SENT: &str = "sent";

/// Something that happened, that some people should hear about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Voting opened; for every home in the consultation.
    ConsultationOpened { consultation_id: i64 },
    /// Voting closes within 48 hours; for the homes that have not voted.
    ConsultationClosingSoon { consultation_id: i64 },
    /// Voting closed and its results can be read; for every home in it.
    ResultsAvailable { consultation_id: i64 },
    /// The landlord published a response; for every home in it.
    ResponsePublished { consultation_id: i64 },
    /// `user_id` voted online (their receipt went by email).
    BallotCast { consultation_id: i64, user_id: i64 },
    /// `user_id` joined the household; for its occupants, them included.
    HomeJoined { household_id: i64, user_id: i64 },
    /// `user_id` left the household; for them and who stays.
    HomeLeft { household_id: i64, user_id: i64 },
}

impl Event {
    /// The kind's code: stored, and names the email template and the text.
    pub fn kind(self) -> Kind {
        match self {
            Event::ConsultationOpened { .. } => Kind::ConsultationOpened,
            Event::ConsultationClosingSoon { .. } => Kind::ConsultationClosing,
            Event::ResultsAvailable { .. } => Kind::ResultsAvailable,
            Event::ResponsePublished { .. } => Kind::ResponsePublished,
            Event::BallotCast { .. } => Kind::BallotCast,
            Event::HomeJoined { .. } => Kind::HomeJoined,
            Event::HomeLeft { .. } => Kind::HomeLeft,
        }
    }

    pub fn category(self) -> Category {
        match self {
            Event::ConsultationOpened { .. }
            | Event::ConsultationClosingSoon { .. }
            | Event::ResultsAvailable { .. }
            | Event::ResponsePublished { .. } => Category::Consultations,
            Event::BallotCast { .. } => Category::Votes,
            Event::HomeJoined { .. } | Event::HomeLeft { .. } => Category::Home,
        }
    }

    /// Each person hears of one occurrence once, even if a job runs twice.
    fn dedupe_key(self, now: DateTime<Utc>) -> String {
        match self {
            Event::ConsultationOpened { consultation_id }
            | Event::ConsultationClosingSoon { consultation_id }
            | Event::ResultsAvailable { consultation_id }
            | Event::ResponsePublished { consultation_id }
            | Event::BallotCast { consultation_id, .. } => format!("{}:{consultation_id}", self.kind().code()),
            // One can join, leave and join again: each time is news.
            Event::HomeJoined { household_id, user_id } | Event::HomeLeft { household_id, user_id } => {
                format!("{}:{household_id}:{user_id}:{}", self.kind().code(), now.timestamp_micros())
            }
        }
    }

    /// The people concerned, by one query.
    async fn recipients<C: ConnectionTrait>(self, conn: &C) -> Result<Vec<i64>, DbErr> {
        let (consultation_id, not_voted) = match self {
            Event::ConsultationOpened { consultation_id }
            | Event::ResultsAvailable { consultation_id }
            | Event::ResponsePublished { consultation_id } => (consultation_id, false),
            Event::ConsultationClosingSoon { consultation_id } => (consultation_id, true),
            Event::BallotCast { user_id, .. } => return Ok(vec![user_id]),
            Event::HomeJoined { household_id, user_id } | Event::HomeLeft { household_id, user_id } => {
                let mut people: Vec<i64> = occupancy::Entity::find()
                    .select_only()
                    .column(occupancy::Column::UserId)
                    .filter(occupancy::Column::HouseholdId.eq(household_id))
                    .into_tuple()
                    .all(conn)
                    .await?;
                if !people.contains(&user_id) {
                    people.push(user_id);
                }
                return Ok(people);
            }
        };
        let Some(row) = consultation::Entity::find_by_id(consultation_id).one(conn).await? else {
            return Ok(Vec::new());
        };
        // The occupants of the units frozen at opening: households, or adults.
        let by_household = row.voting_unit != "adult";
        let units = Query::select()
            .column(eligible_unit::Column::UnitId)
            .from(eligible_unit::Entity)
            .and_where(eligible_unit::Column::ConsultationId.eq(consultation_id))
            .to_owned();
        let unit_column = if by_household { occupancy::Column::HouseholdId } else { occupancy::Column::UserId };
        let mut query = occupancy::Entity::find()
            .select_only()
            .column(occupancy::Column::UserId)
            .distinct()
            .filter(unit_column.in_subquery(units));
        if not_voted {
            let voted = Query::select()
                .column(participation::Column::UnitId)
                .from(participation::Entity)
                .and_where(participation::Column::ConsultationId.eq(consultation_id))
                .to_owned();
            query = query.filter(unit_column.not_in_subquery(voted));
        }
        query.into_tuple().all(conn).await
    }

    /// The values of the text of an event about consultation `row`, and its page.
    fn about_consultation(self, row: &consultation::Model) -> (serde_json::Value, String) {
        let link = match self {
            Event::ResultsAvailable { .. } | Event::ResponsePublished { .. } => {
                format!("/consultations/{}/resultats", row.id)
            }
            _ => format!("/consultations/{}", row.id),
        };
        (serde_json::json!({ "title": row.title, "closes_at": row.closes_at.to_rfc3339() }), link)
    }

    /// The values of its text and the page it leads to.
    async fn content<C: ConnectionTrait>(self, conn: &C) -> Result<Option<(serde_json::Value, String)>, DbErr> {
        match self {
            Event::ConsultationOpened { consultation_id }
            | Event::ConsultationClosingSoon { consultation_id }
            | Event::ResultsAvailable { consultation_id }
            | Event::ResponsePublished { consultation_id }
            | Event::BallotCast { consultation_id, .. } => {
                let Some(row) = consultation::Entity::find_by_id(consultation_id).one(conn).await? else {
                    return Ok(None);
                };
                Ok(Some(self.about_consultation(&row)))
            }
            Event::HomeJoined { household_id, user_id } | Event::HomeLeft { household_id, user_id } => {
                let Some(home) = household::Entity::find_by_id(household_id).one(conn).await? else {
                    return Ok(None);
                };
                let residence = residence::Entity::find_by_id(home.residence_id)
                    .one(conn)
                    .await?
                    .map(|r| r.name)
                    .unwrap_or_default();
                let name =
                    user::Entity::find_by_id(user_id).one(conn).await?.map(|u| u.display_name).unwrap_or_default();
                let params = serde_json::json!({ "name": name, "unit": home.unit_label, "residence": residence });
                Ok(Some((params, "/mon-logement".to_owned())))
            }
        }
    }
}

/// Tells everyone `event` concerns, on `conn` (pass the transaction that
/// makes the event happen). Returns how many people were told.
pub async fn notify<C: ConnectionTrait>(conn: &C, event: Event) -> Result<usize, DbErr> {
    let recipients = event.recipients(conn).await?;
    if recipients.is_empty() {
        return Ok(0);
    }
    let Some((params, link)) = event.content(conn).await? else { return Ok(0) };
    let category = event.category();
    let now = Utc::now();
    let dedupe_key = event.dedupe_key(now);
    let params = params.to_string();
    let mut told = 0;
    // Bounded batches keep every statement under the databases' limits on parameters.
    for chunk in recipients.chunks(500) {
        let modes = modes_of(conn, chunk, category).await?;
        let rows = chunk.iter().map(|user_id| notification::ActiveModel {
            user_id: Set(*user_id),
            kind: Set(event.kind().code().to_owned()),
            category: Set(category.code().to_owned()),
            dedupe_key: Set(dedupe_key.clone()),
            params: Set(params.clone()),
            link: Set(link.clone()),
            created_at: Set(now),
            read_at: Set(None),
            email_state: Set(modes.get(user_id).copied().unwrap_or(category.default_mode()).code().to_owned()),
            ..Default::default()
        });
        insert_once(conn, rows).await?;
        told += chunk.len();
    }
    Ok(told)
}

/// Tells each voter that their vote counted (in the app only), in bulk and
/// without a query: the ballot box holds the consultation.
pub(crate) async fn votes_cast<C: ConnectionTrait>(
    conn: &C,
    votes: &[(i64, &consultation::Model)],
) -> Result<(), DbErr> {
    if votes.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let rows = votes.iter().map(|(user_id, row)| {
        let event = Event::BallotCast { consultation_id: row.id, user_id: *user_id };
        let (params, link) = event.about_consultation(row);
        notification::ActiveModel {
            user_id: Set(*user_id),
            kind: Set(event.kind().code().to_owned()),
            category: Set(event.category().code().to_owned()),
            dedupe_key: Set(event.dedupe_key(now)),
            params: Set(params.to_string()),
            link: Set(link),
            created_at: Set(now),
            read_at: Set(None),
            email_state: Set(event.category().default_mode().code().to_owned()),
            ..Default::default()
        }
    });
    insert_once(conn, rows).await
}

/// Inserts notification rows; a person already told of the same thing
/// (same dedupe key) keeps their row.
async fn insert_once<C: ConnectionTrait>(
    conn: &C,
    rows: impl IntoIterator<Item = notification::ActiveModel>,
) -> Result<(), DbErr> {
    notification::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([notification::Column::UserId, notification::Column::DedupeKey])
                .do_nothing()
                .to_owned(),
        )
        .do_nothing()
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// The chosen mode of each of `users` for `category` (absent: the default).
async fn modes_of<C: ConnectionTrait>(
    conn: &C,
    users: &[i64],
    category: Category,
) -> Result<HashMap<i64, Mode>, DbErr> {
    if category == Category::Votes {
        return Ok(users.iter().map(|u| (*u, Mode::None)).collect());
    }
    Ok(notification_preference::Entity::find()
        .filter(notification_preference::Column::Category.eq(category.code()))
        .filter(notification_preference::Column::UserId.is_in(users.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|p| p.mode.parse::<Mode>().ok().map(|mode| (p.user_id, mode)))
        .collect())
}

/// A person's modes, for every category they may choose.
pub async fn preferences<C: ConnectionTrait>(conn: &C, user_id: i64) -> Result<Vec<Preference>, DbErr> {
    let chosen = modes_of_user(conn, user_id).await?;
    Ok(Category::CHOOSABLE
        .iter()
        .map(|c| Preference { category: *c, mode: chosen.get(c).copied().unwrap_or(c.default_mode()) })
        .collect())
}

async fn modes_of_user<C: ConnectionTrait>(conn: &C, user_id: i64) -> Result<HashMap<Category, Mode>, DbErr> {
    Ok(notification_preference::Entity::find()
        .filter(notification_preference::Column::UserId.eq(user_id))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|p| Some((p.category.parse::<Category>().ok()?, p.mode.parse::<Mode>().ok()?)))
        .collect())
}

/// Sets how `user_id` gets the emails of `category`. Notifications still
/// waiting for an email follow the new choice.
pub async fn set_preference<C: ConnectionTrait>(
    conn: &C,
    user_id: i64,
    category: Category,
    mode: Mode,
) -> Result<(), DbErr> {
    let row = notification_preference::ActiveModel {
        user_id: Set(user_id),
        category: Set(category.code().to_owned()),
        mode: Set(mode.code().to_owned()),
        updated_at: Set(Utc::now()),
    };
    notification_preference::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([notification_preference::Column::UserId, notification_preference::Column::Category])
                .update_columns([notification_preference::Column::Mode, notification_preference::Column::UpdatedAt])
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    notification::Entity::update_many()
        .col_expr(notification::Column::EmailState, Expr::value(mode.code()))
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::Category.eq(category.code()))
        .filter(notification::Column::EmailState.is_in([Mode::Immediate.code(), Mode::Digest.code()]))
        .exec(conn)
        .await?;
    Ok(())
}

/// A notification as the notification centre lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: i64,
    pub kind: String,
    /// The values of its text.
    pub params: serde_json::Map<String, serde_json::Value>,
    pub link: String,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}

impl From<notification::Model> for Item {
    fn from(row: notification::Model) -> Self {
        let params = match serde_json::from_str(&row.params) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => serde_json::Map::new(),
        };
        Item {
            id: row.id,
            kind: row.kind,
            params,
            link: row.link,
            created_at: row.created_at,
            read: row.read_at.is_some(),
        }
    }
}

impl Item {
    /// The values of its text, each as text.
    pub fn text_values(&self) -> Vec<(String, String)> {
        self.params
            .iter()
            .map(|(name, value)| match value {
                serde_json::Value::String(text) => (name.clone(), text.clone()),
                other => (name.clone(), other.to_string()),
            })
            .collect()
    }
}

/// One page of `user_id`'s notifications, newest first, and their total.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    user_id: i64,
    page: u64,
    per_page: u64,
) -> Result<(Vec<Item>, u64), DbErr> {
    let query = notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .order_by_desc(notification::Column::CreatedAt)
        .order_by_desc(notification::Column::Id);
    let total = query.clone().count(conn).await?;
    let rows = query.offset(crate::db::page_offset(page, per_page)).limit(per_page).all(conn).await?;
    Ok((rows.into_iter().map(Item::from).collect(), total))
}

/// Page `page` of `user_id`'s notifications, as the centre shows them.
pub async fn page<C: ConnectionTrait>(
    conn: &C,
    user_id: i64,
    page: u64,
    per_page: u64,
) -> Result<NotificationsPage, DbErr> {
    let (items, total) = list(conn, user_id, page, per_page).await?;
    let items = items
        .into_iter()
        .filter_map(|item| {
            Some(NotificationView {
                id: NotificationId::new(item.id),
                kind: item.kind.parse().ok()?,
                values: item.text_values(),
                at: item.created_at,
                read: item.read,
            })
        })
        .collect();
    Ok(NotificationsPage { items, page, pages: total.div_ceil(per_page), unread: unread_count(conn, user_id).await? })
}

/// How many of `user_id`'s notifications are unread.
pub async fn unread_count<C: ConnectionTrait>(conn: &C, user_id: i64) -> Result<u64, DbErr> {
    notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
        .count(conn)
        .await
}

/// Marks one of `user_id`'s notifications read and returns where it leads;
/// `None` when it is not theirs.
pub async fn open<C: ConnectionTrait>(conn: &C, user_id: i64, id: i64) -> Result<Option<String>, DbErr> {
    let Some(row) =
        notification::Entity::find_by_id(id).filter(notification::Column::UserId.eq(user_id)).one(conn).await?
    else {
        return Ok(None);
    };
    if row.read_at.is_none() {
        mark_read(conn, user_id, Some(id)).await?;
    }
    Ok(Some(row.link))
}

/// Marks one (`Some(id)`) or all of `user_id`'s notifications read.
pub async fn mark_read<C: ConnectionTrait>(conn: &C, user_id: i64, id: Option<i64>) -> Result<u64, DbErr> {
    let mut update = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(Utc::now()))
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null());
    if let Some(id) = id {
        update = update.filter(notification::Column::Id.eq(id));
    }
    Ok(update.exec(conn).await?.rows_affected)
}

/// Erases `user_id`'s name from other people's notifications about them
/// (joining or leaving a home), when their account is deleted; the
/// interface then calls them a former tenant.
pub async fn forget_person<C: ConnectionTrait>(conn: &C, user_id: i64) -> Result<(), DbErr> {
    let about_homes = notification::Entity::find()
        .filter(notification::Column::Kind.is_in(["home_joined", "home_left"]))
        .filter(notification::Column::DedupeKey.like(format!("%:{user_id}:%")))
        .all(conn)
        .await?;
    for row in about_homes {
        // The key is `<kind>:<household>:<person>:<time>`.
        if row.dedupe_key.split(':').nth(2) != Some(user_id.to_string().as_str()) {
            continue;
        }
        let mut params = Item::from(row.clone()).params;
        params.insert("name".to_owned(), serde_json::Value::String(String::new()));
        notification::Entity::update_many()
            .col_expr(notification::Column::Params, Expr::value(serde_json::Value::Object(params).to_string()))
            .filter(notification::Column::Id.eq(row.id))
            .exec(conn)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_kind_is_one_the_interface_knows() {
        let events = [
            Event::ConsultationOpened { consultation_id: 1 },
            Event::ConsultationClosingSoon { consultation_id: 1 },
            Event::ResultsAvailable { consultation_id: 1 },
            Event::ResponsePublished { consultation_id: 1 },
            Event::BallotCast { consultation_id: 1, user_id: 1 },
            Event::HomeJoined { household_id: 1, user_id: 1 },
            Event::HomeLeft { household_id: 1, user_id: 1 },
        ];
        use strum::VariantArray as _;
        let kinds: Vec<Kind> = events.iter().map(|e| e.kind()).collect();
        assert_eq!(kinds, Kind::VARIANTS);
        assert!(EMAILED_KINDS.iter().all(|k| kinds.contains(k)));
        // Only the votes category is never emailed.
        for event in events {
            assert_eq!(EMAILED_KINDS.contains(&event.kind()), event.category() != Category::Votes);
        }
    }
}
