//! The notification centre: a person's notifications, read and unread.

use super::*;

/// A notification as the notification centre lists it (and the data export).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: NotificationId,
    pub kind: Kind,
    /// The values of its text.
    pub params: serde_json::Map<String, serde_json::Value>,
    pub link: String,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}

/// The values of a stored notification's text (none when they do not read).
pub(crate) fn params_of(row: &notification::Model) -> serde_json::Map<String, serde_json::Value> {
    match serde_json::from_str(&row.params) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    }
}

impl Item {
    /// The stored notification; `None` for a kind this version does not know.
    pub fn from_row(row: notification::Model) -> Option<Self> {
        Some(Item {
            id: NotificationId::new(row.id),
            kind: row.kind.parse().ok()?,
            params: params_of(&row),
            link: row.link,
            created_at: row.created_at,
            read: row.read_at.is_some(),
        })
    }

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
    Ok((rows.into_iter().filter_map(Item::from_row).collect(), total))
}

/// Page `page` of `user_id`'s notifications, as the centre shows them.
pub async fn page<C: ConnectionTrait>(
    conn: &C,
    user_id: i64,
    page: u64,
    per_page: u64,
) -> Result<NotificationsPage, DbErr> {
    let (items, total) = list(conn, user_id, page, per_page).await?;
    Ok(NotificationsPage {
        items: views(items),
        page,
        pages: total.div_ceil(per_page),
        unread: unread_count(conn, user_id).await?,
    })
}

/// The `limit` newest of `user_id`'s unread notifications, as the centre shows them.
pub async fn newest_unread<C: ConnectionTrait>(
    conn: &C,
    user_id: i64,
    limit: u64,
) -> Result<Vec<NotificationView>, DbErr> {
    let rows = notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
        .order_by_desc(notification::Column::CreatedAt)
        .order_by_desc(notification::Column::Id)
        .limit(limit)
        .all(conn)
        .await?;
    Ok(views(rows.into_iter().filter_map(Item::from_row).collect()))
}

/// Items as the centre shows them.
fn views(items: Vec<Item>) -> Vec<NotificationView> {
    items
        .into_iter()
        .map(|item| NotificationView {
            id: item.id,
            kind: item.kind,
            values: item.text_values(),
            at: item.created_at,
            read: item.read,
        })
        .collect()
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
pub async fn open<C: ConnectionTrait>(conn: &C, user_id: i64, id: NotificationId) -> Result<Option<String>, DbErr> {
    let Some(row) =
        notification::Entity::find_by_id(id.get()).filter(notification::Column::UserId.eq(user_id)).one(conn).await?
    else {
        return Ok(None);
    };
    if row.read_at.is_none() {
        mark_read(conn, user_id, Some(id.get())).await?;
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
        let mut params = params_of(&row);
        params.insert("name".to_owned(), serde_json::Value::String(String::new()));
        notification::Entity::update_many()
            .col_expr(notification::Column::Params, Expr::value(serde_json::Value::Object(params).to_string()))
            .filter(notification::Column::Id.eq(row.id))
            .exec(conn)
            .await?;
    }
    Ok(())
}
