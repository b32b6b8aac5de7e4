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

mod centre;
mod councils;
mod preferences;
mod projects;

pub use centre::*;
pub use preferences::*;

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

use palier_domain::discussion::{ContentRef, ReportReason};
use palier_domain::ids::NotificationId;
use palier_domain::notifications::{Category, Kind, Mode, NotificationView, NotificationsPage, Preference};

/// The kinds that may be emailed: each has a template `notification_<kind>`.
pub const EMAILED_KINDS: [Kind; 18] = [
    Kind::ConsultationOpened,
    Kind::ConsultationClosing,
    Kind::ConsultationExtended,
    Kind::ResultsAvailable,
    Kind::ResponsePublished,
    Kind::HomeJoined,
    Kind::HomeLeft,
    Kind::PaperBallot,
    Kind::ProjectPublished,
    Kind::ProjectChanged,
    Kind::ProjectProgress,
    Kind::NewComment,
    Kind::CommentReply,
    Kind::ContentHidden,
    Kind::ContentRestored,
    Kind::MeetingConvened,
    Kind::MeetingMoved,
    Kind::MeetingCancelled,
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
    /// The closing date moved later; for every home in the consultation.
    ConsultationExtended { consultation_id: i64 },
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
    /// Staff entered a paper ballot for `household_id`; for its occupants, so
    /// that a ballot entered in their name without them is seen.
    /// (The unit is the household, or the adult `unit_id` when adults vote
    /// one by one: then only that person is told.)
    PaperBallot { consultation_id: i64, household_id: i64, unit_id: i64, adult: bool },
    /// A project was published; for the residence's tenants but its author.
    ProjectPublished { project_id: i64 },
    /// A project changed status (`event_id` on its timeline); for its author and supporters.
    ProjectChanged { project_id: i64, event_id: i64 },
    /// The landlord posted progress (`event_id`); for its author and supporters.
    ProjectProgress { project_id: i64, event_id: i64 },
    /// A comment on an item; for the item's author.
    NewComment { comment_id: i64 },
    /// A reply to a comment; for that comment's author.
    CommentReply { comment_id: i64 },
    /// `content` was hidden (or shown again); for its author.
    ContentModerated { content: ContentRef, hidden: bool, reason: Option<ReportReason>, at: DateTime<Utc> },
    /// A council meeting was convened; for the tenants of the residences it covers.
    MeetingConvened { meeting_id: i64 },
    /// It was moved (at `at`: it may move again); for the same people.
    MeetingMoved { meeting_id: i64, at: DateTime<Utc> },
    /// It was called off; for the same people.
    MeetingCancelled { meeting_id: i64 },
}

impl Event {
    /// The kind's code: stored, and names the email template and the text.
    pub fn kind(self) -> Kind {
        match self {
            Event::ConsultationOpened { .. } => Kind::ConsultationOpened,
            Event::ConsultationClosingSoon { .. } => Kind::ConsultationClosing,
            Event::ConsultationExtended { .. } => Kind::ConsultationExtended,
            Event::ResultsAvailable { .. } => Kind::ResultsAvailable,
            Event::ResponsePublished { .. } => Kind::ResponsePublished,
            Event::BallotCast { .. } => Kind::BallotCast,
            Event::HomeJoined { .. } => Kind::HomeJoined,
            Event::HomeLeft { .. } => Kind::HomeLeft,
            Event::PaperBallot { .. } => Kind::PaperBallot,
            Event::ProjectPublished { .. } => Kind::ProjectPublished,
            Event::ProjectChanged { .. } => Kind::ProjectChanged,
            Event::ProjectProgress { .. } => Kind::ProjectProgress,
            Event::NewComment { .. } => Kind::NewComment,
            Event::CommentReply { .. } => Kind::CommentReply,
            Event::ContentModerated { hidden: true, .. } => Kind::ContentHidden,
            Event::ContentModerated { hidden: false, .. } => Kind::ContentRestored,
            Event::MeetingConvened { .. } => Kind::MeetingConvened,
            Event::MeetingMoved { .. } => Kind::MeetingMoved,
            Event::MeetingCancelled { .. } => Kind::MeetingCancelled,
        }
    }

    pub fn category(self) -> Category {
        match self {
            Event::ConsultationOpened { .. }
            | Event::ConsultationClosingSoon { .. }
            | Event::ConsultationExtended { .. }
            | Event::ResultsAvailable { .. }
            | Event::ResponsePublished { .. } => Category::Consultations,
            Event::BallotCast { .. } => Category::Votes,
            Event::HomeJoined { .. } | Event::HomeLeft { .. } | Event::PaperBallot { .. } => Category::Home,
            Event::ProjectChanged { .. }
            | Event::ProjectProgress { .. }
            | Event::NewComment { .. }
            | Event::CommentReply { .. }
            | Event::ContentModerated { .. } => Category::Projects,
            Event::ProjectPublished { .. }
            | Event::MeetingConvened { .. }
            | Event::MeetingMoved { .. }
            | Event::MeetingCancelled { .. } => Category::Neighbourhood,
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
            Event::PaperBallot { consultation_id, unit_id, .. } => {
                format!("{}:{consultation_id}:{unit_id}", self.kind().code())
            }
            Event::ConsultationExtended { consultation_id } => {
                format!("{}:{consultation_id}:{}", self.kind().code(), now.timestamp_micros())
            }
            // One can join, leave and join again: each time is news.
            Event::HomeJoined { household_id, user_id } | Event::HomeLeft { household_id, user_id } => {
                format!("{}:{household_id}:{user_id}:{}", self.kind().code(), now.timestamp_micros())
            }
            Event::ProjectPublished { project_id } => format!("{}:{project_id}", self.kind().code()),
            Event::ProjectChanged { event_id, .. } | Event::ProjectProgress { event_id, .. } => {
                format!("{}:{event_id}", self.kind().code())
            }
            Event::NewComment { comment_id } | Event::CommentReply { comment_id } => {
                format!("{}:{comment_id}", self.kind().code())
            }
            Event::ContentModerated { content, at, .. } => {
                format!("{}:{}:{}:{}", self.kind().code(), content.kind().code(), content.id(), at.timestamp_micros())
            }
            Event::MeetingConvened { meeting_id } | Event::MeetingCancelled { meeting_id } => {
                format!("{}:{meeting_id}", self.kind().code())
            }
            Event::MeetingMoved { meeting_id, at } => {
                format!("{}:{meeting_id}:{}", self.kind().code(), at.timestamp_micros())
            }
        }
    }

    /// The people concerned, by one query.
    async fn recipients<C: ConnectionTrait>(self, conn: &C) -> Result<Vec<i64>, DbErr> {
        let (consultation_id, not_voted) = match self {
            Event::ConsultationOpened { consultation_id }
            | Event::ConsultationExtended { consultation_id }
            | Event::ResultsAvailable { consultation_id }
            | Event::ResponsePublished { consultation_id } => (consultation_id, false),
            Event::ConsultationClosingSoon { consultation_id } => (consultation_id, true),
            Event::BallotCast { user_id, .. } => return Ok(vec![user_id]),
            Event::PaperBallot { unit_id, adult: true, .. } => return Ok(vec![unit_id]),
            Event::PaperBallot { household_id, .. } => {
                return occupancy::Entity::find()
                    .select_only()
                    .column(occupancy::Column::UserId)
                    .filter(occupancy::Column::HouseholdId.eq(household_id))
                    .into_tuple()
                    .all(conn)
                    .await;
            }
            Event::ProjectPublished { .. }
            | Event::ProjectChanged { .. }
            | Event::ProjectProgress { .. }
            | Event::NewComment { .. }
            | Event::CommentReply { .. }
            | Event::ContentModerated { .. } => return projects::recipients(conn, self).await,
            Event::MeetingConvened { .. } | Event::MeetingMoved { .. } | Event::MeetingCancelled { .. } => {
                return councils::recipients(conn, self).await;
            }
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
            | Event::ConsultationExtended { consultation_id }
            | Event::ResultsAvailable { consultation_id }
            | Event::ResponsePublished { consultation_id }
            | Event::BallotCast { consultation_id, .. }
            | Event::PaperBallot { consultation_id, .. } => {
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
            Event::ProjectPublished { .. }
            | Event::ProjectChanged { .. }
            | Event::ProjectProgress { .. }
            | Event::NewComment { .. }
            | Event::CommentReply { .. }
            | Event::ContentModerated { .. } => projects::content(conn, self).await,
            Event::MeetingConvened { .. } | Event::MeetingMoved { .. } | Event::MeetingCancelled { .. } => {
                councils::content(conn, self).await
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

/// Notifications already written that lead to page `link` (or a place on
/// it) lose the title they quoted: the item was hidden by moderation, and a
/// notification must not keep showing what the page no longer does.
pub async fn forget_titles<C: ConnectionTrait>(conn: &C, link: &str) -> Result<(), DbErr> {
    let rows = notification::Entity::find()
        .filter(notification::Column::Link.eq(link).or(notification::Column::Link.starts_with(format!("{link}#"))))
        .all(conn)
        .await?;
    for row in rows {
        let Ok(serde_json::Value::Object(mut params)) = serde_json::from_str::<serde_json::Value>(&row.params) else {
            continue;
        };
        if params.get("title").is_some_and(|t| t != "…") {
            params.insert("title".to_owned(), "…".into());
            notification::Entity::update_many()
                .col_expr(notification::Column::Params, serde_json::Value::Object(params).to_string().into())
                .filter(notification::Column::Id.eq(row.id))
                .exec(conn)
                .await?;
        }
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_kind_is_one_the_interface_knows() {
        let events = [
            Event::ConsultationOpened { consultation_id: 1 },
            Event::ConsultationClosingSoon { consultation_id: 1 },
            Event::ConsultationExtended { consultation_id: 1 },
            Event::ResultsAvailable { consultation_id: 1 },
            Event::ResponsePublished { consultation_id: 1 },
            Event::BallotCast { consultation_id: 1, user_id: 1 },
            Event::HomeJoined { household_id: 1, user_id: 1 },
            Event::HomeLeft { household_id: 1, user_id: 1 },
            Event::PaperBallot { consultation_id: 1, household_id: 1, unit_id: 1, adult: false },
            Event::ProjectPublished { project_id: 1 },
            Event::ProjectChanged { project_id: 1, event_id: 1 },
            Event::ProjectProgress { project_id: 1, event_id: 1 },
            Event::NewComment { comment_id: 1 },
            Event::CommentReply { comment_id: 1 },
            Event::ContentModerated {
                content: ContentRef::Comment(palier_domain::ids::CommentId::new(1)),
                hidden: true,
                reason: Some(ReportReason::Spam),
                at: Utc::now(),
            },
            Event::ContentModerated {
                content: ContentRef::Comment(palier_domain::ids::CommentId::new(1)),
                hidden: false,
                reason: None,
                at: Utc::now(),
            },
            Event::MeetingConvened { meeting_id: 1 },
            Event::MeetingMoved { meeting_id: 1, at: Utc::now() },
            Event::MeetingCancelled { meeting_id: 1 },
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
