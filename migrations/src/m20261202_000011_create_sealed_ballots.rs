//! Ballots of open votes, sealed: each one encrypted under a key derived,
//! per consultation, from the server key, which is kept outside the
//! database. A participation and its sealed ballot are written in one
//! transaction, so an engine's bookkeeping (PostgreSQL `xmin`, physical
//! order, SQLite row numbers) may tie the two rows together; what it ties
//! the participation to is unreadable. At closing, the sealed ballots of
//! the vote are opened and written, shuffled, to `ballots` and
//! `ballot_answers` in the closing transaction, and deleted.

use crate::reference;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SealedBallots {
    Table,
    ConsultationId,
    Id,
    Body,
}

#[derive(DeriveIden)]
enum Consultations {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SealedBallots::Table)
                    .col(reference(SealedBallots::ConsultationId))
                    // Random, and not the id the ballot gets once opened.
                    .col(ColumnDef::new(SealedBallots::Id).string_len(32).not_null())
                    // Nonce, then ciphertext of a padded ballot.
                    .col(ColumnDef::new(SealedBallots::Body).blob().not_null())
                    .primary_key(Index::create().col(SealedBallots::ConsultationId).col(SealedBallots::Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SealedBallots::Table, SealedBallots::ConsultationId)
                            .to(Consultations::Table, Consultations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SealedBallots::Table).to_owned()).await
    }
}
