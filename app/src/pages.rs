//! One module per page (or group of pages).

pub mod accounts;
pub mod audit;
pub mod consultations;
pub mod councils;
pub mod dashboard;
pub mod home;
pub mod info;
pub mod moderation;
pub mod not_found;
pub mod notifications;
pub mod platform;
pub mod projects;
pub mod registry;
pub mod team;
