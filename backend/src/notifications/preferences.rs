//! Email preferences: how each person gets the emails of each category.

use super::*;

/// The chosen mode of each of `users` for `category` (absent: the default).
pub(super) async fn modes_of<C: ConnectionTrait>(
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

/// Sets how `user_id` gets the emails of each category of `choices`, all or
/// none (the preferences form).
pub async fn set_preferences<C: sea_orm::TransactionTrait>(
    db: &C,
    user_id: i64,
    choices: &[(Category, Mode)],
) -> Result<(), DbErr> {
    let txn = db.begin().await?;
    for &(category, mode) in choices {
        set_preference(&txn, user_id, category, mode).await?;
    }
    txn.commit().await
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
