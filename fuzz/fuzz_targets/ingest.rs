//! `read_article` on arbitrary bytes under an arbitrary file name.
//!
//! The input is the file's bytes; when it contains the marker `\xFF\xFE`, the
//! bytes after the last marker are the file name (read lossily as UTF-8) and
//! the bytes before it are the file. Otherwise the name is picked from a small
//! list of awkward names by the input's length, so seed files stay whole.
//!
//! Besides "never panics", it checks what every article must satisfy: sorted,
//! disjoint, in-text furniture spans on char boundaries that `is_furniture`
//! recognises; a non-empty title; a 32-digit content hash; status agreeing
//! with problems; valid UTF-8 text files (not HTML pages) kept byte for byte
//! (less a BOM); determinism.

#![no_main]

use ledger_extract::ingest::{is_furniture, read_article};
use ledger_types::{ArticleStatus, Span};
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "article.txt",
    "article.md",
    "article.markdown",
    "page.html",
    "PAGE.HTM",
    "ARTICLE.TXT",
    "noext",
    ".txt",
    ".",
    "..",
    "a.b.c.md",
    "dir/sub/x.txt",
    "سوريا.txt",
    "x.",
    " .md",
    "\u{feff}.txt",
];

const MARKER: &[u8] = b"\xFF\xFE";

fn split(data: &[u8]) -> (String, &[u8]) {
    let marker = data.windows(MARKER.len()).rposition(|w| w == MARKER);
    match marker {
        Some(at) => (
            String::from_utf8_lossy(&data[at + MARKER.len()..]).into_owned(),
            &data[..at],
        ),
        None => (NAMES[data.len() % NAMES.len()].to_string(), data),
    }
}

fuzz_target!(|data: &[u8]| {
    let (name, bytes) = split(data);
    let article = read_article(&name, bytes);
    let text = &article.text;

    let mut previous_end = 0;
    for f in &article.furniture {
        let Span { start, end } = f.span;
        assert!(start < end && end <= text.len(), "bad span {start}..{end}");
        assert!(
            start >= previous_end,
            "unsorted or overlapping {start}..{end}"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "span {start}..{end} not on char boundaries"
        );
        assert!(is_furniture(&article, f.span));
        assert!(is_furniture(&article, Span::new(start, start + 1)));
        previous_end = end;
    }
    // Arbitrary spans, even out of the text, are answered without panicking.
    for span in [
        Span::new(0, text.len()),
        Span::new(text.len(), text.len() + 10),
        Span::new(usize::MAX - 1, usize::MAX),
        Span::new(5, 2),
    ] {
        let _ = is_furniture(&article, span);
    }

    // The title falls back to the id, which falls back to the file name.
    if !name.is_empty() {
        assert!(!article.title.is_empty(), "empty title");
    }
    assert_eq!(article.file, name);
    assert_eq!(article.content_hash.len(), 32);
    assert!(article.content_hash.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(
        article.problems.is_empty(),
        article.status == ArticleStatus::Ok,
        "status disagrees with problems: {:?} {:?}",
        article.status,
        article.problems
    );
    if article.status == ArticleStatus::Skipped {
        assert!(!article.problems.is_empty());
    } else {
        assert!(text.chars().any(char::is_alphabetic));
        // An HTML page's text is what readability extraction made of it.
        let html = std::path::Path::new(&name)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        if !html && std::str::from_utf8(bytes).is_ok() {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            assert!(
                body.ends_with(text.as_bytes()),
                "text is not the tail of the file's bytes"
            );
        }
    }
    assert_eq!(article, read_article(&name, bytes), "not deterministic");
});
