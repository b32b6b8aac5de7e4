//! An organisation's team: staff and admins, invitations by email, roles.
//! Every change is audited. An organisation always keeps at least one admin.

use crate::accounts::{self, CreateAccountError, NewAccount, Unexpected, mask_email};
use crate::audit::{self, Entry};
use crate::auth::{password, secret};
use crate::entities::{membership, organisation, staff_invitation, user};
use crate::links::Links;
use crate::mail::templates::StaffInvitation;
use crate::sessions::{self, NewSession};
use chrono::{Duration, Utc};
use palier_domain::ids::{OrganisationId, StaffInvitationId, UserId};
use palier_domain::team::{InvitationView, Member, OrgRole, PendingInvitation, TeamView};
use palier_domain::{DisplayName, Email, Locale, Password, PasswordError};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait as _, QueryFilter as _, QueryOrder as _,
    TransactionTrait as _,
};
use serde_json::json;

/// How long an invitation can be accepted.
pub const INVITATION_LIFETIME: Duration = Duration::days(7);

#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("this person is already in the team")]
    AlreadyMember,
    #[error("an organisation must keep at least one admin")]
    LastAdmin,
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl From<DbErr> for TeamError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(error.into())
    }
}

/// The team of an organisation, as `viewer` (one of them, or a platform
/// admin) reads it.
pub async fn team_view<C: ConnectionTrait>(
    conn: &C,
    organisation: organisation::Model,
    viewer: i64,
) -> Result<TeamView, DbErr> {
    Ok(TeamView {
        organisation_id: OrganisationId::new(organisation.id),
        members: members(conn, organisation.id, viewer).await?,
        invitations: pending_invitations(conn, organisation.id).await?,
        organisation: organisation.name,
    })
}

pub async fn members<C: ConnectionTrait>(conn: &C, organisation_id: i64, viewer: i64) -> Result<Vec<Member>, DbErr> {
    Ok(membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .order_by_asc(membership::Column::CreatedAt)
        .find_also_related(user::Entity)
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|(m, u)| {
            let u = u?;
            Some(Member {
                me: u.id == viewer,
                user_id: UserId::new(u.id),
                display_name: u.display_name,
                email: u.email.unwrap_or_default(),
                role: m.role.parse::<OrgRole>().ok()?,
                since: m.created_at,
            })
        })
        .collect())
}

pub async fn pending_invitations<C: ConnectionTrait>(
    conn: &C,
    organisation_id: i64,
) -> Result<Vec<PendingInvitation>, DbErr> {
    Ok(staff_invitation::Entity::find()
        .filter(staff_invitation::Column::OrganisationId.eq(organisation_id))
        .filter(staff_invitation::Column::AcceptedAt.is_null())
        .filter(staff_invitation::Column::RevokedAt.is_null())
        .filter(staff_invitation::Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(staff_invitation::Column::CreatedAt)
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|i| {
            Some(PendingInvitation {
                id: StaffInvitationId::new(i.id),
                email: i.email,
                role: i.role.parse::<OrgRole>().ok()?,
                expires_at: i.expires_at,
            })
        })
        .collect())
}

/// Who sends an invitation (their name appears in it; its language is theirs).
#[derive(Debug, Clone)]
pub struct Inviter {
    pub user_id: i64,
    pub name: String,
    pub locale: Locale,
}

/// Invites `email` to join `organisation` with `role`, by email.
#[tracing::instrument(skip_all, fields(organisation_id = organisation.id))]
pub async fn invite(
    db: &DatabaseConnection,
    links: &Links,
    inviter: &Inviter,
    organisation: &organisation::Model,
    email: &Email,
    role: OrgRole,
) -> Result<(), TeamError> {
    let actor_id = inviter.user_id;
    if let Some(existing) = accounts::find_by_email(db, email).await?
        && members(db, organisation.id, 0).await?.iter().any(|m| m.user_id.get() == existing.id)
    {
        return Err(TeamError::AlreadyMember);
    }
    let token = secret::new_token();
    let now = Utc::now();
    let txn = db.begin().await?;
    let invitation = staff_invitation::ActiveModel {
        organisation_id: sea_orm::ActiveValue::Set(organisation.id),
        email: sea_orm::ActiveValue::Set(email.as_ref().to_owned()),
        role: sea_orm::ActiveValue::Set(role.code().to_owned()),
        token_hash: sea_orm::ActiveValue::Set(token.hash),
        invited_by_user_id: sea_orm::ActiveValue::Set(Some(actor_id)),
        created_at: sea_orm::ActiveValue::Set(now),
        expires_at: sea_orm::ActiveValue::Set(now + INVITATION_LIFETIME),
        ..Default::default()
    };
    let invitation = sea_orm::ActiveModelTrait::insert(invitation, &txn).await?;
    let message = StaffInvitation {
        organisation: organisation.name.clone(),
        inviter: inviter.name.clone(),
        role,
        link: links.invitation(&token.plain),
        days: INVITATION_LIFETIME.num_days(),
    };
    accounts::send(&txn, links, format!("staff-invitation:{}", invitation.id), email, inviter.locale, &message).await?;
    audit::record(
        &txn,
        Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(organisation.id),
            action: palier_domain::audit::Action::StaffInvited,
            target_kind: "invitation",
            target_id: Some(invitation.id),
            details: json!({ "email": mask_email(email), "role": role.code() }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Withdraws a pending invitation.
pub async fn revoke_invitation(
    db: &DatabaseConnection,
    actor_id: i64,
    organisation_id: i64,
    invitation_id: i64,
) -> Result<(), TeamError> {
    let txn = db.begin().await?;
    let revoked = staff_invitation::Entity::update_many()
        .col_expr(staff_invitation::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(staff_invitation::Column::Id.eq(invitation_id))
        .filter(staff_invitation::Column::OrganisationId.eq(organisation_id))
        .filter(staff_invitation::Column::AcceptedAt.is_null())
        .filter(staff_invitation::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected;
    if revoked == 0 {
        return Err(TeamError::NotFound);
    }
    audit::record(
        &txn,
        Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(organisation_id),
            action: palier_domain::audit::Action::StaffInvitationRevoked,
            target_kind: "invitation",
            target_id: Some(invitation_id),
            details: json!({}),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

async fn admin_count<C: ConnectionTrait>(conn: &C, organisation_id: i64) -> Result<usize, DbErr> {
    Ok(members(conn, organisation_id, 0).await?.into_iter().filter(|m| m.role == OrgRole::Admin).count())
}

/// Changes a member's role; the last admin cannot become staff.
pub async fn change_role(
    db: &DatabaseConnection,
    actor_id: i64,
    organisation_id: i64,
    user_id: i64,
    role: OrgRole,
) -> Result<(), TeamError> {
    let txn = db.begin().await?;
    let current = members(&txn, organisation_id, 0)
        .await?
        .into_iter()
        .find(|m| m.user_id.get() == user_id)
        .ok_or(TeamError::NotFound)?;
    if current.role == OrgRole::Admin && role == OrgRole::Staff && admin_count(&txn, organisation_id).await? <= 1 {
        return Err(TeamError::LastAdmin);
    }
    accounts::set_membership(&txn, user_id, organisation_id, role).await?;
    audit::record(
        &txn,
        Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(organisation_id),
            action: palier_domain::audit::Action::StaffRoleChanged,
            target_kind: "user",
            target_id: Some(user_id),
            details: json!({ "from": current.role.code(), "to": role.code(), "name": current.display_name }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Removes a member from the team; the last admin cannot be removed.
pub async fn remove_member(
    db: &DatabaseConnection,
    actor_id: i64,
    organisation_id: i64,
    user_id: i64,
) -> Result<(), TeamError> {
    let txn = db.begin().await?;
    let current = members(&txn, organisation_id, 0)
        .await?
        .into_iter()
        .find(|m| m.user_id.get() == user_id)
        .ok_or(TeamError::NotFound)?;
    if current.role == OrgRole::Admin && admin_count(&txn, organisation_id).await? <= 1 {
        return Err(TeamError::LastAdmin);
    }
    membership::Entity::delete_many()
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .filter(membership::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(organisation_id),
            action: palier_domain::audit::Action::StaffRemoved,
            target_kind: "user",
            target_id: Some(user_id),
            details: json!({ "role": current.role.code(), "name": current.display_name }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------- accepting

async fn usable(conn: &impl ConnectionTrait, token: &str) -> Result<Option<staff_invitation::Model>, DbErr> {
    staff_invitation::Entity::find()
        .filter(staff_invitation::Column::TokenHash.eq(secret::hash(token.trim())))
        .filter(staff_invitation::Column::AcceptedAt.is_null())
        .filter(staff_invitation::Column::RevokedAt.is_null())
        .filter(staff_invitation::Column::ExpiresAt.gt(Utc::now()))
        .one(conn)
        .await
}

/// The usable invitation with this token, if any.
pub async fn invitation(db: &DatabaseConnection, token: &str) -> Result<Option<InvitationView>, DbErr> {
    let Some(row) = usable(db, token).await? else { return Ok(None) };
    let organisation = crate::registry::organisation_name(db, row.organisation_id).await?.unwrap_or_default();
    let account_exists = match Email::parse(&row.email) {
        Ok(email) => accounts::find_by_email(db, &email).await?.is_some(),
        Err(_) => false,
    };
    let Some(role) = row.role.parse::<OrgRole>().ok() else { return Ok(None) };
    Ok(Some(InvitationView { organisation, role, email: row.email, account_exists }))
}

#[derive(Debug, thiserror::Error)]
pub enum AcceptError {
    #[error("the invitation is invalid, used, withdrawn or expired")]
    InvalidInvitation,
    #[error("the invitation is for another address")]
    OtherAccount,
    #[error("an account exists for this address: sign in to accept")]
    AccountExists,
    #[error("the password is not acceptable: {0}")]
    WeakPassword(PasswordError),
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl From<DbErr> for AcceptError {
    fn from(error: DbErr) -> Self {
        Self::Unexpected(error.into())
    }
}

async fn join<C: ConnectionTrait>(
    conn: &C,
    invitation: &staff_invitation::Model,
    user_id: i64,
    role: OrgRole,
) -> Result<(), AcceptError> {
    let accepted = staff_invitation::Entity::update_many()
        .col_expr(staff_invitation::Column::AcceptedAt, Expr::value(Utc::now()))
        .filter(staff_invitation::Column::Id.eq(invitation.id))
        .filter(staff_invitation::Column::AcceptedAt.is_null())
        .exec(conn)
        .await?
        .rows_affected;
    if accepted == 0 {
        return Err(AcceptError::InvalidInvitation);
    }
    accounts::set_membership(conn, user_id, invitation.organisation_id, role).await?;
    audit::record(
        conn,
        Entry {
            actor_user_id: Some(user_id),
            organisation_id: Some(invitation.organisation_id),
            action: palier_domain::audit::Action::StaffJoined,
            target_kind: "user",
            target_id: Some(user_id),
            details: json!({ "role": role.code() }),
        },
    )
    .await?;
    Ok(())
}

/// Accepts an invitation with the signed-in account, which must use the invited address.
pub async fn accept_as(db: &DatabaseConnection, token: &str, user_id: i64) -> Result<(), AcceptError> {
    let txn = db.begin().await?;
    let invitation = usable(&txn, token).await?.ok_or(AcceptError::InvalidInvitation)?;
    let role = invitation.role.parse::<OrgRole>().ok().ok_or(AcceptError::InvalidInvitation)?;
    let user = accounts::find(&txn, user_id).await?.ok_or(AcceptError::InvalidInvitation)?;
    if user.email.as_deref() != Some(invitation.email.as_str()) {
        return Err(AcceptError::OtherAccount);
    }
    join(&txn, &invitation, user_id, role).await?;
    txn.commit().await?;
    Ok(())
}

/// Accepts an invitation by creating the account: the address is proven by
/// the emailed link, so it is verified at once; a session is opened.
pub async fn accept_with_new_account(
    db: &DatabaseConnection,
    token: &str,
    name: DisplayName,
    new_password: Password,
    user_agent: &str,
) -> Result<NewSession, AcceptError> {
    let Some(invitation) = usable(db, token).await? else { return Err(AcceptError::InvalidInvitation) };
    let email = Email::parse(&invitation.email).map_err(|_| AcceptError::InvalidInvitation)?;
    password::check_not_common(&new_password, &[email.as_ref(), name.as_ref()]).map_err(AcceptError::WeakPassword)?;
    let hash = password::hash(new_password).await.map_err(Unexpected)?;
    let role = invitation.role.parse::<OrgRole>().ok().ok_or(AcceptError::InvalidInvitation)?;
    let txn = db.begin().await?;
    let account =
        NewAccount { email, display_name: name, locale: Locale::Fr, email_verified: true, platform_admin: false };
    let user = match accounts::insert(&txn, account, &hash).await {
        Ok(user) => user,
        Err(CreateAccountError::EmailTaken) => return Err(AcceptError::AccountExists),
        Err(CreateAccountError::Unexpected(error)) => return Err(Unexpected(error).into()),
    };
    join(&txn, &invitation, user.id, role).await?;
    let session = sessions::create(&txn, user.id, false, user_agent).await?;
    txn.commit().await?;
    Ok(session)
}
