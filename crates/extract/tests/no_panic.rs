//! Extraction must never panic, whatever the bytes: generated hostile inputs
//! (number fragments, stray punctuation, multi-byte text, huge numbers) run
//! through ingestion and extraction.

use ledger_extract::{Extractor, ingest};

/// A small deterministic generator, so failures reproduce.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "killed",
    "at least",
    "more than",
    "dozens of",
    "tens",
    "a",
    "one",
    "civilians",
    "were",
    "wounded",
    "including",
    "children",
    "on Tuesday",
    "since March 2011",
    "in Aleppo",
    "Syria's",
    "Deir ez-Zor",
    "the Observatory said",
    "according to",
    "(banned in Russia)",
    "US-led",
    "1,200",
    "10-15",
    "3.5",
    "2016",
    "99999999999999999999999",
    "—",
    "“",
    "”",
    "'",
    "-",
    ".",
    ",",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    "سوريا",
    "é",
    "\u{feff}",
    "\u{202e}",
    "  ",
    "of whom",
    "a quarter of a million",
    "between",
    "and",
    "to",
    "Get short URL 215",
    "Read more:",
    "---",
    "date: 2017-02-30",
    "title: \"",
    "among the dead were",
    "death toll rose to",
    "no",
    "any",
    "denied",
    "%",
    "$",
    "km",
    "the",
    "U.S.",
    "Gen.",
    "Last week",
    "yesterday",
    "last year",
];

#[test]
fn extraction_never_panics_on_generated_text() {
    let extractor = Extractor::builtin().expect("built-in data loads");
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for case in 0..400 {
        let mut text = String::new();
        if case % 3 == 0 {
            text.push_str("---\ntitle: x\ndate: 2017-06-03\n---\n");
        }
        let len = 1 + rng.next() % 80;
        for _ in 0..len {
            text.push_str(rng.pick(PIECES));
            if rng.next() % 3 != 0 {
                text.push(' ');
            }
        }
        let article = ingest::read_article(&format!("case-{case}.txt"), text.as_bytes());
        let extraction = extractor.extract(&article);
        for claim in &extraction.claims {
            // Spans must be real slices of the text.
            assert_eq!(
                article
                    .text
                    .get(claim.sentence_span.start..claim.sentence_span.end),
                Some(claim.sentence.as_str())
            );
            assert!(
                article
                    .text
                    .get(claim.count_span.start..claim.count_span.end)
                    .is_some()
            );
        }
    }
}

#[test]
fn extraction_survives_random_bytes_and_giant_inputs() {
    let extractor = Extractor::builtin().expect("built-in data loads");
    let mut rng = XorShift(42);
    for case in 0..200 {
        let bytes: Vec<u8> = (0..(rng.next() % 600)).map(|_| rng.next() as u8).collect();
        let article = ingest::read_article(&format!("bytes-{case}.txt"), &bytes);
        let _ = extractor.extract(&article);
    }
    let giant_number = format!("At least {} people were killed.", "9".repeat(100_000));
    let article = ingest::read_article("giant.txt", giant_number.as_bytes());
    let claims = extractor.extract(&article).claims;
    assert!(
        claims.is_empty(),
        "an overflowing number is no count: {claims:?}"
    );
    let long_line = "killed 5 civilians in Aleppo ".repeat(20_000);
    let article = ingest::read_article("long.txt", long_line.as_bytes());
    assert!(!extractor.extract(&article).claims.is_empty());
}
