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
    // Speakers and actors: a sentence opening with a speaker's phrase once
    // sent a claimant rule into a loop without end.
    "Local officials placed the death toll at",
    "said it had killed",
    "its jets killed",
    "says kills",
    "gave a lower toll of",
    "in Idlib said",
    ", an NGO,",
    "told Anadolu Agency",
    "Haddad reported",
    "al-Watan News",
    "Turkish border guards",
    "among",
    "fired shells that killed",
    "the five-year conflict",
    "in recent days",
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
            if !rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        let article = ingest::read_article(&format!("case-{case}.txt"), text.as_bytes());
        let extraction = extractor.extract(&article);
        for claim in &extraction.claims {
            // Spans must be real slices of the text (or of the title they came from).
            let source = if claim.in_title {
                &article.title
            } else {
                &article.text
            };
            assert_eq!(
                source.get(claim.sentence_span.start..claim.sentence_span.end),
                Some(claim.sentence.as_str())
            );
            assert!(
                source
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

/// Ingestion regression found by the `ingest` fuzz target: a line opening
/// with ". " made the title its empty "first sentence".
#[test]
fn a_line_opening_with_a_period_still_gives_a_title() {
    let extractor = Extractor::builtin().expect("built-in data loads");
    for text in [
        ". d.",
        "... d.",
        ". At least 5 people were killed in Aleppo.",
    ] {
        let article = ingest::read_article("period.txt", text.as_bytes());
        assert!(!article.title.is_empty(), "empty title for {text:?}");
        check_claims(&article, &extractor.extract(&article).claims);
    }
}

/// Text shapes that were quadratic (minutes for a few hundred kilobytes):
/// periods with no space between ("U.S.U.S.…", the sentence splitter read
/// back to the sentence start at each), and runs of furniture markers (the
/// title search and the heading, credit and appeal rules re-read the whole
/// line or the rest of the text at each). Speed is not asserted here; these
/// inputs keep the shapes exercised, and a regression shows as a slow test.
#[test]
fn marker_runs_and_dotted_runs_are_read_whole() {
    let extractor = Extractor::builtin().expect("built-in data loads");
    for unit in [
        "U.S.",
        "a!",
        "Tweet\n",
        "Tweet\n---\n",
        "(AFP) ",
        "Photo: AFP\n",
        "Get short URL 215\n",
        "Read more ",
        "5 Related ",
        ".YouTube",
        ". AP Photo ",
        "Click here to support ",
        "For as little as $",
        "killed 5 civilians. ",
    ] {
        let text = unit.repeat(40_000 / unit.len());
        let article = ingest::read_article("shape.txt", text.as_bytes());
        assert!(!article.title.is_empty(), "{unit:?}");
        check_claims(&article, &extractor.extract(&article).claims);
    }
}

/// What every claim of every article must satisfy: its sentence is the text
/// (or title) at its sentence span, its count's words lie inside that sentence,
/// and a range is not upside down.
fn check_claims(article: &ledger_extract::Article, claims: &[ledger_extract::Claim]) {
    for claim in claims {
        let text = if claim.in_title {
            article.title.as_str()
        } else {
            article.text.as_str()
        };
        let (sentence, count) = (claim.sentence_span, claim.count_span);
        assert_eq!(
            text.get(sentence.start..sentence.end),
            Some(claim.sentence.as_str()),
            "sentence span {sentence:?} does not give the claim's sentence"
        );
        assert!(
            count.start <= count.end && sentence.contains(count),
            "count span {count:?} outside sentence span {sentence:?}"
        );
        assert!(text.get(count.start..count.end).is_some());
        if let (Some(min), Some(max)) = (claim.count_min, claim.count_max) {
            assert!(min <= max, "count {min}..{max} upside down");
        }
    }
}

/// Property tests: arbitrary text, arbitrary bytes, and text built from a
/// casualty vocabulary so that generated cases reach the claim rules.
mod properties {
    use super::check_claims;
    use ledger_extract::{Extractor, ingest};
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn extractor() -> &'static Extractor {
        static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
        EXTRACTOR.get_or_init(|| Extractor::builtin().expect("built-in data loads"))
    }

    fn run(name: &str, bytes: &[u8]) {
        let article = ingest::read_article(name, bytes);
        let claims = extractor().extract(&article).claims;
        check_claims(&article, &claims);
    }

    const WORDS: &[&str] = &[
        "killed",
        "were killed",
        "was killed",
        "dead",
        "died",
        "wounded",
        "injured",
        "casualties",
        "displaced",
        "trapped",
        "detained",
        "missing",
        "kidnapped",
        "executed",
        "the death toll rose to",
        "among the dead were",
        "at least",
        "more than",
        "nearly",
        "up to",
        "as many as",
        "about",
        "between",
        "and",
        "to",
        "of",
        "of whom",
        "of them",
        "including",
        "others",
        "a",
        "one",
        "two",
        "twelve",
        "a dozen",
        "dozens of",
        "hundreds of",
        "tens of thousands of",
        "civilians",
        "people",
        "children",
        "women",
        "fighters",
        "militants",
        "troops",
        "a woman",
        "a child",
        "according to",
        "the Observatory said",
        "the Syrian Observatory for Human Rights",
        "it said",
        "state TV reported",
        "by",
        "US-led coalition",
        "Russian airstrikes",
        "Islamic State",
        "denied any civilian casualties",
        "no",
        "in",
        "from",
        "Aleppo",
        "Syria's",
        "Raqqa",
        "Idlib",
        "Homs",
        "Deir ez-Zor",
        "Khan Sheikhoun",
        "East Ghouta",
        "Damascus",
        "Syria",
        "on Tuesday",
        "yesterday",
        "last week",
        "since March 2011",
        "so far",
        "the war",
        "on April 4",
        "June 3, 2017",
        "2017-06-03",
        "Sept.",
        "U.S.",
        "Gen.",
        "the",
        ".",
        ",",
        ";",
        ":",
        "(",
        ")",
        "\"",
        "'",
        "-",
        "—",
        "“",
        "”",
        "’s",
        "%",
        "$",
        "km",
        "\u{200f}",
        "\u{200e}",
        "\u{202e}",
        "\u{a0}",
        "\u{feff}",
        "سوريا",
        "é",
        "Read more:",
        "Get short URL",
        "Tweet",
        "Photo: AFP",
        "(banned in Russia)",
    ];

    const SEPARATORS: &[&str] = &[" ", " ", " ", "", "\n", "\n\n", "\r\n", ", ", ". ", "\t"];

    /// One piece of casualty-shaped text: a word, a number of any shape, or a date.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => proptest::sample::select(WORDS).prop_map(String::from),
            1 => (0u64..2_000).prop_map(|n| n.to_string()),
            1 => any::<u64>().prop_map(|n| n.to_string()),
            1 => (1u64..1_000, 0u64..1_000).prop_map(|(a, b)| format!("{a},{b:03}")),
            1 => (0u64..100, 0u64..100).prop_map(|(a, b)| format!("{a}-{b}")),
            1 => "[1-9][0-9]{18,400}",
            1 => "[0-9,.]{1,12}",
            1 => (1900i32..2100, 0u8..14, 0u8..33)
                .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        ]
    }

    /// Text of casualty-shaped pieces, sometimes under front matter.
    fn casualty_text() -> impl Strategy<Value = String> {
        let front = prop_oneof![
            Just(String::new()),
            (1900i32..2100, 0u8..14, 0u8..33).prop_map(|(y, m, d)| format!(
                "---\ntitle: \"At least 5 killed\"\ndate: {y:04}-{m:02}-{d:02}\n---\n"
            )),
            Just("---\ntitle: x\n".to_string()),
            Just("---\r\ndate: 2017-06-03\r\n---\r\n".to_string()),
        ];
        let body =
            proptest::collection::vec((piece(), proptest::sample::select(SEPARATORS)), 0..120);
        (front, body).prop_map(|(front, body)| {
            let mut text = front;
            for (piece, sep) in body {
                text.push_str(&piece);
                text.push_str(sep);
            }
            text
        })
    }

    // Case counts keep this file's run under a second in debug test mode.
    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 512,
            ..ProptestConfig::default()
        })]

        #[test]
        fn never_panics_on_arbitrary_text(
            chars in proptest::collection::vec(any::<char>(), 0..1_500),
        ) {
            let text: String = chars.into_iter().collect();
            run("any.txt", text.as_bytes());
        }

        #[test]
        fn never_panics_on_arbitrary_bytes(
            bytes in proptest::collection::vec(any::<u8>(), 0..2_000),
            name in "[a-z.]{0,8}",
        ) {
            run(&name, &bytes);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 1024,
            ..ProptestConfig::default()
        })]

        #[test]
        fn never_panics_on_casualty_shaped_text(text in casualty_text()) {
            run("shaped.md", text.as_bytes());
        }
    }
}

/// A file of nothing but counts is capped, with a problem saying so, so that
/// its claims (each carrying its sentence) cannot take gigabytes.
#[test]
fn claims_per_article_are_capped_with_a_problem() {
    let extractor = Extractor::builtin().expect("built-in data loads");
    let text: String = (0..ledger_extract::MAX_CLAIMS_PER_ARTICLE + 50)
        .map(|n| format!("Strikes killed {} civilians. ", n + 2))
        .collect();
    let article = ingest::read_article("counts.txt", text.as_bytes());
    let extraction = extractor.extract(&article);
    assert_eq!(
        extraction.claims.len(),
        ledger_extract::MAX_CLAIMS_PER_ARTICLE
    );
    assert!(
        extraction
            .problems
            .iter()
            .any(|p| p.kind == "too_many_claims"),
        "{:?}",
        extraction.problems
    );
}
