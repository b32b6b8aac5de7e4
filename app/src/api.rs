//! Server functions: the app's public HTTP API under `/api/`. Each one is
//! thin: read the state, parse inputs into domain types, authorise, call one
//! backend function, map the error. One area per module.

pub mod accounts;
pub mod audit;
pub mod consultations;
pub mod councils;
pub mod dashboard;
pub mod discussion;
pub mod notifications;
pub mod platform;
pub mod projects;
pub mod registry;
pub mod shell;
pub mod team;

use leptos::server_fn::ServerFn as _;

/// The server functions that read a `multipart/form-data` body (file
/// uploads). The server refuses any other body for them before their codec
/// sees it: server_fn's multipart decoder panics on a request without a
/// boundary.
pub const MULTIPART_PATHS: &[&str] = &[
    registry::import_households::ImportHouseholds::PATH,
    projects::propose::ProposeProject::PATH,
    projects::rewrite::RewriteProject::PATH,
    projects::progress::PostProgress::PATH,
];

/// The server functions that take photos: their bodies may be as large as
/// three photos (the others are limited to the server's usual size).
pub const PHOTO_PATHS: &[&str] = &[
    projects::propose::ProposeProject::PATH,
    projects::rewrite::RewriteProject::PATH,
    projects::progress::PostProgress::PATH,
];
