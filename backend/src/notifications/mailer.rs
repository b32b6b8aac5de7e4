//! From notifications to emails. `palier serve` runs [`run_once`] every few
//! seconds (and at once when an event is notified):
//!
//! - notifications whose person chose `immediate` become one email each;
//! - once a day, at the configured hour (Paris time), the notifications of
//!   those who chose `digest`, created before that hour, become one email
//!   per person.
//!
//! Each email is written to the outbox in the same transaction that marks its
//! notifications `sent`, under an idempotency key derived from them: a crash
//! at any point leaves either both or neither, so nothing is lost or doubled.
//! The outbox worker then delivers with retries.

use super::{Category, Mode, SENT, unsubscribe};
use crate::entities::{notification, user};
use crate::links::Links;
use crate::mail::templates::{Layout, render_named};
use crate::outbox::{self, NewEmail};
use chrono::{DateTime, TimeZone as _, Utc};
use palier_domain::{Email, Locale};
use sea_orm::sea_query::{Expr, LockBehavior, LockType};
use sea_orm::{
    ColumnTrait as _, ConnectionTrait as _, DatabaseConnection, DbBackend, DbErr, EntityTrait as _, QueryFilter as _,
    QueryOrder as _, QuerySelect as _, TransactionTrait as _,
};
use serde::Serialize;
use std::collections::HashMap;

/// Notifications turned into emails per transaction.
const BATCH: u64 = 200;

/// What the mailer needs to write emails.
#[derive(Debug, Clone)]
pub struct Settings {
    pub links: Links,
    pub key: unsubscribe::Key,
    /// The hour of the daily digest, Paris time (0–23).
    pub digest_hour: u32,
}

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    /// Emails of single notifications written to the outbox.
    pub immediate: usize,
    /// Digest emails written to the outbox.
    pub digests: usize,
}

/// Writes every due email to the outbox.
pub async fn run_once(db: &DatabaseConnection, settings: &Settings, now: DateTime<Utc>) -> Result<Round, DbErr> {
    let mut round = Round::default();
    while let Some(written) = immediate_batch(db, settings).await? {
        round.immediate += written;
    }
    if let Some(cutoff) = digest_cutoff(now, settings.digest_hour) {
        while let Some(written) = digest_batch(db, settings, cutoff).await? {
            round.digests += written;
        }
    }
    Ok(round)
}

/// Today's digest hour, once it has passed: notifications created before it
/// go in today's digests.
fn digest_cutoff(now: DateTime<Utc>, hour: u32) -> Option<DateTime<Utc>> {
    let paris = now.with_timezone(&chrono_tz::Europe::Paris);
    let today = paris.date_naive().and_hms_opt(hour.min(23), 0, 0)?;
    let cutoff = chrono_tz::Europe::Paris.from_local_datetime(&today).earliest()?.with_timezone(&Utc);
    (now >= cutoff).then_some(cutoff)
}

/// Who receives emails: a verified address on an account that still exists.
struct Recipient {
    email: Email,
    locale: Locale,
}

async fn recipients<C: sea_orm::ConnectionTrait>(
    conn: &C,
    users: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, Recipient>, DbErr> {
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(users))
        .filter(user::Column::DeletedAt.is_null())
        .filter(user::Column::EmailVerifiedAt.is_not_null())
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|u| {
            let email = Email::parse(u.email.as_deref()?).ok()?;
            Some((u.id, Recipient { email, locale: u.locale.parse().unwrap_or(Locale::Fr) }))
        })
        .collect())
}

/// The values a notification's template gets.
#[derive(Debug, Serialize)]
struct Values<'a> {
    #[serde(flatten)]
    params: &'a serde_json::Map<String, serde_json::Value>,
    /// The page it leads to, absolute.
    link: String,
    /// Each time `<name>_at` of the values as `<name>`, in Paris time, in
    /// the reader's language (`closes_at` is read as `closes`).
    #[serde(flatten)]
    times: std::collections::BTreeMap<String, String>,
}

fn values<'a>(
    settings: &Settings,
    params: &'a serde_json::Map<String, serde_json::Value>,
    link: &str,
    locale: Locale,
) -> Values<'a> {
    let times = params
        .iter()
        .filter_map(|(name, value)| {
            let name = name.strip_suffix("_at")?;
            let at = DateTime::parse_from_rfc3339(value.as_str()?).ok()?;
            Some((name.to_owned(), palier_domain::time::format_paris(at.with_timezone(&Utc), locale)))
        })
        .collect();
    Values { params, link: format!("{}{link}", settings.links.public_url()), times }
}

fn unsubscribe_headers(url: &str) -> Vec<(String, String)> {
    vec![
        ("List-Unsubscribe".to_owned(), format!("<{url}>")),
        ("List-Unsubscribe-Post".to_owned(), "List-Unsubscribe=One-Click".to_owned()),
    ]
}

/// Claims, in the caller's transaction, up to `limit` notifications waiting
/// in `state` (all of them with `None`).
async fn claim(
    txn: &sea_orm::DatabaseTransaction,
    state: Mode,
    limit: Option<u64>,
    filter: impl FnOnce(sea_orm::Select<notification::Entity>) -> sea_orm::Select<notification::Entity>,
) -> Result<Vec<notification::Model>, DbErr> {
    let mut query = filter(notification::Entity::find().filter(notification::Column::EmailState.eq(state.code())))
        .order_by_asc(notification::Column::Id)
        .limit(limit);
    // Two servers never take the same rows (SQLite has one writer anyway).
    if txn.get_database_backend() == DbBackend::Postgres {
        query = query.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    query.all(txn).await
}

async fn mark_sent(txn: &sea_orm::DatabaseTransaction, ids: Vec<i64>) -> Result<(), DbErr> {
    notification::Entity::update_many()
        .col_expr(notification::Column::EmailState, Expr::value(SENT))
        .filter(notification::Column::Id.is_in(ids))
        .exec(txn)
        .await?;
    Ok(())
}

/// Writes the emails of up to [`BATCH`] immediate notifications; `None`
/// when there were none left.
async fn immediate_batch(db: &DatabaseConnection, settings: &Settings) -> Result<Option<usize>, DbErr> {
    let txn = db.begin().await?;
    let rows = claim(&txn, Mode::Immediate, Some(BATCH), |q| q).await?;
    if rows.is_empty() {
        txn.commit().await?;
        return Ok(None);
    }
    let people = recipients(&txn, rows.iter().map(|r| r.user_id)).await?;
    let mut emails = Vec::with_capacity(rows.len());
    for row in &rows {
        let Some(person) = people.get(&row.user_id) else { continue };
        let params = super::centre::params_of(row);
        let category = row.category.parse::<Category>().ok();
        let unsubscribe = settings.links.unsubscribe(&settings.key.token(row.user_id, category));
        let layout = Layout { public_url: settings.links.public_url(), unsubscribe_url: Some(&unsubscribe) };
        let template = format!("notification_{}", row.kind);
        let content =
            match render_named(&template, &values(settings, &params, &row.link, person.locale), person.locale, &layout)
            {
                Ok(content) => content,
                Err(error) => {
                    // A kind without an email template is a defect; the app still shows it.
                    tracing::error!(kind = %row.kind, %error, "could not render a notification email");
                    continue;
                }
            };
        emails.push(NewEmail {
            idempotency_key: format!("notification:{}", row.id),
            to: person.email.clone(),
            content,
            headers: unsubscribe_headers(&unsubscribe),
            sensitive: false,
            calendar: None,
        });
    }
    let written = emails.len();
    outbox::enqueue_many(&txn, emails).await?;
    mark_sent(&txn, rows.iter().map(|r| r.id).collect()).await?;
    txn.commit().await?;
    Ok(Some(written))
}

/// One line of a digest.
#[derive(Debug, Serialize)]
struct DigestLine {
    text: String,
    link: String,
}

#[derive(Debug, Serialize)]
struct Digest {
    lines: Vec<DigestLine>,
    notifications_link: String,
    preferences_link: String,
}

/// Writes the digest of the next person whose digest notifications are due
/// (how many emails: 0 or 1); `None` when nobody's are.
async fn digest_batch(
    db: &DatabaseConnection,
    settings: &Settings,
    cutoff: DateTime<Utc>,
) -> Result<Option<usize>, DbErr> {
    let txn = db.begin().await?;
    // The next person with due digest notifications…
    let Some(first) = claim(&txn, Mode::Digest, Some(1), |q| q.filter(notification::Column::CreatedAt.lt(cutoff)))
        .await?
        .into_iter()
        .next()
    else {
        txn.commit().await?;
        return Ok(None);
    };
    // …and all of theirs, so one digest holds everything pending.
    let rows = claim(&txn, Mode::Digest, None, |q| {
        q.filter(notification::Column::CreatedAt.lt(cutoff)).filter(notification::Column::UserId.eq(first.user_id))
    })
    .await?;
    let people = recipients(&txn, [first.user_id]).await?;
    let mut written = 0;
    if let Some(person) = people.get(&first.user_id) {
        let lines = rows
            .iter()
            .filter_map(|row| {
                let params = super::centre::params_of(row);
                let template = format!("notification_{}", row.kind);
                let layout = settings.links.layout();
                let values = values(settings, &params, &row.link, person.locale);
                // The subject of each notification's own email is its line in the digest.
                let rendered = render_named(&template, &values, person.locale, &layout).ok()?;
                Some(DigestLine { text: rendered.subject, link: values.link })
            })
            .collect::<Vec<_>>();
        if !lines.is_empty() {
            let unsubscribe = settings.links.unsubscribe(&settings.key.token(first.user_id, None));
            let layout = Layout { public_url: settings.links.public_url(), unsubscribe_url: Some(&unsubscribe) };
            let digest = Digest {
                lines,
                notifications_link: settings.links.notifications(),
                preferences_link: settings.links.notification_preferences(),
            };
            match render_named("notification_digest", &digest, person.locale, &layout) {
                Ok(content) => {
                    let last = rows.iter().map(|r| r.id).max().unwrap_or_default();
                    outbox::enqueue(
                        &txn,
                        NewEmail {
                            idempotency_key: format!("digest:{}:{last}", first.user_id),
                            to: person.email.clone(),
                            content,
                            headers: unsubscribe_headers(&unsubscribe),
                            sensitive: false,
                            calendar: None,
                        },
                    )
                    .await?;
                    written = 1;
                }
                Err(error) => tracing::error!(%error, "could not render a digest email"),
            }
        }
    }
    mark_sent(&txn, rows.iter().map(|r| r.id).collect()).await?;
    txn.commit().await?;
    Ok(Some(written))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_waits_for_its_hour_in_paris() {
        // 28 November: Paris is UTC+1, so 7:00 in Paris is 6:00 UTC.
        let before = Utc.with_ymd_and_hms(2026, 11, 28, 5, 59, 0).single().unwrap_or_default();
        let after = Utc.with_ymd_and_hms(2026, 11, 28, 6, 0, 0).single().unwrap_or_default();
        assert_eq!(digest_cutoff(before, 7), None);
        assert_eq!(digest_cutoff(after, 7), Some(after));
        // In summer, UTC+2.
        let july = Utc.with_ymd_and_hms(2026, 7, 1, 5, 0, 0).single().unwrap_or_default();
        assert_eq!(digest_cutoff(july, 7), Some(july));
    }
}
