//! Authentication primitives: password hashing and random secrets.

pub mod password;
pub mod secret;
pub mod server_key;
