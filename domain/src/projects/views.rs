//! Projects as pages show them.

use super::{Action, Channel, Need, Sort, Status};
use crate::attachments::Photo;
use crate::discussion::{Discussion, Moderation};
use crate::ids::{AttachmentId, BuildingId, CategoryId, OrganisationId, ProjectId, ResidenceId};
use crate::registry::Building;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

crate::wire_enum! {
    /// The categories every organisation starts with (it may add its own).
    pub enum DefaultCategory {
        Garden,
        Conviviality,
        Surroundings,
        Solidarity,
        Youth,
        Seniors,
        Environment,
        Culture,
        Other,
    }
}

/// A category's name: one of the defaults, shown in the reader's language,
/// or the organisation's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CategoryName {
    Default(DefaultCategory),
    Custom(String),
}

/// A category of an organisation's projects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: CategoryId,
    pub name: CategoryName,
}

/// A project in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectCard {
    pub id: ProjectId,
    /// Empty while hidden by moderation.
    pub title: String,
    pub residence: String,
    pub category: CategoryName,
    pub status: Status,
    pub supports: u64,
    /// The supports that move it to review.
    pub target: u64,
    pub comments: u64,
    pub submitted_at: Option<DateTime<Utc>>,
    pub answer_due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
    pub moderation: Moderation,
    pub thumbnail: Option<AttachmentId>,
}

/// What a list of projects is narrowed to, as its address says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    pub residence: Option<ResidenceId>,
    pub category: Option<CategoryId>,
    pub status: Option<Status>,
    pub sort: Option<Sort>,
}

/// The landlord's answers this year: how many projects that had to be
/// answered were answered within their deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRecord {
    pub year: i32,
    pub on_time: u64,
    /// Projects answered this year, or whose deadline passed this year unanswered.
    pub due: u64,
}

/// The projects page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectsPage {
    pub filters: Filters,
    /// The residences the viewer may filter by.
    pub residences: Vec<(ResidenceId, String)>,
    pub categories: Vec<Category>,
    pub projects: Vec<ProjectCard>,
    pub total: u64,
    /// From 0.
    pub page: u64,
    pub pages: u64,
    /// Of the residence filtered by (or of the viewer's only one).
    pub record: Option<AnswerRecord>,
    /// Some of the organisations the viewer works for, to manage theirs.
    pub staff_of: Vec<OrganisationId>,
    /// The viewer's drafts (seen by them alone).
    pub drafts: Vec<(ProjectId, String)>,
    /// The viewer may propose a project (they live in a residence, or work for its landlord).
    pub can_propose: bool,
}

/// A dated step of a project's public timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectEvent {
    pub at: DateTime<Utc>,
    pub kind: EventKind,
    /// The status it reached, for a change of status.
    pub status: Option<Status>,
    /// Sanitised HTML of its message (may be empty).
    pub message_html: String,
    /// What the work cost, when the landlord says.
    pub cost: Option<u32>,
    pub photos: Vec<Photo>,
    /// Posted by the landlord (not its author).
    pub landlord: bool,
}

crate::wire_enum! {
    /// What a step of the timeline is.
    pub enum EventKind {
        /// Published, moved to review, answered, started, done, withdrawn.
        Status,
        /// Progress the landlord reports.
        Progress,
        /// What the author added once it could no longer be rewritten.
        Addition,
    }
}

/// What the viewer may do on a project page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProjectRights {
    /// The viewer's voting unit supports it.
    pub supported: bool,
    pub can_support: bool,
    pub author: bool,
    /// Rewrite it (a draft, or published without support yet).
    pub can_edit: bool,
    pub can_add: bool,
    pub can_withdraw: bool,
    pub can_submit: bool,
    /// Throw the draft away.
    pub can_discard: bool,
    /// The landlord's steps the viewer may take.
    pub actions: Vec<Action>,
    pub can_post_progress: bool,
    pub can_report: bool,
    pub reported: bool,
}

/// A project's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectPage {
    pub id: ProjectId,
    pub organisation_id: OrganisationId,
    pub residence_id: ResidenceId,
    pub residence: String,
    pub building: Option<String>,
    pub category: CategoryName,
    pub category_id: CategoryId,
    pub building_id: Option<BuildingId>,
    pub title: String,
    /// Sanitised HTML (empty while hidden by moderation).
    pub description_html: String,
    /// The markdown, for its author while they may rewrite it.
    pub description: Option<String>,
    pub estimated_cost: Option<u32>,
    pub spent_cost: Option<u32>,
    pub needs: Vec<Need>,
    pub status: Status,
    /// Its author's name (`None` once their account is deleted).
    pub author: Option<String>,
    /// How it reached the landlord (staff enter the others).
    pub channel: Channel,
    pub created_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub supports: u64,
    pub target: u64,
    pub answer_due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
    pub moderation: Moderation,
    pub photos: Vec<Photo>,
    pub events: Vec<ProjectEvent>,
    pub discussion: Discussion,
    pub rights: ProjectRights,
    /// For a draft: projects of the residence that look alike.
    pub similar: Vec<Similar>,
}

/// A project that looks like the one being proposed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Similar {
    pub id: ProjectId,
    pub title: String,
    pub status: Status,
    pub supports: u64,
}

/// What the proposal form offers: the viewer's residences (with their
/// buildings) and the categories; for staff, that they enter it for a tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewProjectPage {
    pub places: Vec<(ResidenceId, String, Vec<Building>)>,
    pub categories: Vec<Category>,
    /// The viewer is staff: the form asks whose project it is.
    pub on_behalf: bool,
}
