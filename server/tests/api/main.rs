//! HTTP tests: the real router on a real port, a fresh database per test
//! (SQLite, or PostgreSQL when `TEST_DATABASE_URL` is set), the stub mailer.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly, like the tests that call them")]

mod helpers;

mod accounts;
mod cli;
mod consultations;
mod councils;
mod fuzz;
mod health;
mod notifications;
mod pages;
mod permissions;
mod projects;
mod registry;
mod security;
mod servers;
mod world;
