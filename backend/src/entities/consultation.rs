use sea_orm::entity::prelude::*;

/// A consultation of tenants by their landlord.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consultations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub organisation_id: i64,
    pub title: String,
    pub summary: String,
    /// Markdown; rendered through the sanitiser.
    pub body: String,
    /// `organisation`, `residences` or `buildings`.
    pub scope_kind: String,
    /// `household` or `adult`.
    pub voting_unit: String,
    pub opens_at: DateTimeUtc,
    pub closes_at: DateTimeUtc,
    /// `live` or `after_close`.
    pub results_visibility: String,
    pub quorum_percent: Option<i32>,
    /// See `palier_domain::consultations::Status`.
    pub status: String,
    /// Eligible units, frozen at opening.
    pub eligible_count: Option<i64>,
    pub response_body: Option<String>,
    /// `adopted`, `adjusted` or `not_retained`.
    pub response_decision: Option<String>,
    pub response_published_at: Option<DateTimeUtc>,
    pub created_by: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub opened_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    /// The closing time before the one extension a vote may have.
    pub extended_from: Option<DateTimeUtc>,
    /// When the "closes in 48 hours" reminder went out.
    pub reminder_sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
