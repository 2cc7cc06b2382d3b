//! Page furniture: link lists, share counters, photo credits, bylines, donation appeals
//! and navigation, found on their own lines or glued inline into run-on text.
//!
//! Spans are kept tight: a false positive hides real sentences (and their casualty
//! claims) from extraction, which is worse than a miss.

use std::sync::OnceLock;

use crate::floor_boundary;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use ledger_types::{Furniture, FurnitureKind, Span};

use FurnitureKind::{
    Byline, DonationAppeal, LinkList, Navigation, PhotoCredit, ShareCounter, StrayNumber,
};

/// What to do when an inline marker is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// Sputnik's "dd.mm.yyyy(updated ...) Get short URL [Topic ... (N)] 0 25".
    ShortUrl,
    /// Ahram's "Print Tweet Views 1430".
    PrintTweet,
    /// A phrase that is furniture by itself.
    Phrase(FurnitureKind),
    /// "Related News", "Read more", "Also read": a heading and the titles after it.
    ListHeading,
    /// A bare "Related": only after a share counter or before a site trailer.
    BareRelated,
    /// "Tags" after a sentence: keywords, then the article goes on.
    Tags,
    /// A site trailer that runs to the end of the text, when at most that many bytes remain.
    Trailer(FurnitureKind, usize),
    /// "Community standardsDiscussion": Sputnik's trailer, starting at its "Tags".
    SputnikTrailer,
    /// "Our Standards:The Thomson Reuters Trust Principles", with the credits before it.
    ReutersTrailer,
    /// "(AFP Photo)", "(EPA/NAME)", "(Reuters)".
    CreditParen,
    /// "(Source: ...)", "(With AFP and Reuters)".
    SourceParen,
    /// "AFP PHOTO / NAME", "Photo: AFP", "DHA Photo".
    CreditWords,
    /// Sputnik's photo credit glued before a related headline: "REUTERS Rodi
    /// Said US Tanks to Storm Raqqa ...", "AP Photo Hussein Malla Over 20 ...".
    EmbedCredit,
    /// "SEND https://short.url".
    SendLink,
    /// A donation sentence: "Click here to support us", "For as little as $1".
    DonationSentence,
    /// "Source TRTWorld and agencies".
    SourceLine,
}

const PATTERNS: &[(&str, Rule)] = &[
    ("Get short URL", Rule::ShortUrl),
    ("Print Tweet", Rule::PrintTweet),
    ("Print this page", Rule::Phrase(Navigation)),
    ("Report a typo", Rule::Phrase(Byline)),
    ("Republished with permission", Rule::Phrase(Byline)),
    ("Related News", Rule::ListHeading),
    ("Related Articles", Rule::ListHeading),
    ("Related Stories", Rule::ListHeading),
    ("Related Posts", Rule::ListHeading),
    ("Related Coverage", Rule::ListHeading),
    ("Related Content", Rule::ListHeading),
    ("Related Topics", Rule::ListHeading),
    ("Also read", Rule::ListHeading),
    ("Also Read", Rule::ListHeading),
    ("Read also", Rule::ListHeading),
    ("Read Also", Rule::ListHeading),
    ("Read more", Rule::ListHeading),
    ("Read More", Rule::ListHeading),
    ("See also", Rule::ListHeading),
    ("See Also", Rule::ListHeading),
    ("More on this", Rule::ListHeading),
    ("Related", Rule::BareRelated),
    ("Tags ", Rule::Tags),
    (
        "A picture is worth a thousand words",
        Rule::Trailer(Navigation, 2000),
    ),
    (
        "Launched in London in 1978",
        Rule::Trailer(Navigation, 1000),
    ),
    // Also a dateline at the top: only a trailer when little follows it.
    ("Last Update:", Rule::Trailer(Navigation, 200)),
    ("Community standards", Rule::SputnikTrailer),
    ("Our Standards:", Rule::ReutersTrailer),
    ("(AFP", Rule::CreditParen),
    ("(Reuters", Rule::CreditParen),
    ("(AP", Rule::CreditParen),
    ("(EPA", Rule::CreditParen),
    ("(Photo", Rule::CreditParen),
    ("(IHA", Rule::CreditParen),
    ("(DHA", Rule::CreditParen),
    ("(AA", Rule::CreditParen),
    ("(Anadolu", Rule::CreditParen),
    ("(Getty", Rule::CreditParen),
    ("(TRT World", Rule::CreditParen),
    ("(Xinhua", Rule::CreditParen),
    ("(Source:", Rule::SourceParen),
    ("(With AFP", Rule::SourceParen),
    ("(With Reuters", Rule::SourceParen),
    ("(With agencies", Rule::SourceParen),
    ("AFP PHOTO", Rule::CreditWords),
    ("Photo:", Rule::CreditWords),
    ("Photo credit:", Rule::CreditWords),
    ("DHA Photo", Rule::CreditWords),
    ("IHA Photo", Rule::CreditWords),
    ("AA Photo", Rule::CreditWords),
    ("AFP Photo", Rule::CreditWords),
    ("Reuters Photo", Rule::CreditWords),
    ("AP Photo", Rule::EmbedCredit),
    ("REUTERS ", Rule::EmbedCredit),
    ("AFP 20", Rule::EmbedCredit),
    ("Sputnik/", Rule::EmbedCredit),
    ("YouTube", Rule::EmbedCredit),
    ("SEND http", Rule::SendLink),
    ("Click here to support", Rule::DonationSentence),
    ("For as little as $", Rule::DonationSentence),
    ("Source TRTWorld", Rule::SourceLine),
    ("Source TRT World", Rule::SourceLine),
];

/// One automaton for every inline marker (built once; matching is case-sensitive
/// because capitals are what tell a heading from the same words in a sentence).
fn markers() -> Option<&'static AhoCorasick> {
    static MARKERS: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    MARKERS
        .get_or_init(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(PATTERNS.iter().map(|(p, _)| p))
                .ok()
        })
        .as_ref()
}

/// Headings of link lists when they stand on a line of their own.
const LIST_HEADINGS: &[&str] = &[
    "related",
    "related news",
    "related articles",
    "related stories",
    "related posts",
    "related coverage",
    "related content",
    "related links",
    "read more",
    "read more here",
    "also read",
    "read also",
    "see also",
    "more on this",
    "more on this story",
    "you may also like",
    "recommended",
];

/// Navigation headings on a line of their own.
const NAV_HEADINGS: &[&str] = &[
    "latest news",
    "latest",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "top stories",
    "editor's picks",
    "editors picks",
];

/// A lone share word on a line, maybe with counts: "Tweet", "Share 12".
const SHARE_WORDS: &[&str] = &[
    "tweet",
    "share",
    "share this",
    "share this article",
    "print",
    "email",
    "e-mail",
    "like",
    "get short url",
    "comments",
    "comment",
    "whatsapp",
    "facebook",
    "twitter",
];

/// Words that start a news lead; used to find where an inline list of
/// headlines stops and the article starts again.
const LEAD_STARTERS: &[&str] = &[
    "A ",
    "An ",
    "The ",
    "At least ",
    "Nearly ",
    "More than ",
    "Some ",
    "Dozens ",
    "Scores ",
    "Hundreds ",
    "Thousands ",
    "One ",
    "Two ",
    "Three ",
    "Four ",
    "Five ",
    "Six ",
    "Seven ",
    "Eight ",
    "Nine ",
    "Ten ",
    "Eleven ",
    "Twelve ",
    "Thirteen ",
    "Fourteen ",
    "Fifteen ",
    "Sixteen ",
    "Seventeen ",
    "Eighteen ",
    "Nineteen ",
    "Twenty",
    "Thirty",
    "Forty",
    "Fifty",
    "Sixty",
    "Seventy",
    "Eighty",
    "Ninety",
    "Over ",
    "Around ",
    "About ",
    "Up to ",
];

/// Bytes a [`LEAD_STARTERS`] entry begins with.
const LEAD_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    while k < LEAD_STARTERS.len() {
        let bytes = LEAD_STARTERS[k].as_bytes();
        if !bytes.is_empty() {
            table[bytes[0] as usize] = true;
        }
        k += 1;
    }
    table
};

/// Whether `rest` starts with one of [`LEAD_STARTERS`]. Most words are ruled
/// out by their first byte, which counts where a long run of headings or
/// credits makes this the inner loop.
fn starts_lead(rest: &[u8]) -> bool {
    rest.first()
        .is_some_and(|&first| LEAD_FIRST_BYTES[usize::from(first)])
        && LEAD_STARTERS.iter().any(|s| rest.starts_with(s.as_bytes()))
}

/// Site trailers that show the rest of the text is page chrome.
const TRAILER_ENDS: &[&str] = &[
    "Community standards",
    "Comment via",
    "Cookie Policy",
    "Privacy Policy",
    "Terms of Use",
    "All rights reserved",
    "Copyright 20",
    "Copyright  20",
    "Copyright ©",
    "© 20",
];

/// How close to the end a heading must be for its list to run into a site trailer.
const TRAILER_REACH: usize = 1500;

const AGENCIES: &[&str] = &[
    "AFP",
    "Reuters",
    "AP",
    "EPA",
    "AA",
    "DHA",
    "IHA",
    "Anadolu",
    "Anadolu Agency",
    "Getty",
    "Getty Images",
    "Xinhua",
    "TRT World",
    "TRT World and Agencies",
    "TRT World and agencies",
    "dpa",
];

/// Words a donation appeal is made of.
const APPEAL_WORDS: &[&str] = &[
    "support",
    "favor",
    "favour",
    "donat",
    "help",
    "fund",
    "paywall",
    "contribut",
    "subscri",
    "thank you",
    "patreon",
    "click here",
];

fn byte(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(byte(b, i), b' ' | b'\t') {
        i += 1;
    }
    i
}

fn digits_end(b: &[u8], mut i: usize) -> usize {
    while byte(b, i).is_ascii_digit() {
        i += 1;
    }
    i
}

/// A sentence ends at `i` when `.`, `!` or `?` is followed by a space, a quote or the end.
fn is_sentence_end(b: &[u8], i: usize) -> bool {
    matches!(byte(b, i), b'.' | b'!' | b'?')
        && (i + 1 >= b.len() || matches!(byte(b, i + 1), b' ' | b'\n' | b'\r' | b'"' | b'\t'))
}

fn sentence_end_in(b: &[u8], from: usize, to: usize) -> Option<usize> {
    (from..to.min(b.len())).find(|&i| is_sentence_end(b, i))
}

/// Start and end (without `\r`) of the line holding byte `i`.
fn line_around(b: &[u8], i: usize) -> (usize, usize) {
    let start = b
        .get(..i)
        .and_then(|h| h.iter().rposition(|&c| c == b'\n'))
        .map_or(0, |p| p + 1);
    let mut end = b
        .get(i..)
        .and_then(|t| t.iter().position(|&c| c == b'\n'))
        .map_or(b.len(), |p| i + p);
    while end > start && byte(b, end - 1) == b'\r' {
        end -= 1;
    }
    (start, end)
}

/// The line's content without surrounding whitespace and heading punctuation, lowercased.
fn heading_key(line: &str) -> String {
    line.trim()
        .trim_end_matches([':', '.', '…', ' ', '\u{a0}'])
        .trim()
        .to_lowercase()
}

fn is_list_heading(line: &str) -> bool {
    let key = heading_key(line);
    LIST_HEADINGS.contains(&key.as_str())
}

fn is_nav_heading(line: &str) -> bool {
    let key = heading_key(line);
    NAV_HEADINGS.contains(&key.as_str())
}

/// Whether parenthesised words are a photo credit: "AFP Photo", "EPA/TOLGA BOZOGLU", "Reuters".
fn is_credit(inner: &str) -> bool {
    let inner = inner.trim();
    if inner.contains("Photo") || inner.contains("photo") || inner.contains("PHOTO") {
        return true;
    }
    if let Some((agency, _)) = inner.split_once('/') {
        return AGENCIES.contains(&agency.trim());
    }
    AGENCIES.contains(&inner)
}

/// Collected spans, trimmed of surrounding whitespace.
struct Found<'t> {
    text: &'t str,
    spans: Vec<Furniture>,
    /// The line an inline marker was last found on. Markers come in text
    /// order, so a long line holding thousands of them is measured once, not
    /// once per marker (which made such text quadratic).
    line: Option<MarkerLine>,
}

/// A line of the text (as [`line_around`] gives it) and what it is as a whole.
#[derive(Debug, Clone, Copy)]
struct MarkerLine {
    start: usize,
    end: usize,
    list_heading: bool,
    nav_heading: bool,
}

impl Found<'_> {
    /// The line holding byte `i`: the same as `line_around`, but cached.
    fn line_of(&mut self, i: usize) -> MarkerLine {
        if let Some(line) = self.line
            && line.start <= i
            && i <= line.end
        {
            return line;
        }
        let (start, end) = line_around(self.text.as_bytes(), i);
        let text = self.text.get(start..end);
        let line = MarkerLine {
            start,
            end,
            list_heading: text.is_some_and(is_list_heading),
            nav_heading: text.is_some_and(is_nav_heading),
        };
        self.line = Some(line);
        line
    }

    fn push(&mut self, start: usize, end: usize, kind: FurnitureKind) {
        let b = self.text.as_bytes();
        let (mut start, mut end) = (start, end.min(b.len()));
        while start < end && is_space(byte(b, start)) {
            start += 1;
        }
        while end > start && is_space(byte(b, end - 1)) {
            end -= 1;
        }
        if start < end && self.text.is_char_boundary(start) && self.text.is_char_boundary(end) {
            self.spans.push(Furniture {
                span: Span::new(start, end),
                kind,
            });
        }
    }
}

/// Sorts spans and merges overlapping ones (the earlier span's kind wins).
pub(crate) fn normalise(mut spans: Vec<Furniture>) -> Vec<Furniture> {
    spans.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    let mut merged: Vec<Furniture> = Vec::with_capacity(spans.len());
    for f in spans {
        match merged.last_mut() {
            Some(last) if f.span.start < last.span.end => {
                last.span.end = last.span.end.max(f.span.end);
            }
            _ => merged.push(f),
        }
    }
    merged
}

/// Finds all furniture in `text` (unsorted; see [`normalise`]).
pub(crate) fn find(text: &str) -> Vec<Furniture> {
    let mut found = Found {
        text,
        spans: Vec::new(),
        line: None,
    };
    line_rules(&mut found);
    inline_rules(&mut found);
    tail_rules(&mut found);
    found.spans
}

/// Lines of the text as (start, end) without the newline and `\r`.
fn line_spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    while start <= b.len() {
        let (s, e) = line_around(b, start);
        lines.push((s, e));
        match b.get(e..).and_then(|t| t.iter().position(|&c| c == b'\n')) {
            Some(p) => start = e + p + 1,
            None => break,
        }
    }
    lines
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A short line that can be an item of a link list: a headline, not a paragraph.
fn is_list_item(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.len() <= 160 && !t.ends_with('.')
}

/// Line-shaped furniture: lone numbers, share words, bracketed links, headings
/// with their lists, bylines, captions, donation appeals.
fn line_rules(found: &mut Found<'_>) {
    let text = found.text;
    let lines = line_spans(text);
    let line = |k: usize| -> &str {
        lines
            .get(k)
            .and_then(|&(s, e)| text.get(s..e))
            .unwrap_or("")
    };
    let mut k = 0;
    while k < lines.len() {
        let Some(&(start, end)) = lines.get(k) else {
            break;
        };
        let t = line(k).trim();
        k += 1;
        if t.is_empty() {
            continue;
        }
        // Headings and share words are short; long lines skip those checks.
        let short = t.len() <= 40;
        if t.len() <= 4 && t.bytes().all(|c| c.is_ascii_digit()) {
            found.push(start, end, StrayNumber);
        } else if short && is_share_line(&t.to_lowercase()) {
            found.push(start, end, ShareCounter);
        } else if t.len() <= 300 && t.ends_with(']') && (t.starts_with('[') || !t.contains('[')) {
            found.push(start, end, LinkList);
        } else if short && (is_list_heading(t) || is_nav_heading(t)) {
            let kind = if is_list_heading(t) {
                LinkList
            } else {
                Navigation
            };
            let mut list_end = end;
            let mut blanks = 0;
            let mut items = 0;
            while let Some(&(_, e)) = lines.get(k) {
                let item = line(k);
                if item.trim().is_empty() {
                    blanks += 1;
                    if blanks > 2 {
                        break;
                    }
                } else if is_list_item(item) && items < 15 {
                    blanks = 0;
                    items += 1;
                    list_end = e;
                } else {
                    break;
                }
                k += 1;
            }
            found.push(start, list_end, kind);
        } else if is_byline(t) {
            found.push(start, end, Byline);
        } else if is_caption_line(t) {
            found.push(start, end, PhotoCredit);
        } else if [
            "since you’re here",
            "since you're here",
            "since you are here",
        ]
        .iter()
        .any(|p| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
        {
            let mut block_end = end;
            while let Some(&(_, e)) = lines.get(k) {
                let next = line(k).to_lowercase();
                if next.trim().is_empty() {
                    k += 1;
                    continue;
                }
                if next.len() > 1000 || !APPEAL_WORDS.iter().any(|w| next.contains(w)) {
                    break;
                }
                block_end = e;
                k += 1;
            }
            found.push(start, block_end, DonationAppeal);
        }
    }
}

/// "Tweet", "Share 12", "Get short URL 215": a share word and maybe counts, alone on a line.
fn is_share_line(lower: &str) -> bool {
    let words = lower.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    SHARE_WORDS.contains(&words.trim())
}

fn is_byline(t: &str) -> bool {
    // Length limits keep a run-on paragraph that merely contains these from
    // being taken whole.
    if t.len() <= 300 && (t.contains("Republished with permission") || t.ends_with("Report a typo"))
    {
        return true;
    }
    if t.len() <= 600
        && (t.starts_with("This article was chosen for republication")
            || t.starts_with("This article was originally published"))
    {
        return true;
    }
    // "By Jason Ditz", "By Staff Writer / Agencies": names only, so that
    // "By Tuesday 12 were dead" stays text.
    let names_only = t.split_whitespace().skip(1).all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '/')
            || matches!(w, "and" | "in" | "for" | "of")
    });
    t.len() <= 120 && t.starts_with("By ") && word_count(t) <= 8 && names_only && !t.ends_with('.')
}

fn is_caption_line(t: &str) -> bool {
    if t.len() > 300 {
        return false;
    }
    if t.starts_with("Photo:") || t.starts_with("AFP PHOTO") || t.starts_with("Image:") {
        return true;
    }
    t.ends_with(')')
        && t.rfind('(')
            .and_then(|open| t.get(open + 1..t.len() - 1))
            .is_some_and(is_credit)
}

/// Whether the rest of the text from `from` is a site trailer: short and
/// carrying one of the trailer marks.
fn trailer_follows(text: &str, from: usize) -> bool {
    text.get(from..).is_some_and(|rest| {
        rest.len() <= TRAILER_REACH && TRAILER_ENDS.iter().any(|m| rest.contains(m))
    })
}

/// Where an inline list of headlines after a heading ends: just before the
/// first lead-like word ("A", "The", "At least", ...) found before the first
/// sentence end; otherwise right after the heading (a miss, never a swallow).
fn inline_list_end(b: &[u8], after: usize) -> usize {
    let window_end = (after + 400).min(b.len());
    let stop = sentence_end_in(b, after, window_end).unwrap_or(window_end);
    let mut words = 0;
    let mut i = after;
    while i < stop {
        let word_start = i > 0 && byte(b, i - 1) == b' ' && byte(b, i) != b' ';
        if word_start {
            if words >= 1 {
                let rest = b.get(i..).unwrap_or(&[]);
                let starter = starts_lead(rest);
                let caps = rest.iter().take_while(|c| c.is_ascii_uppercase()).count();
                let city = caps >= 5 && byte(b, i + caps) == b' ';
                // A lead runs on for a while; "The New Arab." closing a
                // sentence is a name, not where the article starts again.
                // Counted only at a lead-like word: counting at every word
                // read the window once per word.
                let long_enough = || {
                    b.get(i..stop).is_some_and(|s| {
                        s.split(|&c| c == b' ').filter(|w| !w.is_empty()).count() >= 8
                    })
                };
                if (starter || city) && long_enough() {
                    return i;
                }
            }
            words += 1;
        }
        i += 1;
    }
    after
}

/// Where a "Tags" keyword list glued to the lead ends: as for a headline
/// list; failing a lead-like word, at the last capitalised word before the
/// first run of lowercase words with a function word in it. Keywords are names
/// and bare nouns ("Raqqa airstrikes IS Syria airstrikes"); a sentence soon has
/// "on the", "has killed" ("... Overnight airstrikes on the group's capital").
fn tag_list_end(b: &[u8], after: usize) -> usize {
    let end = inline_list_end(b, after);
    if end > after {
        return end;
    }
    let window_end = (after + 400).min(b.len());
    let stop = sentence_end_in(b, after, window_end).unwrap_or(window_end);
    let Some(window) = b.get(after..stop) else {
        return after;
    };
    // Words of the window with their offsets.
    let mut words: Vec<(usize, &[u8])> = Vec::new();
    let mut start = None;
    for (i, &c) in window
        .iter()
        .enumerate()
        .chain(std::iter::once((window.len(), &b' ')))
    {
        match (is_space(c), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                words.push((s, window.get(s..i).unwrap_or(&[])));
                start = None;
            }
            _ => {}
        }
    }
    let lower = |w: &[u8]| w.first().is_some_and(u8::is_ascii_lowercase);
    let upper = |w: &[u8]| w.first().is_some_and(u8::is_ascii_uppercase);
    let function = |w: &[u8]| {
        matches!(
            w,
            b"the"
                | b"a"
                | b"an"
                | b"in"
                | b"on"
                | b"of"
                | b"at"
                | b"by"
                | b"to"
                | b"for"
                | b"from"
                | b"with"
                | b"and"
                | b"has"
                | b"have"
                | b"had"
                | b"was"
                | b"were"
                | b"is"
                | b"are"
                | b"say"
                | b"says"
                | b"said"
        )
    };
    let run = words.windows(2).position(|pair| match pair {
        [(_, a), (_, b2)] => lower(a) && lower(b2) && (function(a) || function(b2)),
        _ => false,
    });
    let Some(run) = run else {
        return after;
    };
    // At least one keyword before the lead, and a lead long enough to be one.
    let lead = (1..run).rev().find_map(|k| {
        let &(offset, word) = words.get(k)?;
        upper(word).then_some((k, offset))
    });
    match lead {
        Some((k, offset)) if words.len() - k >= 8 => after + offset,
        _ => after,
    }
}

/// Markers found anywhere, glued into run-on text or not.
fn inline_rules(found: &mut Found<'_>) {
    let Some(markers) = markers() else {
        return;
    };
    let text = found.text;
    let b = text.as_bytes();
    for m in markers.find_iter(text) {
        let Some(&(_, rule)) = PATTERNS.get(m.pattern().as_usize()) else {
            continue;
        };
        let (start, end) = (m.start(), m.end());
        // A word marker must start a word ("Related" in "Unrelated" is not one);
        // Sputnik glues "Get short URL" and credits to the date before them.
        let glue_ok = matches!(rule, Rule::ShortUrl | Rule::CreditParen | Rule::SourceParen);
        if start > 0 && byte(b, start - 1).is_ascii_alphanumeric() && !glue_ok {
            continue;
        }
        let word_ends = !byte(b, end).is_ascii_alphanumeric();
        match rule {
            Rule::ShortUrl => short_url(found, start, end),
            Rule::PrintTweet => {
                let mut j = end;
                let v = skip_spaces(b, j);
                if b.get(v..v + 6) == Some(b"Views ") {
                    let n = digits_end(b, v + 6);
                    if n > v + 6 {
                        j = n;
                    }
                }
                found.push(start, j, ShareCounter);
            }
            Rule::Phrase(kind) => found.push(start, end, kind),
            Rule::ListHeading if word_ends => list_heading(found, start, end),
            Rule::BareRelated if byte(b, end) == b' ' => bare_related(found, start, end),
            Rule::Tags => {
                let before = b.get(..start).unwrap_or(&[]);
                let prev = before.iter().rposition(|c| !is_space(*c));
                let after_sentence = prev.is_none_or(|p| is_sentence_end(b, p));
                if after_sentence {
                    let list_end = if trailer_follows(text, start) {
                        b.len()
                    } else {
                        tag_list_end(b, end)
                    };
                    if list_end > end {
                        found.push(start, list_end, Navigation);
                    }
                }
            }
            Rule::Trailer(kind, reach) => {
                if b.len() - start <= reach {
                    found.push(start, b.len(), kind);
                }
            }
            Rule::SputnikTrailer => {
                if b.len() - start <= 1000 {
                    // Start at the "Tags" keyword list right before it, when there is one.
                    let from = floor_boundary(text, start.saturating_sub(400));
                    let tags = text
                        .get(from..start)
                        .and_then(|w| w.rfind("Tags "))
                        .map(|p| from + p)
                        .filter(|&p| sentence_end_in(b, p, start).is_none());
                    found.push(tags.unwrap_or(start), b.len(), Navigation);
                }
            }
            Rule::ReutersTrailer => {
                if b.len() - start <= 400 {
                    let from = floor_boundary(text, start.saturating_sub(300));
                    let credits = [
                        "Additional reporting by",
                        "Reporting by",
                        "Writing by",
                        "Editing by",
                    ]
                    .iter()
                    .filter_map(|w| text.get(from..start).and_then(|win| win.find(w)))
                    .min()
                    .map(|p| from + p);
                    found.push(credits.unwrap_or(start), b.len(), Byline);
                }
            }
            Rule::CreditParen | Rule::SourceParen => {
                let close = b
                    .get(start..(start + 80).min(b.len()))
                    .and_then(|w| w.iter().position(|&c| c == b')'))
                    .map(|p| start + p);
                if let Some(close) = close {
                    let inner = text.get(start + 1..close).unwrap_or("");
                    if rule == Rule::SourceParen {
                        found.push(start, close + 1, Byline);
                    } else if !inner.contains('(') && is_credit(inner) {
                        found.push(start, close + 1, PhotoCredit);
                        if let Some(caption) = dated_caption_start(text, start) {
                            found.push(caption, start, PhotoCredit);
                        }
                    }
                }
            }
            Rule::CreditWords => credit_words(found, start, end),
            Rule::EmbedCredit => {
                let before = text.get(..start).unwrap_or("").trim_end();
                let after_sentence = before.is_empty()
                    || before.ends_with(['.', '"', '?', '!', '\n', '”'])
                    || before.ends_with("- YouTube");
                if !(after_sentence && embedded_teaser(found, start, end))
                    && rule_is_photo(text, start)
                {
                    credit_words(found, start, end);
                }
            }
            Rule::SendLink => {
                let url_end = b
                    .get(start + 5..)
                    .and_then(|t| t.iter().position(|&c| is_space(c)))
                    .map_or(b.len(), |p| start + 5 + p);
                found.push(start, url_end, ShareCounter);
            }
            Rule::DonationSentence => {
                let line = found.line_of(start);
                let from = floor_boundary(text, start.saturating_sub(300));
                let sentence_start = (from..start)
                    .rev()
                    .find(|&i| is_sentence_end(b, i) || byte(b, i) == b'\n')
                    .map_or(from.max(line.start), |i| i + 1);
                // The appeal's own sentence, never past its line.
                let limit = floor_boundary(text, line.end.min(end + 300));
                let stop = sentence_end_in(b, end, limit).map_or(limit, |i| i + 1);
                found.push(sentence_start, stop, DonationAppeal);
            }
            Rule::SourceLine => {
                let mut j = end;
                for tail in [" and agencies", " and Agencies"] {
                    if b.get(j..j + tail.len()) == Some(tail.as_bytes()) {
                        j += tail.len();
                    }
                }
                found.push(start, j, Byline);
            }
            Rule::ListHeading | Rule::BareRelated => {}
        }
    }
}

/// "07.07.2015(updated 1935 07.07.2015) Get short URL Topic Title (1881) 0 25".
fn short_url(found: &mut Found<'_>, start: usize, end: usize) {
    let text = found.text;
    let b = text.as_bytes();
    let mut from = start;
    let window_start = floor_boundary(text, start.saturating_sub(40));
    let before = text.get(window_start..start).unwrap_or("");
    if let Some(p) = before
        .rfind("(updated")
        .filter(|_| before.trim_end().ends_with(')'))
    {
        from = window_start + p;
    }
    let mut j = skip_spaces(b, end);
    if b.get(j..j + 6) == Some(b"Topic ") {
        // The topic title ends with its article count in parentheses.
        let close = b
            .get(j..(j + 160).min(b.len()))
            .and_then(|w| {
                w.windows(2)
                    .position(|p| p[0].is_ascii_digit() && p[1] == b')')
            })
            .map(|p| j + p + 2);
        if let Some(close) = close {
            j = skip_spaces(b, close);
        }
    }
    let first = digits_end(b, j);
    let mut stop = end.max(j);
    if first > j {
        stop = first;
        // Two counters when the first is 0 ("0 25"), else one glued number.
        if b.get(j..first) == Some(b"0") && byte(b, first) == b' ' {
            let second = digits_end(b, first + 1);
            if second > first + 1 && !byte(b, second).is_ascii_alphanumeric() {
                stop = second;
            }
        }
        if byte(b, stop).is_ascii_alphanumeric() {
            stop = end;
        }
    }
    found.push(from, stop, ShareCounter);
}

fn list_heading(found: &mut Found<'_>, start: usize, end: usize) {
    let text = found.text;
    let b = text.as_bytes();
    let line = found.line_of(start);
    if line.list_heading || line.nav_heading {
        return; // handled as a line
    }
    // The rest is searched for a sentence end only when it is short: searching
    // it for every heading made text full of headings quadratic.
    let rest_has_sentence = || sentence_end_in(b, end, b.len()).is_some();
    let list_end = if trailer_follows(text, start) || (b.len() - end <= 300 && !rest_has_sentence())
    {
        b.len()
    } else {
        inline_list_end(b, end)
    };
    found.push(start, list_end, LinkList);
}

/// A bare "Related" is a heading only after a share counter ("Views 1430
/// Related", "... 91 Related") or when a site trailer follows.
fn bare_related(found: &mut Found<'_>, start: usize, end: usize) {
    let text = found.text;
    let b = text.as_bytes();
    if found.line_of(start).list_heading {
        return; // handled as a line
    }
    let before = text.get(..start).unwrap_or("").trim_end();
    let last_word_start = before.rfind(' ').map_or(0, |p| p + 1);
    let last_word = before.get(last_word_start..).unwrap_or("");
    let after_counter = !last_word.is_empty() && last_word.bytes().all(|c| c.is_ascii_digit())
        || last_word == "Tweet";
    if trailer_follows(text, start) {
        // Take in Sputnik's "... 91" counter before it.
        let mut from = start;
        if after_counter && last_word != "Tweet" {
            from = last_word_start;
            let earlier = before.get(..last_word_start).unwrap_or("").trim_end();
            if earlier.ends_with("...") {
                from = earlier.len() - 3;
            }
        }
        found.push(from, b.len(), LinkList);
    } else if after_counter {
        found.push(start, inline_list_end(b, end), LinkList);
    }
}

fn rule_is_photo(text: &str, start: usize) -> bool {
    text.get(start..).is_some_and(|t| t.starts_with("AP Photo"))
}

/// Small words a Title Case headline keeps in lower case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "in", "of", "to", "for", "at", "from", "on", "and", "as", "by", "with",
    "near", "after", "over", "into", "amid", "against", "via", "vs", "or", "is", "are", "de",
];

/// Longest word [`embedded_teaser`] reads.
const MAX_TEASER_WORD: usize = 200;

/// After a credit glued between sentences, a photographer's name and a related
/// headline follow in Title Case, then the article goes on. Marks credit, name and
/// headline when the Title Case run is found to end where a sentence starts.
fn embedded_teaser(found: &mut Found<'_>, start: usize, credit_end: usize) -> bool {
    let text = found.text;
    let b = text.as_bytes();
    let mut i = credit_end;
    let mut words = 0;
    let mut last_cap = None;
    let mut last_starter = None;
    let mut body = None;
    let mut prev_shouted = true;
    while words < 40 {
        i = skip_spaces(b, i);
        if i >= b.len() || matches!(byte(b, i), b'\n' | b'\r') {
            break;
        }
        // A "word" longer than any headline's ends the search, no teaser
        // found: reading it whole from each credit glued into it was quadratic.
        let limit = (i + MAX_TEASER_WORD).min(b.len());
        let Some(w_end) = (i..limit)
            .find(|&k| is_space(byte(b, k)))
            .or((limit == b.len()).then_some(limit))
        else {
            break;
        };
        let word = text.get(i..w_end).unwrap_or("");
        let bare = word.trim_start_matches(['"', '“', '\'']);
        let letters = bare.bytes().filter(u8::is_ascii_alphabetic).count();
        let caps = bare.bytes().filter(u8::is_ascii_uppercase).count();
        let shouted = letters >= 5 && caps == letters;
        // "(Sputnik)", "MOSCOW": a dateline starts the article again (an all-caps
        // photographer's name right after the credit is not one).
        if word.starts_with('(') || (shouted && words >= 2 && !prev_shouted) {
            body = Some(i);
            break;
        }
        prev_shouted = shouted || (words == 0 && bare.bytes().all(|c| c.is_ascii_digit()));
        if !bare.bytes().any(|c| c.is_ascii_alphanumeric()) {
            i = w_end; // "-" between headline and its source
            continue;
        }
        let first = bare.chars().next();
        let capital = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) || caps > 0;
        let small =
            SMALL_WORDS.contains(&bare.to_ascii_lowercase().trim_end_matches(',')) && !capital;
        if !capital && !small {
            body = last_starter.or(last_cap);
            break;
        }
        if capital {
            last_cap = Some(i);
            let quoted = word.len() != bare.len();
            let starter = quoted
                || ["The", "A", "An", "According", "On", "Earlier", "Meanwhile"].contains(&bare)
                || starts_lead(b.get(i..).unwrap_or(&[]));
            if starter && words >= 2 {
                last_starter = Some(i);
            }
        }
        words += 1;
        i = w_end;
    }
    match body {
        Some(body) if body > credit_end => {
            found.push(start, body, LinkList);
            true
        }
        _ => false,
    }
}

/// "AFP PHOTO / NAME", "Photo: AFP", "DHA Photo": the credit words and the
/// capitalised name after them.
fn credit_words(found: &mut Found<'_>, start: usize, end: usize) {
    let text = found.text;
    let b = text.as_bytes();
    let mut j = end;
    let mut words = 0;
    // After "DHA Photo" a name comes only behind a slash ("AP Photo/Hussein Malla");
    // after "Photo:" or "AFP PHOTO" it may follow directly.
    let mut slashed = b
        .get(start..end)
        .is_some_and(|m| m.ends_with(b":") || m.ends_with(b"PHOTO"));
    let mut after_slash = false;
    // A name after a slash keeps the case style of its first word
    // ("GEORGE OURFALIAN", "Hussein Malla"), so the lead's first word is left alone.
    let mut name_all_caps: Option<bool> = None;
    loop {
        let k = skip_spaces(b, j);
        let c = byte(b, k);
        if c == b'/' {
            j = k + 1;
            slashed = true;
            after_slash = true;
            continue;
        }
        if words >= 3 || !c.is_ascii_uppercase() || !slashed {
            break;
        }
        let w_end = (k..b.len())
            .find(|&i| {
                !(byte(b, i).is_ascii_alphanumeric() || matches!(byte(b, i), b'-' | b'.' | b'\''))
            })
            .unwrap_or(b.len());
        let word = b.get(k..w_end).unwrap_or(&[]);
        if word.len() < 2 {
            break;
        }
        // Names in credits are capitalised; a lead's first word usually is too,
        // so without a slash only all-caps names or agencies are taken.
        let all_caps = word.iter().all(|c| !c.is_ascii_lowercase());
        let agency = std::str::from_utf8(word).is_ok_and(|w| AGENCIES.contains(&w));
        if !(all_caps || agency || after_slash) {
            break;
        }
        if after_slash && *name_all_caps.get_or_insert(all_caps) != all_caps {
            break;
        }
        j = w_end;
        words += 1;
    }
    found.push(start, j, PhotoCredit);
}

/// The end of the text: an agency sign-off ("--AFP") or a short tail of names
/// or editor codes after the last sentence ("Hazem Sabbagh", "R.J/ Ghossoun").
fn tail_rules(found: &mut Found<'_>) {
    let text = found.text;
    let trimmed = text.trim_end();
    let b = trimmed.as_bytes();
    for agency in ["AFP", "Reuters", "AP", "dpa", "Anadolu", "SANA", "NNA"] {
        if let Some(head) = trimmed.strip_suffix(agency) {
            let head_trim = head.trim_end_matches(' ');
            if head_trim.ends_with('-') || head_trim.ends_with('—') {
                let from = head_trim.trim_end_matches(['-', '—']).len();
                found.push(from, trimmed.len(), Byline);
                return;
            }
        }
    }
    // Walk back over the last few sentence ends while everything after them
    // still looks like names or codes; keep the earliest such start.
    let mut best = None;
    let mut cut = b.len();
    for _ in 0..6 {
        let Some(boundary) = (0..cut)
            .rev()
            .find(|&i| is_sentence_end(b, i) || byte(b, i) == b'\n')
        else {
            break;
        };
        let tail_start = boundary + 1;
        let Some(tail) = trimmed.get(tail_start..).map(str::trim) else {
            break;
        };
        if tail.is_empty() {
            cut = boundary;
            continue;
        }
        if tail.len() > 60 || word_count(tail) > 8 {
            break;
        }
        let codes = tail.split_whitespace().all(|w| {
            w.bytes().all(|c| c.is_ascii_digit() || c == b'-') && w.bytes().any(|c| c == b'-')
        });
        // Names and editor codes: capitalised words, "al-Frieh/H.", "Qabas/".
        let names = tail.split_whitespace().all(|w| {
            let name_like = w.chars().next().is_some_and(char::is_uppercase)
                || w.contains('/')
                || w.starts_with("al-")
                || w.starts_with("el-");
            name_like && !w.bytes().any(|c| c.is_ascii_digit())
        });
        if codes {
            best = Some((tail_start, StrayNumber));
        } else if names {
            best = Some((tail_start, Byline));
        } else {
            break;
        }
        if byte(b, boundary) == b'\n' {
            break;
        }
        cut = boundary;
    }
    if let Some((start, kind)) = best {
        found.push(start, trimmed.len(), kind);
    }
}

/// Where the photo caption ending at the credit at `credit` starts, when it
/// ends with the day the photo was taken ("Russian military jets are seen at
/// Hmeymim air base in Syria June 18 2016 (TRT World and Agencies)"): that
/// day is the photo's, not the story's. The caption runs back to the last
/// sentence end or year (a dateline's: "AP Saturday 9 Jul 2016 Syrians pass
/// burnt-out vehicles ... on July 9 2016 (Photo AFP)"), at most 250 bytes
/// before.
fn dated_caption_start(text: &str, credit: usize) -> Option<usize> {
    let before = text.get(..credit)?.trim_end();
    let before = before
        .strip_suffix("(File photo)")
        .or_else(|| before.strip_suffix("(File Photo)"))
        .unwrap_or(before)
        .trim_end();
    let mut words = before.rsplitn(4, ' ');
    let (year, day, month) = (words.next()?, words.next()?, words.next()?);
    let dated = year.len() == 4
        && year.bytes().all(|c| c.is_ascii_digit())
        && (1..=2).contains(&day.len())
        && day.bytes().all(|c| c.is_ascii_digit())
        && month.len() > 3
        && crate::lexicon::month_number(&month.to_ascii_lowercase()).is_some();
    if !dated {
        return None;
    }
    let b = text.as_bytes();
    let date_start = before.len() - year.len() - day.len() - month.len() - 2;
    let from = floor_boundary(text, credit.saturating_sub(250));
    let year_ends_at = |i: usize| {
        i >= 5
            && byte(b, i) == b' '
            && byte(b, i - 5) == b' '
            && b.get(i - 4..i)
                .is_some_and(|y| y.iter().all(u8::is_ascii_digit) && matches!(y[0], b'1' | b'2'))
    };
    let end = (from..date_start)
        .rev()
        .find(|&i| is_sentence_end(b, i) || byte(b, i) == b'\n' || year_ends_at(i))?;
    // (Nor a sentence that reports a count: "The army said 12 soldiers were
    // killed in Mosul on June 1 2017 (AFP)" stays the story's; a caption
    // shows, it does not report.)
    let caption = text.get(end + 1..date_start)?.to_ascii_lowercase();
    let says = caption
        .split(|c: char| !c.is_alphanumeric())
        .any(crate::lexicon::is_saying_verb);
    let counts = caption.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit() || c == b',')
    });
    if says && counts {
        return None;
    }
    Some(end + 1)
}
