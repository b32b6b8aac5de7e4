//! The `palier` server: configuration, HTTP stack, background workers and
//! command-line subcommands. The binary (`main.rs`) only parses arguments.

pub mod cli;
pub mod config;
pub mod http;
pub mod startup;
pub mod telemetry;
