//! Server functions: the app's public HTTP API under `/api/`. Each one is
//! thin: read the state, parse inputs into domain types, authorise, call one
//! backend function, map the error. One area per module.

pub mod accounts;
pub mod audit;
pub mod consultations;
pub mod notifications;
pub mod platform;
pub mod registry;
pub mod shell;
pub mod team;
