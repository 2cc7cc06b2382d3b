//! `watch`: build, then rebuild whenever a file in the articles folder, or
//! the user's place, party or template files, is added, changed or removed.
//! Rebuilds are incremental (see `build`), so one new article costs a fraction
//! of the first build.

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
    // The articles, and the user's own places, parties and templates: a change
    // to any of them changes the site. A single file is watched through its
    // folder, since editors save by replacing the file.
    let user_files: Vec<&Path> = [opts.gazetteer.as_deref(), opts.parties.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let folders = std::iter::once(opts.articles.as_path())
        .chain(opts.templates.as_deref())
        .chain(
            user_files
                .iter()
                .map(|f| f.parent().unwrap_or(Path::new("."))),
        );
    for folder in folders {
        let folder = if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        };
        debouncer
            .watcher()
            .watch(folder, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
    }
    let relevant = |path: &Path| {
        let name = path.file_name();
        let in_folder = |folder: &Path| path.parent().is_some_and(|p| same_folder(p, folder));
        (in_folder(&opts.articles) && is_article_change(path))
            || opts.templates.as_deref().is_some_and(in_folder)
            || user_files
                .iter()
                .any(|f| f.file_name() == name && in_folder(f.parent().unwrap_or(Path::new("."))))
    };
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
                let changed: Vec<_> = events.iter().filter(|e| relevant(&e.path)).collect();
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

/// Whether two folder paths name one folder (events may carry absolute paths).
fn same_folder(a: &Path, b: &Path) -> bool {
    let b = if b.as_os_str().is_empty() {
        Path::new(".")
    } else {
        b
    };
    a == b
        || match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
}

/// Hidden files (editors' swap and temporary files) do not trigger a build.
fn is_article_change(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| !n.starts_with('.') && !n.ends_with('~'))
}
