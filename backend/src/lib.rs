//! Palier's server-side services.
//!
//! Storage (sea-orm entities, queries and mutations), accounts and
//! authorisation, the housing registry, and email (templates, outbox,
//! worker). This crate knows nothing of HTTP or Leptos: the `app` crate's
//! server functions and the `server` binary call it.
//!
//! Error policy: each operation returns its own `thiserror` enum whose
//! variants are the outcomes a caller must handle (e.g. "email taken"), plus
//! an `Unexpected(anyhow::Error)` carrying context for the logs. Database
//! text never reaches a user: the app maps these enums to localised messages.

pub mod accounts;
pub mod attachments;
pub mod audit;
pub mod auth;
pub mod clock;
pub mod consultations;
pub mod councils;
pub mod dashboard;
pub mod db;
pub mod discussion;
pub mod entities;
pub mod export;
pub mod import;
pub mod letters;
pub mod links;
pub mod mail;
pub mod maintenance;
pub mod markdown;
pub mod notifications;
pub mod outbox;
pub mod platform;
pub mod policy;
pub mod projects;
pub mod rate_limit;
pub mod registry;
pub mod search;
pub mod seed;
pub mod sessions;
pub mod shell;
pub mod team;
#[cfg(feature = "testing")]
pub mod testing;
pub mod tokens;

pub use sea_orm::{DatabaseConnection, DbErr};
