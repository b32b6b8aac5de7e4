//! The consultation builder for staff: the list, a new consultation, one
//! consultation's page (lifecycle, paper ballots, questions, settings) and
//! the preview of its ballot.

pub mod builder;
pub mod list;
pub mod new;
pub mod preview;
mod questions;
mod settings;
