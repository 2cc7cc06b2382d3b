//! Whole-word phrase matching for the gazetteer and the party table.
//!
//! One Aho-Corasick pass finds every alias in an article; aliases written with
//! a leading `=` in the data files match case-sensitively ("=US" must not match
//! the pronoun "us"), all others ignore ASCII case.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
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
    insensitive: Option<AhoCorasick>,
    insensitive_entries: Vec<usize>,
    sensitive: Option<AhoCorasick>,
    sensitive_entries: Vec<usize>,
    /// Accept "Aleppos" and "Syria's" for "Aleppo"/"Syria" (the corpus often lost apostrophes).
    allow_possessive: bool,
}

impl PhraseMatcher {
    /// `aliases`: (alias, entry index). Aliases starting with `=` are case-sensitive.
    pub fn new<'a>(
        aliases: impl IntoIterator<Item = (&'a str, usize)>,
        allow_possessive: bool,
    ) -> Result<PhraseMatcher, String> {
        let (mut ins, mut ins_e, mut sen, mut sen_e) = (vec![], vec![], vec![], vec![]);
        for (alias, entry) in aliases {
            let alias = alias.trim();
            if let Some(exact) = alias.strip_prefix('=') {
                if !exact.is_empty() {
                    sen.push(exact.as_bytes().to_vec());
                    sen_e.push(entry);
                }
            } else if alias
                .bytes()
                .any(|b| b.is_ascii_alphanumeric() || !b.is_ascii())
            {
                // Folded and led by a space: a pattern can only match at a word start.
                let mut folded = vec![b' '];
                folded.extend(alias.bytes().map(fold_byte));
                ins.push(folded);
                ins_e.push(entry);
            }
        }
        let build = |pats: &[Vec<u8>]| -> Result<Option<AhoCorasick>, String> {
            if pats.is_empty() {
                return Ok(None);
            }
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                // A DFA costs memory once and makes the per-article scan several times faster.
                .kind(Some(AhoCorasickKind::DFA))
                .prefilter(false)
                .build(pats)
                .map(Some)
                .map_err(|e| e.to_string())
        };
        Ok(PhraseMatcher {
            insensitive: build(&ins)?,
            insensitive_entries: ins_e,
            sensitive: build(&sen)?,
            sensitive_entries: sen_e,
            allow_possessive,
        })
    }

    /// Every whole-word match in `text`, sorted by position, longest first at a tie,
    /// without overlaps.
    pub fn find_all(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        if let Some(ac) = &self.insensitive {
            // The text folded like the patterns, behind one leading space: byte i of
            // the text is byte i + 1 of `folded`.
            let mut folded = Vec::with_capacity(text.len() + 1);
            folded.push(b' ');
            folded.extend(text.bytes().map(fold_byte));
            self.scan(ac, &self.insensitive_entries, text, &folded, 1, &mut hits);
        }
        if let Some(ac) = &self.sensitive {
            self.scan(
                ac,
                &self.sensitive_entries,
                text,
                text.as_bytes(),
                0,
                &mut hits,
            );
        }
        hits.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
        let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
        for h in hits {
            if out.last().is_none_or(|last| last.span.end <= h.span.start) {
                out.push(h);
            }
        }
        out
    }

    /// Leftmost-longest search of `haystack` (which is `text` shifted by `shift`
    /// bytes). A match that ends inside a word is retried shorter at the same
    /// start, then one byte on, so that "syria s" rejected in "Syria since" does
    /// not hide "syria", nor "a monitor" in "a monitoring group" hide
    /// "monitoring group".
    fn scan(
        &self,
        ac: &AhoCorasick,
        entries: &[usize],
        text: &str,
        haystack: &[u8],
        shift: usize,
        hits: &mut Vec<Hit>,
    ) {
        let mut pos = 0;
        let mut limit = haystack.len();
        while pos < haystack.len() {
            let Some(m) = ac.find(Input::new(haystack).span(pos..limit)) else {
                if limit < haystack.len() {
                    // No shorter match at the rejected start: move past it.
                    limit = haystack.len();
                    pos += 1;
                    continue;
                }
                break;
            };
            if limit < haystack.len() && m.start() != pos {
                // The shorter retry found a later match; go back to a full search.
                limit = haystack.len();
                pos += 1;
                continue;
            }
            // A folded pattern starts with the space before the word: its match
            // starts where the word starts in `text`.
            let start = m.start();
            let end = m.end() - shift;
            match self.word_bounds(text, start, end) {
                Some(span_end) => {
                    if let Some(&entry) = entries.get(m.pattern().as_usize()) {
                        hits.push(Hit {
                            span: Span::new(start, span_end),
                            entry,
                            name_end: end,
                        });
                    }
                    pos = m.end();
                    limit = haystack.len();
                }
                // Rejected ("syria s" in "Syria since"): try shorter matches at the
                // same start before moving on.
                None => {
                    pos = m.start();
                    limit = m.end() - 1;
                    if limit <= pos {
                        limit = haystack.len();
                        pos += 1;
                    }
                }
            }
        }
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

/// Lowercases ASCII letters and turns ASCII punctuation and spaces into a space,
/// keeping byte length (so offsets carry over) and UTF-8 validity.
fn fold_byte(b: u8) -> u8 {
    if b.is_ascii_alphanumeric() || !b.is_ascii() {
        b.to_ascii_lowercase()
    } else {
        b' '
    }
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
        let text = "Aleppos east, tell us, US jets, deir ez-zor, Aleppoans, in Syria since";
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
