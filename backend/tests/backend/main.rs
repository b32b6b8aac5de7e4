//! Backend tests against a real database: SQLite in memory by default, or
//! PostgreSQL when `TEST_DATABASE_URL` is set (`make test` runs both), and a
//! real SMTP server on loopback.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly, like the tests that call them")]

mod accounts;
mod consultations;
mod councils;
mod database;
mod notifications;
mod outbox;
mod projects;
mod seed;
