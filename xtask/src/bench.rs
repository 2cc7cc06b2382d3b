//! `cargo xtask bench`: throughput of the stages on real-sized input, measured
//! in wall time over enough data to mean something (never asserted in tests).

use std::fs;
use std::path::Path;
use std::time::Instant;

use ledger_extract::{Extractor, ingest};
use ledger_types::Article;
use rayon::prelude::*;

use crate::cli::BenchOptions;

/// Reads the corpus and repeats it (with distinct ids) until it holds `mb` megabytes.
fn corpus(dir: &Path, mb: usize) -> Result<Vec<(String, Vec<u8>)>, String> {
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
