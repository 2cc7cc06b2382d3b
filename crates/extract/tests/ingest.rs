//! Ingestion tests: one fixture folder per case under `tests/data/ingest/<case>/`
//! (an input file and `expected.snap`, an insta snapshot of a compact summary),
//! plus invariants and a no-panic loop over generated inputs.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ledger_extract::ingest::{is_furniture, read_article};
use ledger_types::{Article, ArticleStatus, Span};

fn fixture_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ingest")
}

/// The one input file of a case folder (anything but the snapshot).
fn input_of(case: &Path) -> Option<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(case)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| !n.to_string_lossy().starts_with("expected.snap"))
        })
        .collect();
    files.sort();
    files.into_iter().next()
}

/// What a person checks about an article, one fact a line.
fn summary(article: &Article) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "id: {}", article.id);
    let _ = writeln!(out, "file: {}", article.file);
    let _ = writeln!(out, "title: {:?}", article.title);
    let date = article.date.map(|d| d.to_string());
    let _ = writeln!(out, "date: {}", date.as_deref().unwrap_or("-"));
    let _ = writeln!(out, "source: {}", article.source.as_deref().unwrap_or("-"));
    let _ = writeln!(out, "url: {}", article.url.as_deref().unwrap_or("-"));
    for (key, value) in &article.meta {
        let _ = writeln!(out, "meta: {key} = {value:?}");
    }
    let _ = writeln!(out, "status: {}", article.status.as_str());
    for p in &article.problems {
        let _ = writeln!(out, "problem: {}: {}", p.kind, p.message);
    }
    let _ = writeln!(out, "text bytes: {}", article.text.len());
    for f in &article.furniture {
        let text = article
            .text
            .get(f.span.start..f.span.end)
            .unwrap_or("<bad span>");
        let _ = writeln!(out, "furniture: {:?} {:?}", f.kind, text);
    }
    out
}

/// What must hold for every article, whatever the input.
fn check_invariants(article: &Article, bytes: &[u8]) -> Result<(), String> {
    let text = &article.text;
    let mut previous_end = 0;
    for f in &article.furniture {
        let Span { start, end } = f.span;
        if start >= end || end > text.len() {
            return Err(format!("empty or out-of-text span {start}..{end}"));
        }
        if start < previous_end {
            return Err(format!("unsorted or overlapping span {start}..{end}"));
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(format!("span {start}..{end} is not on char boundaries"));
        }
        if !is_furniture(article, f.span) || !is_furniture(article, Span::new(start, start + 1)) {
            return Err(format!("is_furniture misses its own span {start}..{end}"));
        }
        previous_end = end;
    }
    if article.title.is_empty() {
        return Err("empty title".into());
    }
    if article.content_hash.len() != 32 {
        return Err("content hash is not 32 hex digits".into());
    }
    let ok = article.problems.is_empty() == (article.status == ArticleStatus::Ok);
    if !ok {
        return Err("status disagrees with problems".into());
    }
    if article.status != ArticleStatus::Skipped && std::str::from_utf8(bytes).is_ok() {
        // Valid UTF-8 text is kept byte for byte (less BOM) so spans stay true.
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if !body.ends_with(text.as_bytes()) {
            return Err("text is not the tail of the file's bytes".into());
        }
    }
    Ok(())
}

#[test]
fn fixture_cases_match_their_snapshots() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixture_root())
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    cases.retain(|p| p.is_dir());
    cases.sort();
    assert!(cases.len() >= 40, "fixture folders are missing");
    for case in cases {
        let input = input_of(&case);
        let input = input.as_deref();
        assert!(input.is_some(), "no input file in {}", case.display());
        let Some(input) = input else { continue };
        let bytes = std::fs::read(input).unwrap_or_default();
        let name = input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let article = read_article(&name, &bytes);
        if let Err(e) = check_invariants(&article, &bytes) {
            panic!("{}: {e}", case.display());
        }
        assert_eq!(article, read_article(&name, &bytes), "not deterministic");
        insta::with_settings!({
            snapshot_path => case.clone(),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!("expected", summary(&article));
        });
    }
}

#[test]
fn is_furniture_needs_the_span_wholly_inside() {
    let article = read_article(
        "x.txt",
        b"Tweet\nAt least 12 civilians were killed, a monitor said.\n",
    );
    assert!(is_furniture(&article, Span::new(0, 5)));
    assert!(is_furniture(&article, Span::new(1, 3)));
    assert!(!is_furniture(&article, Span::new(3, 8)));
    assert!(!is_furniture(&article, Span::new(6, 14)));
}

#[test]
fn content_hash_follows_the_bytes() {
    let a = read_article("a.txt", b"Five people were killed.");
    let b = read_article("b.txt", b"Five people were killed.");
    let c = read_article("c.txt", b"Six people were killed.");
    assert_eq!(a.content_hash, b.content_hash);
    assert_ne!(a.content_hash, c.content_hash);
}

/// xorshift64*: a tiny deterministic generator, enough to shake the parser.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }
}

/// Pieces that steer inputs into every rule, including multi-byte characters
/// next to the places where spans are cut.
const PIECES: &[&str] = &[
    "---\n",
    "---\r\n",
    "title: x\n",
    "date: 2017-04-0",
    " date 2017-06-03 ",
    "Related ",
    "Related News ",
    "Read more:\n",
    "Get short URL ",
    "0 ",
    "55 ",
    "Topic ",
    "(1881) ",
    "(AFP",
    "(EPA/",
    ")",
    "Photo: ",
    "AFP PHOTO / ",
    "AP Photo ",
    "REUTERS ",
    "Print Tweet Views ",
    "Since you’re here…\n",
    "support ",
    "Tweet\n",
    "    7\n",
    "[",
    "]",
    "’",
    "…",
    "é",
    "\u{a0}",
    "Tags ",
    "Community standards",
    "Our Standards:",
    "--AFP",
    "By ",
    " / ",
    "Last updated at Apr ",
    "232017",
    "Wed 19 Apr 2017 ",
    "20.04.2017",
    ". ",
    "The ",
    "killed ",
    "\r\n",
    "\n",
    "\n\n",
    "Source TRTWorld",
    "A picture is worth a thousand words",
    "Latest News\n",
    "SEND http",
    "Copyright",
    "H. Said",
    "al-",
    "/",
    "212-11",
    "\u{feff}",
    "\t",
];

#[test]
fn never_panics_on_generated_inputs() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..4000 {
        let mut bytes = Vec::new();
        let parts = rng.below(30);
        for _ in 0..parts {
            if rng.below(5) == 0 {
                let n = rng.below(6);
                for _ in 0..n {
                    bytes.push((rng.next() & 0xFF) as u8);
                }
            } else {
                let piece = PIECES.get(rng.below(PIECES.len())).copied().unwrap_or("");
                bytes.extend_from_slice(piece.as_bytes());
            }
        }
        let article = read_article(&format!("gen-{round}.txt"), &bytes);
        if let Err(e) = check_invariants(&article, &bytes) {
            panic!("generated input {bytes:?}: {e}");
        }
    }
}

#[test]
fn never_panics_on_truncated_fixtures() {
    let cases: Vec<PathBuf> = std::fs::read_dir(fixture_root())
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    for case in cases {
        let Some(input) = input_of(&case) else {
            continue;
        };
        let bytes = std::fs::read(&input).unwrap_or_default();
        for cut in 0..bytes.len() {
            let head = bytes.get(..cut).unwrap_or(&[]);
            let article = read_article("cut.txt", head);
            if let Err(e) = check_invariants(&article, head) {
                panic!("{} cut at {cut}: {e}", case.display());
            }
        }
    }
}
