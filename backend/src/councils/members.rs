//! A council's members: linked accounts with a role and a term. Its
//! organisation's staff, and its president and secretary, add and remove
//! them; audited.

use super::{CouncilError, acting, audit};
use crate::entities::{council_member, user};
use crate::policy::Actor;
use chrono::{DateTime, Utc};
use palier_domain::councils::form::MemberDraft;
use palier_domain::ids::{CouncilId, UserId};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, DatabaseConnection, EntityTrait as _, QueryFilter as _, TransactionTrait as _,
};

/// Adds (or changes the role and term of) the person of `draft.email`.
pub async fn add(
    db: &DatabaseConnection,
    actor: &Actor,
    council: CouncilId,
    draft: MemberDraft,
    now: DateTime<Utc>,
) -> Result<(), CouncilError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let row = acting(&txn, actor, council).await?;
    let person = crate::accounts::find_by_email(&txn, &draft.email)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or(CouncilError::UnknownPerson)?;
    council_member::Entity::insert(council_member::ActiveModel {
        council_id: Set(row.id),
        user_id: Set(person.id),
        role: Set(draft.role.code().to_owned()),
        term_ends: Set(draft.term_ends),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([council_member::Column::CouncilId, council_member::Column::UserId])
            .update_columns([council_member::Column::Role, council_member::Column::TermEnds])
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    let details = serde_json::json!({ "name": person.display_name, "role": draft.role.code() });
    audit(&txn, actor.user_id, row.organisation_id, palier_domain::audit::Action::CouncilMemberAdded, row.id, details)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Removes `user_id` from the council.
pub async fn remove(
    db: &DatabaseConnection,
    actor: &Actor,
    council: CouncilId,
    user_id: UserId,
) -> Result<(), CouncilError> {
    let txn = db.begin().await?;
    crate::db::claim_write(&txn).await?;
    let row = acting(&txn, actor, council).await?;
    let removed = council_member::Entity::delete_many()
        .filter(council_member::Column::CouncilId.eq(row.id))
        .filter(council_member::Column::UserId.eq(user_id.get()))
        .exec(&txn)
        .await?;
    if removed.rows_affected == 0 {
        return Err(CouncilError::NotFound);
    }
    let name = user::Entity::find_by_id(user_id.get()).one(&txn).await?.map(|u| u.display_name);
    let details = serde_json::json!({ "name": name });
    audit(
        &txn,
        actor.user_id,
        row.organisation_id,
        palier_domain::audit::Action::CouncilMemberRemoved,
        row.id,
        details,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
