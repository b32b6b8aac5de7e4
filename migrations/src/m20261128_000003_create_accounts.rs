//! Sessions, one-time email tokens, staff invitations and rate-limit counters.

use crate::{id, reference, timestamp, timestamp_null};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    TokenHash,
    UserId,
    CreatedAt,
    LastSeenAt,
    IdleExpiresAt,
    AbsoluteExpiresAt,
    Remember,
    UserAgent,
}

#[derive(DeriveIden)]
enum EmailTokens {
    Table,
    Id,
    UserId,
    Purpose,
    TokenHash,
    NewEmail,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum StaffInvitations {
    Table,
    Id,
    OrganisationId,
    Email,
    Role,
    TokenHash,
    InvitedByUserId,
    CreatedAt,
    ExpiresAt,
    AcceptedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum RateLimits {
    Table,
    Key,
    WindowStartedAt,
    Hits,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(id(Sessions::Id))
                    .col(ColumnDef::new(Sessions::TokenHash).string_len(64).not_null().unique_key())
                    .col(reference(Sessions::UserId))
                    .col(timestamp(Sessions::CreatedAt))
                    .col(timestamp(Sessions::LastSeenAt))
                    .col(timestamp(Sessions::IdleExpiresAt))
                    .col(timestamp(Sessions::AbsoluteExpiresAt))
                    .col(ColumnDef::new(Sessions::Remember).boolean().not_null().default(false))
                    .col(ColumnDef::new(Sessions::UserAgent).string_len(300).not_null().default(""))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Sessions::Table, Sessions::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_sessions_user").table(Sessions::Table).col(Sessions::UserId).to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(EmailTokens::Table)
                    .col(id(EmailTokens::Id))
                    .col(reference(EmailTokens::UserId))
                    .col(ColumnDef::new(EmailTokens::Purpose).string_len(16).not_null())
                    .col(ColumnDef::new(EmailTokens::TokenHash).string_len(64).not_null().unique_key())
                    .col(ColumnDef::new(EmailTokens::NewEmail).string_len(254).null())
                    .col(timestamp(EmailTokens::CreatedAt))
                    .col(timestamp(EmailTokens::ExpiresAt))
                    .col(timestamp_null(EmailTokens::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EmailTokens::Table, EmailTokens::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_email_tokens_user_purpose")
                    .table(EmailTokens::Table)
                    .col(EmailTokens::UserId)
                    .col(EmailTokens::Purpose)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(StaffInvitations::Table)
                    .col(id(StaffInvitations::Id))
                    .col(reference(StaffInvitations::OrganisationId))
                    .col(ColumnDef::new(StaffInvitations::Email).string_len(254).not_null())
                    .col(ColumnDef::new(StaffInvitations::Role).string_len(16).not_null())
                    .col(ColumnDef::new(StaffInvitations::TokenHash).string_len(64).not_null().unique_key())
                    .col(ColumnDef::new(StaffInvitations::InvitedByUserId).big_integer().null())
                    .col(timestamp(StaffInvitations::CreatedAt))
                    .col(timestamp(StaffInvitations::ExpiresAt))
                    .col(timestamp_null(StaffInvitations::AcceptedAt))
                    .col(timestamp_null(StaffInvitations::RevokedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(StaffInvitations::Table, StaffInvitations::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(StaffInvitations::Table, StaffInvitations::InvitedByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_staff_invitations_organisation")
                    .table(StaffInvitations::Table)
                    .col(StaffInvitations::OrganisationId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RateLimits::Table)
                    .col(ColumnDef::new(RateLimits::Key).string_len(128).not_null().primary_key())
                    .col(timestamp(RateLimits::WindowStartedAt))
                    .col(ColumnDef::new(RateLimits::Hits).integer().not_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            RateLimits::Table.into_iden(),
            StaffInvitations::Table.into_iden(),
            EmailTokens::Table.into_iden(),
            Sessions::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
