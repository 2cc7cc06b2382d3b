//! `watch`: build, then rebuild whenever a file in the articles folder is
//! added, changed or removed. Rebuilds are incremental (see `build`), so one
//! new article costs a fraction of the first build.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};

use crate::build::build_report;
use crate::cli::BuildOptions;

/// Changes closer together than this are one rebuild (an editor's save, a
/// scraper dropping a batch of files).
const QUIET: Duration = Duration::from_millis(300);

/// Builds, then rebuilds on every change until interrupted, or until
/// `max_builds` builds have run (for scripts and tests).
pub fn watch(opts: &BuildOptions, max_builds: Option<usize>) -> Result<(), String> {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(QUIET, tx).map_err(|e| format!("cannot watch: {e}"))?;
    debouncer
        .watcher()
        .watch(&opts.articles, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", opts.articles.display()))?;
    let mut builds = 0;
    let mut build = || {
        match build_report(opts) {
            Ok(summary) => eprintln!("{summary}"),
            // A failed build is reported and the watch goes on: the next save may fix it.
            Err(e) => eprintln!("error: {e}"),
        }
        builds += 1;
        max_builds.is_some_and(|max| builds >= max)
    };
    if build() {
        return Ok(());
    }
    eprintln!(
        "watching {} for changes (Ctrl-C to stop)",
        opts.articles.display()
    );
    for result in rx {
        match result {
            Ok(events) => {
                let changed: Vec<_> = events
                    .iter()
                    .filter(|e| is_article_change(&e.path))
                    .collect();
                if changed.is_empty() {
                    continue;
                }
                for event in &changed {
                    eprintln!("changed: {}", event.path.display());
                }
                if build() {
                    return Ok(());
                }
            }
            Err(e) => eprintln!("watch error: {e}"),
        }
    }
    Ok(())
}

/// Hidden files (editors' swap and temporary files) do not trigger a build.
fn is_article_change(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| !n.starts_with('.') && !n.ends_with('~'))
}
