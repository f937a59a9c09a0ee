//! `cargo xtask <task>`: the project's build and delivery runner.
//!
//! Two commands are all a newcomer needs (see the README): `cargo xtask serve`
//! builds and serves the app, `cargo xtask test` runs every suite. Both start
//! with [`setup`], which installs only what is missing, so a fresh machine and
//! a warm one run the same command.

mod bench;
mod bench_figures;
mod content_hash;
mod csp;
mod css_bundle;
mod dist;
mod e2e;
mod first_load;
mod gzip;
mod html;
mod mime;
mod process;
mod search_index;
mod setup;
mod single_file;
mod sizes;
mod static_server;
mod suite;
mod trunk_page;
mod workspace;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::workspace::Workspace;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "Build, serve, pack and test policy-explorer"
)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Install whatever is missing: apt packages, wasm32 target, trunk,
    /// wasm-bindgen-cli, wasm-opt (npm binaryen) and the e2e node modules.
    Setup,
    /// Set up, then `trunk serve` the app and print its URL.
    Serve {
        /// Serve the size-optimized release build instead of the dev build.
        #[arg(long)]
        release: bool,
        /// Port to listen on.
        #[arg(long, default_value_t = 8080)]
        port: u16,
    },
    /// Build `dist/` (the hosted build) and the offline single file
    /// `dist/policy-explorer.html`, then print sizes against the budgets.
    Dist,
    /// Run every suite: fmt, clippy, native tests, wasm tests in Chromium,
    /// dist, size budgets and the end-to-end tests (served + file://).
    Test,
    /// Run only the end-to-end suite against the existing `dist/`
    /// (after `cargo xtask dist`).
    E2e {
        /// Copy the screenshots of this run to docs/screenshots/.
        #[arg(long)]
        update_screenshots: bool,
    },
    /// Cold-start benchmark in headless Chromium (single file and served
    /// build), plus every binary of `crates/bench` if that crate exists.
    Bench {
        /// Page loads per target.
        #[arg(long, default_value_t = 7)]
        runs: u32,
        /// Run one part only: `start` is the cold start of both delivery
        /// forms (existing `dist/`); `core` the core's hot paths in Chromium
        /// next to their native twins and `scale` search over the corpus
        /// replicated up to 1000× in Chromium (no `dist` build); `import`
        /// the longest main-thread task during a large import and
        /// `library` while ten documents join the user's library, plus
        /// start-up with 500 library documents, index cache fresh vs cached
        /// (existing `dist/`).
        #[arg(long, value_enum)]
        only: Option<bench::Part>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.task) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(task: Task) -> anyhow::Result<()> {
    let ws = Workspace::locate()?;
    match task {
        Task::Setup => setup::run(&ws),
        Task::Serve { release, port } => {
            setup::run(&ws)?;
            dist::serve(&ws, release, port)
        }
        Task::Dist => {
            setup::run(&ws)?;
            let report = dist::build(&ws)?;
            report.print();
            Ok(())
        }
        Task::Test => suite::run(&ws),
        Task::E2e { update_screenshots } => {
            e2e::run_against_dist(&ws)?;
            if update_screenshots {
                e2e::publish_screenshots(&ws)?;
            }
            Ok(())
        }
        Task::Bench { runs, only } => {
            setup::run(&ws)?;
            match only {
                Some(part) => bench::run_part(&ws, part, runs),
                None => bench::run(&ws, runs),
            }
        }
    }
}
