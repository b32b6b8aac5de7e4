//! One module per page (or group of pages).

pub mod account;
pub mod auth;
pub mod back_office;
pub mod consultations;
pub mod consultations_admin;
pub mod dashboard;
pub mod home;
pub mod homes;
pub mod info;
pub mod not_found;
pub mod notifications;
pub mod team;
