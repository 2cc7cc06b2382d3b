//! Fixture tests for claim extraction: each `data/claims/<case>.txt` article is
//! extracted and compared with `<case>.expected`, one line per claim.
//! Set `UPDATE_EXPECT=1` to rewrite the expected files after checking the diff.

use std::fs;
use std::path::Path;

use ledger_extract::{Extractor, ingest};

fn describe(claim: &ledger_types::Claim) -> String {
    let bound = |v: Option<u64>| v.map_or_else(|| "_".to_string(), |v| v.to_string());
    format!(
        "{} {} {}..{} {} | place={} | date={}..{} | {} | actor={} | claimant={} | {} | «{}»",
        claim.measure,
        claim.victims,
        bound(claim.count_min),
        bound(claim.count_max),
        claim.qualifier,
        claim.place.as_ref().map_or("", |p| p.name.as_str()),
        claim.date_start.map(|d| d.to_string()).unwrap_or_default(),
        claim.date_end.map(|d| d.to_string()).unwrap_or_default(),
        claim.scope,
        claim.actor.as_ref().map_or("", |p| p.name.as_str()),
        claim.claimant.as_ref().map_or("", |p| p.name.as_str()),
        claim.stance,
        claim
            .sentence
            .get(
                claim.count_span.start - claim.sentence_span.start
                    ..claim.count_span.end - claim.sentence_span.start
            )
            .unwrap_or("?"),
    )
}

#[test]
fn claim_fixtures_match_expected() {
    let extractor = Extractor::builtin().expect("built-in data loads");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/claims");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .expect("fixture dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    for case in cases {
        let bytes = fs::read(&case).expect("fixture readable");
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let article = ingest::read_article(&name, &bytes);
        let got: String = extractor
            .extract(&article)
            .claims
            .iter()
            .map(|c| describe(c) + "\n")
            .collect();
        let expected_path = case.with_extension("expected");
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            if update {
                fs::write(&expected_path, &got).expect("write expected");
            } else {
                failures.push(format!("{name}:\n--- expected\n{expected}--- got\n{got}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
