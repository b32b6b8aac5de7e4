//! The tenants an organisation names as moderators (its council members,
//! say): they moderate the content of the residences they live in, as
//! staff moderate all of it. Naming and removing are audited.

use super::DiscussionError;
use crate::entities::{household, moderator, occupancy, user};
use chrono::{DateTime, Utc};
use palier_domain::Email;
use palier_domain::ids::UserId;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait as _,
    PaginatorTrait as _, QueryFilter as _, QueryOrder as _, TransactionTrait as _,
};

/// The moderators organisation `organisation_id` named, by name.
pub async fn of<C: ConnectionTrait>(conn: &C, organisation_id: i64) -> Result<Vec<(UserId, String)>, DbErr> {
    Ok(moderator::Entity::find()
        .filter(moderator::Column::OrganisationId.eq(organisation_id))
        .find_also_related(user::Entity)
        .order_by_asc(moderator::Column::CreatedAt)
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|(row, person)| person.map(|p| (UserId::new(row.user_id), p.display_name)))
        .collect())
}

/// Names the person of address `email` a moderator of organisation
/// `organisation_id`: they must live in one of its residences (else
/// [`DiscussionError::NotFound`], whether or not the address has an account).
pub async fn name(
    db: &DatabaseConnection,
    actor_id: i64,
    organisation_id: i64,
    email: &Email,
    now: DateTime<Utc>,
) -> Result<(), DiscussionError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let person = crate::accounts::find_by_email(&txn, email).await?.ok_or(DiscussionError::NotFound)?;
    let lives_there = occupancy::Entity::find()
        .filter(occupancy::Column::UserId.eq(person.id))
        .inner_join(household::Entity)
        .filter(household::Column::OrganisationId.eq(organisation_id))
        .count(&txn)
        .await?
        > 0;
    if !lives_there {
        return Err(DiscussionError::NotFound);
    }
    moderator::Entity::insert(moderator::ActiveModel {
        organisation_id: Set(organisation_id),
        user_id: Set(person.id),
        named_by_user_id: Set(Some(actor_id)),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([moderator::Column::OrganisationId, moderator::Column::UserId]).do_nothing().to_owned(),
    )
    .do_nothing()
    .exec_without_returning(&txn)
    .await?;
    audit(&txn, actor_id, organisation_id, palier_domain::audit::Action::ModeratorNamed, person.id).await?;
    txn.commit().await?;
    Ok(())
}

/// Ends `user_id`'s moderation for organisation `organisation_id`.
pub async fn remove(
    db: &DatabaseConnection,
    actor_id: i64,
    organisation_id: i64,
    user_id: UserId,
) -> Result<(), DiscussionError> {
    let txn = db.begin().await?;
    let removed = moderator::Entity::delete_many()
        .filter(moderator::Column::OrganisationId.eq(organisation_id))
        .filter(moderator::Column::UserId.eq(user_id.get()))
        .exec(&txn)
        .await?;
    if removed.rows_affected == 0 {
        return Err(DiscussionError::NotFound);
    }
    audit(&txn, actor_id, organisation_id, palier_domain::audit::Action::ModeratorRemoved, user_id.get()).await?;
    txn.commit().await?;
    Ok(())
}

async fn audit<C: ConnectionTrait>(
    conn: &C,
    actor_id: i64,
    organisation_id: i64,
    action: palier_domain::audit::Action,
    user_id: i64,
) -> Result<(), DbErr> {
    crate::audit::record(
        conn,
        crate::audit::Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(organisation_id),
            action,
            target_kind: "user",
            target_id: Some(user_id),
            details: serde_json::json!({}),
        },
    )
    .await
}
