//! Notifications: what each person is told in the app, and how their
//! emails go (now, in the daily digest, or not at all).
//!
//! A notification row is written in the same transaction as the event that
//! causes it; its `email_state` then drives the email: `immediate` and
//! `digest` are still to send, `sent` went to the outbox, `none` never will.
//! The signing key of unsubscribe links lives in `app_secrets`.

use crate::{id, reference, timestamp, timestamp_null};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    UserId,
    Kind,
    Category,
    DedupeKey,
    Params,
    Link,
    CreatedAt,
    ReadAt,
    EmailState,
}

#[derive(DeriveIden)]
enum NotificationPreferences {
    Table,
    UserId,
    Category,
    Mode,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AppSecrets {
    Table,
    Name,
    Value,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Consultations {
    Table,
    ReminderSentAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(id(Notifications::Id))
                    .col(reference(Notifications::UserId))
                    .col(ColumnDef::new(Notifications::Kind).string_len(64).not_null())
                    .col(ColumnDef::new(Notifications::Category).string_len(32).not_null())
                    // One notification per person and occurrence (a second run of a job adds none).
                    .col(ColumnDef::new(Notifications::DedupeKey).string_len(128).not_null())
                    // The values its text needs (a title…), as JSON.
                    .col(ColumnDef::new(Notifications::Params).text().not_null())
                    .col(ColumnDef::new(Notifications::Link).string_len(500).not_null())
                    .col(timestamp(Notifications::CreatedAt))
                    .col(timestamp_null(Notifications::ReadAt))
                    .col(ColumnDef::new(Notifications::EmailState).string_len(16).not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Notifications::Table, Notifications::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("notifications_once")
                    .table(Notifications::Table)
                    .col(Notifications::UserId)
                    .col(Notifications::DedupeKey)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("notifications_by_user")
                    .table(Notifications::Table)
                    .col(Notifications::UserId)
                    .col(Notifications::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("notifications_to_email")
                    .table(Notifications::Table)
                    .col(Notifications::EmailState)
                    .col(Notifications::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(NotificationPreferences::Table)
                    .col(reference(NotificationPreferences::UserId))
                    .col(ColumnDef::new(NotificationPreferences::Category).string_len(32).not_null())
                    .col(ColumnDef::new(NotificationPreferences::Mode).string_len(16).not_null())
                    .col(timestamp(NotificationPreferences::UpdatedAt))
                    .primary_key(
                        Index::create().col(NotificationPreferences::UserId).col(NotificationPreferences::Category),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(NotificationPreferences::Table, NotificationPreferences::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AppSecrets::Table)
                    .col(ColumnDef::new(AppSecrets::Name).string_len(64).not_null().primary_key())
                    .col(ColumnDef::new(AppSecrets::Value).string_len(128).not_null())
                    .col(timestamp(AppSecrets::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Consultations::Table)
                    .add_column(timestamp_null(Consultations::ReminderSentAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(Consultations::Table).drop_column(Consultations::ReminderSentAt).to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table(AppSecrets::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(NotificationPreferences::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Notifications::Table).to_owned()).await
    }
}
