//! `cargo xtask`: the only place in Casualty Ledger with files, threads and exit codes.
//!
//! `build-report` reads a folder of articles, runs extract, reconcile and report,
//! and writes the site. See `cargo xtask help`.

mod bench;
mod build;
mod cache;
mod cli;
mod site_writer;
mod watch;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli::Command::parse(&args) {
        Ok(cli::Command::Help) => {
            println!("{}", cli::HELP);
            ExitCode::SUCCESS
        }
        Ok(cli::Command::BuildReport(opts)) => match build::build_report(&opts) {
            Ok(summary) => {
                eprintln!("{summary}");
                if std::env::var_os("LEDGER_TIMINGS").is_some() {
                    eprintln!("{:?}", summary.phases);
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Ok(cli::Command::Watch(opts, max_builds)) => match watch::watch(&opts, max_builds) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Ok(cli::Command::BenchBuild(opts)) => match bench::bench_build(&opts) {
            Ok(report) => {
                print!("{report}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Ok(cli::Command::Bench(opts)) => match bench::bench(&opts) {
            Ok(report) => {
                print!("{report}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("error: {e}\n\n{}", cli::HELP);
            ExitCode::from(2)
        }
    }
}
