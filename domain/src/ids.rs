//! Typed identifiers. Every row id that crosses the wire is one of these, so a
//! household id can never be passed where a residence id is expected. They
//! are serialised as the bare number (`#[serde(transparent)]`), parse from a
//! form field's text, and show as the number.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            /// The id of the row numbered `value`.
            pub const fn new(value: i64) -> Self {
                Self(value)
            }

            /// The row number, for queries.
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.trim().parse().map(Self)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }
    )*};
}

ids! {
    /// A landlord (organisation) hosted on the instance.
    OrganisationId,
    /// A residence of an organisation.
    ResidenceId,
    /// A building of a residence.
    BuildingId,
    /// A household: one lease, one home.
    HouseholdId,
    /// A person's account.
    UserId,
    /// A signed-in session.
    SessionId,
    /// An invitation to join an organisation's staff.
    StaffInvitationId,
    /// A consultation (vote).
    ConsultationId,
    /// A question of a consultation.
    QuestionId,
    /// An option of a choice or ranking question.
    OptionId,
    /// An eligible unit of a consultation: a household or an adult, frozen at opening.
    UnitId,
    /// A notification in someone's centre.
    NotificationId,
    /// A project proposed for a residence (Habitant 3.0).
    ProjectId,
    /// A category of an organisation's projects.
    CategoryId,
    /// A comment on a project (or other content that takes comments).
    CommentId,
    /// A stored file: a photo of a project, of its progress, …
    AttachmentId,
    /// A tenant council (CCL, conseil de résidence, association).
    CouncilId,
    /// A meeting of a council.
    MeetingId,
}
