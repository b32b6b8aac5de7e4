//! Tenant councils: the councils of an organisation and the residences they
//! cover, their members (linked accounts, with a role and a term), their
//! meetings with an agenda, and members' answers to a convocation. Emails
//! may carry an iCalendar invitation (`outbox_emails.calendar`).

use crate::{id, reference, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Councils {
    Table,
    Id,
    OrganisationId,
    Name,
    Kind,
    Description,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CouncilResidences {
    Table,
    CouncilId,
    ResidenceId,
}

#[derive(DeriveIden)]
enum CouncilMembers {
    Table,
    CouncilId,
    UserId,
    Role,
    TermEnds,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Meetings {
    Table,
    Id,
    CouncilId,
    StartsAt,
    EndsAt,
    Place,
    VideoLink,
    Status,
    Sequence,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AgendaItems {
    Table,
    Id,
    MeetingId,
    Position,
    Title,
    Description,
    Presenter,
    Minutes,
}

#[derive(DeriveIden)]
enum MeetingReplies {
    Table,
    MeetingId,
    UserId,
    Reply,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OutboxEmails {
    Table,
    Calendar,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Residences {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

/// A foreign key that goes with its row's owner.
fn cascade(
    from: impl IntoIden + 'static,
    column: impl IntoIden,
    to: impl IntoIden + 'static,
    to_id: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from_tbl(from)
        .from_col(column)
        .to_tbl(to)
        .to_col(to_id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Councils::Table)
                    .col(id(Councils::Id))
                    .col(reference(Councils::OrganisationId))
                    .col(ColumnDef::new(Councils::Name).string_len(200).not_null())
                    .col(ColumnDef::new(Councils::Kind).string_len(30).not_null())
                    .col(ColumnDef::new(Councils::Description).text().not_null().default(""))
                    .col(timestamp(Councils::CreatedAt))
                    .foreign_key(&mut cascade(
                        Councils::Table,
                        Councils::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CouncilResidences::Table)
                    .col(reference(CouncilResidences::CouncilId))
                    .col(reference(CouncilResidences::ResidenceId))
                    .primary_key(Index::create().col(CouncilResidences::CouncilId).col(CouncilResidences::ResidenceId))
                    .foreign_key(&mut cascade(
                        CouncilResidences::Table,
                        CouncilResidences::CouncilId,
                        Councils::Table,
                        Councils::Id,
                    ))
                    .foreign_key(&mut cascade(
                        CouncilResidences::Table,
                        CouncilResidences::ResidenceId,
                        Residences::Table,
                        Residences::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CouncilMembers::Table)
                    .col(reference(CouncilMembers::CouncilId))
                    .col(reference(CouncilMembers::UserId))
                    .col(ColumnDef::new(CouncilMembers::Role).string_len(30).not_null())
                    .col(ColumnDef::new(CouncilMembers::TermEnds).date().null())
                    .col(timestamp(CouncilMembers::CreatedAt))
                    .primary_key(Index::create().col(CouncilMembers::CouncilId).col(CouncilMembers::UserId))
                    .foreign_key(&mut cascade(
                        CouncilMembers::Table,
                        CouncilMembers::CouncilId,
                        Councils::Table,
                        Councils::Id,
                    ))
                    .foreign_key(&mut cascade(CouncilMembers::Table, CouncilMembers::UserId, Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Meetings::Table)
                    .col(id(Meetings::Id))
                    .col(reference(Meetings::CouncilId))
                    .col(timestamp(Meetings::StartsAt))
                    .col(timestamp(Meetings::EndsAt))
                    .col(ColumnDef::new(Meetings::Place).string_len(200).not_null().default(""))
                    .col(ColumnDef::new(Meetings::VideoLink).string_len(500).not_null().default(""))
                    .col(ColumnDef::new(Meetings::Status).string_len(20).not_null())
                    // RFC 5545 SEQUENCE: each move or cancellation updates the invitation.
                    .col(ColumnDef::new(Meetings::Sequence).integer().not_null().default(0))
                    .col(timestamp(Meetings::CreatedAt))
                    .col(timestamp(Meetings::UpdatedAt))
                    .foreign_key(&mut cascade(Meetings::Table, Meetings::CouncilId, Councils::Table, Councils::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("meetings_by_council")
                    .table(Meetings::Table)
                    .col(Meetings::CouncilId)
                    .col(Meetings::StartsAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AgendaItems::Table)
                    .col(id(AgendaItems::Id))
                    .col(reference(AgendaItems::MeetingId))
                    .col(ColumnDef::new(AgendaItems::Position).integer().not_null())
                    .col(ColumnDef::new(AgendaItems::Title).string_len(200).not_null())
                    .col(ColumnDef::new(AgendaItems::Description).text().not_null().default(""))
                    .col(ColumnDef::new(AgendaItems::Presenter).string_len(200).not_null().default(""))
                    .col(ColumnDef::new(AgendaItems::Minutes).integer().not_null())
                    .foreign_key(&mut cascade(
                        AgendaItems::Table,
                        AgendaItems::MeetingId,
                        Meetings::Table,
                        Meetings::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MeetingReplies::Table)
                    .col(reference(MeetingReplies::MeetingId))
                    .col(reference(MeetingReplies::UserId))
                    .col(ColumnDef::new(MeetingReplies::Reply).string_len(20).not_null())
                    .col(timestamp(MeetingReplies::UpdatedAt))
                    .primary_key(Index::create().col(MeetingReplies::MeetingId).col(MeetingReplies::UserId))
                    .foreign_key(&mut cascade(
                        MeetingReplies::Table,
                        MeetingReplies::MeetingId,
                        Meetings::Table,
                        Meetings::Id,
                    ))
                    .foreign_key(&mut cascade(MeetingReplies::Table, MeetingReplies::UserId, Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxEmails::Table)
                    .add_column(ColumnDef::new(OutboxEmails::Calendar).text().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(OutboxEmails::Table).drop_column(OutboxEmails::Calendar).to_owned())
            .await?;
        for table in [
            MeetingReplies::Table.into_iden(),
            AgendaItems::Table.into_iden(),
            Meetings::Table.into_iden(),
            CouncilMembers::Table.into_iden(),
            CouncilResidences::Table.into_iden(),
            Councils::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
