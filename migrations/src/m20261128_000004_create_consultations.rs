//! Consultations: their questions and options, scope, eligible units (frozen
//! at opening), the participation register, and the ballots.
//!
//! The register (who took part) and the ballots (what was answered) share no
//! column: a ballot has a random text key, no timestamp and no user or
//! household. On SQLite the ballot tables are `WITHOUT ROWID`, so not even a
//! hidden row number records the order of insertion.

use crate::{id, reference, timestamp, timestamp_null};
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

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

#[derive(DeriveIden)]
enum Consultations {
    Table,
    Id,
    OrganisationId,
    Title,
    Summary,
    Body,
    ScopeKind,
    VotingUnit,
    OpensAt,
    ClosesAt,
    ResultsVisibility,
    QuorumPercent,
    Status,
    EligibleCount,
    ResponseBody,
    ResponseDecision,
    ResponsePublishedAt,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    OpenedAt,
    ClosedAt,
}

#[derive(DeriveIden)]
enum ConsultationScopes {
    Table,
    Id,
    ConsultationId,
    ResidenceId,
    BuildingId,
}

#[derive(DeriveIden)]
enum Questions {
    Table,
    Id,
    ConsultationId,
    Position,
    Kind,
    Prompt,
    Required,
    MinChoices,
    MaxChoices,
    ScaleLow,
    ScaleHigh,
    MaxChars,
}

#[derive(DeriveIden)]
enum QuestionOptions {
    Table,
    Id,
    QuestionId,
    Position,
    Label,
}

#[derive(DeriveIden)]
enum EligibleUnits {
    Table,
    ConsultationId,
    UnitId,
    HouseholdId,
    ResidenceId,
    BuildingId,
}

#[derive(DeriveIden)]
enum Participations {
    Table,
    Id,
    ConsultationId,
    UnitId,
    HouseholdId,
    ResidenceId,
    BuildingId,
    Channel,
    RecordedAt,
    RecordedBy,
}

#[derive(DeriveIden)]
enum Ballots {
    Table,
    Id,
    ConsultationId,
    Receipt,
}

#[derive(DeriveIden)]
enum BallotAnswers {
    Table,
    BallotId,
    QuestionId,
    Position,
    OptionId,
    Rank,
    Value,
    Text,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let sqlite = manager.get_database_backend() == DbBackend::Sqlite;
        manager
            .create_table(
                Table::create()
                    .table(Consultations::Table)
                    .col(id(Consultations::Id))
                    .col(reference(Consultations::OrganisationId))
                    .col(ColumnDef::new(Consultations::Title).string_len(200).not_null())
                    .col(ColumnDef::new(Consultations::Summary).string_len(500).not_null().default(""))
                    .col(ColumnDef::new(Consultations::Body).text().not_null().default(""))
                    .col(ColumnDef::new(Consultations::ScopeKind).string_len(16).not_null())
                    .col(ColumnDef::new(Consultations::VotingUnit).string_len(16).not_null())
                    .col(timestamp(Consultations::OpensAt))
                    .col(timestamp(Consultations::ClosesAt))
                    .col(ColumnDef::new(Consultations::ResultsVisibility).string_len(16).not_null())
                    .col(ColumnDef::new(Consultations::QuorumPercent).integer().null())
                    .col(ColumnDef::new(Consultations::Status).string_len(16).not_null())
                    .col(ColumnDef::new(Consultations::EligibleCount).big_integer().null())
                    .col(ColumnDef::new(Consultations::ResponseBody).text().null())
                    .col(ColumnDef::new(Consultations::ResponseDecision).string_len(16).null())
                    .col(timestamp_null(Consultations::ResponsePublishedAt))
                    .col(ColumnDef::new(Consultations::CreatedBy).big_integer().null())
                    .col(timestamp(Consultations::CreatedAt))
                    .col(timestamp(Consultations::UpdatedAt))
                    .col(timestamp_null(Consultations::OpenedAt))
                    .col(timestamp_null(Consultations::ClosedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Consultations::Table, Consultations::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Consultations::Table, Consultations::CreatedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_consultations_organisation_status")
                    .table(Consultations::Table)
                    .col(Consultations::OrganisationId)
                    .col(Consultations::Status)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ConsultationScopes::Table)
                    .col(id(ConsultationScopes::Id))
                    .col(reference(ConsultationScopes::ConsultationId))
                    .col(ColumnDef::new(ConsultationScopes::ResidenceId).big_integer().null())
                    .col(ColumnDef::new(ConsultationScopes::BuildingId).big_integer().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationScopes::Table, ConsultationScopes::ConsultationId)
                            .to(Consultations::Table, Consultations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_consultation_scopes_consultation")
                    .table(ConsultationScopes::Table)
                    .col(ConsultationScopes::ConsultationId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Questions::Table)
                    .col(id(Questions::Id))
                    .col(reference(Questions::ConsultationId))
                    .col(ColumnDef::new(Questions::Position).integer().not_null())
                    .col(ColumnDef::new(Questions::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(Questions::Prompt).string_len(500).not_null())
                    .col(ColumnDef::new(Questions::Required).boolean().not_null().default(true))
                    .col(ColumnDef::new(Questions::MinChoices).integer().null())
                    .col(ColumnDef::new(Questions::MaxChoices).integer().null())
                    .col(ColumnDef::new(Questions::ScaleLow).string_len(100).null())
                    .col(ColumnDef::new(Questions::ScaleHigh).string_len(100).null())
                    .col(ColumnDef::new(Questions::MaxChars).integer().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Questions::Table, Questions::ConsultationId)
                            .to(Consultations::Table, Consultations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_questions_consultation")
                    .table(Questions::Table)
                    .col(Questions::ConsultationId)
                    .col(Questions::Position)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(QuestionOptions::Table)
                    .col(id(QuestionOptions::Id))
                    .col(reference(QuestionOptions::QuestionId))
                    .col(ColumnDef::new(QuestionOptions::Position).integer().not_null())
                    .col(ColumnDef::new(QuestionOptions::Label).string_len(300).not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(QuestionOptions::Table, QuestionOptions::QuestionId)
                            .to(Questions::Table, Questions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_question_options_question")
                    .table(QuestionOptions::Table)
                    .col(QuestionOptions::QuestionId)
                    .col(QuestionOptions::Position)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(EligibleUnits::Table)
                    .col(reference(EligibleUnits::ConsultationId))
                    .col(ColumnDef::new(EligibleUnits::UnitId).big_integer().not_null())
                    .col(ColumnDef::new(EligibleUnits::HouseholdId).big_integer().not_null())
                    .col(ColumnDef::new(EligibleUnits::ResidenceId).big_integer().not_null())
                    .col(ColumnDef::new(EligibleUnits::BuildingId).big_integer().null())
                    .primary_key(Index::create().col(EligibleUnits::ConsultationId).col(EligibleUnits::UnitId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EligibleUnits::Table, EligibleUnits::ConsultationId)
                            .to(Consultations::Table, Consultations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Participations::Table)
                    .col(id(Participations::Id))
                    .col(reference(Participations::ConsultationId))
                    .col(ColumnDef::new(Participations::UnitId).big_integer().not_null())
                    .col(ColumnDef::new(Participations::HouseholdId).big_integer().not_null())
                    .col(ColumnDef::new(Participations::ResidenceId).big_integer().not_null())
                    .col(ColumnDef::new(Participations::BuildingId).big_integer().null())
                    .col(ColumnDef::new(Participations::Channel).string_len(8).not_null())
                    .col(timestamp(Participations::RecordedAt))
                    .col(ColumnDef::new(Participations::RecordedBy).big_integer().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Participations::Table, Participations::ConsultationId)
                            .to(Consultations::Table, Consultations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    // One participation per voting unit: the guarantee against double votes.
                    .index(
                        Index::create()
                            .name("ux_participations_consultation_unit")
                            .col(Participations::ConsultationId)
                            .col(Participations::UnitId)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;

        let mut ballots = Table::create()
            .table(Ballots::Table)
            .col(ColumnDef::new(Ballots::Id).string_len(36).not_null().primary_key())
            .col(reference(Ballots::ConsultationId))
            .col(ColumnDef::new(Ballots::Receipt).string_len(16).not_null())
            .foreign_key(
                ForeignKey::create()
                    .from(Ballots::Table, Ballots::ConsultationId)
                    .to(Consultations::Table, Consultations::Id)
                    .on_delete(ForeignKeyAction::Cascade),
            )
            .to_owned();
        if sqlite {
            ballots.extra("WITHOUT ROWID");
        }
        manager.create_table(ballots).await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_ballots_consultation_receipt")
                    .table(Ballots::Table)
                    .col(Ballots::ConsultationId)
                    .col(Ballots::Receipt)
                    .unique()
                    .to_owned(),
            )
            .await?;

        let mut answers = Table::create()
            .table(BallotAnswers::Table)
            .col(ColumnDef::new(BallotAnswers::BallotId).string_len(36).not_null())
            .col(ColumnDef::new(BallotAnswers::QuestionId).big_integer().not_null())
            .col(ColumnDef::new(BallotAnswers::Position).integer().not_null())
            .col(ColumnDef::new(BallotAnswers::OptionId).big_integer().null())
            .col(ColumnDef::new(BallotAnswers::Rank).integer().null())
            .col(ColumnDef::new(BallotAnswers::Value).integer().null())
            .col(ColumnDef::new(BallotAnswers::Text).text().null())
            .primary_key(
                Index::create()
                    .col(BallotAnswers::BallotId)
                    .col(BallotAnswers::QuestionId)
                    .col(BallotAnswers::Position),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(BallotAnswers::Table, BallotAnswers::BallotId)
                    .to(Ballots::Table, Ballots::Id)
                    .on_delete(ForeignKeyAction::Cascade),
            )
            .to_owned();
        if sqlite {
            answers.extra("WITHOUT ROWID");
        }
        manager.create_table(answers).await?;
        // The results are GROUP BY queries on these columns.
        manager
            .create_index(
                Index::create()
                    .name("ix_ballot_answers_tally")
                    .table(BallotAnswers::Table)
                    .col(BallotAnswers::QuestionId)
                    .col(BallotAnswers::OptionId)
                    .col(BallotAnswers::Rank)
                    .col(BallotAnswers::Value)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            BallotAnswers::Table.into_iden(),
            Ballots::Table.into_iden(),
            Participations::Table.into_iden(),
            EligibleUnits::Table.into_iden(),
            QuestionOptions::Table.into_iden(),
            Questions::Table.into_iden(),
            ConsultationScopes::Table.into_iden(),
            Consultations::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
