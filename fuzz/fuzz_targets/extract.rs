//! Bytes to article to claims: `read_article` then `Extractor::extract`.
//!
//! Besides "never panics", every claim must carry the exact sentence it was
//! read from (`text[sentence_span] == sentence`, or the title's for a claim
//! read from a title the text does not repeat), its count's words must lie
//! inside that sentence, and a range must not be upside down.

#![no_main]

use std::sync::OnceLock;

use ledger_extract::{Extractor, ingest::read_article};
use ledger_types::ArticleStatus;
use libfuzzer_sys::fuzz_target;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::builtin().expect("built-in data loads"))
}

fuzz_target!(|data: &[u8]| {
    let article = read_article("fuzz.md", data);
    let extraction = extractor().extract(&article);
    if article.status == ArticleStatus::Skipped {
        assert!(extraction.claims.is_empty());
    }
    for (n, claim) in extraction.claims.iter().enumerate() {
        // A title claim's spans point into the title.
        let text = if claim.in_title {
            article.title.as_str()
        } else {
            article.text.as_str()
        };
        let sentence = claim.sentence_span;
        let count = claim.count_span;
        assert_eq!(
            text.get(sentence.start..sentence.end),
            Some(claim.sentence.as_str()),
            "claim {n}: sentence span {sentence:?} does not give its sentence"
        );
        assert!(
            count.start <= count.end && sentence.contains(count),
            "claim {n}: count span {count:?} outside sentence span {sentence:?}"
        );
        assert!(
            text.get(count.start..count.end).is_some(),
            "claim {n}: count span {count:?} not on char boundaries"
        );
        if let (Some(min), Some(max)) = (claim.count_min, claim.count_max) {
            assert!(min <= max, "claim {n}: count {min}..{max} upside down");
        }
        assert_eq!(claim.article, article.id);
        assert_eq!(claim.id, format!("{}#{}", article.id, n + 1));
    }
});
