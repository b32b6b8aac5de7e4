use sea_orm::entity::prelude::*;

/// One element of a ballot's answer to a question: a chosen option (with its
/// rank for rankings), a scale value, or a text.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ballot_answers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub ballot_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub question_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub position: i32,
    pub option_id: Option<i64>,
    pub rank: Option<i32>,
    pub value: Option<i32>,
    pub text: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::ballot::Entity", from = "Column::BallotId", to = "super::ballot::Column::Id")]
    Ballot,
}

impl ActiveModelBehavior for ActiveModel {}
