//! Whole-word phrase matching for the gazetteer and the party table.
//!
//! One Aho-Corasick pass finds every alias in an article; aliases written with
//! a leading `=` in the data files match case-sensitively ("=US" must not match
//! the pronoun "us"), all others ignore ASCII case.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use ledger_types::Span;

/// A phrase found in text: which entry it names and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub span: Span,
    pub entry: usize,
    /// End of the name itself: before a possessive "s" the span includes ("Aleppos").
    pub name_end: usize,
}

#[derive(Debug)]
pub struct PhraseMatcher {
    /// Every alias folded (see [`FoldedText`]) behind a leading space, so that a
    /// pattern can only match at a word start.
    automaton: Option<AhoCorasick>,
    /// Per pattern: the entry it names, and for a case-sensitive alias its exact bytes.
    patterns: Vec<(usize, Option<Box<[u8]>>)>,
    /// Accept "Aleppos" and "Syria's" for "Aleppo"/"Syria" (the corpus often lost apostrophes).
    allow_possessive: bool,
}

impl PhraseMatcher {
    /// `aliases`: (alias, entry index). Aliases starting with `=` are case-sensitive.
    pub fn new<'a>(
        aliases: impl IntoIterator<Item = (&'a str, usize)>,
        allow_possessive: bool,
    ) -> Result<PhraseMatcher, String> {
        let (mut folded_patterns, mut patterns) = (vec![], vec![]);
        for (alias, entry) in aliases {
            let alias = alias.trim();
            let (name, exact) = match alias.strip_prefix('=') {
                Some(exact) => (exact, Some(exact.as_bytes().into())),
                None => (alias, None),
            };
            if !name
                .bytes()
                .any(|b| b.is_ascii_alphanumeric() || !b.is_ascii())
            {
                continue;
            }
            folded_patterns.push(fold_text(name));
            patterns.push((entry, exact));
        }
        let automaton = if folded_patterns.is_empty() {
            None
        } else {
            let ac = AhoCorasickBuilder::new()
                // Standard semantics allow one overlapping pass that reports every
                // alias ending at each byte; choosing among them is ours (`find_all`).
                .match_kind(MatchKind::Standard)
                // A DFA costs memory once and makes the per-article scan several times faster.
                .kind(Some(AhoCorasickKind::DFA))
                .prefilter(false)
                .build(&folded_patterns)
                .map_err(|e| e.to_string())?;
            Some(ac)
        };
        Ok(PhraseMatcher {
            automaton,
            patterns,
            allow_possessive,
        })
    }

    /// Every whole-word match in `text`, sorted by position, longest first at a tie,
    /// without overlaps (but a name two entries share gives both, in entry order).
    pub fn find_all(&self, text: &str) -> Vec<Hit> {
        self.find_in(&FoldedText::new(text), Span::new(0, text.len()))
    }

    /// [`find_all`](Self::find_all) within `span` of a text folded once for many
    /// lookups; offsets are into the whole text.
    ///
    /// One pass reports every alias found, overlapping ones included, so that
    /// "syria s" rejected in "Syria since" does not hide "syria", nor "a monitor"
    /// in "a monitoring group" hide "monitoring group".
    pub fn find_in(&self, folded: &FoldedText, span: Span) -> Vec<Hit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let text = folded.text;
        // Byte i of the text is byte i + 1 of `folded`: the window starts with
        // the byte before the span, a match's leading space.
        let Some(window) = folded.bytes.get(span.start..span.end + 1) else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        for m in ac.find_overlapping_iter(window) {
            let Some((entry, exact)) = self.patterns.get(m.pattern().as_usize()) else {
                continue;
            };
            let (start, end) = (span.start + m.start(), span.start + m.end() - 1);
            if exact
                .as_ref()
                .is_some_and(|e| text.as_bytes().get(start..end) != Some(&e[..]))
            {
                continue;
            }
            if let Some(span_end) = self.word_bounds(text, start, end) {
                hits.push(Hit {
                    span: Span::new(start, span_end),
                    entry: *entry,
                    name_end: end,
                });
            }
        }
        hits.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end), h.entry));
        let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
        for h in hits {
            match out.last() {
                // One name, two entries (al-Midan in Aleppo and in Damascus): both
                // readings are kept, in entry order, for the caller to choose.
                Some(last) if last.span == h.span => {
                    if last.entry != h.entry {
                        out.push(h);
                    }
                }
                Some(last) if last.span.end > h.span.start => {}
                _ => out.push(h),
            }
        }
        out
    }

    /// The end of the word-bounded match `start..end` of `text` (past a possessive
    /// "s"), or None when the match begins or ends inside a word.
    fn word_bounds(&self, text: &str, start: usize, end: usize) -> Option<usize> {
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return None;
        }
        if text[..start].chars().next_back().is_some_and(is_word_char) {
            return None;
        }
        let mut after = text[end..].chars();
        match after.next() {
            None => Some(end),
            // "Syria's": a possessive after the name still names the place.
            Some(c) if !is_word_char(c) => Some(end),
            Some('s') if self.allow_possessive && !after.next().is_some_and(is_word_char) => {
                Some(end + 1)
            }
            Some(_) => None,
        }
    }
}

/// A text with its folded form for matching: `text` behind one space, with ASCII
/// letters lowercased and every other character that is not a letter or digit
/// (curly quotes and dashes too) turned into spaces, byte for byte, so that
/// offsets carry over, shifted by one.
#[derive(Debug)]
pub struct FoldedText<'a> {
    text: &'a str,
    bytes: Vec<u8>,
}

impl<'a> FoldedText<'a> {
    pub fn new(text: &'a str) -> FoldedText<'a> {
        FoldedText {
            text,
            bytes: fold_text(text),
        }
    }
}

/// ASCII letters lowercased, digits kept, everything else a space.
const ASCII_FOLD: [u8; 128] = {
    let mut table = [b' '; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// The folded form of [`FoldedText`].
fn fold_text(text: &str) -> Vec<u8> {
    let mut folded = Vec::with_capacity(text.len() + 1);
    folded.push(b' ');
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII, most of the text, go through the table.
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        folded.extend(
            rest.as_bytes()[..ascii]
                .iter()
                .map(|&b| ASCII_FOLD[usize::from(b & 0x7f)]),
        );
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            let len = c.len_utf8();
            if c.is_alphanumeric() {
                folded.extend_from_slice(&rest.as_bytes()[..len]);
            } else {
                folded.extend(std::iter::repeat_n(b' ', len));
            }
            rest = &rest[len..];
        }
    }
    folded
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The data rows of one tab-separated table (`#` comments and blank lines
/// skipped): (line number from 1, columns).
pub fn tsv_rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(n, line)| {
        let line = line.trim_end_matches('\r');
        (!line.trim().is_empty() && !line.starts_with('#'))
            .then(|| (n + 1, line.split('\t').collect()))
    })
}

/// Parses one `|`-separated alias cell.
pub fn split_aliases(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|a| !a.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_whole_words_and_possessives() {
        let m = PhraseMatcher::new(
            [
                ("Aleppo", 0),
                ("=US", 1),
                ("Deir ez-Zor", 2),
                ("Syria's", 3),
                ("Syria", 3),
            ],
            true,
        )
        .expect("valid patterns");
        let text = "Aleppos east, tell us, “US jets”, deir ez-zor, Aleppoans, in Syria since";
        let hits: Vec<(&str, usize)> = m
            .find_all(text)
            .iter()
            .map(|h| (&text[h.span.start..h.span.end], h.entry))
            .collect();
        assert_eq!(
            hits,
            [("Aleppos", 0), ("US", 1), ("deir ez-zor", 2), ("Syria", 3)]
        );
    }
}
