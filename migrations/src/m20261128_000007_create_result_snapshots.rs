//! The count of a closed consultation, kept once computed: after the close
//! no ballot can be added, so the results page reads one row instead of
//! aggregating every answer again.

use crate::{reference, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ResultSnapshots {
    Table,
    ConsultationId,
    ComputedAt,
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
                    .table(ResultSnapshots::Table)
                    .col(reference(ResultSnapshots::ConsultationId).primary_key())
                    .col(timestamp(ResultSnapshots::ComputedAt))
                    // The results as JSON.
                    .col(ColumnDef::new(ResultSnapshots::Body).text().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(ResultSnapshots::Table, ResultSnapshots::ConsultationId)
                            .to(Consultations::Table, Consultations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ResultSnapshots::Table).to_owned()).await
    }
}
