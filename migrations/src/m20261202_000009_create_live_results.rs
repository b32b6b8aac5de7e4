//! What an open vote's live results page shows: the count published last,
//! replaced only once at least k more ballots are in (see
//! `consultations::results::live` in the backend). Kept in the database so
//! that several servers publish the same steps.

use crate::{reference, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LiveResults {
    Table,
    ConsultationId,
    Ballots,
    PublishedAt,
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
                    .table(LiveResults::Table)
                    .col(reference(LiveResults::ConsultationId).primary_key())
                    // The ballots in the published count.
                    .col(ColumnDef::new(LiveResults::Ballots).big_integer().not_null())
                    .col(timestamp(LiveResults::PublishedAt))
                    // The published results as JSON.
                    .col(ColumnDef::new(LiveResults::Body).text().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(LiveResults::Table, LiveResults::ConsultationId)
                            .to(Consultations::Table, Consultations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(LiveResults::Table).to_owned()).await
    }
}
