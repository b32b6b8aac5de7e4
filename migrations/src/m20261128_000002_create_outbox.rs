//! The transactional email outbox: a row per email, written in the same
//! transaction as the change that causes it, sent by the worker.

use crate::{id, timestamp, timestamp_null};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OutboxEmails {
    Table,
    Id,
    IdempotencyKey,
    Recipient,
    Subject,
    TextBody,
    HtmlBody,
    Headers,
    Status,
    Attempts,
    NextAttemptAt,
    LockedUntil,
    LockedBy,
    LastError,
    CreatedAt,
    SentAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OutboxEmails::Table)
                    .col(id(OutboxEmails::Id))
                    .col(ColumnDef::new(OutboxEmails::IdempotencyKey).string_len(200).not_null().unique_key())
                    .col(ColumnDef::new(OutboxEmails::Recipient).string_len(254).not_null())
                    .col(ColumnDef::new(OutboxEmails::Subject).string_len(300).not_null())
                    .col(ColumnDef::new(OutboxEmails::TextBody).text().not_null())
                    .col(ColumnDef::new(OutboxEmails::HtmlBody).text().not_null())
                    .col(ColumnDef::new(OutboxEmails::Headers).text().not_null().default("[]"))
                    .col(ColumnDef::new(OutboxEmails::Status).string_len(16).not_null())
                    .col(ColumnDef::new(OutboxEmails::Attempts).integer().not_null().default(0))
                    .col(timestamp(OutboxEmails::NextAttemptAt))
                    .col(timestamp_null(OutboxEmails::LockedUntil))
                    .col(ColumnDef::new(OutboxEmails::LockedBy).string_len(64).null())
                    .col(ColumnDef::new(OutboxEmails::LastError).string_len(1000).null())
                    .col(timestamp(OutboxEmails::CreatedAt))
                    .col(timestamp_null(OutboxEmails::SentAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_outbox_emails_due")
                    .table(OutboxEmails::Table)
                    .col(OutboxEmails::Status)
                    .col(OutboxEmails::NextAttemptAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(OutboxEmails::Table).to_owned()).await
    }
}
