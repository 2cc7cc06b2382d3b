//! HTML pages: the main text by readability-style extraction (`dom_smoothie`, a port
//! of Mozilla's Readability), and the title, date, outlet and address from the page's
//! metadata.
//!
//! The text is plain (no tags, entities decoded) with one blank line between
//! paragraphs, so the rest of ingestion (datelines, furniture, titles) and the
//! extractor read it as they read a `.txt` article. Spans point into that text,
//! not into the HTML.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};
use jiff::Timestamp;
use jiff::tz::Offset;
use ledger_types::{Date, Problem};

use super::dateline;
use super::decode::problem;

/// File endings read as HTML pages (compared without case).
const HTML_EXTENSIONS: [&str; 2] = ["html", "htm"];

/// Pages with more elements are not read: real news pages have a few thousand.
const MAX_ELEMENTS: usize = 100_000;
/// Pages nested deeper are not read: extraction time grows with the square of
/// the depth (20,000 nested `<div>`s take about 20 s); real pages stay under 100.
const MAX_DEPTH: usize = 1_000;
/// A paragraph of at least this many words, with a sentence end, makes main text.
const MIN_PROSE_WORDS: usize = 10;
/// Metadata dates outside these years are CMS placeholders (1970-01-01), as in datelines.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i16> = 1990..=2100;

/// `<meta name=...>` keys that hold a publication date, after the ones the
/// extractor reads itself (JSON-LD `datePublished`, `article:published_time`).
const DATE_META_NAMES: [&str; 10] = [
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "sailthru.date",
    "og:published_time",
];

/// Separators between a headline and the site name in `<title>`.
const TITLE_SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

/// What a page gave.
#[derive(Debug)]
pub(crate) struct Page {
    /// The main text, or why there is none (the file is then skipped).
    pub text: Result<String, Problem>,
    pub title: Option<String>,
    pub date: Option<Date>,
    /// The outlet: `og:site_name` or the JSON-LD publisher.
    pub source: Option<String>,
    /// The canonical link, `og:url` or the JSON-LD `url`, when absolute.
    pub url: Option<String>,
    /// Warnings that do not stop the page being read.
    pub problems: Vec<Problem>,
}

/// True when `file_name` ends in `.html` or `.htm`, in any case.
pub(crate) fn is_html_file(file_name: &str) -> bool {
    Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| HTML_EXTENSIONS.iter().any(|h| e.eq_ignore_ascii_case(h)))
}

/// Metadata read from the page before extraction (which rewrites the tree).
#[derive(Debug, Default)]
struct Head {
    urls: Vec<String>,
    /// Candidate dates in order of trust: (where from, value).
    dates: Vec<(&'static str, String)>,
    /// `<title>`, for when the extractor gives no title.
    title: Option<String>,
    /// The first `<h1>`, to cut a site name off the title.
    h1: Option<String>,
    depth: usize,
}

impl Page {
    /// A page that could not be read at all.
    fn unread(why: Problem) -> Page {
        Page {
            text: Err(why),
            title: None,
            date: None,
            source: None,
            url: None,
            problems: Vec::new(),
        }
    }
}

/// Reads a decoded HTML page. Never panics: a panic inside the extraction
/// crate (a bug there) becomes a problem for this file.
pub(crate) fn read(html: &str) -> Page {
    catch_unwind(AssertUnwindSafe(|| read_page(html))).unwrap_or_else(|_| {
        Page::unread(problem(
            "html",
            "the HTML extractor failed on this page (an internal error); it was not read",
        ))
    })
}

fn read_page(html: &str) -> Page {
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut readability = match Readability::new(html, None, Some(config)) {
        Ok(r) => r,
        Err(e) => {
            let why = format!("the HTML page could not be read: {e}");
            return Page::unread(problem("html", why));
        }
    };
    let head = read_head(&readability);
    if head.depth > MAX_DEPTH {
        let why = format!(
            "the HTML page nests elements {} deep (more than {MAX_DEPTH}); it was not read",
            head.depth
        );
        return Page::unread(problem("html_too_large", why));
    }
    let (text, meta_title, meta_date, site_name, meta_url) = match readability.parse() {
        Ok(a) => (
            Ok(tidy(&a.text_content)),
            a.title,
            a.published_time,
            a.site_name,
            a.url,
        ),
        Err(ReadabilityError::TooManyElements(found, max)) => {
            let why =
                format!("the HTML page has {found} elements (more than {max}); it was not read");
            return Page::unread(problem("html_too_large", why));
        }
        Err(_) => (
            Err(problem(
                "no_text",
                "the HTML page has no main text: readability extraction found no article body",
            )),
            String::new(),
            None,
            None,
            None,
        ),
    };
    let text = text.and_then(|t| {
        if has_prose(&t) {
            Ok(t)
        } else {
            Err(problem(
                "no_text",
                "the HTML page has no main text: no paragraph of prose was found (an index, home or error page?)",
            ))
        }
    });
    let source = clean(site_name.as_deref().unwrap_or(""));
    let title = clean(&meta_title)
        .or_else(|| head.title.clone())
        .map(|t| cut_site_name(t, &head, source.as_deref()));
    let url = head
        .urls
        .into_iter()
        .chain(meta_url)
        .find(|u| is_absolute_url(u));
    let mut page = Page {
        text,
        title,
        date: None,
        source,
        url,
        problems: Vec::new(),
    };
    let dates = meta_date
        .map(|d| ("JSON-LD datePublished or article:published_time", d))
        .into_iter()
        .chain(head.dates);
    let mut unreadable = None;
    for (from, value) in dates {
        match parse_date(&value) {
            Some(date) => {
                page.date = Some(date);
                break;
            }
            None => {
                unreadable.get_or_insert((from, value));
            }
        }
    }
    if let (None, Some((from, value))) = (page.date, unreadable) {
        page.problems.push(problem(
            "html_date",
            format!("the page's date {value:?} ({from}) is not a date and was ignored"),
        ));
    }
    page
}

/// Links, date candidates, the first `<h1>` and the nesting depth, read from the
/// parsed page before extraction changes it.
fn read_head(readability: &Readability) -> Head {
    let doc = &readability.doc;
    let mut head = Head::default();
    let attr_values = |selector: &str, attr: &str| -> Vec<String> {
        doc.try_select(selector)
            .map(|sel| {
                sel.nodes()
                    .iter()
                    .filter_map(|n| n.attr(attr))
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    if let Some(links) = doc.try_select("link[rel][href]") {
        for link in links.nodes() {
            let rel = link.attr("rel").unwrap_or_default().to_ascii_lowercase();
            if rel.split_ascii_whitespace().any(|r| r == "canonical") {
                head.urls
                    .extend(link.attr("href").map(|h| h.trim().to_string()));
            }
        }
    }
    if let Some(metas) = doc.try_select("meta[content]") {
        let mut named = Vec::new();
        for meta in metas.nodes() {
            let content = meta.attr("content").unwrap_or_default().trim().to_string();
            if content.is_empty() {
                continue;
            }
            let key = meta
                .attr("property")
                .or_else(|| meta.attr("name"))
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            if key == "og:url" {
                head.urls.push(content);
            } else if let Some(rank) = DATE_META_NAMES.iter().position(|n| *n == key) {
                named.push((rank, content));
            }
        }
        named.sort_by_key(|(rank, _)| *rank);
        head.dates
            .extend(named.into_iter().map(|(_, v)| ("<meta name=...>", v)));
    }
    for attr in ["content", "datetime"] {
        for value in attr_values("[itemprop~=datePublished]", attr) {
            head.dates.push(("itemprop=datePublished", value));
        }
    }
    for selector in [
        "article time[datetime]",
        "time[pubdate][datetime]",
        "time[datetime]",
    ] {
        if let Some(value) = attr_values(selector, "datetime").into_iter().next() {
            head.dates.push(("<time datetime=...>", value));
            break;
        }
    }
    let first_text = |selector: &str| {
        doc.try_select(selector)
            .and_then(|sel| clean(&sel.nodes().first()?.text()))
    };
    head.title = first_text("title");
    head.h1 = first_text("h1");
    head.depth = tree_depth(readability);
    head
}

/// How deep the page's elements nest, walked without recursion.
fn tree_depth(readability: &Readability) -> usize {
    let mut deepest = 0;
    let mut depth = 1_usize;
    let mut node = readability.doc.root().first_child();
    while let Some(n) = node {
        deepest = deepest.max(depth);
        if let Some(child) = n.first_child() {
            depth += 1;
            node = Some(child);
            continue;
        }
        // Climb until a node has a next sibling, or back at the root.
        node = None;
        let mut at = Some(n);
        while let Some(a) = at {
            if let Some(next) = a.next_sibling() {
                node = Some(next);
                break;
            }
            depth = depth.saturating_sub(1);
            at = a.parent().filter(|_| depth > 0);
        }
    }
    deepest
}

/// Plain text with one blank line between paragraphs: lines trimmed, runs of
/// blank lines folded to one.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// True when some paragraph reads as prose: enough words and a sentence end.
fn has_prose(text: &str) -> bool {
    text.split("\n\n").any(|paragraph| {
        let words = paragraph.split_whitespace();
        let mut count = 0;
        let mut ended = false;
        for word in words {
            count += 1;
            let word = word.trim_end_matches(['"', '\'', '”', '’', ')', '»']);
            ended |= word.ends_with(['.', '!', '?', '。', '؟']);
        }
        count >= MIN_PROSE_WORDS && ended
    })
}

/// White space folded; `None` when nothing is left.
fn clean(value: &str) -> Option<String> {
    let folded = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!folded.is_empty()).then_some(folded)
}

/// "Headline | Site" becomes "Headline" when the page's `<h1>` or site name says so.
fn cut_site_name(title: String, head: &Head, site: Option<&str>) -> String {
    for sep in TITLE_SEPARATORS {
        let after_h1 = head.h1.as_deref().and_then(|h1| title.strip_prefix(h1));
        if after_h1.is_some_and(|rest| rest.starts_with(sep)) {
            return head.h1.clone().unwrap_or(title);
        }
        let headline = site
            .and_then(|site| title.strip_suffix(site))
            .and_then(|rest| rest.strip_suffix(sep))
            .map(str::trim)
            .filter(|h| !h.is_empty());
        if let Some(headline) = headline {
            return headline.to_string();
        }
    }
    title
}

fn is_absolute_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > lower.len()
        && !url.contains(char::is_whitespace)
}

/// An ISO date or date-time (the date as written, whatever the offset; UTC for
/// `Z`), else a written date the dateline reader knows ("Mon, 05 Jun 2017", "June 5, 2017").
pub(crate) fn parse_date(value: &str) -> Option<Date> {
    let value = value.trim();
    let date = value
        .parse::<Date>()
        .ok()
        .or_else(|| {
            value
                .parse::<Timestamp>()
                .ok()
                .map(|ts| Offset::UTC.to_datetime(ts).date())
        })
        .or_else(|| dateline::find_dateline(value).map(|d| d.date))?;
    PLAUSIBLE_YEARS.contains(&date.year()).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i16, m: i8, d: i8) -> Option<Date> {
        Date::new(y, m, d).ok()
    }

    #[test]
    fn metadata_dates_in_the_shapes_pages_use() {
        assert_eq!(parse_date("2017-06-05"), date(2017, 6, 5));
        assert_eq!(parse_date("2017-06-05T14:32:00+03:00"), date(2017, 6, 5));
        // The date as the publisher wrote it, not moved to UTC.
        assert_eq!(parse_date("2017-06-05T01:30:00+03:00"), date(2017, 6, 5));
        assert_eq!(parse_date("2016-11-21T23:05:00Z"), date(2016, 11, 21));
        assert_eq!(parse_date("2016-11-21T09:05:00.000Z"), date(2016, 11, 21));
        assert_eq!(parse_date(" 2017-06-05 14:32:00 "), date(2017, 6, 5));
        assert_eq!(parse_date("2017-06-05T14:32:00+0300"), date(2017, 6, 5));
        assert_eq!(
            parse_date("Mon, 05 Jun 2017 14:32:00 +0300"),
            date(2017, 6, 5)
        );
        assert_eq!(parse_date("June 5, 2017"), date(2017, 6, 5));
        assert_eq!(parse_date("1970-01-01T00:00:00Z"), None);
        assert_eq!(parse_date("2017-13-45"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn html_files_by_name() {
        assert!(is_html_file("a.html"));
        assert!(is_html_file("dir/B.HTM"));
        assert!(is_html_file("c.Html"));
        assert!(!is_html_file("c.txt"));
        assert!(!is_html_file("html"));
        assert!(!is_html_file("a.xhtml"));
    }

    #[test]
    fn tidy_folds_blank_lines() {
        assert_eq!(tidy("\n  a  \n\n\n\n b\nc \n\n"), "a\n\nb\nc\n");
        assert_eq!(tidy(""), "");
    }

    #[test]
    fn prose_needs_words_and_a_sentence_end() {
        assert!(!has_prose(
            "World Politics Business\nCar bomb kills 12\nFerry sinks\n"
        ));
        assert!(has_prose(
            "Menu\n\nA car bomb killed 14 people at a checkpoint on Monday, officials said.\n"
        ));
        assert!(has_prose(
            "He said the planes did not stop until dawn and the town burned all night.\u{201d}"
        ));
    }

    #[test]
    fn site_names_are_cut_from_titles() {
        let head = Head {
            h1: Some("Car bomb kills 14".into()),
            ..Head::default()
        };
        assert_eq!(
            cut_site_name("Car bomb kills 14 | Courier".into(), &head, None),
            "Car bomb kills 14"
        );
        assert_eq!(
            cut_site_name(
                "Storm hits coast – The Daily".into(),
                &Head::default(),
                Some("The Daily")
            ),
            "Storm hits coast"
        );
        assert_eq!(
            cut_site_name("Left - right".into(), &Head::default(), None),
            "Left - right"
        );
    }
}
