//! A tiny forgiving parser for flat `key: value` front matter between `---` lines.

use std::collections::BTreeMap;

use ledger_types::{Date, Problem};

use super::decode::problem;

/// What the front matter said, and where the body starts.
#[derive(Debug, Default)]
pub(crate) struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub meta: BTreeMap<String, String>,
    /// Byte offset of the body in the text the front matter was read from.
    pub body_start: usize,
    pub problems: Vec<Problem>,
}

/// Lines of `text` with the byte offset just past each line's newline.
fn lines_with_ends(text: &str) -> impl Iterator<Item = (&str, usize)> {
    let mut rest = text;
    let mut offset = 0;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (line, consumed) = match rest.find('\n') {
            Some(i) => (rest.get(..i).unwrap_or(""), i + 1),
            None => (rest, rest.len()),
        };
        rest = rest.get(consumed..).unwrap_or("");
        offset += consumed;
        Some((line.trim_end_matches('\r'), offset))
    })
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(quote) && value.ends_with(quote) {
            return value.get(1..value.len() - 1).unwrap_or(value);
        }
    }
    value
}

fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Parses `YYYY-MM-DD` strictly (a front-matter date has one shape).
pub(crate) fn parse_iso_date(value: &str) -> Option<Date> {
    let mut parts = value.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    if !(y.bytes().chain(m.bytes()).chain(d.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// Reads front matter at the very top of `text`, if there is any.
pub(crate) fn parse(text: &str) -> FrontMatter {
    let mut front = FrontMatter::default();
    let mut lines = lines_with_ends(text);
    match lines.next() {
        Some((first, _)) if is_fence(first) => {}
        _ => return front,
    }
    let mut entries = Vec::new();
    let mut closed = None;
    for (number, (line, end)) in lines.enumerate() {
        if is_fence(line) {
            closed = Some(end);
            break;
        }
        entries.push((number + 2, line));
    }
    let Some(body_start) = closed else {
        front.problems.push(problem(
            "front_matter",
            "front matter opens with '---' but has no closing '---' line; the whole file was read as text",
        ));
        return front;
    };
    front.body_start = body_start;
    for (line_number, line) in entries {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':').filter(|(k, _)| is_key(k.trim())) else {
            front.problems.push(problem(
                "front_matter",
                format!("front matter line {line_number} is not `key: value` and was ignored: {trimmed:?}"),
            ));
            continue;
        };
        let key = key.trim();
        let value = unquote(value.trim()).trim();
        let owned = (!value.is_empty()).then(|| value.to_string());
        match key.to_ascii_lowercase().as_str() {
            "title" => front.title = owned.or(front.title.take()),
            "source" => front.source = owned.or(front.source.take()),
            "url" => front.url = owned.or(front.url.take()),
            "date" if value.is_empty() => {}
            "date" => match parse_iso_date(value) {
                Some(date) => front.date = Some(date),
                None => front.problems.push(problem(
                    "front_matter",
                    format!(
                        "front matter date {value:?} is not a valid YYYY-MM-DD date and was ignored"
                    ),
                )),
            },
            _ => {
                front.meta.insert(key.to_string(), value.to_string());
            }
        }
    }
    front
}
