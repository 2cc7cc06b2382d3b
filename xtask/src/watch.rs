//! `watch`: build, then rebuild whenever a file in the articles folder, or
//! the user's place, party or template files, is added, changed or removed.
//! Rebuilds are incremental (see `build`), so one new article costs a fraction
//! of the first build.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

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
    let folders: Vec<&Path> = std::iter::once(opts.articles.as_path())
        .chain(opts.templates.as_deref())
        .chain(
            user_files
                .iter()
                .map(|f| f.parent().unwrap_or(Path::new("."))),
        )
        .map(|folder| {
            if folder.as_os_str().is_empty() {
                Path::new(".")
            } else {
                folder
            }
        })
        .collect();
    for folder in &folders {
        debouncer
            .watcher()
            .watch(folder, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
    }
    let relevant = |path: &Path| {
        let name = path.file_name();
        let in_folder = |folder: &Path| path.parent().is_some_and(|p| same_folder(p, folder));
        (is_watched_name(path)
            && (in_folder(&opts.articles) || opts.templates.as_deref().is_some_and(in_folder)))
            || user_files
                .iter()
                .any(|f| f.file_name() == name && in_folder(f.parent().unwrap_or(Path::new("."))))
    };
    let mut builds = 0;
    // Stamped before each build, so that a change during a build still
    // brings the next one.
    let mut stamps = snapshot(folders.iter().copied());
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
                let changed: Vec<&Path> = events
                    .iter()
                    .map(|e| e.path.as_path())
                    .filter(|path| relevant(path))
                    .filter(|path| changed_since(&stamps, path))
                    .collect();
                if changed.is_empty() {
                    continue;
                }
                for path in &changed {
                    eprintln!("changed: {}", path.display());
                }
                stamps = snapshot(folders.iter().copied());
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

/// A file's size, modification time and (on Unix) change time and inode,
/// None when it is gone. The change time cannot be set back, so a rewrite
/// that restores the old modification time still shows.
type Stamp = Option<(u64, SystemTime, i64, u64)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let ctime = {
        use std::os::unix::fs::MetadataExt;
        meta.ctime()
            .saturating_mul(1_000_000_000)
            .saturating_add(meta.ctime_nsec())
    };
    #[cfg(not(unix))]
    let ctime = 0;
    let inode = crate::build::inode(&meta);
    Some((meta.len(), meta.modified().ok()?, ctime, inode))
}

type FileKey = (PathBuf, std::ffi::OsString);

/// Where a file is, as one key whatever path an event spells it with.
fn file_key(path: &Path) -> Option<FileKey> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Some((
        parent.canonicalize().ok()?,
        path.file_name()?.to_os_string(),
    ))
}

/// The stamps of every file in `folders`, taken just before a build. An event
/// for a file the snapshot holds with the same stamp changed nothing: the
/// watcher reports reads too (inotify's open events, the build's own), which
/// must not rebuild. A file the snapshot does not hold came after it, so it
/// changed even if it is gone again.
fn snapshot<'a>(folders: impl Iterator<Item = &'a Path>) -> HashMap<FileKey, Stamp> {
    let mut stamps = HashMap::new();
    for folder in folders {
        let (Ok(entries), Ok(canonical)) = (std::fs::read_dir(folder), folder.canonicalize())
        else {
            continue;
        };
        for entry in entries.flatten() {
            stamps.insert((canonical.clone(), entry.file_name()), stamp(&entry.path()));
        }
    }
    stamps
}

/// Did the file at `path` change since `stamps` were taken?
fn changed_since(stamps: &HashMap<FileKey, Stamp>, path: &Path) -> bool {
    match file_key(path).and_then(|k| stamps.get(&k)) {
        Some(before) => stamp(path) != *before,
        None => true,
    }
}

/// Hidden files (editors' swap and temporary files) do not trigger a build.
fn is_watched_name(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| !n.starts_with('.') && !n.ends_with('~'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn reads_change_nothing_and_every_write_or_passing_file_does() {
        let dir = crate::scratch_dir("watch");
        let kept = dir.join("kept.md");
        let edited = dir.join("edited.md");
        fs::write(&kept, "Five people were killed.").expect("write");
        fs::write(&edited, "Five people were killed.").expect("write");
        let stamps = snapshot(std::iter::once(dir.as_path()));
        // A read, as the build's own, is no change.
        let _ = fs::read(&kept);
        assert!(!changed_since(&stamps, &kept));
        // A same-size rewrite is.
        fs::write(&edited, "Nine people were killed.").expect("rewrite");
        assert!(changed_since(&stamps, &edited));
        // A file that came after the snapshot changed, even once gone again.
        let ghost = dir.join("ghost.md");
        fs::write(&ghost, "x").expect("write");
        fs::remove_file(&ghost).expect("remove");
        assert!(changed_since(&stamps, &ghost));
        // So did a file that was there and is gone.
        fs::remove_file(&kept).expect("remove");
        assert!(changed_since(&stamps, &kept));
        let _ = fs::remove_dir_all(&dir);
    }
}
