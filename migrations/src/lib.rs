//! Palier's database schema as an ordered list of sea-orm migrations.
//!
//! Each migration declares its identifiers locally (`DeriveIden`), so an old
//! migration never changes when an entity does. Migrations run at start-up and
//! with `palier migrate`; every one has a `down`.

pub use sea_orm_migration::prelude::*;

mod m20261128_000001_create_registry;
mod m20261128_000002_create_outbox;
mod m20261128_000003_create_accounts;
mod m20261128_000004_create_consultations;
mod m20261128_000005_add_outbox_sensitive;
mod m20261128_000006_create_notifications;
mod m20261128_000007_create_result_snapshots;
mod m20261128_000008_drop_answer_tally_index;
mod m20261202_000009_create_live_results;
mod m20261202_000010_add_consultation_extended_from;
mod m20261202_000011_create_sealed_ballots;
mod m20261203_000012_add_organisation_code_validity;
mod m20261208_000013_create_projects;
mod m20261208_000014_create_moderators;
mod m20261208_000015_create_councils;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_create_registry::Migration),
            Box::new(m20261128_000002_create_outbox::Migration),
            Box::new(m20261128_000003_create_accounts::Migration),
            Box::new(m20261128_000004_create_consultations::Migration),
            Box::new(m20261128_000005_add_outbox_sensitive::Migration),
            Box::new(m20261128_000006_create_notifications::Migration),
            Box::new(m20261128_000007_create_result_snapshots::Migration),
            Box::new(m20261128_000008_drop_answer_tally_index::Migration),
            Box::new(m20261202_000009_create_live_results::Migration),
            Box::new(m20261202_000010_add_consultation_extended_from::Migration),
            Box::new(m20261202_000011_create_sealed_ballots::Migration),
            Box::new(m20261203_000012_add_organisation_code_validity::Migration),
            Box::new(m20261208_000013_create_projects::Migration),
            Box::new(m20261208_000014_create_moderators::Migration),
            Box::new(m20261208_000015_create_councils::Migration),
        ]
    }
}

/// A big-integer, auto-incremented primary key (`bigserial` on PostgreSQL,
/// `integer primary key autoincrement` on SQLite).
pub(crate) fn id<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).big_integer().not_null().auto_increment().primary_key().to_owned()
}

/// A UTC timestamp column that must be set.
pub(crate) fn timestamp<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).timestamp_with_time_zone().not_null().to_owned()
}

/// A UTC timestamp column that may be empty.
pub(crate) fn timestamp_null<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).timestamp_with_time_zone().null().to_owned()
}

/// A foreign key column to another table's big-integer id.
pub(crate) fn reference<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).big_integer().not_null().to_owned()
}
