//! The extraction cache: every article's ingested form and claims, kept
//! between builds and keyed by file name, content hash and extractor version,
//! so that a rebuild ingests and extracts again only the files that changed.
//!
//! Entries are spread over [`SHARDS`] files (postcard, a compact serde
//! format) by a hash of the file name: few files to open when loading, and one
//! new article rewrites one small shard, not the whole cache. Beside them,
//! `reconcile-memo.bin` keeps reconcile's [`ReconcileMemo`] under the same key.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use ledger_reconcile::{CopySketch, ReconcileMemo};
use ledger_types::{Article, Claim};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Bump when the layout of the cache files changes.
const FORMAT: u32 = 6;
/// Files the cache is spread over.
pub const SHARDS: usize = 64;

/// The shard that holds `file`'s entry.
pub fn shard_of(file: &str) -> usize {
    (xxhash_rust::xxh3::xxh3_64(file.as_bytes()) % SHARDS as u64) as usize
}

fn shard_path(dir: &Path, shard: usize) -> std::path::PathBuf {
    dir.join(format!("extractions-{shard:02}.bin"))
}

/// The file that keeps reconcile's memo (see [`ReconcileMemo`]) between builds.
const MEMO_FILE: &str = "reconcile-memo.bin";

/// The cache of one build: what the last build left, taken entry by entry.
#[derive(Debug, Default)]
pub struct ExtractionCache {
    entries: HashMap<String, Entry>,
}

/// Encoded shards to write (see [`ExtractionCache::encode`]): each path
/// with its bytes, or None for a shard left with no entries.
#[derive(Debug)]
pub struct ShardWrites {
    dir: PathBuf,
    shards: Vec<(PathBuf, Option<Vec<u8>>)>,
}

impl ShardWrites {
    /// Writes each shard through a temporary file, so that a crash never
    /// leaves half a shard, and removes the shards left empty.
    pub fn write(self) -> Result<(), String> {
        fs::create_dir_all(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        for (path, bytes) in self.shards {
            match bytes {
                Some(bytes) => crate::site_writer::write_atomically(&path, &bytes)?,
                None => {
                    let _ = fs::remove_file(&path);
                }
            }
        }
        Ok(())
    }
}

/// A file's size, modification time (ns) and inode (0 where there is none):
/// when all are unchanged the file is not even read again. The inode tells a
/// file replaced by another of the same size and time (`cp -p`, a link
/// pointed elsewhere) from the one that was read.
pub type Stamp = (u64, u128, u64);

#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    file: String,
    stamp: Option<Stamp>,
    content_hash: u128,
    article: Article,
    claims: Vec<Claim>,
    sketch: CopySketch,
}

/// The same fields as [`Entry`], borrowed, for writing without copies.
#[derive(Serialize)]
struct EntryRef<'a> {
    file: &'a str,
    stamp: Option<Stamp>,
    content_hash: u128,
    article: &'a Article,
    claims: &'a [Claim],
    sketch: &'a CopySketch,
}

/// What a shard starts with: read first, so that entries written by another
/// extractor (whose claims may have another layout) are never decoded.
#[derive(Deserialize)]
struct CacheHeader {
    format: u32,
    key: String,
}

#[derive(Serialize)]
struct CacheFileRef<'a> {
    format: u32,
    key: &'a str,
    entries: Vec<EntryRef<'a>>,
}

/// What one cached article is: (file name, stamp, content hash, article, claims,
/// copy sketch).
pub type Cached<'a> = (
    &'a str,
    Option<Stamp>,
    u128,
    &'a Article,
    &'a [Claim],
    &'a CopySketch,
);

/// What the cache holds of one file: the article, its claims and its copy sketch.
pub type Extracted = (Article, Vec<Claim>, CopySketch);

impl ExtractionCache {
    /// The cache in `dir` as far as it was written under the same `key`
    /// (extractor version and user data); problems reading it are returned as
    /// warnings, and what could not be read is simply extracted again.
    pub fn load(dir: &Path, key: &str) -> (ExtractionCache, Vec<String>) {
        let shards: Vec<Result<Vec<Entry>, String>> = (0..SHARDS)
            .into_par_iter()
            .map(|shard| load_shard(&shard_path(dir, shard), key))
            .collect();
        let mut cache = ExtractionCache::default();
        let mut warnings = Vec::new();
        for shard in shards {
            match shard {
                Ok(entries) => cache
                    .entries
                    .extend(entries.into_iter().map(|e| (e.file.clone(), e))),
                Err(w) => warnings.push(w),
            }
        }
        (cache, warnings)
    }

    /// Shards holding entries not taken yet: files gone or changed since.
    pub fn stale_shards(&self) -> BTreeSet<usize> {
        self.entries.keys().map(|f| shard_of(f)).collect()
    }

    /// The cached result and content hash for `file` if its size and
    /// modification time are still `stamp`, so that it need not be read.
    pub fn take_unchanged(
        &mut self,
        file: &str,
        stamp: Option<Stamp>,
    ) -> Option<(u128, Extracted)> {
        let entry = self.entries.get(file)?;
        if stamp.is_none() || entry.stamp != stamp {
            return None;
        }
        let entry = self.entries.remove(file)?;
        Some((
            entry.content_hash,
            (entry.article, entry.claims, entry.sketch),
        ))
    }

    /// The cached result for `file` if its content is still `content_hash`.
    pub fn take(&mut self, file: &str, content_hash: u128) -> Option<Extracted> {
        let entry = self.entries.remove(file)?;
        (entry.content_hash == content_hash).then_some((entry.article, entry.claims, entry.sketch))
    }

    /// Encodes the shards in `dirty` from `entries` (all of this build's
    /// articles), ready for [`ShardWrites::write`]: the encoding borrows the
    /// entries, the writing does not and can go on while the build does.
    pub fn encode(
        dir: &Path,
        key: &str,
        entries: &[Cached<'_>],
        dirty: &BTreeSet<usize>,
    ) -> Result<ShardWrites, String> {
        let mut by_shard: Vec<Vec<EntryRef<'_>>> = (0..SHARDS).map(|_| Vec::new()).collect();
        for &(file, stamp, content_hash, article, claims, sketch) in entries {
            let shard = shard_of(file);
            if dirty.contains(&shard)
                && let Some(list) = by_shard.get_mut(shard)
            {
                list.push(EntryRef {
                    file,
                    stamp,
                    content_hash,
                    article,
                    claims,
                    sketch,
                });
            }
        }
        let shards = by_shard
            .into_par_iter()
            .enumerate()
            .filter(|(shard, _)| dirty.contains(shard))
            .map(|(shard, entries)| {
                let path = shard_path(dir, shard);
                if entries.is_empty() {
                    return Ok((path, None));
                }
                let file = CacheFileRef {
                    format: FORMAT,
                    key,
                    entries,
                };
                let bytes = postcard::to_stdvec(&file).map_err(|e| format!("cache: {e}"))?;
                Ok((path, Some(bytes)))
            })
            .collect::<Result<_, String>>()?;
        Ok(ShardWrites {
            dir: dir.to_path_buf(),
            shards,
        })
    }

    /// The reconcile memo the last build left under the same `key`; an empty
    /// one when there is none, and with a warning when it cannot be read.
    pub fn load_memo(dir: &Path, key: &str) -> (ReconcileMemo, Option<String>) {
        match read_cache_file::<ReconcileMemo>(&dir.join(MEMO_FILE), key) {
            Ok(None) => {
                // Earlier builds kept only the copy memo, under another name.
                let _ = fs::remove_file(dir.join("copy-memo.bin"));
                (ReconcileMemo::default(), None)
            }
            Ok(Some(memo)) => (memo, None),
            Err(warning) => (ReconcileMemo::default(), Some(warning)),
        }
    }

    pub fn save_memo(dir: &Path, key: &str, memo: &ReconcileMemo) -> Result<(), String> {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let file = MemoFileRef {
            format: FORMAT,
            key,
            memo,
        };
        write_postcard(&dir.join(MEMO_FILE), &file)
    }
}

#[derive(Serialize)]
struct MemoFileRef<'a> {
    format: u32,
    key: &'a str,
    memo: &'a ReconcileMemo,
}

/// Writes `value`, serialised, to `path`; a build that crashes never leaves
/// half a file.
fn write_postcard<T: Serialize>(path: &Path, value: &T) -> Result<(), String> {
    let bytes = postcard::to_stdvec(value).map_err(|e| format!("cache: {e}"))?;
    crate::site_writer::write_atomically(path, &bytes)
}

/// One shard's entries (see [`read_cache_file`]).
fn load_shard(path: &Path, key: &str) -> Result<Vec<Entry>, String> {
    read_cache_file(path, key).map(Option::unwrap_or_default)
}

/// What a cache file holds after its header; None (silently) when it is
/// missing or was written by another extractor version, an error (a
/// warning to print) when it is unreadable.
fn read_cache_file<T: DeserializeOwned>(path: &Path, key: &str) -> Result<Option<T>, String> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: cache not read ({e})", path.display())),
    };
    let unreadable = |e: postcard::Error| {
        format!(
            "{}: cache unreadable ({e}); what it held is computed again",
            path.display()
        )
    };
    let (header, rest) = postcard::take_from_bytes::<CacheHeader>(&bytes).map_err(unreadable)?;
    if header.format != FORMAT || header.key != key {
        // Another extractor version or other user data: every result may differ.
        return Ok(None);
    }
    postcard::from_bytes::<T>(rest)
        .map(Some)
        .map_err(unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_stale_ones_are_refused() {
        let dir = std::env::temp_dir().join(format!("ledger-cache-test-{}", std::process::id()));
        let article = ledger_extract::ingest::read_article(
            "a.md",
            b"---\ndate: 2017-06-03\n---\n\nAt least 12 civilians were killed in Raqqa on Monday.\n",
        );
        let claims = ledger_extract::Extractor::builtin()
            .map(|x| x.extract(&article).claims)
            .unwrap_or_default();
        assert!(!claims.is_empty());
        let sketch = ledger_reconcile::copy_sketch(&article);
        let all: BTreeSet<usize> = (0..SHARDS).collect();
        let stamp = Some((10, 20, 30));
        ExtractionCache::encode(
            &dir,
            "k1",
            &[("a.md", stamp, 7, &article, &claims, &sketch)],
            &all,
        )
        .and_then(ShardWrites::write)
        .expect("saved");

        let (mut cache, warnings) = ExtractionCache::load(&dir, "k1");
        assert!(warnings.is_empty());
        assert_eq!(
            cache.take("a.md", 7),
            Some((article.clone(), claims.clone(), sketch.clone()))
        );
        let (mut cache, _) = ExtractionCache::load(&dir, "k1");
        assert_eq!(
            cache.take_unchanged("a.md", Some((10, 21, 30))),
            None,
            "touched"
        );
        assert_eq!(
            cache.take_unchanged("a.md", stamp),
            Some((7, (article.clone(), claims.clone(), sketch.clone())))
        );
        let (mut cache, _) = ExtractionCache::load(&dir, "k1");
        assert_eq!(cache.take("a.md", 8), None, "content changed");
        let (mut cache, _) = ExtractionCache::load(&dir, "k2");
        assert_eq!(cache.take("a.md", 7), None, "other extractor version");

        fs::write(shard_path(&dir, shard_of("a.md")), b"garbage").expect("written");
        let (mut cache, warnings) = ExtractionCache::load(&dir, "k1");
        assert!(
            warnings.iter().any(|w| w.contains("unreadable")),
            "{warnings:?}"
        );
        assert_eq!(cache.take("a.md", 7), None);
        let _ = fs::remove_dir_all(&dir);
    }
}
