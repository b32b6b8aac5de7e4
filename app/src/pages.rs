//! One module per page (or group of pages).

pub mod home;
pub mod info;
pub mod not_found;
