//! `build-report`: folder in, site out. Files are read here, stages run in
//! parallel over articles (or come from the extraction cache), and the site
//! is written by [`site_writer`].

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Instant, UNIX_EPOCH};

use indicatif::{ProgressBar, ProgressStyle};
use ledger_extract::{Extractor, ingest};
use ledger_reconcile::ReconcileMemo;
use ledger_types::{Article, ArticleStatus, MethodNotes, Problem};
use rayon::prelude::*;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use crate::cache::{self, Cached, Extracted, ExtractionCache, Stamp};
use crate::cli::BuildOptions;
use crate::site_writer::{self, WriteStats};

/// File endings read as articles.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// What a build did, printed as its last line.
#[derive(Debug)]
pub struct Summary {
    pub articles: usize,
    /// Articles whose extraction came from the cache.
    pub from_cache: usize,
    pub skipped: BTreeMap<String, usize>,
    pub claims: usize,
    pub incidents: usize,
    pub written: WriteStats,
    pub seconds: f64,
    /// Wall time of each phase, in order: (phase, seconds).
    pub phases: Vec<(&'static str, f64)>,
    /// Incident-scope claims whose clustering was replayed from the last
    /// build, and all of them.
    pub replayed: (usize, usize),
    pub out: PathBuf,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let skipped: usize = self.skipped.values().sum();
        write!(f, "read {} articles", self.articles)?;
        if skipped > 0 {
            let reasons: Vec<String> = self
                .skipped
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            write!(f, " ({skipped} skipped: {})", reasons.join(", "))?;
        }
        write!(
            f,
            ", {} claims, {} incidents in {:.2} s -> {}",
            self.claims,
            self.incidents,
            self.seconds,
            self.out.join("index.html").display()
        )?;
        let w = &self.written;
        write!(
            f,
            " ({} articles from cache; {} pages rendered, {} files written, {} unchanged, {} removed{})",
            self.from_cache,
            w.pages_rendered,
            w.files_written,
            w.files_unchanged,
            w.files_removed,
            if w.incremental {
                ""
            } else {
                "; whole site swapped in"
            }
        )
    }
}

/// One input file as found on disk.
struct InputFile {
    name: String,
    /// Empty until read; a file served from the cache by its stamp is never read.
    bytes: Result<Vec<u8>, String>,
    stamp: Option<Stamp>,
    supported: bool,
}

impl InputFile {
    /// An article file that could be read: its extraction is cached.
    fn is_cacheable(&self) -> bool {
        self.supported && self.bytes.is_ok()
    }
}

/// Lists the folder (sorted, top level, dot files left out), without reading.
fn list_folder(dir: &Path) -> Result<Vec<InputFile>, String> {
    let entries = fs::read_dir(dir)
        .map_err(|e| format!("cannot read articles folder {}: {e}", dir.display()))?;
    let mut listed = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        if !entry.file_name().to_string_lossy().starts_with('.') {
            listed.push(entry);
        }
    }
    // A metadata call per file, tens of thousands of them: in parallel.
    let mut files: Vec<InputFile> = listed.par_iter().filter_map(input_file).collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// A listed file, with its stamp; None for a folder.
fn input_file(entry: &fs::DirEntry) -> Option<InputFile> {
    let name = entry.file_name().to_string_lossy().into_owned();
    let path = entry.path();
    // One metadata call per file; a symbolic link is followed, so its
    // stamp changes when the file it points to does.
    let metadata = if entry.file_type().is_ok_and(|t| t.is_symlink()) {
        fs::metadata(&path)
    } else {
        entry.metadata()
    };
    if metadata.as_ref().is_ok_and(fs::Metadata::is_dir) {
        return None;
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let supported = ARTICLE_EXTENSIONS.contains(&ext.as_str());
    // A pipe or a device would block the build or never end: not read.
    let bytes = match &metadata {
        Ok(m) if !m.is_file() => Err("not a regular file (a pipe, socket or device)".into()),
        _ => Ok(Vec::new()),
    };
    let stamp = metadata.ok().filter(fs::Metadata::is_file).and_then(|m| {
        let modified = m.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some((m.len(), modified.as_nanos(), inode(&m)))
    });
    Some(InputFile {
        name,
        bytes,
        stamp,
        supported,
    })
}

#[cfg(unix)]
pub(crate) fn inode(metadata: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(metadata)
}

#[cfg(not(unix))]
pub(crate) fn inode(_: &fs::Metadata) -> u64 {
    0
}

/// An article that could not be read at all, so it is still listed.
fn skipped_article(name: &str, kind: &str, message: String) -> Article {
    let mut article = ingest::read_article(name, b"");
    article.status = ArticleStatus::Skipped;
    article.problems = vec![Problem {
        kind: kind.to_string(),
        message,
    }];
    article
}

pub fn build_report(opts: &BuildOptions) -> Result<Summary, String> {
    let started = Instant::now();
    let mut phases = Vec::new();
    let mut phase_start = Instant::now();
    let mut phase = |name: &'static str| {
        phases.push((name, phase_start.elapsed().as_secs_f64()));
        phase_start = Instant::now();
    };
    let extra_gazetteer = read_optional(opts.gazetteer.as_deref())?;
    let extra_parties = read_optional(opts.parties.as_deref())?;
    let template_overrides = read_templates(opts.templates.as_deref())?;
    // Results depend on the rules and on the user's data: both key the cache.
    // The rules are the code itself: the running binary's hash covers every
    // change to them, even one made without bumping EXTRACTOR_VERSION.
    let mut cache_key = Xxh3::new();
    for (name, text) in extra_gazetteer.iter().chain(&extra_parties) {
        cache_key.update(name.as_bytes());
        cache_key.update(text.as_bytes());
    }
    cache_key.update(&binary_hash().to_le_bytes());
    let cache_key = format!(
        "{}+{:016x}",
        ledger_extract::EXTRACTOR_VERSION,
        cache_key.digest()
    );
    let cache_dir = opts.cache.as_deref();
    let (mut cache, memo) = match cache_dir {
        Some(dir) => {
            let (cache, mut warnings) = ExtractionCache::load(dir, &cache_key);
            let (memo, warning) = ExtractionCache::load_memo(dir, &cache_key);
            warnings.extend(warning);
            for w in warnings {
                eprintln!("{w}");
            }
            (cache, memo)
        }
        None => (ExtractionCache::default(), ReconcileMemo::default()),
    };
    phase("load cache");

    let mut files = list_folder(&opts.articles)?;
    // Files whose stamp (size, modification time, inode) is as cached are not read at all.
    let mut by_stamp: Vec<Option<(u128, Extracted)>> = files
        .iter()
        .map(|f| {
            f.supported
                .then(|| cache.take_unchanged(&f.name, f.stamp))
                .flatten()
        })
        .collect();
    // The gazetteer's automaton is built while files are read and looked up
    // in the cache, when some file is new or touched. A touched file may
    // still be found by its content: the automaton is then built for nothing,
    // on the other core, and its thread is left to finish on its own.
    let extractor = files
        .iter()
        .zip(&by_stamp)
        .any(|(f, stamped)| f.supported && stamped.is_none())
        .then(|| {
            let (gazetteers, parties) = (extra_gazetteer.clone(), extra_parties.clone());
            std::thread::spawn(move || {
                Extractor::with_extra_data(&as_strs(&gazetteers), &as_strs(&parties))
            })
        });
    files
        .par_iter_mut()
        .zip(&by_stamp)
        .filter(|(f, cached)| f.supported && f.bytes.is_ok() && cached.is_none())
        .for_each(|(f, _)| {
            f.bytes = fs::read(opts.articles.join(&f.name)).map_err(|e| e.to_string());
        });
    phase("read files");
    // What the last build wrote is read while this one extracts and
    // reconciles (after the cache and the listing, which keep both cores
    // busy): it is needed only to write the site.
    let previous = {
        let out = opts.out.clone();
        let stamps = cache_dir.map(|dir| dir.join(site_writer::STAMPS));
        std::thread::spawn(move || site_writer::read_previous(&out, stamps.as_deref()))
    };
    let jobs: Vec<(InputFile, u128, Option<Extracted>)> = files
        .into_iter()
        .zip(by_stamp.iter_mut())
        .map(|(file, stamped)| {
            if let Some((hash, extracted)) = stamped.take() {
                return (file, hash, Some(extracted));
            }
            let hash = file.bytes.as_deref().map_or(0, xxh3_128);
            let cached = match (&file.bytes, file.supported) {
                (Ok(_), true) => cache.take(&file.name, hash),
                _ => None,
            };
            (file, hash, cached)
        })
        .collect();
    // Shards with entries of files that are gone or changed are rewritten without them.
    let mut dirty_shards = cache.stale_shards();
    drop(cache);
    let from_cache = jobs.iter().filter(|(_, _, c)| c.is_some()).count();
    // Cacheable files read afresh: their shards are written again.
    dirty_shards.extend(
        jobs.iter()
            .filter(|(file, _, cached)| cached.is_none() && file.is_cacheable())
            .map(|(file, _, _)| cache::shard_of(&file.name)),
    );
    // Waited for only when some text is new: building the automaton takes a
    // noticeable part of a rebuild that finds everything in the cache.
    let extractor = match extractor {
        Some(building)
            if jobs
                .iter()
                .any(|(file, _, cached)| cached.is_none() && file.is_cacheable()) =>
        {
            Some(
                building
                    .join()
                    .map_err(|_| "building the extractor failed".to_string())??,
            )
        }
        _ => None,
    };
    let bar = progress_bar(jobs.len() - from_cache, "extracting");
    let results: Vec<(InputFile, u128, Extracted)> = jobs
        .into_par_iter()
        .map(|(file, hash, cached)| {
            let extracted = cached.unwrap_or_else(|| {
                let done = read_and_extract(extractor.as_ref(), &file);
                bar.inc(1);
                done
            });
            (file, hash, extracted)
        })
        .collect();
    bar.finish_and_clear();
    let entries: Vec<Cached<'_>> = results
        .iter()
        .filter(|(file, _, _)| file.is_cacheable())
        .map(|(file, hash, (article, claims, sketch))| {
            (
                file.name.as_str(),
                file.stamp,
                *hash,
                article,
                claims.as_slice(),
                sketch,
            )
        })
        .collect();
    // The dirty shards (see `dirty_shards` above) are encoded here, while the
    // entries can be borrowed, and written while the build reconciles (whose
    // clustering leaves a core free), waited for before it ends like the memo.
    // The encoded shards are held until written: on a first build, the whole
    // cache (about 100 MB for 20,000 articles).
    let cache_saved = cache_dir.map(|dir| {
        let encoded = ExtractionCache::encode(dir, &cache_key, &entries, &dirty_shards);
        std::thread::spawn(move || encoded.and_then(cache::ShardWrites::write))
    });
    drop(entries);
    phase("ingest+extract");

    let mut articles = Vec::with_capacity(results.len());
    // Sized once: growing a vector of a hundred thousand claims copies it
    // again and again, onto fresh pages the kernel must clear.
    let mut claims = Vec::with_capacity(results.iter().map(|(_, _, (_, c, _))| c.len()).sum());
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    let mut sketches = Vec::with_capacity(results.len());
    for (_, _, (article, article_claims, sketch)) in results {
        for p in &article.problems {
            eprintln!("{}: {}", article.file, p.message);
        }
        if article.status == ArticleStatus::Skipped {
            let reason = article
                .problems
                .first()
                .map_or("unknown", |p| p.kind.as_str());
            *skipped.entry(reason.to_string()).or_default() += 1;
        }
        articles.push(article);
        claims.extend(article_claims);
        sketches.push(Some(sketch));
    }
    if articles.is_empty() {
        eprintln!(
            "{}: no articles found; building an empty report",
            opts.articles.display()
        );
    }
    let n_articles = articles.len();
    let (ledger, new_memo) =
        ledger_reconcile::reconcile_memoized(articles, sketches, claims, &memo, &RayonJobs);
    let replayed = (new_memo.clusters.replayed(), new_memo.clusters.len());
    // Saved while the site is made; waited for before the build ends.
    let memo_saved = cache_dir.map(|dir| {
        let (dir, key) = (dir.to_path_buf(), cache_key.clone());
        std::thread::spawn(move || {
            if new_memo == memo {
                return Ok(());
            }
            ExtractionCache::save_memo(&dir, &key, &new_memo)
        })
    });
    phase("reconcile");

    let (claim_rules, vague_numbers) = ledger_extract::method_notes();
    let (merge_rules, grade_rules) = ledger_reconcile::method_notes();
    let options = ledger_report::RenderOptions {
        title: opts.title.clone(),
        template_overrides,
        method: MethodNotes {
            claim_rules,
            vague_numbers,
            merge_rules,
            grade_rules,
        },
        renderer: binary_hash(),
    };
    let written = (|| {
        let site = ledger_report::Site::new(&ledger, &options).map_err(|e| e.to_string())?;
        phase("site");
        let bar = progress_bar(site.parts().len(), "writing");
        // A thread that failed leaves nothing known: a whole build.
        let previous = previous.join().unwrap_or_default();
        let written = site_writer::write_site(&opts.out, &site, &bar, previous);
        bar.finish_and_clear();
        phase("render+write");
        written
    })();
    // Waited for whatever happened to the site: a build never ends (and
    // `watch` never starts the next) with the cache half written. A cache that
    // cannot be written costs speed, not results.
    for (saved, what) in [(cache_saved, "extractions"), (memo_saved, "reconcile memo")] {
        match saved.map(std::thread::JoinHandle::join) {
            Some(Ok(Err(e))) => eprintln!("{e}"),
            Some(Err(_)) => eprintln!("cache: {what} not saved"),
            _ => {}
        }
    }
    let written = written?;
    let (claims, incidents) = (ledger.claims.len(), ledger.incidents.len());
    crate::drop_later(ledger);
    Ok(Summary {
        articles: n_articles,
        from_cache,
        skipped,
        claims,
        incidents,
        written,
        seconds: started.elapsed().as_secs_f64(),
        phases,
        replayed,
        out: opts.out.clone(),
    })
}

/// Runs reconcile's independent jobs on rayon's pool.
struct RayonJobs;

impl ledger_reconcile::Jobs for RayonJobs {
    fn run<R: Send>(&self, n: usize, job: &(dyn Fn(usize) -> R + Sync)) -> Vec<R> {
        (0..n).into_par_iter().map(job).collect()
    }
}

/// A hash of the running binary, read once per process (`watch` builds many times).
fn binary_hash() -> u64 {
    static HASH: OnceLock<u64> = OnceLock::new();
    *HASH.get_or_init(|| {
        std::env::current_exe()
            .ok()
            .and_then(|p| fs::read(p).ok())
            .map_or(0, |exe| xxhash_rust::xxh3::xxh3_64(&exe))
    })
}

/// Ingests and extracts one file; a file that cannot be read is still an article, skipped.
fn read_and_extract(extractor: Option<&Extractor>, file: &InputFile) -> Extracted {
    let article = match (&file.bytes, file.supported) {
        (_, false) => skipped_article(
            &file.name,
            "unsupported",
            format!(
                "not read: only {} files are articles",
                ARTICLE_EXTENSIONS.join(", ")
            ),
        ),
        (Err(e), true) => skipped_article(
            &file.name,
            "unreadable",
            format!("cannot read the file: {e}"),
        ),
        (Ok(bytes), true) => ingest::read_article(&file.name, bytes),
    };
    // No extractor: no readable text in this build, so nothing to extract.
    // Sketched here, in parallel, and kept in the cache: copy detection then
    // never reads an unchanged article's text again.
    let sketch = ledger_reconcile::copy_sketch(&article);
    let Some(extractor) = extractor else {
        return (article, Vec::new(), sketch);
    };
    let extraction = extractor.extract(&article);
    let mut article = article;
    article.problems.extend(extraction.problems);
    (article, extraction.claims, sketch)
}

fn as_strs(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect()
}

/// A bar on stderr for long steps; indicatif hides it when stderr is not a terminal.
pub fn progress_bar(len: usize, what: &'static str) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{prefix:>10} [{bar:30}] {pos}/{len} ({elapsed})")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix(what);
    bar
}

fn read_optional(path: Option<&Path>) -> Result<Vec<(String, String)>, String> {
    let Some(path) = path else {
        return Ok(Vec::new());
    };
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(vec![(path.display().to_string(), text)])
}

/// A user's template folder: every file in it overrides the built-in template of that name.
fn read_templates(dir: Option<&Path>) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    let Some(dir) = dir else { return Ok(out) };
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if !ledger_report::template_names().contains(&name.as_str()) {
            eprintln!(
                "{}: not a template name this report uses (known: {}); ignored",
                path.display(),
                ledger_report::template_names().join(", ")
            );
            continue;
        }
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        out.insert(name, text);
    }
    Ok(out)
}
