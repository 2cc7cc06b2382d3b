//! Writing the site to disk, in parallel over its parts.
//!
//! A first build (or one after the site's manifest went missing) writes every
//! file into a temporary folder beside the output and swaps it in whole, so a
//! build that crashes never leaves half a site. A rebuild over a site with a
//! manifest renders only the pages whose fingerprint changed and writes only
//! the files whose bytes changed, each through a temporary file that takes
//! the old one's place in one step, so every file is always whole. (Nothing is
//! forced to the disk: after a power cut, the last files written may be
//! empty, as after any program that does not sync.) The manifest is renamed
//! away while that happens: a build that dies half way leaves none, and the
//! next build is a full one. The
//! large exports are made of chunks (see [`Site::chunk_fingerprints`]): the
//! manifest keeps each chunk's fingerprint and length, and a rebuild takes
//! the chunks that did not change from the file already there.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use indicatif::ProgressBar;
use ledger_report::{Site, SitePart};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::trash::{Rubbish, Trash};

/// The manifest's name inside the site.
pub const MANIFEST: &str = ".ledger-manifest";
/// The name of the chunked files' [`Stamps`] in the cache folder.
pub const STAMPS: &str = "site-stamps.json";
const FORMAT: u32 = 4;

/// What the last build wrote: enough to know what the next one may skip.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    /// Part path -> fingerprint of what it was rendered from.
    parts: BTreeMap<String, u64>,
    /// File path -> hash of its bytes.
    files: BTreeMap<String, u64>,
    /// Files written in chunks, by path.
    #[serde(default)]
    chunked: BTreeMap<String, ChunkedFile>,
}

/// A file written in chunks, as the last build left it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct ChunkedFile {
    /// (fingerprint, length) of each chunk, in order.
    chunks: Vec<(u64, u64)>,
}

/// File path -> the length and modification time a chunked file had once
/// written: a file that no longer has them was changed by someone else, and
/// none of its bytes is taken again. Kept outside the site (in the cache),
/// so that the site itself stays byte-identical from build to build.
pub type Stamps = BTreeMap<String, Stamp>;

/// A file's length and modification time (nanoseconds since 1970).
pub type Stamp = (u64, i128);

/// A chunked file's chunks, and its stamp if known.
type ChunkedOutcome = (ChunkedFile, Option<Stamp>);

/// What writing the site did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Whether the site was updated in place (false: built whole and swapped in).
    pub incremental: bool,
    pub pages_rendered: usize,
    pub files_written: usize,
    pub files_unchanged: usize,
    pub files_removed: usize,
}

/// A file of a part: (path, hash of its bytes, whether it was written).
type WrittenFile = (String, u64, bool);

/// One part's outcome: its fingerprint and its files, with whether each was
/// written.
struct PartOutcome {
    path: String,
    fingerprint: Option<u64>,
    rendered: bool,
    files: Vec<WrittenFile>,
    /// For a part written in chunks: its chunks, and its stamp if known.
    chunks: Option<ChunkedOutcome>,
}

/// What the last build left: the site's manifest and the chunked files'
/// [`Stamps`]. Read by [`read_previous`] while the build does other work.
#[derive(Debug, Default)]
pub struct Previous {
    manifest: Option<Manifest>,
    stamps: Stamps,
    /// Where the stamps are kept (none: no chunk is taken from the files
    /// already there).
    stamps_path: Option<PathBuf>,
}

/// Reads what the last build into `out` left (`stamps`: where the chunked
/// files' stamps are kept); nothing, if it is missing or unreadable.
pub fn read_previous(out: &Path, stamps: Option<&Path>) -> Previous {
    Previous {
        manifest: read_manifest(out),
        stamps: stamps
            .and_then(|path| fs::read(path).ok())
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default(),
        stamps_path: stamps.map(Path::to_path_buf),
    }
}

/// Writes `site` to `out`, incrementally when `previous` holds the site's
/// manifest; the chunked files' new [`Stamps`] go where `previous` found
/// theirs.
pub fn write_site(
    out: &Path,
    site: &Site<'_>,
    progress: &ProgressBar,
    previous: Previous,
) -> Result<WriteStats, String> {
    let Previous {
        manifest,
        stamps: old_stamps,
        stamps_path,
    } = previous;
    let (stats, outcomes) = match &manifest {
        Some(old) => write_incremental(out, site, old, &old_stamps, progress)?,
        None => write_whole(out, site, progress)?,
    };
    if let Some(path) = &stamps_path {
        let new: Stamps = outcomes
            .iter()
            .filter_map(|o| Some((o.path.clone(), o.chunks.as_ref()?.1?)))
            .collect();
        if new != old_stamps {
            let saved = serde_json::to_vec(&new)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    if let Some(dir) = path.parent() {
                        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                    }
                    write_atomically(path, &bytes)
                });
            // Stamps that cannot be kept cost speed, not results.
            if let Err(e) = saved {
                eprintln!("{e}");
            }
        }
    }
    // Tens of thousands of paths each: freed while the build goes on.
    crate::drop_later((manifest, outcomes));
    Ok(stats)
}

fn read_manifest(out: &Path) -> Option<Manifest> {
    let bytes = fs::read(out.join(MANIFEST)).ok()?;
    // postcard, not JSON: a rebuild reads and writes one entry per page,
    // tens of thousands, on its critical path.
    postcard::from_bytes::<Manifest>(&bytes)
        .ok()
        .filter(|m| m.format == FORMAT)
}

fn write_whole(
    out: &Path,
    site: &Site<'_>,
    progress: &ProgressBar,
) -> Result<(WriteStats, Vec<PartOutcome>), String> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    let base = out
        .file_name()
        .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
    let staging = parent.join(format!(".{base}.building-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    let result = (|| -> Result<Vec<PartOutcome>, String> {
        // A fresh folder: nothing in it is replaced.
        let trash = Trash::now();
        let outcomes = render_parts(&Writing {
            site,
            dir: &staging,
            old: None,
            stamps: &Stamps::new(),
            progress,
            trash: &trash,
        })?;
        let manifest = manifest_of(&outcomes);
        write_file(&staging, MANIFEST, &manifest, &trash)?;
        Ok(outcomes)
    })();
    let outcomes = match result {
        Ok(o) => o,
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    let old = parent.join(format!(".{base}.old-{}", std::process::id()));
    if out.exists() {
        fs::rename(out, &old).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    fs::rename(&staging, out).map_err(|e| format!("{}: {e}", out.display()))?;
    let _ = fs::remove_dir_all(&old);
    let mut stats = stats_of(&outcomes);
    stats.incremental = false;
    Ok((stats, outcomes))
}

fn write_incremental(
    out: &Path,
    site: &Site<'_>,
    old: &Manifest,
    stamps: &Stamps,
    progress: &ProgressBar,
) -> Result<(WriteStats, Vec<PartOutcome>), String> {
    // Replaced files are deleted off the build's path, and all of them
    // before the new manifest is written: a manifest in place means a site
    // with nothing left over (dropped on an early return, it is emptied too).
    let trash = Trash::background();
    // Gone until the site is consistent again: a crash from here on makes the
    // next build a whole one. Renamed, then deleted with the replaced files.
    let manifest_path = out.join(MANIFEST);
    let gone = out.join(format!(".{MANIFEST}.old-{}", std::process::id()));
    fs::rename(&manifest_path, &gone).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    trash.throw(Rubbish::File(gone));
    let outcomes = render_parts(&Writing {
        site,
        dir: out,
        old: Some(old),
        stamps,
        progress,
        trash: &trash,
    })?;
    let manifest = manifest_of(&outcomes);
    let mut removed = 0;
    for path in old.files.keys() {
        if !manifest.files.contains_key(path)
            && safe_path(path).is_ok()
            && fs::remove_file(out.join(path)).is_ok()
        {
            removed += 1;
        }
    }
    drop(trash);
    write_file(out, MANIFEST, &manifest, &Trash::now())?;
    let mut stats = stats_of(&outcomes);
    stats.incremental = true;
    stats.files_removed = removed;
    Ok((stats, outcomes))
}

/// What every part of one write of a site shares.
#[derive(Clone, Copy)]
struct Writing<'a, 's> {
    site: &'a Site<'s>,
    /// The folder the site is written into.
    dir: &'a Path,
    /// The manifest of the site already in `dir`, if any.
    old: Option<&'a Manifest>,
    /// The chunked files' stamps as the last build left them.
    stamps: &'a Stamps,
    progress: &'a ProgressBar,
    /// Where replaced files go.
    trash: &'a Trash,
}

/// Renders every part in parallel and writes its files into `dir`; outcomes
/// in part order. Against the `old` manifest of a site in `dir`, a part whose
/// fingerprint still holds is not rendered, a file whose bytes are unchanged
/// not written, and files are replaced atomically.
fn render_parts(writing: &Writing<'_, '_>) -> Result<Vec<PartOutcome>, String> {
    let Writing { site, progress, .. } = *writing;
    progress.set_length(site.parts().len() as u64);
    // Row hashes first, on every thread: the large parts, which come first,
    // would otherwise each wait for the other to hash the same rows.
    (0..site.preparations())
        .into_par_iter()
        .try_for_each(|k| site.prepare(k))
        .map_err(|e| e.to_string())?;
    let paths = site.parts().iter().map(|p| p.path.as_str());
    let order = &FolderQueues::new(paths, rayon::current_num_threads());
    let mut outcomes = (0..order.threads())
        .into_par_iter()
        .flat_map_iter(|thread| {
            std::iter::from_fn(move || order.next(thread))
                .map(|i| (i, render_part(writing, &site.parts()[i])))
        })
        .collect::<Vec<_>>();
    outcomes.sort_unstable_by_key(|(i, _)| *i);
    outcomes.into_iter().map(|(_, outcome)| outcome).collect()
}

/// The order in which threads take parts: first, in list order, every part
/// outside the large folders (the large exports come first in the list and
/// so spread over the threads at the start); then each thread the pages of a
/// large folder of its own (threads beyond the number of large folders
/// share them), and when that is done the pages left in the fullest one.
/// Creating a file locks its folder: two threads creating files in one
/// folder took turns, the waiting one spinning. A large folder holds at
/// least a share of the parts that one of twice the threads would take: a
/// site's `articles/` and `incidents/`, never its few `data/` exports.
struct FolderQueues {
    /// Parts by queue: the shared one first, then one per large folder.
    queues: Vec<Vec<usize>>,
    /// Per queue, the next position to take.
    taken: Vec<std::sync::atomic::AtomicUsize>,
    threads: usize,
}

impl FolderQueues {
    /// `paths`: the parts' paths, in part order.
    fn new<'p>(paths: impl Iterator<Item = &'p str>, threads: usize) -> FolderQueues {
        let threads = threads.max(1);
        let folders: Vec<&str> = paths
            .map(|p| p.rsplit_once('/').map_or("", |(dir, _)| dir))
            .collect();
        let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
        for folder in &folders {
            *sizes.entry(folder).or_default() += 1;
        }
        let mut largest: Vec<(usize, &str)> = sizes.into_iter().map(|(f, n)| (n, f)).collect();
        // Largest first; by name at a tie, so that the order is the same every build.
        largest.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        largest.truncate(threads);
        let large = folders.len() / (2 * threads);
        largest.retain(|&(n, _)| n > large);
        let mut queues = vec![Vec::new(); largest.len() + 1];
        for (i, own) in folders.iter().enumerate() {
            let q = largest
                .iter()
                .position(|(_, f)| f == own)
                .map_or(0, |k| k + 1);
            queues[q].push(i);
        }
        let taken = queues.iter().map(|_| Default::default()).collect();
        FolderQueues {
            queues,
            taken,
            threads,
        }
    }

    fn threads(&self) -> usize {
        self.threads
    }

    /// The next part for `thread` to render, None when all are taken.
    fn next(&self, thread: usize) -> Option<usize> {
        let take = |q: usize| {
            let k = self.taken[q].fetch_add(1, Ordering::Relaxed);
            self.queues[q].get(k).copied()
        };
        let own = 1 + thread % (self.queues.len() - 1).max(1);
        if let Some(i) = take(0).or_else(|| self.queues.get(own).and_then(|_| take(own))) {
            return Some(i);
        }
        loop {
            let (fullest, left) = (1..self.queues.len())
                .map(|q| {
                    let taken = self.taken[q].load(Ordering::Relaxed);
                    (q, self.queues[q].len().saturating_sub(taken))
                })
                .max_by_key(|&(_, left)| left)?;
            if left == 0 {
                return None;
            }
            if let Some(i) = take(fullest) {
                return Some(i);
            }
        }
    }
}

/// One part's outcome (see [`render_parts`]).
fn render_part(writing: &Writing<'_, '_>, part: &SitePart) -> Result<PartOutcome, String> {
    let Writing {
        site,
        dir,
        old,
        stamps,
        progress,
        trash,
    } = *writing;
    let no_files = BTreeMap::new();
    let old_files = old.map_or(&no_files, |m| &m.files);
    let fingerprint = site.fingerprint(part).map_err(|e| e.to_string())?;
    let kept = old
        .and_then(|m| m.parts.get(&part.path))
        .filter(|&&f| Some(f) == fingerprint)
        .and_then(|_| old_files.get(&part.path));
    let outcome = match kept {
        Some(&hash) => PartOutcome {
            path: part.path.clone(),
            fingerprint,
            rendered: false,
            files: vec![(part.path.clone(), hash, false)],
            chunks: old
                .and_then(|m| m.chunked.get(&part.path))
                .map(|c| (c.clone(), stamps.get(&part.path).copied())),
        },
        None => {
            let (written, chunks) = match site.chunk_fingerprints(part) {
                Some(fingerprints) => {
                    let fingerprints = fingerprints.map_err(|e| e.to_string())?;
                    let (file, chunks) = write_chunked(writing, part, &fingerprints)?;
                    (vec![file], Some(chunks))
                }
                None => {
                    let files = site.render(part).map_err(|e| e.to_string())?;
                    let mut written = Vec::with_capacity(files.len());
                    for file in files {
                        let hash = xxh3_64(&file.bytes);
                        let unchanged = old_files.get(&file.path) == Some(&hash);
                        if !unchanged {
                            write_output(dir, &file.path, old.is_some(), trash, &|out| {
                                out.write_all(&file.bytes)
                            })?;
                        }
                        written.push((file.path, hash, !unchanged));
                    }
                    (written, None)
                }
            };
            PartOutcome {
                path: part.path.clone(),
                fingerprint,
                rendered: true,
                files: written,
                chunks,
            }
        }
    };
    progress.inc(1);
    Ok(outcome)
}

/// A chunk of a file being written: the bytes of a chunk the file already
/// there holds (offset, length), or new bytes.
enum Piece {
    Kept(u64, u64),
    New(Vec<u8>),
}

impl Piece {
    fn len(&self) -> u64 {
        match self {
            Piece::Kept(_, n) => *n,
            Piece::New(bytes) => bytes.len() as u64,
        }
    }
}

/// A part written in chunks: each chunk whose fingerprint the `old`
/// manifest lists for the file in `dir` is copied from that file (by the
/// kernel, never read into memory) when the file still has its stamp in
/// `stamps`; the others are rendered. The file's hash in the manifest is
/// that of its chunk list: equal fingerprints, equal bytes.
fn write_chunked(
    writing: &Writing<'_, '_>,
    part: &SitePart,
    fingerprints: &[u64],
) -> Result<(WrittenFile, ChunkedOutcome), String> {
    let Writing {
        site,
        dir,
        old,
        stamps,
        trash,
        ..
    } = *writing;
    safe_path(&part.path)?;
    let path = dir.join(&part.path);
    let previous = old.and_then(|m| m.chunked.get(&part.path));
    let stamp = stamps.get(&part.path).copied();
    let source = previous.filter(|_| stamp.is_some()).and_then(|p| {
        let file = fs::File::open(&path).ok()?;
        (stamp_of(&file.metadata().ok()?) == stamp).then_some((file, p))
    });
    let mut reusable: HashMap<u64, (u64, u64)> = HashMap::new();
    if let Some((_, previous)) = &source {
        let mut at = 0u64;
        for &(fingerprint, length) in &previous.chunks {
            reusable.entry(fingerprint).or_insert((at, length));
            at = at.saturating_add(length);
        }
    }
    let pieces: Vec<Piece> = fingerprints
        .par_iter()
        .enumerate()
        .map(|(k, fingerprint)| match reusable.get(fingerprint) {
            Some(&(at, length)) => Ok(Piece::Kept(at, length)),
            None => site
                .render_chunk(part, k)
                .map(Piece::New)
                .map_err(|e| e.to_string()),
        })
        .collect::<Result<_, String>>()?;
    let chunks: Vec<(u64, u64)> = fingerprints
        .iter()
        .zip(&pieces)
        .map(|(&f, p)| (f, p.len()))
        .collect();
    let mut hash = Xxh3::new();
    for (fingerprint, length) in &chunks {
        hash.update(&fingerprint.to_le_bytes());
        hash.update(&length.to_le_bytes());
    }
    let hash = hash.digest();
    write_output(dir, &part.path, old.is_some(), trash, &|out| {
        for piece in &pieces {
            match (piece, &source) {
                (Piece::New(bytes), _) => out.write_all(bytes)?,
                (Piece::Kept(at, length), Some((file, _))) => {
                    let mut from = file;
                    from.seek(SeekFrom::Start(*at))?;
                    // File to file: the kernel copies (copy_file_range).
                    let copied = std::io::copy(&mut from.take(*length), out)?;
                    if copied != *length {
                        return Err(std::io::Error::new(
                            std::io::ErrorKind::UnexpectedEof,
                            "the file being updated is shorter than its manifest says",
                        ));
                    }
                }
                (Piece::Kept(..), None) => {
                    return Err(std::io::Error::other("no file to copy a chunk from"));
                }
            }
        }
        Ok(())
    })?;
    // The old file, replaced and unlinked, is freed when its last handle
    // closes: the kernel then drops its pages and blocks.
    if let Some((file, _)) = source {
        trash.throw(Rubbish::Handle(file));
    }
    let stamp = fs::metadata(&path).ok().and_then(|m| stamp_of(&m));
    Ok((
        (part.path.clone(), hash, true),
        (ChunkedFile { chunks }, stamp),
    ))
}

/// A file's [`Stamp`].
fn stamp_of(metadata: &fs::Metadata) -> Option<Stamp> {
    let modified = metadata.modified().ok()?;
    let nanos = match modified.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    };
    Some((metadata.len(), nanos))
}

fn manifest_of(outcomes: &[PartOutcome]) -> Manifest {
    let mut manifest = Manifest {
        format: FORMAT,
        ..Manifest::default()
    };
    for o in outcomes {
        if let Some(f) = o.fingerprint {
            manifest.parts.insert(o.path.clone(), f);
        }
        for (path, hash, _) in &o.files {
            manifest.files.insert(path.clone(), *hash);
        }
        if let Some((chunks, _)) = &o.chunks {
            manifest.chunked.insert(o.path.clone(), chunks.clone());
        }
    }
    manifest
}

fn stats_of(outcomes: &[PartOutcome]) -> WriteStats {
    let mut stats = WriteStats::default();
    for o in outcomes {
        stats.pages_rendered += usize::from(o.rendered);
        for (_, _, written) in &o.files {
            if *written {
                stats.files_written += 1;
            } else {
                stats.files_unchanged += 1;
            }
        }
    }
    stats
}

fn write_file(dir: &Path, name: &str, manifest: &Manifest, trash: &Trash) -> Result<(), String> {
    let bytes = postcard::to_stdvec(manifest).map_err(|e| e.to_string())?;
    write_output(dir, name, true, trash, &|out| out.write_all(&bytes))
}

/// A site path must stay inside the site: no `..`, no empty or absolute parts.
fn safe_path(path: &str) -> Result<(), String> {
    if path.split('/').any(|part| part == ".." || part.is_empty()) {
        return Err(format!("refusing to write outside the site: {path}"));
    }
    Ok(())
}

/// Writes one file under `dir` with `write`; `atomic`: through a temporary
/// file that takes its place (see [`swap_in`]), for a folder that is being
/// read (a fresh staging folder is not).
fn write_output(
    dir: &Path,
    file: &str,
    atomic: bool,
    trash: &Trash,
    write: &WriteWith<'_>,
) -> Result<(), String> {
    safe_path(file)?;
    let path = dir.join(file);
    let parent = path.parent().unwrap_or(dir);
    if !atomic {
        return create_with(&path, write)
            .or_else(|e| {
                // Folders are made on first need: one check per folder, not per file.
                if e.kind() != std::io::ErrorKind::NotFound {
                    return Err(e);
                }
                fs::create_dir_all(parent)?;
                create_with(&path, write)
            })
            .map_err(|e| format!("{}: {e}", path.display()));
    }
    fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    replace_file(&path, write, trash)
}

/// What fills a file being written.
type WriteWith<'a> = dyn Fn(&mut fs::File) -> std::io::Result<()> + Sync + 'a;

/// Writes `bytes` to `path` through a temporary file beside it that then
/// takes its place, so that a reader, or the next build after a crash of
/// this one, never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    replace_file(path, &|out| out.write_all(bytes), &Trash::now())
}

/// [`write_atomically`], the file filled by `write`.
fn replace_file(path: &Path, write: &WriteWith<'_>, trash: &Trash) -> Result<(), String> {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    // Unique to this write: two threads of one process may replace one file.
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    name.push(format!(".tmp-{}-{n}", std::process::id()));
    let temp = path.with_file_name(name);
    let written = create_with(&temp, write)
        .map_err(|e| format!("{}: {e}", temp.display()))
        .and_then(|()| swap_in(&temp, path, trash).map_err(|e| format!("{}: {e}", path.display())));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// Moves `temp` to `path` in one step. ext4 (by default) writes a file out
/// before a rename over another file returns, which made replacing files a
/// large part of a rebuild: on Linux, an existing file is swapped with
/// `temp` in one step instead (no such flush), and `temp`, now the old
/// file, goes to the `trash`.
fn swap_in(temp: &Path, path: &Path, trash: &Trash) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        // A folder or anything else in the way is left to `rename`'s error.
        let is_file = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file());
        if is_file && renameat_with(CWD, temp, CWD, path, RenameFlags::EXCHANGE).is_ok() {
            // `temp` now names the old file. The new one is in place either
            // way: a leftover is said, not made the write's failure.
            trash.throw(Rubbish::File(temp.to_path_buf()));
            return Ok(());
        }
    }
    fs::rename(temp, path)
}

fn create_with(path: &Path, write: &WriteWith<'_>) -> std::io::Result<()> {
    let mut file = fs::File::create(path)?;
    write(&mut file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        crate::scratch_dir(name)
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("listing")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn each_thread_takes_the_shared_parts_then_a_folder_of_its_own() {
        let paths = [
            "data/claims.csv",
            "index.html",
            "incidents/i1.html",
            "incidents/i2.html",
            "incidents/i3.html",
            "articles/a1.html",
            "articles/a2.html",
        ];
        let order = FolderQueues::new(paths.iter().copied(), 2);
        assert_eq!(order.threads(), 2);
        let first: Vec<usize> = (0..4).filter_map(|_| order.next(0)).collect();
        // The shared parts, then the largest folder's pages.
        assert_eq!(first, [0, 1, 2, 3]);
        // The other thread starts on the next folder, then takes what is left.
        let second: Vec<usize> = std::iter::from_fn(|| order.next(1)).collect();
        assert_eq!(second, [5, 6, 4]);
        assert_eq!(order.next(0), None);
        // Many threads: a folder of a few large exports is no large
        // folder; its parts stay shared, so they still spread.
        let mut paths = vec!["data/a.csv", "data/b.csv", "index.html"];
        let pages: Vec<String> = (0..20).map(|k| format!("articles/{k}.html")).collect();
        paths.extend(pages.iter().map(String::as_str));
        let order = FolderQueues::new(paths.iter().copied(), 4);
        assert_eq!(
            (order.next(0), order.next(1), order.next(2)),
            (Some(0), Some(1), Some(2))
        );
        assert_eq!(order.next(3), Some(3));
        // One folder: every thread shares it.
        let order = FolderQueues::new(["a/1", "a/2", "a/3"].into_iter(), 2);
        assert_eq!(
            (order.next(0), order.next(1), order.next(1)),
            (Some(0), Some(1), Some(2))
        );
        assert_eq!((order.next(0), order.next(1)), (None, None));
    }

    #[test]
    fn a_file_is_replaced_whole_and_leaves_nothing_behind() {
        let dir = scratch("replace");
        let path = dir.join("page.html");
        write_atomically(&path, b"first").expect("written");
        assert_eq!(fs::read(&path).expect("read"), b"first");
        write_atomically(&path, b"second, longer").expect("replaced");
        assert_eq!(fs::read(&path).expect("read"), b"second, longer");
        assert_eq!(names(&dir), ["page.html"]);
        // A folder in the way is an error, and is left as it was.
        let folder = dir.join("folder");
        fs::create_dir(&folder).expect("folder");
        fs::write(folder.join("inside"), b"kept").expect("file in folder");
        assert!(write_atomically(&folder, b"text").is_err());
        assert_eq!(fs::read(folder.join("inside")).expect("read"), b"kept");
        assert_eq!(names(&dir), ["folder", "page.html"]);
        fs::remove_dir_all(&dir).expect("cleaned up");
    }
}
