//! Reconciles synthetic claims (one million by default, or the count given as the
//! first argument after `--`) and reports how long each part took.
//! Run: `cargo bench -p ledger-reconcile --bench million [-- 200000]`; with
//! `RECONCILE_BENCH_PARTS=1` it also times copy detection alone.

use std::time::Instant;

fn main() {
    let n = std::env::args()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(1_000_000);
    let started = Instant::now();
    let (articles, claims) = ledger_reconcile::synthetic_claims(n, 42);
    let generated = started.elapsed();
    let (article_count, claim_count) = (articles.len(), claims.len());
    if std::env::var_os("RECONCILE_BENCH_PARTS").is_some() {
        let started = Instant::now();
        let groups = ledger_reconcile::source_groups(&articles);
        println!(
            "copies alone: {} groups in {:.2} s",
            groups.len(),
            started.elapsed().as_secs_f64()
        );
    }
    let started = Instant::now();
    let ledger = ledger_reconcile::reconcile(articles, claims);
    let took = started.elapsed();
    println!(
        "reconcile: {claim_count} claims in {article_count} articles -> {} incidents, {} source groups, {} series in {:.2} s (generating took {:.2} s)",
        ledger.incidents.len(),
        ledger.source_groups.len(),
        ledger.series.len(),
        took.as_secs_f64(),
        generated.as_secs_f64(),
    );
}
