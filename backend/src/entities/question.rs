use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "questions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub consultation_id: i64,
    pub position: i32,
    /// `single`, `multiple`, `ranking`, `scale` or `text`.
    pub kind: String,
    pub prompt: String,
    pub required: bool,
    pub min_choices: Option<i32>,
    pub max_choices: Option<i32>,
    pub scale_low: Option<String>,
    pub scale_high: Option<String>,
    pub max_chars: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
