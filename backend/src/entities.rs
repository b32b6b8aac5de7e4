//! sea-orm entities: one module per table, mirroring the migrations.

pub mod app_secret;
pub mod audit_log;
pub mod ballot;
pub mod ballot_answer;
pub mod building;
pub mod consultation;
pub mod consultation_scope;
pub mod eligible_unit;
pub mod email_token;
pub mod household;
pub mod live_result;
pub mod membership;
pub mod notification;
pub mod notification_preference;
pub mod occupancy;
pub mod organisation;
pub mod outbox_email;
pub mod participation;
pub mod question;
pub mod question_option;
pub mod rate_limit;
pub mod residence;
pub mod result_snapshot;
pub mod session;
pub mod staff_invitation;
pub mod user;
