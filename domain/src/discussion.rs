//! Comments, reports and moderation: one mechanism, shared by every kind of
//! content people write (projects first; council minutes and service
//! reports plug into the same one). Comments take one level of replies;
//! anyone signed in may report an item once; enough reports hide it until
//! a moderator decides; hidden content shows a placeholder, never vanishes.

use crate::ids::{AttachmentId, CommentId, ProjectId};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

crate::wire_enum! {
    /// What content is.
    pub enum ContentKind {
        Project,
        Comment,
        Photo,
    }
}

/// One item of content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContentRef {
    Project(ProjectId),
    Comment(CommentId),
    Photo(AttachmentId),
}

impl ContentRef {
    /// The item of `kind` numbered `id`.
    pub fn new(kind: ContentKind, id: i64) -> Self {
        match kind {
            ContentKind::Project => ContentRef::Project(ProjectId::new(id)),
            ContentKind::Comment => ContentRef::Comment(CommentId::new(id)),
            ContentKind::Photo => ContentRef::Photo(AttachmentId::new(id)),
        }
    }

    pub fn kind(self) -> ContentKind {
        match self {
            ContentRef::Project(_) => ContentKind::Project,
            ContentRef::Comment(_) => ContentKind::Comment,
            ContentRef::Photo(_) => ContentKind::Photo,
        }
    }

    /// The row number, for queries.
    pub fn id(self) -> i64 {
        match self {
            ContentRef::Project(id) => id.get(),
            ContentRef::Comment(id) => id.get(),
            ContentRef::Photo(id) => id.get(),
        }
    }
}

crate::wire_enum! {
    /// Content that takes comments.
    pub enum Subject {
        Project,
    }
}

crate::wire_enum! {
    /// Why someone reports an item.
    pub enum ReportReason {
        Spam,
        Offensive,
        /// It shows someone's personal data.
        PersonalData,
        OffTopic,
    }
}

crate::wire_enum! {
    /// Whether an item is shown.
    pub enum Moderation {
        Visible,
        /// Hidden by enough reports, until a moderator decides.
        Pending,
        /// Hidden by a moderator.
        Hidden,
    }
}

impl Moderation {
    pub fn shown(self) -> bool {
        self == Moderation::Visible
    }
}

crate::wire_enum! {
    /// What a moderator decides on a reported item.
    pub enum Decision {
        Hide,
        /// Show it again (its reports are closed).
        Restore,
        /// The reports were wrong: close them, the item stays (or is shown again).
        Dismiss,
    }
}

/// How long a comment's author may still change it.
pub const EDIT_MINUTES: i64 = 15;
/// The longest comment, in characters.
pub const MAX_COMMENT: usize = 5_000;

/// A comment's text (markdown): 1 to 5,000 characters.
pub fn comment_body(text: &str) -> Result<String, &'static str> {
    let text = crate::form::clean_text(text);
    if text.is_empty() {
        Err("error-comment-empty")
    } else if text.chars().count() > MAX_COMMENT {
        Err("error-comment-long")
    } else {
        Ok(text)
    }
}

/// Its author may still change a comment written at `written`.
pub fn editable(written: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now <= written + Duration::minutes(EDIT_MINUTES)
}

/// A comment as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    pub id: CommentId,
    /// The author's name; `None` once their account is deleted.
    pub author: Option<String>,
    /// Written by the landlord's staff, as the landlord.
    pub landlord: bool,
    /// Sanitised HTML; empty when deleted or hidden.
    pub body_html: String,
    /// The markdown, for its author's edit form while they may edit.
    pub body: Option<String>,
    pub written_at: DateTime<Utc>,
    pub edited: bool,
    pub deleted: bool,
    pub moderation: Moderation,
    /// The viewer wrote it.
    pub mine: bool,
    /// The viewer reported it.
    pub reported: bool,
    pub replies: Vec<CommentView>,
}

/// The comments of one item, and what the viewer may do there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discussion {
    pub subject: Subject,
    pub subject_id: i64,
    pub comments: Vec<CommentView>,
    /// Comments shown and hidden, replies included (not deleted ones).
    pub count: u64,
    pub can_comment: bool,
    /// The viewer writes as the landlord.
    pub as_landlord: bool,
}

/// A reported item in the moderation queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub content: ContentRef,
    /// The start of its text (or the photo's project).
    pub excerpt: String,
    pub author: Option<String>,
    /// The page it is on.
    pub link: String,
    pub moderation: Moderation,
    /// Open reports, by reason.
    pub reasons: Vec<(ReportReason, u64)>,
    pub reporters: u64,
    pub first_reported_at: DateTime<Utc>,
}

/// An organisation's moderation queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queue {
    pub organisation_id: crate::ids::OrganisationId,
    pub organisation: String,
    pub items: Vec<QueueItem>,
    /// From 0.
    pub page: u64,
    pub pages: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray as _;

    #[test]
    fn content_refs_round_trip_through_kind_and_id() {
        for kind in ContentKind::VARIANTS {
            let item = ContentRef::new(*kind, 42);
            assert_eq!((item.kind(), item.id()), (*kind, 42));
        }
        assert_eq!("personal_data".parse::<ReportReason>(), Ok(ReportReason::PersonalData));
    }

    #[test]
    fn comments_are_written_then_edited_for_a_quarter_of_an_hour() {
        assert_eq!(comment_body("  Bonne idée !\r\nJe participe. "), Ok("Bonne idée !\nJe participe.".to_owned()));
        assert_eq!(comment_body(" \n "), Err("error-comment-empty"));
        assert_eq!(comment_body(&"x".repeat(MAX_COMMENT + 1)), Err("error-comment-long"));
        let written = DateTime::parse_from_rfc3339("2026-12-08T10:00:00Z").unwrap().with_timezone(&Utc);
        assert!(editable(written, written + Duration::minutes(15)));
        assert!(!editable(written, written + Duration::minutes(16)));
    }
}
