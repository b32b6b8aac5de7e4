//! Notifications as the interface names them: the kinds of event, the
//! categories a person sets email preferences for, and the modes.

use serde::{Deserialize, Serialize};

/// Every kind of notification. Each has a line of text in the app's locales
/// (`notification-<kind>`); the backend's events use exactly these codes.
pub const KINDS: [&str; 7] = [
    "consultation_opened",
    "consultation_closing",
    "results_available",
    "response_published",
    "ballot_cast",
    "home_joined",
    "home_left",
];

/// What an email preference applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    /// Consultations of my residence: opening, deadline, results, response.
    Consultations,
    /// My home: people joining or leaving it.
    Home,
    /// My own votes. In the app only: the receipt email is transactional
    /// and always goes, and nothing else is emailed.
    Votes,
}

impl Category {
    /// The categories a person chooses a mode for.
    pub const CHOOSABLE: [Category; 2] = [Category::Consultations, Category::Home];

    pub fn code(self) -> &'static str {
        match self {
            Category::Consultations => "consultations",
            Category::Home => "home",
            Category::Votes => "votes",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "consultations" => Some(Category::Consultations),
            "home" => Some(Category::Home),
            "votes" => Some(Category::Votes),
            _ => None,
        }
    }

    /// Consultations have deadlines, so they are emailed at once; the rest
    /// waits for the daily digest.
    pub fn default_mode(self) -> Mode {
        match self {
            Category::Consultations => Mode::Immediate,
            Category::Home => Mode::Digest,
            Category::Votes => Mode::None,
        }
    }
}

/// How the emails of a category go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    Immediate,
    Digest,
    None,
}

impl Mode {
    /// Every mode, in the order a form offers them.
    pub const ALL: [Mode; 3] = [Mode::Immediate, Mode::Digest, Mode::None];

    pub fn code(self) -> &'static str {
        match self {
            Mode::Immediate => "immediate",
            Mode::Digest => "digest",
            Mode::None => "none",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "immediate" => Some(Mode::Immediate),
            "digest" => Some(Mode::Digest),
            "none" => Some(Mode::None),
            _ => None,
        }
    }
}
