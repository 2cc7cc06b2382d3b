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
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            let end = i + c.len_utf8();
            out.push(Token {
                kind: TokenKind::Punct,
                span: Span::new(range.start + i, range.start + end),
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut has_digit = c.is_ascii_digit();
        let mut has_alpha = !has_digit;
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                has_digit |= d.is_ascii_digit();
                has_alpha |= !d.is_ascii_digit();
                end = j + d.len_utf8();
                iter.next();
                continue;
            }
            // Inner joiners: keep "238,000", "1.5", "US-led", "Syria's" whole,
            // but only when an alphanumeric follows directly.
            let next_is_alnum = slice[j + d.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            let prev = bytes.get(j.wrapping_sub(1)).copied().unwrap_or(b' ');
            let joins = match d {
                ',' | '.' => {
                    prev.is_ascii_digit()
                        && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
                        && (d == '.' || thousands_group_follows(&slice[j + 1..]))
                }
                '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}' => next_is_alnum,
                _ => false,
            };
            if !joins {
                break;
            }
            end = j + d.len_utf8();
            iter.next();
        }
        let kind = match (has_digit, has_alpha) {
            (true, false) => {
                if slice[i..end].contains('-') {
                    TokenKind::Mixed
                } else {
                    TokenKind::Number
                }
            }
            (false, _) => TokenKind::Word,
            (true, true) => TokenKind::Mixed,
        };
        out.push(Token {
            kind,
            span: Span::new(range.start + i, range.start + end),
        });
    }
}

/// "1,200" is one number but "in 2016, 300" are two: a comma joins digits
/// only when exactly three digits follow it.
fn thousands_group_follows(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits == 3
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

    #[test]
    fn keeps_separators_inside_numbers_and_words() {
        let w = words("more than 238,000 US-led Syria's 1.5 10-15, 2016, 300 people");
        let texts: Vec<&str> = w.iter().map(|(t, _)| *t).collect();
        assert_eq!(
            texts,
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
