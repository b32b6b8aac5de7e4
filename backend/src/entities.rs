//! sea-orm entities: one module per table, mirroring the migrations.

pub mod audit_log;
pub mod building;
pub mod household;
pub mod membership;
pub mod occupancy;
pub mod organisation;
pub mod outbox_email;
pub mod residence;
pub mod user;
