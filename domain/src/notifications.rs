//! Notifications as the interface names them: the kinds of event, the
//! categories a person sets email preferences for, and the modes.

use crate::ids::NotificationId;
use serde::{Deserialize, Serialize};

/// Every kind of notification. Each has a line of text in the app's locales
/// (`notification-<kind>`) and an email template (`notification_<kind>`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::Display,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Kind {
    ConsultationOpened,
    ConsultationClosing,
    /// The closing date was moved later.
    ConsultationExtended,
    ResultsAvailable,
    ResponsePublished,
    BallotCast,
    HomeJoined,
    HomeLeft,
    /// Staff entered a paper ballot for the home.
    PaperBallot,
    /// A neighbour published a project for my residence.
    ProjectPublished,
    /// A project I proposed or support changed status (reviewed, answered, started, done, withdrawn).
    ProjectChanged,
    /// The landlord posted progress on a project I proposed or support.
    ProjectProgress,
    /// Someone commented my project.
    NewComment,
    /// Someone replied to my comment.
    CommentReply,
    /// Something I wrote was hidden (after reports, or by a moderator).
    ContentHidden,
    /// Something I wrote is shown again.
    ContentRestored,
    /// A council of my residence convened a meeting.
    MeetingConvened,
    /// A meeting of a council of my residence moved.
    MeetingMoved,
    /// A meeting of a council of my residence was called off.
    MeetingCancelled,
}

crate::codes!(Kind);

/// What an email preference applies to.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::Display,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Category {
    /// Consultations of my residence: opening, deadline, results, response.
    Consultations,
    /// My home: people joining or leaving it.
    Home,
    /// My own votes. In the app only: the receipt email is transactional
    /// and always goes, and nothing else is emailed.
    Votes,
    /// Projects I proposed or support, and what I wrote about them:
    /// answers, progress, comments, replies, moderation.
    Projects,
    /// The life of my residence: new projects, its councils' meetings.
    Neighbourhood,
}

crate::codes!(Category);

impl Category {
    /// The categories a person chooses a mode for.
    pub const CHOOSABLE: [Category; 4] =
        [Category::Consultations, Category::Projects, Category::Neighbourhood, Category::Home];

    /// Consultations have deadlines, so they are emailed at once; the rest
    /// waits for the daily digest.
    pub fn default_mode(self) -> Mode {
        match self {
            Category::Consultations | Category::Projects => Mode::Immediate,
            Category::Home | Category::Neighbourhood => Mode::Digest,
            Category::Votes => Mode::None,
        }
    }
}

/// How the emails of a category go.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::Display,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Mode {
    Immediate,
    Digest,
    None,
}

crate::codes!(Mode);

impl Mode {
    /// Every mode, in the order a form offers them.
    pub const ALL: [Mode; 3] = [Mode::Immediate, Mode::Digest, Mode::None];
}

/// A notification as the centre shows it; its text is the locale's
/// `notification-<kind>` with `values`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: NotificationId,
    pub kind: Kind,
    pub values: Vec<(String, String)>,
    pub at: chrono::DateTime<chrono::Utc>,
    pub read: bool,
}

/// One page of someone's notifications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationsPage {
    pub items: Vec<NotificationView>,
    /// From 0.
    pub page: u64,
    pub pages: u64,
    pub unread: u64,
}

/// Someone's email mode for one category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preference {
    pub category: Category,
    pub mode: Mode,
}
