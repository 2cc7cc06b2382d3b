//! Publication dates near the top of a text: ` date 2017-06-03`, "Date of publication 25 July
//! 2016", "Tue 05 Jul 2016", "20.04.2017", "Last updated at Apr 232017" and friends.

use ledger_types::{Date, Span};

/// A date found at the top of a text, and the dateline words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dateline {
    pub date: Date,
    /// The dateline words (prefix, weekday, date, time): page furniture.
    pub span: Span,
}

/// How far into the text a dateline may sit.
const WINDOW: usize = 300;

const MONTHS: [(&str, i8); 12] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

use crate::lexicon::WEEKDAYS;

/// Words that announce a dateline, longest first so "Published on" wins over "Published".
const PREFIXES: [&str; 10] = [
    "date of publication",
    "last updated at",
    "last updated on",
    "last updated:",
    "last updated",
    "last update:",
    "published on",
    "published:",
    "published",
    "posted on",
];

fn byte(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

fn digits_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while byte(b, j).is_ascii_digit() {
        j += 1;
    }
    j
}

fn letters_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while byte(b, j).is_ascii_alphabetic() {
        j += 1;
    }
    j
}

fn number(b: &[u8], start: usize, end: usize) -> Option<i32> {
    std::str::from_utf8(b.get(start..end)?).ok()?.parse().ok()
}

/// A month name or its 3-letter (or "Sept") abbreviation, capitalised.
fn month(word: &[u8]) -> Option<i8> {
    if word.len() < 3 || !byte(word, 0).is_ascii_uppercase() {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    MONTHS.iter().find_map(|(name, number)| {
        let full = name.as_bytes();
        let fits = lower == full
            || (lower.len() == 3 && full.starts_with(&lower))
            || (lower == b"sept" && *number == 9);
        fits.then_some(*number)
    })
}

fn is_weekday(word: &[u8]) -> bool {
    if word.len() < 3 || !byte(word, 0).is_ascii_uppercase() {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    WEEKDAYS.iter().any(|day| {
        let full = day.as_bytes();
        lower == full
            || (lower.len() == 3 && full.starts_with(&lower))
            || (lower.len() == 4
                && full.starts_with(&lower)
                && matches!(&lower[..], b"tues" | b"thur" | b"wedn"))
    })
}

fn plausible(year: i32, month: i32, day: i32) -> Option<Date> {
    if !(1990..=2100).contains(&year) {
        return None;
    }
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    while matches!(byte(b, i), b' ' | b'\t') {
        i += 1;
    }
    i
}

/// Parses a date starting exactly at `i`; returns where it ends.
fn date_at(b: &[u8], i: usize) -> Option<(usize, Date)> {
    let first_end = digits_end(b, i);
    let first_len = first_end - i;
    if first_len == 4 && byte(b, first_end) == b'-' {
        // 2017-04-20
        let m_end = digits_end(b, first_end + 1);
        let d_end = digits_end(b, m_end + 1);
        if (1..=2).contains(&(m_end - first_end - 1))
            && byte(b, m_end) == b'-'
            && (1..=2).contains(&(d_end - m_end - 1))
        {
            let date = plausible(
                number(b, i, first_end)?,
                number(b, first_end + 1, m_end)?,
                number(b, m_end + 1, d_end)?,
            )?;
            return Some((d_end, date));
        }
        return None;
    }
    if (1..=2).contains(&first_len) {
        let sep = byte(b, first_end);
        if matches!(sep, b'.' | b'-' | b'/') {
            // 20.04.2017, 09-06-2016, 04/20/2017
            let second_end = digits_end(b, first_end + 1);
            let y_end = digits_end(b, second_end + 1);
            if (1..=2).contains(&(second_end - first_end - 1))
                && byte(b, second_end) == sep
                && y_end - second_end - 1 == 4
            {
                let (first, second) = (
                    number(b, i, first_end)?,
                    number(b, first_end + 1, second_end)?,
                );
                let year = number(b, second_end + 1, y_end)?;
                let date =
                    plausible(year, second, first).or_else(|| plausible(year, first, second))?;
                return Some((y_end, date));
            }
            return None;
        }
        // 25 July 2016, 19 Apr 2017
        let m_start = skip_spaces(b, first_end);
        if m_start == first_end {
            return None;
        }
        let m_end = letters_end(b, m_start);
        let month = month(b.get(m_start..m_end)?)?;
        let mut j = m_end;
        if byte(b, j) == b'.' {
            j += 1;
        }
        if byte(b, j) == b',' {
            j += 1;
        }
        let y_start = skip_spaces(b, j);
        let y_end = digits_end(b, y_start);
        if y_start == j || y_end - y_start != 4 {
            return None;
        }
        let date = plausible(
            number(b, y_start, y_end)?,
            i32::from(month),
            number(b, i, first_end)?,
        )?;
        return Some((y_end, date));
    }
    if first_len != 0 {
        return None;
    }
    // April 4, 2017; Oct. 27 2016; Apr 232017
    let m_end = letters_end(b, i);
    let month = month(b.get(i..m_end)?)?;
    let mut j = m_end;
    if byte(b, j) == b'.' {
        j += 1;
    }
    let d_start = skip_spaces(b, j);
    if d_start == j {
        return None;
    }
    let d_end = digits_end(b, d_start);
    let day_len = d_end - d_start;
    if day_len == 5 || day_len == 6 {
        // Day and year glued together, as one site prints them.
        let split = d_end - 4;
        let date = plausible(
            number(b, split, d_end)?,
            i32::from(month),
            number(b, d_start, split)?,
        )?;
        return Some((d_end, date));
    }
    if !(1..=2).contains(&day_len) {
        return None;
    }
    let mut k = d_end;
    let suffix = b.get(k..k + 2).map(|s| s.to_ascii_lowercase());
    if matches!(suffix.as_deref(), Some(b"st" | b"nd" | b"rd" | b"th")) {
        k += 2;
    }
    if byte(b, k) == b',' {
        k += 1;
    }
    let y_start = skip_spaces(b, k);
    let y_end = digits_end(b, y_start);
    if y_start == k || y_end - y_start != 4 {
        return None;
    }
    let date = plausible(
        number(b, y_start, y_end)?,
        i32::from(month),
        number(b, d_start, d_end)?,
    )?;
    Some((y_end, date))
}

/// Steps back over spaces and then one optional comma.
fn back_over_spaces(b: &[u8], mut i: usize) -> usize {
    while i > 0 && matches!(byte(b, i - 1), b' ' | b'\t') {
        i -= 1;
    }
    if i > 0 && byte(b, i - 1) == b',' {
        i -= 1;
    }
    i
}

/// A weekday word ending at `end` (just before the date): where it starts.
fn weekday_before(b: &[u8], end: usize) -> Option<usize> {
    let word_end = back_over_spaces(b, end);
    if word_end == end {
        return None;
    }
    let mut start = word_end;
    while start > 0 && byte(b, start - 1).is_ascii_alphabetic() {
        start -= 1;
    }
    is_weekday(b.get(start..word_end)?).then_some(start)
}

/// A dateline prefix ending at `end`: where it starts.
fn prefix_before(b: &[u8], end: usize) -> Option<usize> {
    let word_end = back_over_spaces(b, end);
    let head = b.get(..word_end)?;
    PREFIXES.iter().find_map(|prefix| {
        let start = word_end.checked_sub(prefix.len())?;
        let candidate = head.get(start..)?;
        let at_word_start = start == 0 || !byte(b, start - 1).is_ascii_alphanumeric();
        (at_word_start && candidate.eq_ignore_ascii_case(prefix.as_bytes())).then_some(start)
    })
}

fn at_line_start(b: &[u8], i: usize) -> bool {
    let mut j = i;
    while j > 0 && matches!(byte(b, j - 1), b' ' | b'\t' | b'\r') {
        j -= 1;
    }
    j == 0 || byte(b, j - 1) == b'\n'
}

/// Extends a dateline over a time that follows it: "at 0914", "1849 UTC+3".
fn time_after(b: &[u8], end: usize) -> usize {
    let i = skip_spaces(b, end);
    if i == end {
        return end;
    }
    if b.get(i..i + 3) == Some(b"at ") {
        let t_end = digits_end(b, i + 3);
        if t_end - (i + 3) == 4 {
            return t_end;
        }
        return end;
    }
    let t_end = digits_end(b, i);
    if t_end - i == 4 && b.get(t_end..t_end + 5) == Some(b" UTC+") {
        return digits_end(b, t_end + 5);
    }
    end
}

/// A leading ` date 2017-06-03` token at the very start of the text.
pub(crate) fn leading_date_token(text: &str) -> Option<Dateline> {
    let b = text.as_bytes();
    let mut i = 0;
    while byte(b, i).is_ascii_whitespace() {
        i += 1;
    }
    let word = b.get(i..i + 4)?;
    if !word.eq_ignore_ascii_case(b"date") {
        return None;
    }
    let mut j = i + 4;
    if byte(b, j) == b':' {
        j += 1;
    }
    let d_start = skip_spaces(b, j);
    if d_start == j {
        return None;
    }
    let (end, date) = date_at(b, d_start)?;
    if byte(b, end).is_ascii_alphanumeric() {
        return None;
    }
    Some(Dateline {
        date,
        span: Span::new(i, end),
    })
}

/// Words that put a date inside a sentence ("killed on 6 October 2016").
const IN_SENTENCE: [&str; 20] = [
    "on", "in", "since", "of", "from", "until", "till", "to", "by", "before", "after", "between",
    "and", "through", "last", "early", "late", "mid", "as", "at",
];

fn word_before_is_preposition(b: &[u8], i: usize) -> bool {
    let end = back_over_spaces(b, i);
    let mut start = end;
    while start > 0 && byte(b, start - 1).is_ascii_alphabetic() {
        start -= 1;
    }
    let word = b.get(start..end).unwrap_or(&[]).to_ascii_lowercase();
    IN_SENTENCE.iter().any(|p| p.as_bytes() == word.as_slice())
}

/// The first dateline within the top of the text. A date counts when it starts a
/// line, or has a dateline prefix or a weekday before it, or sits glued to
/// Sputnik's "Get short URL"/"(updated" header. Failing those, the first date
/// that no preposition puts inside a sentence ("Title 6 October 2016 SANA").
pub(crate) fn find_dateline(text: &str) -> Option<Dateline> {
    let b = text.as_bytes();
    let window = b.len().min(WINDOW);
    let mut fallback = None;
    let mut i = 0;
    while i < window {
        let c = byte(b, i);
        let token_start =
            c.is_ascii_alphanumeric() && (i == 0 || !byte(b, i - 1).is_ascii_alphanumeric());
        let parsed = token_start
            .then(|| date_at(b, i))
            .flatten()
            .filter(|(end, _)| !byte(b, *end).is_ascii_digit());
        if let Some((end, date)) = parsed {
            let weekday = weekday_before(b, i);
            let announced_at = weekday.unwrap_or(i);
            let prefix = prefix_before(b, announced_at);
            let start = prefix.unwrap_or(announced_at);
            let after = b.get(end..).unwrap_or(&[]);
            let sputnik = after.starts_with(b"Get short URL")
                || after.starts_with(b"(updated")
                || after.starts_with(b" Get short URL");
            let found = Dateline {
                date,
                span: Span::new(start, time_after(b, end)),
            };
            if weekday.is_some() || prefix.is_some() || sputnik || at_line_start(b, start) {
                return Some(found);
            }
            if fallback.is_none() && !word_before_is_preposition(b, start) {
                fallback = Some(found);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    fallback
}
