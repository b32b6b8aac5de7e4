//! Building blocks shared by pages.

pub mod ballot;
pub mod charts;
pub mod discussion;
pub mod field;
pub mod files;
pub mod form;
pub mod islands;
pub mod layout;
pub mod page;
