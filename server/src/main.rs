use clap::Parser as _;
use palier_server::cli::{Cli, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    palier_server::telemetry::init();
    // At least two workers: Leptos's server rendering can stall on a
    // single-threaded runtime (leptos-rs/leptos#4647), as on a 1-vCPU host.
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).max(2);
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(workers).enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("palier: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(Cli::parse())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("palier: {error:#}");
            ExitCode::FAILURE
        }
    }
}
