//! Writing the site to disk, in parallel over its parts.
//!
//! A first build (or one after the site's manifest went missing) writes every
//! file into a temporary folder beside the output and swaps it in whole, so a
//! crash never leaves half a site. A rebuild over a site with a manifest
//! renders only the pages whose fingerprint changed and writes only the files
//! whose bytes changed, each through a temporary file and a rename, so every
//! file is always whole. The manifest is removed while that happens: a build
//! that dies half way leaves none, and the next build is a full one. The
//! large exports are made of chunks (see [`Site::chunk_fingerprints`]): the
//! manifest keeps each chunk's fingerprint and length, and a rebuild takes
//! the chunks that did not change from the file already there.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

use indicatif::ProgressBar;
use ledger_report::{Site, SitePart};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// The manifest's name inside the site.
pub const MANIFEST: &str = ".ledger-manifest.json";
const FORMAT: u32 = 2;

/// What the last build wrote: enough to know what the next one may skip.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    /// Part path -> fingerprint of what it was rendered from.
    parts: BTreeMap<String, u64>,
    /// File path -> hash of its bytes.
    files: BTreeMap<String, u64>,
    /// Path of a file written in chunks -> (fingerprint, length) of each chunk.
    #[serde(default)]
    chunks: BTreeMap<String, Vec<(u64, u64)>>,
}

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
    /// For a part written in chunks: (fingerprint, length) of each.
    chunks: Option<Vec<(u64, u64)>>,
}

/// Writes `site` to `out`, incrementally when `out` holds a manifest.
pub fn write_site(
    out: &Path,
    site: &Site<'_>,
    progress: &ProgressBar,
) -> Result<WriteStats, String> {
    match read_manifest(out) {
        Some(old) => write_incremental(out, site, &old, progress),
        None => write_whole(out, site, progress),
    }
}

fn read_manifest(out: &Path) -> Option<Manifest> {
    let bytes = fs::read(out.join(MANIFEST)).ok()?;
    serde_json::from_slice::<Manifest>(&bytes)
        .ok()
        .filter(|m| m.format == FORMAT)
}

fn write_whole(out: &Path, site: &Site<'_>, progress: &ProgressBar) -> Result<WriteStats, String> {
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
        let outcomes = render_parts(site, progress, None, &staging)?;
        let manifest = manifest_of(&outcomes);
        write_file(&staging, MANIFEST, &manifest)?;
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
    Ok(stats)
}

fn write_incremental(
    out: &Path,
    site: &Site<'_>,
    old: &Manifest,
    progress: &ProgressBar,
) -> Result<WriteStats, String> {
    // Gone until the site is consistent again: a crash from here on makes the
    // next build a whole one.
    fs::remove_file(out.join(MANIFEST)).map_err(|e| format!("{}: {e}", out.display()))?;
    let outcomes = render_parts(site, progress, Some(old), out)?;
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
    write_file(out, MANIFEST, &manifest)?;
    let mut stats = stats_of(&outcomes);
    stats.incremental = true;
    stats.files_removed = removed;
    Ok(stats)
}

/// Renders every part in parallel and writes its files into `dir`; outcomes
/// in part order. Against the `old` manifest of a site in `dir`, a part whose
/// fingerprint still holds is not rendered, a file whose bytes are unchanged
/// not written, and files are replaced atomically.
fn render_parts(
    site: &Site<'_>,
    progress: &ProgressBar,
    old: Option<&Manifest>,
    dir: &Path,
) -> Result<Vec<PartOutcome>, String> {
    progress.set_length(site.parts().len() as u64);
    let no_files = BTreeMap::new();
    let old_files = old.map_or(&no_files, |m| &m.files);
    let outcomes = site
        .parts()
        .par_iter()
        // One part a task: the large parts come first in the list, and
        // would otherwise fall to one thread one after another.
        .with_max_len(1)
        .map(|part| {
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
                    chunks: old.and_then(|m| m.chunks.get(&part.path)).cloned(),
                },
                None => {
                    let (written, chunks) = match site.chunk_fingerprints(part) {
                        Some(fingerprints) => {
                            let fingerprints = fingerprints.map_err(|e| e.to_string())?;
                            let (file, chunks) =
                                write_chunked(site, part, &fingerprints, old, dir)?;
                            (vec![file], Some(chunks))
                        }
                        None => {
                            let files = site.render(part).map_err(|e| e.to_string())?;
                            let mut written = Vec::with_capacity(files.len());
                            for file in files {
                                let hash = xxh3_64(&file.bytes);
                                let unchanged = old_files.get(&file.path) == Some(&hash);
                                if !unchanged {
                                    write_output(dir, &file.path, &[&file.bytes], old.is_some())?;
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
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(outcomes)
}

/// A part written in chunks: each chunk whose fingerprint the `old`
/// manifest lists for the file in `dir` is taken from that file (when the
/// file is as the manifest says), the others are rendered; the pieces are
/// written one after another, not joined into one buffer first. Returns the file's (path,
/// hash, whether written) and its chunks' (fingerprint, length).
fn write_chunked(
    site: &Site<'_>,
    part: &SitePart,
    fingerprints: &[u64],
    old: Option<&Manifest>,
    dir: &Path,
) -> Result<(WrittenFile, Vec<(u64, u64)>), String> {
    let old_hash = old.and_then(|m| m.files.get(&part.path)).copied();
    let old_file = old.and_then(|m| {
        let chunks = m.chunks.get(&part.path)?;
        let bytes = fs::read(dir.join(&part.path)).ok()?;
        // A damaged manifest's lengths may overflow: then nothing is reused.
        let length = chunks
            .iter()
            .try_fold(0u64, |sum, &(_, n)| sum.checked_add(n));
        (length == Some(bytes.len() as u64) && Some(xxh3_64(&bytes)) == old_hash)
            .then_some((chunks, bytes))
    });
    let mut reusable: HashMap<u64, Range<usize>> = HashMap::new();
    if let Some((chunks, _)) = &old_file {
        let mut at = 0usize;
        for &(fingerprint, length) in chunks.iter() {
            let end = at.saturating_add(length as usize);
            reusable.entry(fingerprint).or_insert(at..end);
            at = end;
        }
    }
    let old_bytes = old_file.as_ref().map_or(&[][..], |(_, b)| b.as_slice());
    let pieces: Vec<Cow<'_, [u8]>> = fingerprints
        .par_iter()
        .enumerate()
        .map(|(k, fingerprint)| {
            match reusable
                .get(fingerprint)
                .and_then(|r| old_bytes.get(r.clone()))
            {
                Some(bytes) => Ok(Cow::Borrowed(bytes)),
                None => site
                    .render_chunk(part, k)
                    .map(Cow::Owned)
                    .map_err(|e| e.to_string()),
            }
        })
        .collect::<Result<_, String>>()?;
    let mut hash = Xxh3::new();
    for piece in &pieces {
        hash.update(piece);
    }
    let hash = hash.digest();
    let changed = old_hash != Some(hash);
    if changed {
        let slices: Vec<&[u8]> = pieces.iter().map(|p| p.as_ref()).collect();
        write_output(dir, &part.path, &slices, old.is_some())?;
    }
    let chunks = fingerprints
        .iter()
        .zip(&pieces)
        .map(|(&f, p)| (f, p.len() as u64))
        .collect();
    Ok(((part.path.clone(), hash, changed), chunks))
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
        if let Some(chunks) = &o.chunks {
            manifest.chunks.insert(o.path.clone(), chunks.clone());
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

fn write_file(dir: &Path, name: &str, manifest: &Manifest) -> Result<(), String> {
    let bytes = serde_json::to_vec(manifest).map_err(|e| e.to_string())?;
    write_output(dir, name, &[&bytes], true)
}

/// A site path must stay inside the site: no `..`, no empty or absolute parts.
fn safe_path(path: &str) -> Result<(), String> {
    if path.split('/').any(|part| part == ".." || part.is_empty()) {
        return Err(format!("refusing to write outside the site: {path}"));
    }
    Ok(())
}

/// Writes one file under `dir`, the concatenation of `pieces`; `atomic`:
/// through a temporary file and a rename, for a folder that is being read
/// (a fresh staging folder is not).
fn write_output(dir: &Path, file: &str, pieces: &[&[u8]], atomic: bool) -> Result<(), String> {
    safe_path(file)?;
    let path = dir.join(file);
    let parent = path.parent().unwrap_or(dir);
    if !atomic {
        return write_pieces(&path, pieces)
            .or_else(|e| {
                // Folders are made on first need: one check per folder, not per file.
                if e.kind() != std::io::ErrorKind::NotFound {
                    return Err(e);
                }
                fs::create_dir_all(parent)?;
                write_pieces(&path, pieces)
            })
            .map_err(|e| format!("{}: {e}", path.display()));
    }
    fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    replace_file(&path, pieces)
}

/// Writes `bytes` to `path` through a temporary file beside it and a rename,
/// so that a reader, or the next build after a crash, never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    replace_file(path, &[bytes])
}

/// [`write_atomically`], of the concatenation of `pieces`.
fn replace_file(path: &Path, pieces: &[&[u8]]) -> Result<(), String> {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".tmp-{}", std::process::id()));
    let temp = path.with_file_name(name);
    let written = write_pieces(&temp, pieces)
        .map_err(|e| format!("{}: {e}", temp.display()))
        .and_then(|()| fs::rename(&temp, path).map_err(|e| format!("{}: {e}", path.display())));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

fn write_pieces(path: &Path, pieces: &[&[u8]]) -> std::io::Result<()> {
    let mut file = fs::File::create(path)?;
    for piece in pieces {
        file.write_all(piece)?;
    }
    Ok(())
}
