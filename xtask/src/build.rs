//! `build-report`: folder in, site out. Files are read here, stages run in
//! parallel over articles, and the site is written to a temporary folder and
//! swapped in whole so a failed build never leaves half a site.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use ledger_extract::{Extractor, ingest};
use ledger_types::{Article, ArticleStatus, Claim, MethodNotes, Problem};
use rayon::prelude::*;

use crate::cli::BuildOptions;

/// File endings read as articles.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// What a build did, printed as its last line.
#[derive(Debug)]
pub struct Summary {
    pub articles: usize,
    pub skipped: BTreeMap<String, usize>,
    pub claims: usize,
    pub incidents: usize,
    pub seconds: f64,
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
        )
    }
}

/// One input file as found on disk.
struct InputFile {
    name: String,
    bytes: Result<Vec<u8>, String>,
    supported: bool,
}

/// Lists the folder (sorted, top level, dot files left out) and reads every file.
fn read_folder(dir: &Path) -> Result<Vec<InputFile>, String> {
    let entries = fs::read_dir(dir)
        .map_err(|e| format!("cannot read articles folder {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            continue;
        }
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let supported = ARTICLE_EXTENSIONS.contains(&ext.as_str());
        files.push(InputFile {
            name,
            bytes: Ok(Vec::new()),
            supported,
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files.par_iter_mut().filter(|f| f.supported).for_each(|f| {
        f.bytes = fs::read(dir.join(&f.name)).map_err(|e| e.to_string());
    });
    Ok(files)
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
    let extra_gazetteer = read_optional(opts.gazetteer.as_deref())?;
    let extra_parties = read_optional(opts.parties.as_deref())?;
    let extractor = Extractor::with_extra_data(
        &extra_gazetteer
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect::<Vec<_>>(),
        &extra_parties
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect::<Vec<_>>(),
    )?;
    let template_overrides = read_templates(opts.templates.as_deref())?;

    let files = read_folder(&opts.articles)?;
    let results: Vec<(Article, Vec<Claim>)> = files
        .into_par_iter()
        .map(|file| {
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
            let extraction = extractor.extract(&article);
            let mut article = article;
            article.problems.extend(extraction.problems);
            (article, extraction.claims)
        })
        .collect();

    let mut articles = Vec::with_capacity(results.len());
    let mut claims = Vec::new();
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    for (article, article_claims) in results {
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
    }
    if articles.is_empty() {
        eprintln!(
            "{}: no articles found; building an empty report",
            opts.articles.display()
        );
    }
    let n_articles = articles.len();
    let ledger = ledger_reconcile::reconcile(articles, claims);

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
    };
    let files = ledger_report::render(&ledger, &options).map_err(|e| e.to_string())?;
    write_site(&opts.out, &files)?;
    Ok(Summary {
        articles: n_articles,
        skipped,
        claims: ledger.claims.len(),
        incidents: ledger.incidents.len(),
        seconds: started.elapsed().as_secs_f64(),
        out: opts.out.clone(),
    })
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

/// Writes all files into a fresh temporary folder beside `out`, then swaps it in.
fn write_site(out: &Path, files: &[ledger_report::OutputFile]) -> Result<(), String> {
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
    let result = (|| -> Result<(), String> {
        for file in files {
            if file
                .path
                .split('/')
                .any(|part| part == ".." || part.is_empty())
            {
                return Err(format!("refusing to write outside the site: {}", file.path));
            }
            let path = staging.join(&file.path);
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            fs::write(&path, &file.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    let old = parent.join(format!(".{base}.old-{}", std::process::id()));
    if out.exists() {
        fs::rename(out, &old).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    fs::rename(&staging, out).map_err(|e| format!("{}: {e}", out.display()))?;
    let _ = fs::remove_dir_all(&old);
    Ok(())
}
