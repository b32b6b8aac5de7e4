//! Tenants an organisation names to moderate the content of the residences
//! they live in (tenant councils' members first; staff moderate all).

use crate::{reference, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Moderators {
    Table,
    OrganisationId,
    UserId,
    NamedByUserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
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
                    .table(Moderators::Table)
                    .col(reference(Moderators::OrganisationId))
                    .col(reference(Moderators::UserId))
                    .col(ColumnDef::new(Moderators::NamedByUserId).big_integer().null())
                    .col(timestamp(Moderators::CreatedAt))
                    .primary_key(Index::create().col(Moderators::OrganisationId).col(Moderators::UserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Moderators::Table, Moderators::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Moderators::Table, Moderators::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Moderators::Table, Moderators::NamedByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Moderators::Table).to_owned()).await
    }
}
