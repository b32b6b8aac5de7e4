//! Accounts: signing up, in and back, a forgotten password, and "my account".

pub mod account;
pub mod password;
pub mod sign_in;
pub mod sign_up;
