//! sea-orm entities: one module per table, mirroring the migrations.

pub mod audit_log;
pub mod building;
pub mod email_token;
pub mod household;
pub mod membership;
pub mod occupancy;
pub mod organisation;
pub mod outbox_email;
pub mod rate_limit;
pub mod residence;
pub mod session;
pub mod staff_invitation;
pub mod user;
