//! `cargo xtask bench`: throughput of the stages on real-sized input, measured
//! in wall time over enough data to mean something (never asserted in tests).

use std::fs;
use std::path::Path;
use std::time::Instant;

use ledger_extract::{Extractor, ingest};
use ledger_types::Article;
use rayon::prelude::*;

use crate::build::{Summary, build_report};
use crate::cli::{BenchBuildOptions, BenchOptions, BuildOptions};

/// The .txt and .md files of `dir`, sorted by name.
fn corpus_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "txt" | "md") {
            continue;
        }
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        files.push((entry.file_name().to_string_lossy().into_owned(), bytes));
    }
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no .txt or .md articles", dir.display()));
    }
    Ok(files)
}

/// Reads the corpus and repeats it (with distinct ids) until it holds `mb` megabytes.
fn corpus(dir: &Path, mb: usize) -> Result<Vec<(String, Vec<u8>)>, String> {
    let files = corpus_files(dir)?;
    let target = mb * 1_000_000;
    let mut out = Vec::new();
    let mut total = 0;
    let mut round = 0;
    while total < target {
        for (name, bytes) in &files {
            total += bytes.len();
            out.push((format!("r{round}-{name}"), bytes.clone()));
            if total >= target {
                break;
            }
        }
        round += 1;
    }
    Ok(out)
}

fn mb_per_s(bytes: usize, seconds: f64) -> f64 {
    bytes as f64 / 1e6 / seconds.max(1e-9)
}

pub fn bench(opts: &BenchOptions) -> Result<String, String> {
    let extractor = Extractor::builtin()?;
    let files = corpus(&opts.corpus, opts.mb)?;
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let mut report = format!(
        "corpus: {} articles, {:.1} MB (from {}), {} threads\n",
        files.len(),
        bytes as f64 / 1e6,
        opts.corpus.display(),
        rayon::current_num_threads()
    );

    // Ingestion alone, one thread.
    let t = Instant::now();
    let articles: Vec<Article> = files
        .iter()
        .map(|(n, b)| ingest::read_article(n, b))
        .collect();
    let ingest_s = t.elapsed().as_secs_f64();
    report += &format!(
        "ingest, 1 thread:        {:>8.1} MB/s\n",
        mb_per_s(bytes, ingest_s)
    );

    // Extraction alone, one thread (the per-core figure).
    let t = Instant::now();
    let claims_1: usize = articles
        .iter()
        .map(|a| extractor.extract(a).claims.len())
        .sum();
    let extract_s = t.elapsed().as_secs_f64();
    report += &format!(
        "extract, 1 thread:       {:>8.1} MB/s  ({claims_1} claims)\n",
        mb_per_s(bytes, extract_s)
    );

    // Ingest + extract in parallel, as build-report runs them.
    let t = Instant::now();
    let claims_n: usize = files
        .par_iter()
        .map(|(n, b)| extractor.extract(&ingest::read_article(n, b)).claims.len())
        .sum();
    let both_s = t.elapsed().as_secs_f64();
    report += &format!(
        "ingest+extract, all threads: {:>4.1} MB/s  ({claims_n} claims)\n",
        mb_per_s(bytes, both_s)
    );

    if opts.reconcile_claims > 0 {
        let (articles, claims) = ledger_reconcile::synthetic_claims(opts.reconcile_claims, 42);
        let t = Instant::now();
        let ledger = ledger_reconcile::reconcile(articles, claims);
        let s = t.elapsed().as_secs_f64();
        report += &format!(
            "reconcile {} synthetic claims: {:.2} s ({} incidents, {} series)\n",
            opts.reconcile_claims,
            s,
            ledger.incidents.len(),
            ledger.series.len()
        );
    }
    Ok(report)
}

/// Writes `n` articles of about `kb` kilobytes made from the real articles in
/// `corpus`: runs of three sentences from articles picked at random (seeded),
/// under the title and date of one of them shifted by some days, so that the
/// articles are distinct and real-sized; every twentieth is a republished
/// copy of an earlier one under another name, as news corpora have. Written
/// into `out`; returns the bytes written and the latest publication date
/// among them.
fn generate_corpus(
    corpus: &Path,
    out: &Path,
    n: usize,
    kb: usize,
) -> Result<(usize, Option<jiff::civil::Date>), String> {
    const RUN: usize = 3;
    let sources: Vec<Article> = corpus_files(corpus)?
        .iter()
        .map(|(name, bytes)| ingest::read_article(name, bytes))
        .filter(|a| a.status != ledger_types::ArticleStatus::Skipped)
        .collect();
    let sentences: Vec<Vec<&str>> = sources
        .iter()
        .map(|a| {
            ledger_extract::sentences::split_sentences(&a.text)
                .iter()
                .filter_map(|s| a.text.get(s.start..s.end))
                .collect()
        })
        .collect();
    if sentences.iter().all(Vec::is_empty) {
        return Err(format!("{}: no readable articles", corpus.display()));
    }
    let _ = fs::remove_dir_all(out);
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    // A fixed-seed generator (SplitMix64), so every run writes the same corpus.
    let mut state: u64 = 0x5EED;
    let mut random = |below: usize| {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % below.max(1) as u64) as usize
    };
    let mut written: Vec<String> = Vec::with_capacity(n);
    let mut total = 0;
    let mut latest = None;
    for k in 0..n {
        let text = if k % 20 == 19 {
            written[random(k)].clone()
        } else {
            let lead = k % sources.len();
            let mut body = String::new();
            let mut from = lead;
            // Runs average some 400 bytes: stop short so articles average `kb`.
            while body.len() + 400 < kb * 1000 {
                let run = &sentences[from];
                if !run.is_empty() {
                    let start = random(run.len());
                    for s in run.iter().skip(start).take(RUN) {
                        body.push_str(s);
                        body.push(' ');
                    }
                    body.push_str("\n\n");
                }
                from = random(sources.len());
            }
            let a = &sources[lead];
            let days = (k / sources.len()) as i64;
            let date = a
                .date
                .and_then(|d| d.checked_add(jiff::Span::new().days(days)).ok());
            latest = latest.max(date);
            let date = date.map_or_else(String::new, |d| format!("date: {d}\n"));
            let title = a.title.replace('"', "'");
            format!("---\ntitle: \"{title}\"\n{date}---\n\n{body}")
        };
        total += text.len();
        let path = out.join(format!("g{k:06}.md"));
        fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(text);
    }
    Ok((total, latest))
}

/// Waits until the disk has written what earlier steps left in memory, so
/// that no build is charged for the one before (a monitor's rebuilds are
/// minutes apart, not back to back). Best effort: where `sync` is missing the
/// timings only get noisier.
fn settle_disk() {
    let _ = std::process::Command::new("sync").status();
}

fn build_line(what: &str, s: &Summary, bytes: usize) -> String {
    let phases: Vec<String> = s
        .phases
        .iter()
        .map(|(name, secs)| format!("{name} {secs:.2}"))
        .collect();
    format!(
        "{what:<28} {:>6.2} s  {:>6.1} MB/s  ({} from cache, {} pages rendered, {} files written)\n    phases: {}\n",
        s.seconds,
        mb_per_s(bytes, s.seconds),
        s.from_cache,
        s.written.pages_rendered,
        s.written.files_written,
        phases.join(", ")
    )
}

/// `bench-build`: end-to-end build times on a generated corpus, cold and incremental.
pub fn bench_build(opts: &BenchBuildOptions) -> Result<String, String> {
    // A previous run's files are moved aside and deleted only after the
    // timings: freeing tens of thousands of files keeps the disk busy for
    // seconds, which would be charged to the cold build.
    let stale = opts.work.join(format!(".stale-{}", std::process::id()));
    if opts.work.exists() {
        fs::create_dir_all(&stale).map_err(|e| format!("{}: {e}", stale.display()))?;
        for entry in fs::read_dir(&opts.work)
            .map_err(|e| e.to_string())?
            .flatten()
        {
            if entry.path() != stale {
                let _ = fs::rename(entry.path(), stale.join(entry.file_name()));
            }
        }
    }
    let report = bench_build_timings(opts);
    let _ = fs::remove_dir_all(&stale);
    report
}

fn bench_build_timings(opts: &BenchBuildOptions) -> Result<String, String> {
    let articles = opts.work.join("articles");
    let (bytes, latest) = generate_corpus(&opts.corpus, &articles, opts.articles, opts.kb)?;
    let out = opts.work.join("site");
    let build = BuildOptions {
        articles: articles.clone(),
        out: out.clone(),
        templates: None,
        gazetteer: None,
        parties: None,
        title: "Casualty Ledger".into(),
        cache: Some(BuildOptions::default_cache(&out)),
    };
    let mut report = format!(
        "corpus: {} generated articles, {:.1} MB (from {}), {} threads\n",
        opts.articles,
        bytes as f64 / 1e6,
        opts.corpus.display(),
        rayon::current_num_threads()
    );
    // Cold: no site, no cache (moved aside above).
    settle_disk();
    let cold = build_report(&build)?;
    report += &build_line("cold build:", &cold, bytes);
    settle_disk();
    let same = build_report(&build)?;
    report += &build_line("rebuild, nothing changed:", &same, bytes);
    // One new article: a copy of the first with the numbers of its text changed.
    let first = fs::read_to_string(articles.join("g000000.md")).map_err(|e| e.to_string())?;
    let body_start = first.find("\n\n").unwrap_or(0);
    let new_article = format!(
        "{}{}",
        &first[..body_start],
        first[body_start..].replace(char::is_numeric, "7")
    );
    let mut total = bytes + new_article.len();
    report += &rebuild_after(
        &build,
        ("new-article.md", &new_article),
        "one new article",
        total,
        &cold,
    )?;
    // What a monitor adds every hour: an article about the latest events.
    // Its claims come last in date order, so the clustering replays all the
    // claims before them.
    let latest = latest.ok_or("no dated article")?;
    let next_day = latest.tomorrow().map_err(|e| e.to_string())?;
    let recent = new_article
        .lines()
        .map(|l| {
            if l.starts_with("date: ") {
                format!("date: {next_day}")
            } else {
                l.replace(char::is_numeric, "8")
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    total += recent.len();
    report += &rebuild_after(
        &build,
        ("recent-article.md", &recent),
        "one recent article",
        total,
        &cold,
    )?;
    Ok(report)
}

/// Adds one article (file name, text) to the corpus, rebuilds, and reports
/// the time beside the `cold` build's (`bytes`: the corpus size now).
fn rebuild_after(
    build: &BuildOptions,
    (name, text): (&str, &str),
    what: &str,
    bytes: usize,
    cold: &Summary,
) -> Result<String, String> {
    fs::write(build.articles.join(name), text).map_err(|e| e.to_string())?;
    settle_disk();
    let rebuilt = build_report(build)?;
    Ok(format!(
        "{}{what}: {:.0}% of the cold build's time\n",
        build_line(&format!("rebuild after {what}:"), &rebuilt, bytes),
        100.0 * rebuilt.seconds / cold.seconds.max(1e-9)
    ))
}
