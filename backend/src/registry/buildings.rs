//! Buildings of a residence.

use super::{RegistryError, unique_violation};
use crate::audit::{self, Entry};
use crate::entities::{building, residence};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait as _, QueryFilter as _, QueryOrder as _, TransactionTrait as _,
};
use serde_json::json;

pub async fn create_building<C: ConnectionTrait>(
    conn: &C,
    residence_id: i64,
    name: &str,
) -> Result<building::Model, DbErr> {
    building::ActiveModel {
        residence_id: Set(residence_id),
        name: Set(name.to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await
}

/// Adds a building to a residence, audited.
pub async fn add_building(
    db: &DatabaseConnection,
    actor_id: i64,
    residence: &residence::Model,
    name: &str,
) -> Result<building::Model, RegistryError> {
    let txn = db.begin().await?;
    let row = match create_building(&txn, residence.id, name).await {
        Ok(row) => row,
        Err(error) if unique_violation(&error) => return Err(RegistryError::DuplicateName),
        Err(error) => return Err(error.into()),
    };
    audit::record(
        &txn,
        Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(residence.organisation_id),
            action: palier_domain::audit::Action::BuildingCreated,
            target_kind: "building",
            target_id: Some(row.id),
            details: json!({ "name": row.name, "residence": residence.name }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

pub async fn buildings_of<C: ConnectionTrait>(conn: &C, residence_id: i64) -> Result<Vec<building::Model>, DbErr> {
    building::Entity::find()
        .filter(building::Column::ResidenceId.eq(residence_id))
        .order_by_asc(building::Column::Name)
        .all(conn)
        .await
}
