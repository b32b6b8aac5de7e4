//! One module per page (or group of pages).

pub mod account;
pub mod auth;
pub mod dashboard;
pub mod home;
pub mod info;
pub mod not_found;
