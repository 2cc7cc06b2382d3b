//! The extraction cache: every article's ingested form and claims, kept
//! between builds and keyed by file name, content hash and extractor version,
//! so that a rebuild ingests and extracts again only the files that changed.
//!
//! One file (postcard, a compact serde format) holds the whole corpus: reading
//! one file is far cheaper than opening one per article.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use ledger_types::{Article, Claim};
use serde::{Deserialize, Serialize};

/// Bump when the layout of the cache file changes.
const FORMAT: u32 = 1;

/// The cache of one build: what the last build left, taken entry by entry.
#[derive(Debug, Default)]
pub struct ExtractionCache {
    entries: HashMap<String, Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    file: String,
    content_hash: u128,
    article: Article,
    claims: Vec<Claim>,
}

/// The same fields as [`Entry`], borrowed, for writing without copies.
#[derive(Serialize)]
struct EntryRef<'a> {
    file: &'a str,
    content_hash: u128,
    article: &'a Article,
    claims: &'a [Claim],
}

#[derive(Deserialize)]
struct CacheFile {
    format: u32,
    key: String,
    entries: Vec<Entry>,
}

#[derive(Serialize)]
struct CacheFileRef<'a> {
    format: u32,
    key: &'a str,
    entries: Vec<EntryRef<'a>>,
}

/// What one cached article is: (file name, content hash, article, claims).
pub type Cached<'a> = (&'a str, u128, &'a Article, &'a [Claim]);

impl ExtractionCache {
    /// The cache at `path` if it was written under the same `key` (extractor
    /// version and user data); an empty cache, and why, otherwise.
    pub fn load(path: &Path, key: &str) -> (ExtractionCache, Option<String>) {
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (ExtractionCache::default(), None);
            }
            Err(e) => {
                return (
                    ExtractionCache::default(),
                    Some(format!(
                        "{}: cache not read ({e}); extracting all",
                        path.display()
                    )),
                );
            }
        };
        match postcard::from_bytes::<CacheFile>(&bytes) {
            Ok(file) if file.format == FORMAT && file.key == key => {
                let entries = file
                    .entries
                    .into_iter()
                    .map(|e| (e.file.clone(), e))
                    .collect();
                (ExtractionCache { entries }, None)
            }
            // Another extractor version or other user data: every result may differ.
            Ok(_) => (ExtractionCache::default(), None),
            Err(e) => (
                ExtractionCache::default(),
                Some(format!(
                    "{}: cache unreadable ({e}); extracting all",
                    path.display()
                )),
            ),
        }
    }

    /// Entries not taken yet.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The cached result for `file` if its content is still `content_hash`.
    pub fn take(&mut self, file: &str, content_hash: u128) -> Option<(Article, Vec<Claim>)> {
        let entry = self.entries.remove(file)?;
        (entry.content_hash == content_hash).then_some((entry.article, entry.claims))
    }

    /// Writes `entries` as the cache for the next build (to a temporary file
    /// first, so a crash never leaves half a cache).
    pub fn save(path: &Path, key: &str, entries: &[Cached<'_>]) -> Result<(), String> {
        let file = CacheFileRef {
            format: FORMAT,
            key,
            entries: entries
                .iter()
                .map(|&(file, content_hash, article, claims)| EntryRef {
                    file,
                    content_hash,
                    article,
                    claims,
                })
                .collect(),
        };
        let bytes = postcard::to_stdvec(&file).map_err(|e| format!("cache: {e}"))?;
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let temp = path.with_extension(format!("tmp-{}", std::process::id()));
        fs::write(&temp, bytes).map_err(|e| format!("{}: {e}", temp.display()))?;
        fs::rename(&temp, path).map_err(|e| format!("{}: {e}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_stale_ones_are_refused() {
        let dir = std::env::temp_dir().join(format!("ledger-cache-test-{}", std::process::id()));
        let path = dir.join("extractions.bin");
        let article = ledger_extract::ingest::read_article(
            "a.md",
            b"---\ndate: 2017-06-03\n---\n\nAt least 12 civilians were killed in Raqqa on Monday.\n",
        );
        let claims = ledger_extract::Extractor::builtin()
            .map(|x| x.extract(&article).claims)
            .unwrap_or_default();
        assert!(!claims.is_empty());
        ExtractionCache::save(&path, "k1", &[("a.md", 7, &article, &claims)]).expect("saved");

        let (mut cache, warning) = ExtractionCache::load(&path, "k1");
        assert_eq!(warning, None);
        assert_eq!(
            cache.take("a.md", 7),
            Some((article.clone(), claims.clone()))
        );
        let (mut cache, _) = ExtractionCache::load(&path, "k1");
        assert_eq!(cache.take("a.md", 8), None, "content changed");
        let (mut cache, _) = ExtractionCache::load(&path, "k2");
        assert_eq!(cache.take("a.md", 7), None, "other extractor version");

        fs::write(&path, b"garbage").expect("written");
        let (mut cache, warning) = ExtractionCache::load(&path, "k1");
        assert!(warning.is_some_and(|w| w.contains("unreadable")));
        assert_eq!(cache.take("a.md", 7), None);
        let _ = fs::remove_dir_all(&dir);
    }
}
