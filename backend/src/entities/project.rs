use sea_orm::entity::prelude::*;

/// A project proposed for a residence.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "projects")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub organisation_id: i64,
    pub residence_id: i64,
    pub building_id: Option<i64>,
    pub category_id: i64,
    pub author_user_id: Option<i64>,
    /// The author's home, when staff entered it for them.
    pub household_id: Option<i64>,
    /// Staff who entered it for its author (never shown to tenants).
    pub recorded_by_user_id: Option<i64>,
    /// See `projects::Channel`.
    pub channel: String,
    pub title: String,
    /// Markdown, as written.
    pub description: String,
    pub estimated_cost: Option<i32>,
    pub spent_cost: Option<i32>,
    /// `projects::Need` codes, separated by commas.
    pub needs: String,
    /// See `projects::Status`.
    pub status: String,
    /// See `discussion::Moderation`.
    pub moderation: String,
    /// `household` or `adult`, frozen when it is published.
    pub support_unit: String,
    /// The supports that move it to review, frozen when it is published.
    pub support_target: i32,
    pub support_count: i32,
    /// Comments shown or hidden, not deleted ones.
    pub comment_count: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub submitted_at: Option<DateTimeUtc>,
    pub review_started_at: Option<DateTimeUtc>,
    pub answer_due_at: Option<DateTimeUtc>,
    pub answered_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
