//! Organisations, residences, buildings, households, accounts, staff
//! memberships, household occupancies and the audit log.

use crate::{id, reference, timestamp, timestamp_null};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    Slug,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Residences {
    Table,
    Id,
    OrganisationId,
    Name,
    Address,
    Postcode,
    City,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Buildings {
    Table,
    Id,
    ResidenceId,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Households {
    Table,
    Id,
    OrganisationId,
    ResidenceId,
    BuildingId,
    LeaseRef,
    UnitLabel,
    MaxOccupants,
    InvitationCodeHash,
    InvitationCodeIssuedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    DisplayName,
    PasswordHash,
    Locale,
    EmailVerifiedAt,
    IsPlatformAdmin,
    CreatedAt,
    DeletedAt,
}

#[derive(DeriveIden)]
enum Memberships {
    Table,
    Id,
    UserId,
    OrganisationId,
    Role,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Occupancies {
    Table,
    Id,
    UserId,
    HouseholdId,
    JoinedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    OccurredAt,
    ActorUserId,
    OrganisationId,
    Action,
    TargetKind,
    TargetId,
    Details,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Organisations::Table)
                    .col(id(Organisations::Id))
                    .col(ColumnDef::new(Organisations::Slug).string_len(64).not_null().unique_key())
                    .col(ColumnDef::new(Organisations::Name).string_len(200).not_null())
                    .col(timestamp(Organisations::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Residences::Table)
                    .col(id(Residences::Id))
                    .col(reference(Residences::OrganisationId))
                    .col(ColumnDef::new(Residences::Name).string_len(200).not_null())
                    .col(ColumnDef::new(Residences::Address).string_len(300).not_null().default(""))
                    .col(ColumnDef::new(Residences::Postcode).string_len(10).not_null().default(""))
                    .col(ColumnDef::new(Residences::City).string_len(100).not_null().default(""))
                    .col(timestamp(Residences::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Residences::Table, Residences::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .index(
                        Index::create()
                            .name("ux_residences_organisation_name")
                            .col(Residences::OrganisationId)
                            .col(Residences::Name)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Buildings::Table)
                    .col(id(Buildings::Id))
                    .col(reference(Buildings::ResidenceId))
                    .col(ColumnDef::new(Buildings::Name).string_len(100).not_null())
                    .col(timestamp(Buildings::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Buildings::Table, Buildings::ResidenceId)
                            .to(Residences::Table, Residences::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .index(
                        Index::create()
                            .name("ux_buildings_residence_name")
                            .col(Buildings::ResidenceId)
                            .col(Buildings::Name)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Households::Table)
                    .col(id(Households::Id))
                    .col(reference(Households::OrganisationId))
                    .col(reference(Households::ResidenceId))
                    .col(ColumnDef::new(Households::BuildingId).big_integer().null())
                    .col(ColumnDef::new(Households::LeaseRef).string_len(64).not_null())
                    .col(ColumnDef::new(Households::UnitLabel).string_len(100).not_null())
                    .col(ColumnDef::new(Households::MaxOccupants).integer().not_null().default(4))
                    .col(ColumnDef::new(Households::InvitationCodeHash).string_len(64).null().unique_key())
                    .col(timestamp_null(Households::InvitationCodeIssuedAt))
                    .col(timestamp(Households::CreatedAt))
                    .col(timestamp(Households::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Households::Table, Households::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Households::Table, Households::ResidenceId)
                            .to(Residences::Table, Residences::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Households::Table, Households::BuildingId)
                            .to(Buildings::Table, Buildings::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .index(
                        Index::create()
                            .name("ux_households_organisation_lease")
                            .col(Households::OrganisationId)
                            .col(Households::LeaseRef)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_households_residence")
                    .table(Households::Table)
                    .col(Households::ResidenceId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(id(Users::Id))
                    // Null once the account is deleted and anonymised.
                    .col(ColumnDef::new(Users::Email).string_len(254).null().unique_key())
                    .col(ColumnDef::new(Users::DisplayName).string_len(100).not_null())
                    .col(ColumnDef::new(Users::PasswordHash).string_len(200).null())
                    .col(ColumnDef::new(Users::Locale).string_len(8).not_null().default("fr"))
                    .col(timestamp_null(Users::EmailVerifiedAt))
                    .col(ColumnDef::new(Users::IsPlatformAdmin).boolean().not_null().default(false))
                    .col(timestamp(Users::CreatedAt))
                    .col(timestamp_null(Users::DeletedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Memberships::Table)
                    .col(id(Memberships::Id))
                    .col(reference(Memberships::UserId))
                    .col(reference(Memberships::OrganisationId))
                    .col(ColumnDef::new(Memberships::Role).string_len(16).not_null())
                    .col(timestamp(Memberships::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Memberships::Table, Memberships::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Memberships::Table, Memberships::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .index(
                        Index::create()
                            .name("ux_memberships_user_organisation")
                            .col(Memberships::UserId)
                            .col(Memberships::OrganisationId)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Occupancies::Table)
                    .col(id(Occupancies::Id))
                    .col(reference(Occupancies::UserId))
                    .col(reference(Occupancies::HouseholdId))
                    .col(timestamp(Occupancies::JoinedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Occupancies::Table, Occupancies::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Occupancies::Table, Occupancies::HouseholdId)
                            .to(Households::Table, Households::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .index(
                        Index::create()
                            .name("ux_occupancies_user_household")
                            .col(Occupancies::UserId)
                            .col(Occupancies::HouseholdId)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_occupancies_household")
                    .table(Occupancies::Table)
                    .col(Occupancies::HouseholdId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(id(AuditLog::Id))
                    .col(timestamp(AuditLog::OccurredAt))
                    .col(ColumnDef::new(AuditLog::ActorUserId).big_integer().null())
                    .col(ColumnDef::new(AuditLog::OrganisationId).big_integer().null())
                    .col(ColumnDef::new(AuditLog::Action).string_len(64).not_null())
                    .col(ColumnDef::new(AuditLog::TargetKind).string_len(32).not_null())
                    .col(ColumnDef::new(AuditLog::TargetId).big_integer().null())
                    .col(ColumnDef::new(AuditLog::Details).text().not_null().default("{}"))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AuditLog::Table, AuditLog::ActorUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AuditLog::Table, AuditLog::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_audit_log_organisation_time")
                    .table(AuditLog::Table)
                    .col(AuditLog::OrganisationId)
                    .col(AuditLog::OccurredAt)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditLog::Table.into_iden(),
            Occupancies::Table.into_iden(),
            Memberships::Table.into_iden(),
            Users::Table.into_iden(),
            Households::Table.into_iden(),
            Buildings::Table.into_iden(),
            Residences::Table.into_iden(),
            Organisations::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
