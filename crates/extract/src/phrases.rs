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
                    sen.push(exact.to_string());
                    sen_e.push(entry);
                }
            } else if !alias.is_empty() {
                ins.push(alias.to_string());
                ins_e.push(entry);
            }
        }
        let build = |pats: &[String], ci: bool| -> Result<Option<AhoCorasick>, String> {
            if pats.is_empty() {
                return Ok(None);
            }
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(ci)
                .match_kind(MatchKind::LeftmostLongest)
                // A DFA costs memory once and makes the per-article scan several times faster.
                .kind(Some(AhoCorasickKind::DFA))
                .build(pats)
                .map(Some)
                .map_err(|e| e.to_string())
        };
        Ok(PhraseMatcher {
            insensitive: build(&ins, true)?,
            insensitive_entries: ins_e,
            sensitive: build(&sen, false)?,
            sensitive_entries: sen_e,
            allow_possessive,
        })
    }

    /// Every whole-word match in `text`, sorted by position, longest first at a tie,
    /// without overlaps.
    pub fn find_all(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (ac, entries) in [
            (&self.insensitive, &self.insensitive_entries),
            (&self.sensitive, &self.sensitive_entries),
        ] {
            let Some(ac) = ac else { continue };
            // Leftmost-longest search, restarted one character after a match that
            // is only part of a word, so that "a monitor" rejected in "a monitoring
            // group" does not hide "monitoring group" behind it.
            let mut pos = 0;
            while pos < text.len() {
                let Some(m) = ac.find(Input::new(text).span(pos..text.len())) else {
                    break;
                };
                match self.word_end(text, m.start(), m.end()) {
                    Some(end) => {
                        if let Some(&entry) = entries.get(m.pattern().as_usize()) {
                            hits.push(Hit {
                                span: Span::new(m.start(), end),
                                entry,
                                name_end: m.end(),
                            });
                        }
                        pos = m.end();
                    }
                    None => {
                        pos =
                            m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
                    }
                }
            }
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

    /// The end of the word-bounded match, or None when the match sits inside a word.
    fn word_end(&self, text: &str, start: usize, end: usize) -> Option<usize> {
        let before = text[..start].chars().next_back();
        if before.is_some_and(is_word_char) {
            return None;
        }
        let rest = &text[end..];
        let mut after = rest.chars();
        match after.next() {
            None => Some(end),
            Some(c) if !is_word_char(c) => {
                // "Syria's": a possessive after the name still names the place.
                Some(end)
            }
            Some('s') if self.allow_possessive && !after.next().is_some_and(is_word_char) => {
                Some(end + 1)
            }
            Some(_) => None,
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
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
        let m = PhraseMatcher::new([("Aleppo", 0), ("=US", 1), ("Deir ez-Zor", 2)], true)
            .expect("valid patterns");
        let text = "Aleppos east, tell us, US jets, deir ez-zor, Aleppoans";
        let hits: Vec<(&str, usize)> = m
            .find_all(text)
            .iter()
            .map(|h| (&text[h.span.start..h.span.end], h.entry))
            .collect();
        assert_eq!(hits, [("Aleppos", 0), ("US", 1), ("deir ez-zor", 2)]);
    }
}
