//! Ingestion: a file's bytes become an [`Article`] (front matter, date, title, furniture).
//!
//! Text files (`.txt`, `.md`) are read as they are, after any front matter. HTML
//! pages (`.html`, `.htm`) are read through readability-style extraction of their
//! main text, with title, date, outlet and URL from the page's metadata (`html`);
//! datelines, furniture and titles are then found in that text as in any other.
//!
//! Never fails: whatever is wrong with a file goes to `article.problems` and
//! `article.status`, and the text is read as far as it can be.

mod dateline;
mod decode;
mod front_matter;
mod furniture;
mod html;

use std::path::Path;

use ledger_types::{Article, ArticleStatus, Date, Furniture, FurnitureKind, Problem, Span};

use decode::{Decoded, problem};

/// Titles longer than this are paragraphs, not titles.
const MAX_TITLE_LEN: usize = 200;
/// Words taken from the text when there is no title line.
const TITLE_WORDS: usize = 12;
/// A first sentence up to this many words can stand as a title.
const TITLE_SENTENCE_WORDS: usize = 20;

/// Reads one file. Never fails: problems are recorded on the article.
pub fn read_article(file_name: &str, bytes: &[u8]) -> Article {
    let id = Path::new(file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| file_name.to_string());
    let mut article = Article {
        id,
        file: file_name.to_string(),
        content_hash: content_hash(bytes),
        ..Article::default()
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let decoded = match decode::decode(bytes) {
        Decoded::Skipped(p) => return skipped(article, p),
        Decoded::Text(text, p) => {
            article.problems.extend(p);
            text
        }
    };
    let read = if html::is_html_file(file_name) {
        read_html(&mut article, &decoded)
    } else {
        read_text(&mut article, decoded)
    };
    let known_date = match read {
        Ok(date) => date,
        Err(p) => return skipped(article, p),
    };
    if !article.text.chars().any(char::is_alphabetic) {
        return skipped(
            article,
            problem("no_text", "the text has no letters at all"),
        );
    }

    let dateline = dateline::leading_date_token(&article.text)
        .or_else(|| dateline::find_dateline(&article.text));
    article.date = known_date.or(dateline.map(|d| d.date));
    let mut spans = furniture::find(&article.text);
    spans.extend(dateline.map(|d| Furniture {
        span: d.span,
        kind: FurnitureKind::Navigation,
    }));
    article.furniture = furniture::normalise(spans);
    if article.title.is_empty() {
        article.title = title_from_text(&article.text, &article.furniture)
            .unwrap_or_else(|| article.id.clone());
    }
    article.status = if article.problems.is_empty() {
        ArticleStatus::Ok
    } else {
        ArticleStatus::Warning
    };
    article
}

/// Front matter and the text after it; the front matter's date, if any.
fn read_text(article: &mut Article, mut decoded: String) -> Result<Option<Date>, Problem> {
    let front = front_matter::parse(&decoded);
    article.problems.extend(front.problems);
    article.source = front.source;
    article.url = front.url;
    article.meta = front.meta;
    if front.body_start > 0 && decoded.is_char_boundary(front.body_start) {
        article.text = decoded.split_off(front.body_start);
    } else {
        article.text = decoded;
    }
    if let Some(title) = front.title {
        article.title = cut_site_suffix(title);
    }
    if article.text.trim().is_empty() {
        return Err(problem(
            "empty",
            "the file has front matter but no text after it",
        ));
    }
    Ok(front.date)
}

/// The main text of an HTML page and its metadata; the page's date, if any.
fn read_html(article: &mut Article, decoded: &str) -> Result<Option<Date>, Problem> {
    let page = html::read(decoded);
    article.problems.extend(page.problems);
    article.source = page.source;
    article.url = page.url;
    if let Some(title) = page.title {
        article.title = title;
    }
    article.text = page.text?;
    Ok(page.date)
}

/// True when `span` lies inside a stretch of page furniture of `article`.
pub fn is_furniture(article: &Article, span: Span) -> bool {
    is_furniture_in(&article.furniture, span)
}

/// [`is_furniture`] over a furniture list (sorted, disjoint).
pub fn is_furniture_in(furniture: &[ledger_types::Furniture], span: Span) -> bool {
    // Furniture is sorted and disjoint: only the last one starting at or
    // before the span can hold it.
    let after = furniture.partition_point(|f| f.span.start <= span.start);
    after
        .checked_sub(1)
        .and_then(|i| furniture.get(i))
        .is_some_and(|f| f.span.contains(span))
}

fn skipped(mut article: Article, p: Problem) -> Article {
    article.problems.push(p);
    article.status = ArticleStatus::Skipped;
    if article.title.is_empty() {
        article.title = article.id.clone();
    }
    article
}

/// xxh3-128 of the raw bytes: tiny pure-Rust crate, no dependencies, stable
/// across versions and platforms, and far faster than the pipeline needs
/// (a cryptographic hash would buy nothing for cache keys and copy detection).
fn content_hash(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// The end of any furniture that starts at `pos` (after whitespace), else `pos`.
fn skip_furniture(text: &str, furniture: &[Furniture], mut pos: usize) -> usize {
    loop {
        let rest = text.get(pos..).unwrap_or("");
        let start = pos + (rest.len() - rest.trim_start().len());
        // Furniture is sorted: a binary search, or thousands of share
        // counters in a row made finding the title quadratic.
        let next = furniture.partition_point(|f| f.span.start < start);
        match furniture.get(next).filter(|f| f.span.start == start) {
            Some(f) if f.span.end > pos => pos = f.span.end,
            _ => return start,
        }
    }
}

/// "Syria regime air strikes kill at least 39 | Jordan Times": a scraper's
/// title ends with the site's name, which is no part of the headline (and
/// names no place).
fn cut_site_suffix(title: String) -> String {
    // A site's or section's name of at most four words with a word that
    // names media or a section ("Jordan Times", "Middle East"), so not a
    // place after a bar ("... | Deir Ezzor"); the headline keeps three words.
    const MEDIA_WORDS: &[&str] = &[
        "times",
        "news",
        "post",
        "online",
        "daily",
        "herald",
        "tribune",
        "journal",
        "gazette",
        "telegraph",
        "guardian",
        "independent",
        "express",
        "mail",
        "press",
        "today",
        "tv",
        "radio",
        "agency",
        "network",
        "media",
        "observer",
        "review",
        "politics",
        "jazeera",
        "arabiya",
        "reuters",
        "afp",
        "bbc",
        "cnn",
        "rt",
        "sputnik",
        "monitor",
        "magazine",
        "weekly",
    ];
    // Words of a headline's own source after a dash ("- state TV").
    const HEADLINE_SOURCE_WORDS: &[&str] = &[
        "state",
        "syrian",
        "tv",
        "television",
        "media",
        "monitor",
        "monitors",
        "ngo",
        "activists",
        "official",
        "officials",
        "sources",
        "source",
        "report",
        "reports",
    ];
    // Sections a site's name may follow ("... - Region - World - Ahram
    // Online"): cut only once the site's name was.
    const SECTION_WORDS: &[&str] = &["world", "region", "international", "opinion", "europe"];
    let mut headline = title.as_str();
    let mut cut_site = false;
    // A bar, or a dash, before the site's name ("... - Daily Sabah").
    while let Some((bar, sep)) = [" | ", " - "]
        .iter()
        .filter_map(|sep| headline.rfind(sep).map(|at| (at, *sep)))
        .max()
    {
        let site = &headline[bar + sep.len()..];
        let words = site.split_whitespace().count();
        let site_words = || {
            site.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
        };
        let in_list = |list: &[&str], w: &str| list.iter().any(|m| w.eq_ignore_ascii_case(m));
        let is_word_of = |list: &[&str]| site_words().any(|w| in_list(list, w));
        // After a dash, a headline may end with its source: "... - monitor",
        // "- state TV", "- Syrian state media" name who speaks, no site
        // (but "- Press TV" and "- Al-Monitor" are sites).
        let source = sep == " - " && site_words().all(|w| in_list(HEADLINE_SOURCE_WORDS, w));
        let media = !source
            && (is_word_of(MEDIA_WORDS)
                || site.eq_ignore_ascii_case("middle east")
                || (cut_site && is_word_of(SECTION_WORDS)));
        let name = (1..=4).contains(&words) && media && !site.chars().any(|c| c.is_ascii_digit());
        let rest = headline[..bar].trim_end();
        if !name || rest.split_whitespace().count() < 3 {
            break;
        }
        headline = rest;
        cut_site = true;
    }
    headline.to_string()
}

/// A title of at most `MAX_TITLE_LEN` bytes: a longer one (a few words, one
/// of them a 100,000-digit number) is cut at a word boundary, marked with "…".
fn capped_title(title: &str) -> String {
    if title.len() <= MAX_TITLE_LEN {
        return title.to_string();
    }
    let head = &title[..crate::floor_boundary(title, MAX_TITLE_LEN)];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > MAX_TITLE_LEN / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end().trim_end_matches('…'))
}

/// The first non-furniture line when it is short enough to be a title, else
/// the first words of the text.
fn title_from_text(text: &str, furniture: &[Furniture]) -> Option<String> {
    let mut pos = 0;
    while pos < text.len() {
        let start = skip_furniture(text, furniture, pos);
        let line_end = text
            .get(start..)
            .and_then(|r| r.find('\n'))
            .map_or(text.len(), |p| start + p);
        let line = text.get(start..line_end).unwrap_or("").trim();
        if line.is_empty() {
            pos = line_end + 1;
            continue;
        }
        // Stop the line at furniture glued into it (a dateline, a share counter).
        let cut = furniture
            .get(furniture.partition_point(|f| f.span.start <= start))
            .filter(|f| f.span.start < line_end)
            .map_or(line_end, |f| f.span.start);
        let line = text.get(start..cut).unwrap_or(line).trim();
        if !line.chars().any(char::is_alphanumeric) {
            pos = line_end + 1; // a rule like "---" or "***"
            continue;
        }
        if line.len() <= MAX_TITLE_LEN && !line.ends_with('.') {
            return Some(line.to_string());
        }
        // A paragraph: its first sentence when short, else its first words.
        let first_sentence = line
            .match_indices(". ")
            .next()
            .map_or(line, |(i, _)| line.get(..i).unwrap_or(line))
            .trim_end_matches('.');
        // A line opening with ". " has no first sentence to stand as a title.
        if !first_sentence.is_empty()
            && first_sentence.split_whitespace().count() <= TITLE_SENTENCE_WORDS
        {
            return Some(capped_title(first_sentence));
        }
        let words = line.split_whitespace().count();
        let mut title: String = line
            .split_whitespace()
            .take(TITLE_WORDS)
            .collect::<Vec<_>>()
            .join(" ");
        if words > TITLE_WORDS {
            title.push('…');
        }
        return (!title.is_empty()).then(|| capped_title(&title));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_name_after_a_bar_is_cut_from_a_title() {
        let cut = |t: &str| cut_site_suffix(t.to_string());
        assert_eq!(
            cut("Air strikes kill 39 | Jordan Times"),
            "Air strikes kill 39"
        );
        assert_eq!(cut("Air strikes kill 39"), "Air strikes kill 39");
        // Not a site's name: a number, or too many words.
        assert_eq!(cut("Aleppo | 39 killed"), "Aleppo | 39 killed");
        assert_eq!(
            cut("Siege | the city that the world forgot to feed"),
            "Siege | the city that the world forgot to feed"
        );
        assert_eq!(cut(" | Jordan Times"), " | Jordan Times");
        // A place, not a site; a section before the site.
        assert_eq!(
            cut("Air strikes kill 12 | Douma"),
            "Air strikes kill 12 | Douma"
        );
        assert_eq!(
            cut("Air strikes kill 12 | Middle East | Al Jazeera"),
            "Air strikes kill 12"
        );
        // A dash, and sections before the site.
        assert_eq!(
            cut("Army missile kills 23 - Region - World - Ahram Online"),
            "Army missile kills 23"
        );
        assert_eq!(
            cut("Syria - the war that never ends - World"),
            "Syria - the war that never ends - World"
        );
        // A headline's own source after a dash stays.
        assert_eq!(
            cut("Strike kills 9 in Idlib - monitor"),
            "Strike kills 9 in Idlib - monitor"
        );
        assert_eq!(
            cut("Forty killed in Aleppo shelling - state TV"),
            "Forty killed in Aleppo shelling - state TV"
        );
        assert_eq!(
            cut("Forty killed in Aleppo shelling - Press TV"),
            "Forty killed in Aleppo shelling"
        );
        assert_eq!(
            cut("Air strikes kill 12 | Deir Ezzor"),
            "Air strikes kill 12 | Deir Ezzor"
        );
        assert_eq!(cut("Air strikes kill 12 | Reuters"), "Air strikes kill 12");
        assert_eq!(
            cut("Regime airstrikes kill 20 | East Ghouta"),
            "Regime airstrikes kill 20 | East Ghouta"
        );
    }

    #[test]
    fn titles_are_capped_at_a_word_boundary() {
        let long = format!("Killed {} civilians in Aleppo", "9".repeat(1000));
        let title = capped_title(&long);
        assert!(
            title.len() <= MAX_TITLE_LEN + '…'.len_utf8(),
            "{}",
            title.len()
        );
        assert!(title.ends_with('…'));
        assert_eq!(capped_title("Short title"), "Short title");
        let words = "word ".repeat(100);
        assert_eq!(
            capped_title(&words).matches("word").count(),
            MAX_TITLE_LEN / 5
        );
        let article = read_article("n.txt", long.as_bytes());
        assert!(
            article.title.len() <= MAX_TITLE_LEN + 3,
            "{}",
            article.title
        );
    }
}
