//! Your data: the export (GDPR) and deleting the account.

use super::*;

/// Everything Palier keeps about a person, for "export my data" (GDPR art. 15 and 20).
#[derive(Debug, Clone, Serialize)]
pub struct DataExport {
    pub exported_at: chrono::DateTime<Utc>,
    pub account: ExportedAccount,
    pub households: Vec<ExportedHousehold>,
    pub organisations: Vec<ExportedMembership>,
    pub sessions: Vec<palier_domain::accounts::SessionView>,
    /// Projects, comments and supports (empty until those capabilities exist).
    pub contributions: Vec<serde_json::Value>,
    /// In-app notifications, newest first.
    pub notifications: Vec<crate::notifications::Item>,
    /// Email mode per category (`immediate`, `digest`, `none`).
    pub email_preferences: std::collections::BTreeMap<&'static str, &'static str>,
    /// Ballots are secret: they are not linked to you and cannot be exported.
    pub ballots_note: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportedAccount {
    pub email: Option<String>,
    pub display_name: String,
    pub locale: Locale,
    pub email_verified_at: Option<chrono::DateTime<Utc>>,
    pub created_at: chrono::DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportedHousehold {
    pub residence: String,
    pub unit: String,
    pub joined_at: chrono::DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportedMembership {
    pub organisation_id: i64,
    pub role: OrgRole,
    pub since: chrono::DateTime<Utc>,
}

/// Gathers the data export of `user_id`.
pub async fn export(db: &DatabaseConnection, user_id: i64) -> Result<Option<DataExport>, DbErr> {
    let Some(user) = find(db, user_id).await? else { return Ok(None) };
    let homes: Vec<(occupancy::Model, household::Model)> = occupancy::Entity::find()
        .filter(occupancy::Column::UserId.eq(user_id))
        .find_also_related(household::Entity)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(occupancy, household)| Some((occupancy, household?)))
        .collect();
    let residences: std::collections::HashMap<i64, String> = residence::Entity::find()
        .filter(residence::Column::Id.is_in(homes.iter().map(|(_, h)| h.residence_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let households = homes
        .into_iter()
        .map(|(occupancy, household)| ExportedHousehold {
            residence: residences.get(&household.residence_id).cloned().unwrap_or_default(),
            unit: household.unit_label,
            joined_at: occupancy.joined_at,
        })
        .collect();
    let organisations = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|m| {
            Some(ExportedMembership {
                organisation_id: m.organisation_id,
                role: m.role.parse().ok()?,
                since: m.created_at,
            })
        })
        .collect();
    Ok(Some(DataExport {
        exported_at: Utc::now(),
        account: ExportedAccount {
            email: user.email,
            display_name: user.display_name,
            locale: user.locale.parse().unwrap_or_default(),
            email_verified_at: user.email_verified_at,
            created_at: user.created_at,
        },
        households,
        organisations,
        sessions: sessions::list(db, user_id, palier_domain::ids::SessionId::new(0)).await?,
        contributions: Vec::new(),
        notifications: notification::Entity::find()
            .filter(notification::Column::UserId.eq(user_id))
            .order_by_desc(notification::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .filter_map(crate::notifications::Item::from_row)
            .collect(),
        email_preferences: crate::notifications::preferences(db, user_id)
            .await?
            .into_iter()
            .map(|preference| (preference.category.code(), preference.mode.code()))
            .collect(),
        ballots_note: "Ballots are secret: they are stored apart from the register of who took part and cannot be linked to you.",
    }))
}

#[derive(Debug, thiserror::Error)]
pub enum DeleteAccountError {
    #[error("the password is wrong")]
    WrongPassword,
    #[error(transparent)]
    RateLimited(Exceeded),
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl From<DbErr> for DeleteAccountError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(error.into())
    }
}

/// Deletes an account: personal data is erased (address, name, password),
/// sessions, links to households and roles end; the row stays, anonymised,
/// so kept contributions show "former tenant" and counts stay right.
#[tracing::instrument(skip_all)]
pub async fn delete_account(db: &DatabaseConnection, user_id: i64, password: &str) -> Result<(), DeleteAccountError> {
    let user = find(db, user_id).await?.ok_or(DeleteAccountError::WrongPassword)?;
    if !recheck_password(db, &user, password).await?.map_err(DeleteAccountError::RateLimited)? {
        return Err(DeleteAccountError::WrongPassword);
    }
    let txn = db.begin().await?;
    session::Entity::delete_many().filter(session::Column::UserId.eq(user_id)).exec(&txn).await?;
    email_token::Entity::delete_many().filter(email_token::Column::UserId.eq(user_id)).exec(&txn).await?;
    // The homes this person leaves get new codes (they knew the old ones).
    let homes = occupancy::Entity::find().filter(occupancy::Column::UserId.eq(user_id)).all(&txn).await?;
    for home in &homes {
        crate::registry::withdraw_code(&txn, home.household_id).await?;
    }
    occupancy::Entity::delete_many().filter(occupancy::Column::UserId.eq(user_id)).exec(&txn).await?;
    membership::Entity::delete_many().filter(membership::Column::UserId.eq(user_id)).exec(&txn).await?;
    notification::Entity::delete_many().filter(notification::Column::UserId.eq(user_id)).exec(&txn).await?;
    notification_preference::Entity::delete_many()
        .filter(notification_preference::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    crate::notifications::forget_person(&txn, user_id).await?;
    let mut active: user::ActiveModel = user.into();
    active.email = Set(None);
    active.display_name = Set(String::new());
    active.password_hash = Set(None);
    active.is_platform_admin = Set(false);
    active.deleted_at = Set(Some(Utc::now()));
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}
