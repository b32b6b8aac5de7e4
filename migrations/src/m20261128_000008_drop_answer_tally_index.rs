//! Ballot answers lose their index by question and option. Each ballot put
//! one entry per answer at a random place in it (the ballot's random key
//! ends every entry), so under a crowd of voters that index was more than
//! half of all the pages SQLite wrote; the count now reaches a
//! consultation's answers through its ballots, and a closed vote is counted
//! once anyway (`result_snapshots`).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum BallotAnswers {
    Table,
    QuestionId,
    OptionId,
    Rank,
    Value,
}

const NAME: &str = "ix_ballot_answers_tally";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name(NAME).table(BallotAnswers::Table).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(NAME)
                    .table(BallotAnswers::Table)
                    .col(BallotAnswers::QuestionId)
                    .col(BallotAnswers::OptionId)
                    .col(BallotAnswers::Rank)
                    .col(BallotAnswers::Value)
                    .to_owned(),
            )
            .await
    }
}
