//! Server functions of accounts: registration, sign-in and sign-out, email
//! verification, password reset and change, change of address, sessions,
//! deletion. Thin: parse, authorise, call `palier_backend::accounts`, map.

pub mod password;
pub mod profile;
pub mod register;
pub mod sessions;
pub mod sign_in;
