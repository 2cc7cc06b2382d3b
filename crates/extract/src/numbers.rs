//! Counts in text: digits, number words, vague amounts and their qualifiers,
//! read into the bounds GUIDELINES.md defines ("at least 47" is 47..).

use ledger_types::Qualifier;

use crate::lexicon::{is_singular_kin, is_singular_person, outcome_after, victim_noun};
use crate::tokens::{Token, TokenKind};

/// A count found in a token stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    /// First token of the count, qualifier included.
    pub first: usize,
    /// First token of the number itself (after any qualifier).
    pub number: usize,
    /// One past the last token of the count.
    pub end: usize,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub qualifier: Qualifier,
    /// The count was written as a bare "one": too ambiguous to stand alone.
    pub is_bare_one: bool,
    /// The count is a vague plural ("dozens", "thousands").
    pub is_vague: bool,
}

/// Vague amounts and the bounds the guidelines give them, longest phrase first.
pub const VAGUE_AMOUNTS: &[(&[&str], u64, u64)] = &[
    (&["hundreds", "of", "thousands"], 200_000, 999_999),
    (&["tens", "of", "thousands"], 20_000, 99_999),
    (&["dozens"], 24, 99),
    (&["hundreds"], 200, 999),
    (&["thousands"], 2_000, 9_999),
    (&["millions"], 2_000_000, 9_999_999),
    (&["tens"], 20, 99),
];

/// Qualifiers that stand before a number, longest first.
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    // "put the death toll at least at 85".
    (&["at", "least", "at"], Qualifier::AtLeast),
    (&["at", "least"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::MoreThan),
    (&["more", "then"], Qualifier::MoreThan),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["over"], Qualifier::MoreThan),
    (&["up", "to"], Qualifier::UpTo),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["at", "most"], Qualifier::UpTo),
    (&["as", "high", "as"], Qualifier::UpTo),
    (&["a", "maximum", "of"], Qualifier::UpTo),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["close", "to"], Qualifier::About),
    (&["an", "estimated"], Qualifier::About),
    // "killed a confirmed 33 militants": the count as stated.
    (&["a", "confirmed"], Qualifier::Exact),
    (&["approximately"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["about"], Qualifier::About),
    (&["nearly"], Qualifier::About),
    (&["almost"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["estimated"], Qualifier::About),
];

fn unit_value(w: &str) -> Option<u64> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens_value(w: &str) -> Option<u64> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn scale_value(w: &str) -> Option<u64> {
    Some(match w {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        _ => return None,
    })
}

/// "forty-seven", "seventeen", "ninety".
pub fn small_number_word(w: &str) -> Option<u64> {
    if let Some(v) = unit_value(w).or_else(|| tens_value(w)) {
        return Some(v);
    }
    let (t, u) = w.split_once('-')?;
    Some(tens_value(t)? + unit_value(u).filter(|u| *u < 10)?)
}

/// Can this word begin a number ("forty-seven", "a dozen", "dozens")?
fn may_start_number(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "dozens"
            | "dozen"
            | "hundreds"
            | "thousands"
            | "millions"
            | "tens"
            | "half"
            | "quarter"
            | "his"
            | "her"
            | "their"
    ) || unit_value(word).is_some()
        || tens_value(word).is_some()
        || (word.contains('-') && small_number_word(word).is_some())
}

/// Parses digits with thousands separators; None for decimals, overflow or junk.
pub fn parse_digits(s: &str) -> Option<u64> {
    let mut value: u64 = 0;
    let mut digits = false;
    for b in s.bytes() {
        match b {
            b'0'..=b'9' => {
                value = value.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                digits = true;
            }
            b',' => {}
            _ => return None,
        }
    }
    // A lone "," is punctuation, not the number 0.
    digits.then_some(value)
}

/// "1.5" followed by "million" is 1,500,000.
fn parse_decimal_times(s: &str, scale: u64) -> Option<u64> {
    let (int, frac) = s.split_once('.')?;
    let int = parse_digits(int)?;
    let digits = frac.len() as u32;
    if digits == 0 || digits > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let frac_v = frac.parse::<u64>().ok()?;
    let denom = 10u64.checked_pow(digits)?;
    int.checked_mul(scale)?
        .checked_add(frac_v.checked_mul(scale)? / denom)
}

/// Token access for the parser: lowercase text of token `i`.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    pub lower: &'a str,
    pub tokens: &'a [Token],
}

impl<'a> Words<'a> {
    pub fn get(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.lower.get(t.span.start..t.span.end))
            .unwrap_or("")
    }
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }
    pub fn len(&self) -> usize {
        self.tokens.len()
    }
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
    /// Do tokens `i..` spell `phrase`?
    pub fn matches(&self, i: usize, phrase: &[&str]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, w)| self.get(i + k) == *w)
    }
    /// Does a phrase end just before token `i` (i.e. occupy `i - len .. i`)?
    pub fn ends_before(&self, i: usize, phrase: &[&str]) -> bool {
        i >= phrase.len() && self.matches(i - phrase.len(), phrase)
    }
}

/// The value of a number starting at token `i` (no qualifier): (value, end, vague bounds).
/// A number read from text: value, end token, vague bounds, written as a bare "one".
type NumberReading = (u64, usize, Option<(u64, u64)>, bool);

fn number_at(w: &Words<'_>, i: usize) -> Option<NumberReading> {
    let word = w.get(i);
    // Fast exit for the common case: a word that starts no number.
    if w.kind(i) == Some(TokenKind::Word) && !may_start_number(word) {
        return None;
    }
    // "a quarter of a million", "half a million", "a half million".
    for (phrase, value) in [
        (&["a", "quarter", "of", "a", "million"][..], 250_000),
        (&["quarter", "of", "a", "million"][..], 250_000),
        (&["half", "a", "million"][..], 500_000),
        (&["a", "half", "million"][..], 500_000),
        (&["three", "quarters", "of", "a", "million"][..], 750_000),
    ] {
        if w.matches(i, phrase) {
            return Some((value, i + phrase.len(), None, false));
        }
    }
    // "half a dozen" is "about 6", as "a dozen" is "about 12".
    if w.matches(i, &["half", "a", "dozen"]) {
        return Some((6, i + 3, Some((6, 6)), false));
    }
    if w.matches(i, &["a", "half", "dozen"]) {
        return Some((6, i + 3, Some((6, 6)), false));
    }
    // Vague plurals.
    for (phrase, lo, hi) in VAGUE_AMOUNTS {
        if w.matches(i, phrase) {
            // "tens" alone only in "tens of <noun>" or "tens killed".
            if *phrase == ["tens"] && w.get(i + 1) != "of" && outcome_after(w.get(i + 1)).is_none()
            {
                return None;
            }
            return Some((*lo, i + phrase.len(), Some((*lo, *hi)), false));
        }
    }
    match w.kind(i)? {
        TokenKind::Number => {
            let next = w.get(i + 1);
            if let Some(scale) = scale_value(next).filter(|s| *s >= 1000) {
                let v = if word.contains('.') {
                    parse_decimal_times(word, scale)?
                } else {
                    parse_digits(word)?.checked_mul(scale)?
                };
                return Some((v, i + 2, None, false));
            }
            if word.contains('.') {
                return None;
            }
            // "1 000 civilians": thousands separated by a space.
            if word.len() <= 3
                && !word.contains(',')
                && w.kind(i + 1) == Some(TokenKind::Number)
                && w.get(i + 1).len() == 3
                && !w.get(i + 1).contains(',')
                && let Some(v) = format!("{word}{}", w.get(i + 1)).parse::<u64>().ok()
            {
                return Some((v, i + 2, None, false));
            }
            Some((parse_digits(word)?, i + 1, None, false))
        }
        TokenKind::Word => {
            // "a dozen", "two dozen", "a hundred", "three hundred and twenty".
            // "his son was injured": a possessive kin noun is one person; not in
            // "a man and his wife were killed", where the count is the pair.
            if matches!(word, "his" | "her" | "their")
                && is_singular_kin(w.get(i + 1))
                && (w.get(i.wrapping_sub(1)) != "and"
                    || outcome_after(w.get(i.wrapping_sub(2))).is_some())
            {
                return Some((1, i + 1, None, true));
            }
            // "which left dozen people killed": "a dozen" with its article lost
            // (not "several dozen", "a few dozen": no count).
            if word == "dozen"
                && victim_noun(w.get(i + 1)).is_some()
                && !matches!(
                    w.get(i.wrapping_sub(1)),
                    "several" | "few" | "half" | "a" | "an" | "some" | "many" | "couple"
                )
                && w.kind(i.wrapping_sub(1)) != Some(TokenKind::Number)
            {
                return Some((12, i + 1, Some((12, 12)), false));
            }
            let (mut current, mut j, starts_with_a) = if word == "a" || word == "an" {
                let next = w.get(i + 1);
                if next == "dozen" || scale_value(next).is_some() {
                    (1, i + 1, true)
                } else if is_singular_person(next)
                    || (is_singular_person(w.get(i + 2)) && w.kind(i + 1) == Some(TokenKind::Word))
                {
                    // "a woman was killed", "a young girl": one person, bound as
                    // tightly as a bare "one".
                    return Some((1, i + 1, None, true));
                } else {
                    return None;
                }
            } else if let Some(v) = small_number_word(word) {
                (v, i + 1, false)
            } else {
                return None;
            };
            let mut total = 0u64;
            let mut saw_word_after_first = false;
            loop {
                let next = w.get(j);
                if next == "dozen" {
                    current = current.checked_mul(12)?;
                    j += 1;
                    saw_word_after_first = true;
                } else if let Some(scale) = scale_value(next) {
                    if scale == 100 {
                        current = current.checked_mul(100)?;
                    } else {
                        total = total.checked_add(current.checked_mul(scale)?)?;
                        current = 0;
                    }
                    j += 1;
                    saw_word_after_first = true;
                } else if saw_word_after_first
                    && (next == "and" && small_number_word(w.get(j + 1)).is_some())
                {
                    j += 1;
                } else if let Some(v) = small_number_word(next).filter(|_| {
                    // "twenty five" / "hundred and five", but not "two three".
                    saw_word_after_first || (current % 10 == 0 && current >= 20)
                }) {
                    if v >= 10 && current % 100 != 0 {
                        break;
                    }
                    current = current.checked_add(v)?;
                    j += 1;
                    saw_word_after_first = true;
                } else {
                    break;
                }
            }
            let value = total.checked_add(current)?;
            let is_bare_one = value == 1 && j == i + 1;
            if starts_with_a && w.get(i + 1) == "dozen" && j == i + 2 {
                // "a dozen" is "about 12".
                return Some((12, j, Some((12, 12)), false));
            }
            Some((value, j, None, is_bare_one))
        }
        TokenKind::Mixed | TokenKind::Punct => None,
    }
}

/// Reads a count whose number starts at token `i`, looking back for a
/// qualifier and ahead for a range. `None` when token `i` starts no number.
pub fn count_at(w: &Words<'_>, i: usize) -> Option<Count> {
    // A hyphenated digit range written as one token: "10-15".
    if w.kind(i) == Some(TokenKind::Mixed) {
        let (a, b) = w.get(i).split_once('-')?;
        let (lo, hi) = (parse_digits(a)?, parse_digits(b)?);
        if lo >= hi || b.contains('-') {
            return None;
        }
        return Some(Count {
            first: i,
            number: i,
            end: i + 1,
            min: Some(lo),
            max: Some(hi),
            qualifier: Qualifier::Range,
            is_bare_one: false,
            is_vague: false,
        });
    }
    let (value, end, vague, is_bare_one) = number_at(w, i)?;
    let mut count = Count {
        first: i,
        number: i,
        end,
        min: Some(value),
        max: Some(value),
        qualifier: Qualifier::Exact,
        is_bare_one,
        is_vague: false,
    };
    if let Some((lo, hi)) = vague {
        count.min = Some(lo);
        count.max = Some(hi);
        count.is_vague = lo != hi;
        if lo != hi {
            count.qualifier = Qualifier::Vague;
            return Some(count);
        }
        // "a dozen" is about 12, unless a qualifier says otherwise ("more
        // than a dozen" is at least 12, open above).
        count.qualifier = Qualifier::About;
    }
    // "between 10 and 15", "10 to 15", "10 or 15".
    let joiner = w.get(end);
    if matches!(joiner, "to" | "and" | "or")
        && let Some((hi, hi_end, None, _)) = number_at(w, end + 1)
    {
        let before = if i > 0 { w.get(i - 1) } else { "" };
        let is_between = before == "between";
        let is_range = hi > value
            && match joiner {
                "and" => is_between,
                // "rose from 50 to 86" and "by 132 to 484" are changes, not ranges.
                _ => !matches!(before, "from" | "by"),
            };
        if is_range {
            count.first = if is_between { i - 1 } else { i };
            count.end = hi_end;
            count.min = Some(value);
            count.max = Some(hi);
            count.qualifier = Qualifier::Range;
            return Some(count);
        }
    }
    // Qualifier before the number.
    for (phrase, q) in QUALIFIERS {
        if w.ends_before(i, phrase) {
            count.first = i - phrase.len();
            count.qualifier = *q;
            match q {
                Qualifier::AtLeast | Qualifier::MoreThan => count.max = None,
                Qualifier::UpTo | Qualifier::LessThan => count.min = None,
                _ => {}
            }
            break;
        }
    }
    Some(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;
    use ledger_types::Span;

    fn first_count(s: &str) -> Option<(Option<u64>, Option<u64>, Qualifier)> {
        let lower = s.to_ascii_lowercase();
        let mut toks = Vec::new();
        tokenize(&lower, Span::new(0, s.len()), &mut toks);
        let w = Words {
            lower: &lower,
            tokens: &toks,
        };
        (0..toks.len())
            .find_map(|i| count_at(&w, i))
            .map(|c| (c.min, c.max, c.qualifier))
    }

    #[test]
    fn reads_the_guidelines_table() {
        use Qualifier::*;
        let cases: &[(&str, Option<u64>, Option<u64>, Qualifier)] = &[
            ("55 civilians", Some(55), Some(55), Exact),
            ("at least 47", Some(47), None, AtLeast),
            ("more than 200", Some(200), None, MoreThan),
            ("over 200", Some(200), None, MoreThan),
            ("roughly 220", Some(220), Some(220), About),
            ("nearly 170", Some(170), Some(170), About),
            ("up to 30", None, Some(30), UpTo),
            ("as many as 30", None, Some(30), UpTo),
            ("fewer than 10", None, Some(10), LessThan),
            ("between 10 and 15", Some(10), Some(15), Range),
            ("10 to 15", Some(10), Some(15), Range),
            ("10-15", Some(10), Some(15), Range),
            ("a dozen", Some(12), Some(12), About),
            ("half a dozen", Some(6), Some(6), About),
            ("more than a dozen", Some(12), None, MoreThan),
            ("nearly a dozen", Some(12), Some(12), About),
            ("up to a dozen", None, Some(12), UpTo),
            ("a dozen to 20", Some(12), Some(20), Range),
            ("two dozen", Some(24), Some(24), Exact),
            ("dozens", Some(24), Some(99), Vague),
            ("hundreds", Some(200), Some(999), Vague),
            ("thousands", Some(2000), Some(9999), Vague),
            ("tens of thousands", Some(20000), Some(99999), Vague),
            ("hundreds of thousands", Some(200000), Some(999999), Vague),
            ("tens of people", Some(20), Some(99), Vague),
            ("millions", Some(2000000), Some(9999999), Vague),
            ("forty-seven", Some(47), Some(47), Exact),
            ("twenty five", Some(25), Some(25), Exact),
            ("a hundred", Some(100), Some(100), Exact),
            ("three hundred and twenty", Some(320), Some(320), Exact),
            ("238,000", Some(238000), Some(238000), Exact),
            ("1.5 million", Some(1500000), Some(1500000), Exact),
            ("3 million", Some(3000000), Some(3000000), Exact),
            ("Eleven", Some(11), Some(11), Exact),
            ("over 1 000 civilians", Some(1000), None, MoreThan),
            (
                "more than a quarter of a million",
                Some(250000),
                None,
                MoreThan,
            ),
            ("as high as 470000", None, Some(470000), UpTo),
        ];
        for (text, lo, hi, q) in cases {
            assert_eq!(first_count(text), Some((*lo, *hi, *q)), "{text}");
        }
    }

    #[test]
    fn changes_are_not_ranges() {
        assert_eq!(
            first_count("by 132 to 484"),
            Some((Some(132), Some(132), Qualifier::Exact))
        );
    }

    #[test]
    fn absurd_numbers_do_not_overflow() {
        let big = "9".repeat(5000);
        assert_eq!(first_count(&big), None);
    }
}
