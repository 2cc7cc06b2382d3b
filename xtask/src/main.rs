//! `cargo xtask`: the only place in Casualty Ledger with files, threads and exit codes.
//!
//! `build-report` reads a folder of articles, runs extract, reconcile and report,
//! and writes the site. See `cargo xtask help`.

mod bench;
mod build;
mod cache;
mod cli;
mod site_writer;
mod trash;
mod watch;

use std::process::ExitCode;

/// A fresh, empty folder for one test, under the system's temporary folder.
#[cfg(test)]
pub(crate) fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ledger-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Builds allocate many small strings on every thread at once; glibc's
/// allocator spent about a tenth of a build's CPU time on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option (`mi_option_purge_delay` in its `mimalloc.h`;
/// the same index in its versions 2 and 3, which keep retired options in place).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
// The bindings name the option after it: a renumbering fails the build.
const _: () = assert!(MI_OPTION_PURGE_DELAY + 1 == libmimalloc_sys::mi_option_use_numa_nodes);

/// Keeps memory the build freed for the build to reuse, rather than handing it
/// back to the system a second later. A build frees and allocates hundreds of
/// megabytes phase after phase, and every page handed back is zeroed again when
/// touched (2 MB at a time with transparent huge pages): with the default, a
/// rebuild of 20,000 articles spent more time in the kernel than in its own
/// code (0.97 s of system time against 0.11 s). A purge delay the user sets
/// (`MIMALLOC_PURGE_DELAY`, or its older name `MIMALLOC_RESET_DELAY`) still wins.
fn tune_allocator() {
    let user_set = ["MIMALLOC_PURGE_DELAY", "MIMALLOC_RESET_DELAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some());
    if !user_set {
        // SAFETY: called first thing in `main`, before any other thread exists
        // (the function is not thread safe); the index is checked against the
        // bindings above, and -1 is the documented "never purge".
        #[expect(unsafe_code)]
        unsafe {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1)
        };
    }
}

/// Frees `value` on a thread of its own: a ledger or a manifest of a large
/// corpus takes a noticeable time to free, which no one needs to wait for
/// (a process that exits first never frees it at all).
pub fn drop_later<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

fn main() -> ExitCode {
    tune_allocator();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match cli::Command::parse(&args) {
        Ok(command) => command,
        Err(e) => {
            eprintln!("error: {e}\n\n{}", cli::HELP);
            return ExitCode::from(2);
        }
    };
    let outcome = match command {
        cli::Command::Help => {
            println!("{}", cli::HELP);
            Ok(())
        }
        cli::Command::BuildReport(opts) => build::build_report(&opts).map(|summary| {
            eprintln!("{summary}");
            if std::env::var_os("LEDGER_TIMINGS").is_some() {
                eprintln!("{:?}", summary.phases);
                let (replayed, claims) = summary.replayed;
                eprintln!("clustering replayed {replayed} of {claims} claims");
            }
        }),
        cli::Command::Watch(opts, max_builds) => watch::watch(&opts, max_builds),
        cli::Command::BenchBuild(opts) => bench::bench_build(&opts).map(|r| print!("{r}")),
        cli::Command::Bench(opts) => bench::bench(&opts).map(|r| print!("{r}")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod lint_tests {
    /// The `key = value` lines of each `[...lints.rust]` and `[...lints.clippy]`
    /// table of a manifest, but `unsafe_code`.
    fn lint_lines(manifest: &str, prefix: &str) -> Vec<String> {
        let mut lines = Vec::new();
        let mut inside = false;
        for line in manifest.lines().map(str::trim) {
            if line.starts_with('[') {
                inside = line == format!("[{prefix}lints.rust]")
                    || line == format!("[{prefix}lints.clippy]");
            } else if inside && line.contains('=') && !line.starts_with("unsafe_code") {
                lines.push(line.to_owned());
            }
        }
        lines.sort();
        lines
    }

    /// The xtask's lint table is the workspace's with `unsafe_code` denied:
    /// a lint added to one must be added to the other.
    #[test]
    fn lints_match_the_workspace() {
        let workspace = lint_lines(include_str!("../../Cargo.toml"), "workspace.");
        let xtask = lint_lines(include_str!("../Cargo.toml"), "");
        assert!(!workspace.is_empty());
        assert_eq!(xtask, workspace);
    }
}
