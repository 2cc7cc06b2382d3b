//! Word tokens with byte offsets, the unit every extraction rule looks at.
//!
//! The tokenizer works on the article text and an ASCII-lowercased copy of it
//! (same byte length, so spans are shared): rules compare lowercase words
//! without allocating.

use ledger_types::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes ("US-led", "Syria's").
    Word,
    /// Digits, possibly with inner thousands separators or a decimal point ("238,000").
    Number,
    /// Digits joined to letters or a hyphenated range ("10-15", "5-year-old", "1st").
    Mixed,
    /// One character of punctuation.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

/// Splits `text[range]` into tokens. Whitespace is dropped; any other
/// non-alphanumeric character is a one-character `Punct` token.
pub fn tokenize(text: &str, range: Span, out: &mut Vec<Token>) {
    out.clear();
    let Some(slice) = text.get(range.start..range.end) else {
        return;
    };
    let bytes = slice.as_bytes();
    // ASCII fast path: most news text is ASCII, and char decoding dominated.
    let decode = |i: usize| -> (char, usize) {
        match bytes.get(i) {
            Some(&b) if b < 0x80 => (char::from(b), 1),
            Some(_) => slice
                .get(i..)
                .and_then(|s| s.chars().next())
                .map_or((' ', 1), |c| (c, c.len_utf8())),
            None => (' ', 1),
        }
    };
    let is_alnum = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        }
    };
    let push = |out: &mut Vec<Token>, kind, a: usize, b: usize| {
        out.push(Token {
            kind,
            span: Span::new(range.start + a, range.start + b),
        });
    };
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = decode(i);
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !is_alnum(c) {
            push(out, TokenKind::Punct, i, i + len);
            i += len;
            continue;
        }
        let mut end = i + len;
        let mut has_digit = c.is_ascii_digit();
        let mut has_alpha = !has_digit;
        let mut has_hyphen = false;
        while end < bytes.len() {
            let (d, dl) = decode(end);
            if is_alnum(d) {
                has_digit |= d.is_ascii_digit();
                has_alpha |= !d.is_ascii_digit();
                end += dl;
                continue;
            }
            // Inner joiners: keep "238,000", "1.5", "US-led", "Syria's" whole,
            // but only when an alphanumeric follows directly.
            let next_is_alnum = end + dl < bytes.len() && is_alnum(decode(end + dl).0);
            let prev = bytes.get(end.wrapping_sub(1)).copied().unwrap_or(b' ');
            let joins = match d {
                ',' | '.' => {
                    prev.is_ascii_digit()
                        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
                        && (d == '.' || thousands_group_follows(&bytes[end + 1..]))
                }
                // (Not a dash that lost its spaces: "killed on Monday-and
                // scores wounded"; "hit-and-run" stays whole.)
                '-' => next_is_alnum && !dash_before_and(bytes.get(end + 1..).unwrap_or(&[])),
                '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}' => next_is_alnum,
                _ => false,
            };
            if !joins {
                break;
            }
            has_hyphen |= d == '-';
            end += dl;
        }
        let kind = match (has_digit, has_alpha) {
            (true, false) if has_hyphen => TokenKind::Mixed,
            (true, false) => TokenKind::Number,
            (false, _) => TokenKind::Word,
            (true, true) => TokenKind::Mixed,
        };
        push(out, kind, i, end);
        i = end;
    }
}

/// Whether `rest`, just after a hyphen, is "and" ending a word: a dash
/// glued between two clauses.
fn dash_before_and(rest: &[u8]) -> bool {
    rest.get(..3)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"and"))
        && rest.get(3).is_some_and(u8::is_ascii_whitespace)
}

/// "1,200" is one number but "in 2016, 300" are two: a comma joins digits
/// only when exactly three digits follow it.
fn thousands_group_follows(rest: &[u8]) -> bool {
    rest.iter().take_while(|b| b.is_ascii_digit()).count() == 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut out);
        out.iter()
            .map(|t| (&s[t.span.start..t.span.end], t.kind))
            .collect()
    }

    /// The tokens' texts alone.
    fn texts(s: &str) -> Vec<&str> {
        words(s).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn a_dash_glued_before_and_splits_words() {
        assert_eq!(
            texts("killed on Monday-and scores in a hit-and-run"),
            [
                "killed",
                "on",
                "Monday",
                "-",
                "and",
                "scores",
                "in",
                "a",
                "hit-and-run"
            ]
        );
    }

    #[test]
    fn keeps_separators_inside_numbers_and_words() {
        let text = "more than 238,000 US-led Syria's 1.5 10-15, 2016, 300 people";
        let w = words(text);
        assert_eq!(
            texts(text),
            [
                "more", "than", "238,000", "US-led", "Syria's", "1.5", "10-15", ",", "2016", ",",
                "300", "people"
            ]
        );
        assert_eq!(w[2].1, TokenKind::Number);
        assert_eq!(w[6].1, TokenKind::Mixed);
    }

    #[test]
    fn handles_multibyte_text() {
        let w = words("“Almost 1,000 – killed” ‏سوريا");
        assert!(w.iter().any(|(t, _)| *t == "1,000"));
        assert!(w.iter().any(|(t, _)| *t == "سوريا"));
    }
}
