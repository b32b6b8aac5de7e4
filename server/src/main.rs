use clap::Parser as _;
use palier_server::cli::{Cli, run};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    palier_server::telemetry::init();
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("palier: {error:#}");
            ExitCode::FAILURE
        }
    }
}
