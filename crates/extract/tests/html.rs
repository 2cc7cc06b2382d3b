//! HTML input: the pages in `tests/data/html/` are read through readability-style
//! extraction (main text without the site around it, metadata title, date, outlet
//! and URL), and the extractor finds their casualty claims. Small inline pages
//! check the metadata fallbacks; generated hostile markup checks that nothing panics.

use std::path::Path;

use ledger_extract::{Extractor, ingest::read_article};
use ledger_types::{Article, ArticleStatus, Claim, Date, Measure, Victims};

fn page(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/html")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_default();
    assert!(!bytes.is_empty(), "missing fixture {}", path.display());
    let article = read_article(name, &bytes);
    assert_eq!(article, read_article(name, &bytes), "not deterministic");
    article
}

fn date(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

fn paragraphs(article: &Article) -> Vec<&str> {
    article.text.split("\n\n").map(str::trim).collect()
}

/// Plain text: no markup and no entity left undecoded.
fn assert_plain(article: &Article) {
    for needle in [
        "<", ">", "&amp;", "&nbsp;", "&#", "&rsquo;", "&ldquo;", "\n\n\n",
    ] {
        assert!(
            !article.text.contains(needle),
            "{}: text contains {needle:?}:\n{}",
            article.file,
            article.text
        );
    }
}

fn claims(article: &Article) -> Result<Vec<Claim>, String> {
    let claims = Extractor::builtin()?.extract(article).claims;
    for c in &claims {
        let source = if c.in_title {
            &article.title
        } else {
            &article.text
        };
        let sentence = source.get(c.sentence_span.start..c.sentence_span.end);
        assert_eq!(
            sentence,
            Some(c.sentence.as_str()),
            "span is not the sentence"
        );
    }
    Ok(claims)
}

fn has_claim(claims: &[Claim], measure: Measure, victims: Victims, min: u64) -> bool {
    claims
        .iter()
        .any(|c| c.measure == measure && c.victims == victims && c.count_min == Some(min))
}

#[test]
fn junk_around_the_article_is_left_out() -> Result<(), String> {
    let a = page("news_with_junk.html");
    assert_eq!(a.status, ArticleStatus::Ok, "{:?}", a.problems);
    assert_eq!(a.id, "news_with_junk");
    assert_eq!(
        a.title,
        "Airstrikes kill 23 civilians in Raqqa, monitor says"
    );
    assert_eq!(a.date, date(2017, 6, 5));
    assert_eq!(a.source.as_deref(), Some("Levant Daily News"));
    // The canonical link wins over og:url with its tracking parameter.
    assert_eq!(
        a.url.as_deref(),
        Some("https://levant-daily.example/world/2017/06/05/raqqa-airstrikes")
    );
    assert_plain(&a);
    let paras = paragraphs(&a);
    assert_eq!(paras.len(), 5, "five paragraphs:\n{}", a.text);
    assert!(
        paras[0].starts_with("At least 23 civilians were killed on Monday"),
        "{}",
        paras[0]
    );
    // A paragraph's own line breaks are folded: one paragraph, one line.
    assert!(paras[0].ends_with("Syrian Observatory for Human Rights said."));
    assert!(!paras[0].contains('\n'));
    assert!(paras[4].ends_with("food, water or medical care."));
    for junk in [
        "World",
        "Breaking",
        "Advertisement",
        "Share",
        "Related stories",
        "Baghdad",
        "Most read",
        "newsletter",
        "Privacy",
        "All rights reserved",
        "dataLayer",
        "display: flex",
        "Tags:",
    ] {
        assert!(!a.text.contains(junk), "junk {junk:?} kept:\n{}", a.text);
    }

    let claims = claims(&a)?;
    assert!(has_claim(&claims, Measure::Killed, Victims::Civilians, 23));
    assert!(has_claim(&claims, Measure::Killed, Victims::Children, 8));
    assert!(
        claims
            .iter()
            .any(|c| c.measure == Measure::Trapped && c.count_max == Some(100_000)),
        "{claims:#?}"
    );
    // Counts in the ticker, related links and most-read list are not claims.
    for c in &claims {
        assert!(
            ![Some(400), Some(12), Some(30), Some(50)].contains(&c.count_min),
            "claim from page junk: {c:#?}"
        );
    }
    let raqqa = claims
        .iter()
        .filter(|c| c.place.as_ref().is_some_and(|p| p.name == "Raqqa"))
        .count();
    assert!(raqqa >= 2, "claims placed in Raqqa: {claims:#?}");
    Ok(())
}

#[test]
fn json_ld_gives_the_date_title_outlet_and_url() -> Result<(), String> {
    let a = page("jsonld_date_only.html");
    assert_eq!(a.status, ArticleStatus::Ok, "{:?}", a.problems);
    assert_eq!(a.date, date(2016, 11, 21));
    assert_eq!(a.title, "Car bomb kills 14 at Mosul checkpoint");
    assert_eq!(a.source.as_deref(), Some("Northern Courier"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://courier.example/iraq/mosul-car-bomb")
    );
    assert_plain(&a);
    assert_eq!(paragraphs(&a).len(), 3, "{}", a.text);
    for junk in ["Home", "Comments", "Be the first", "Advertise", "@context"] {
        assert!(!a.text.contains(junk), "junk {junk:?} kept:\n{}", a.text);
    }

    let claims = claims(&a)?;
    assert!(
        has_claim(&claims, Measure::Killed, Victims::People, 14),
        "{claims:#?}"
    );
    assert!(
        has_claim(&claims, Measure::Killed, Victims::Combatants, 6),
        "{claims:#?}"
    );
    assert!(
        has_claim(&claims, Measure::Injured, Victims::People, 30),
        "{claims:#?}"
    );
    assert!(
        claims
            .iter()
            .all(|c| c.place.as_ref().is_some_and(|p| p.name == "Mosul")),
        "{claims:#?}"
    );
    // "on Monday" resolved against the JSON-LD date.
    assert!(claims.iter().any(|c| c.date_start == date(2016, 11, 21)));
    Ok(())
}

#[test]
fn a_page_without_an_article_is_skipped_with_a_reason() -> Result<(), String> {
    let a = page("no_article.html");
    assert_eq!(a.status, ArticleStatus::Skipped);
    assert_eq!(a.problems.len(), 1, "{:?}", a.problems);
    assert_eq!(a.problems[0].kind, "no_text");
    assert!(a.problems[0].message.contains("HTML page has no main text"));
    assert_eq!(a.title, "Levant Daily News");
    assert!(a.text.is_empty());
    assert!(claims(&a)?.is_empty());

    // Nothing for the extractor to grab: the `<title>` still names the page.
    let a = read_article(
        "404.html",
        b"<html><head><title>Page not found</title></head><body></body></html>",
    );
    assert_eq!(a.status, ArticleStatus::Skipped);
    assert_eq!(a.problems[0].kind, "no_text");
    assert_eq!(a.title, "Page not found");
    Ok(())
}

#[test]
fn entities_are_decoded_and_non_ascii_kept() -> Result<(), String> {
    let a = page("entities_non_ascii.html");
    assert_eq!(a.status, ArticleStatus::Ok, "{:?}", a.problems);
    // `<meta name="date">`; the " – Site" tail of `<title>` cut at the `<h1>`.
    assert_eq!(a.date, date(2018, 2, 14));
    assert_eq!(
        a.title,
        "Shelling in Deir ez-Zor leaves 9 dead & 17 wounded"
    );
    assert_eq!(a.url, None);
    assert_plain(&a);
    for kept in [
        "al-Jūra district of Deir ez\u{2011}Zor",
        "the city’s health directorate",
        "“Most of the victims were women and children,” said Dr. Ḥasan al-Ṭāhir",
        "shortly after 7 a.m.",
        "Médecins Sans Frontières & the Red Crescent",
        "Zoë Müller",
        "\"Nobody here feels safe — not even at home.\"",
        "40% this month",
    ] {
        assert!(a.text.contains(kept), "missing {kept:?} in:\n{}", a.text);
    }
    assert_eq!(paragraphs(&a).len(), 3, "{}", a.text);
    assert!(!a.text.contains("Accueil"));
    assert!(!a.text.contains("©"));

    let claims = claims(&a)?;
    assert!(
        has_claim(&claims, Measure::Killed, Victims::Civilians, 9),
        "{claims:#?}"
    );
    assert!(
        has_claim(&claims, Measure::Injured, Victims::People, 17),
        "{claims:#?}"
    );
    // "on Tuesday" before the page's date, Wednesday 14 February 2018.
    assert!(
        claims.iter().all(|c| c.date_start == date(2018, 2, 13)),
        "{claims:#?}"
    );
    Ok(())
}

const BODY: &str = "<article><p>At least 12 civilians were killed in an airstrike on the \
    village on Sunday, a local official said.</p><p>Rescue teams were still searching \
    the rubble of three houses, the official added.</p></article>";

fn inline(head: &str) -> Article {
    let html = format!("<!doctype html><html><head>{head}</head><body>{BODY}</body></html>");
    read_article("inline.html", html.as_bytes())
}

#[test]
fn metadata_fallbacks() {
    let a = inline(
        r#"<title>Village strike | Courier</title><meta itemprop="datePublished" content="2019-03-04">"#,
    );
    assert_eq!(a.status, ArticleStatus::Ok, "{:?}", a.problems);
    assert_eq!(a.date, date(2019, 3, 4));
    assert_eq!(a.title, "Village strike | Courier");

    let html = format!(
        "<html><head><title>x</title></head><body><header><time datetime=\"2001-01-01\">old</time></header>\
         <article><time datetime=\"2020-07-08T22:10:00-04:00\">July 8</time>{BODY}</article></body></html>"
    );
    let a = read_article("time.html", html.as_bytes());
    assert_eq!(a.date, date(2020, 7, 8), "the article's own <time>");

    let a = inline(
        r#"<meta property="article:published_time" content="2021-05-06T08:00:00Z"><meta name="date" content="2000-01-01">"#,
    );
    assert_eq!(a.date, date(2021, 5, 6), "article:published_time first");

    // A relative canonical link is no address; an absolute og:url is.
    let a = inline(
        r#"<link rel="canonical" href="/world/x"><meta property="og:url" content="https://news.example/world/x">"#,
    );
    assert_eq!(a.url.as_deref(), Some("https://news.example/world/x"));

    // No date in the metadata: a dateline in the text still counts, as furniture.
    let html = "<html><body><div class=\"story\"><p>Published: 12 March 2018</p>\
        <p>At least 12 civilians were killed in an airstrike on the village on Sunday, \
        a local official said.</p></div></body></html>";
    let a = read_article("dateline.html", html.as_bytes());
    assert_eq!(a.date, date(2018, 3, 12));
    assert!(
        a.text
            .starts_with("Published: 12 March 2018\n\nAt least 12"),
        "{}",
        a.text
    );
    assert_eq!(a.furniture.len(), 1);
    assert_eq!(
        a.title,
        "At least 12 civilians were killed in an airstrike on the village on Sunday, a local official said"
    );

    let a = inline(r#"<meta name="date" content="sometime soon">"#);
    assert_eq!(a.date, None);
    assert_eq!(a.status, ArticleStatus::Warning);
    assert_eq!(a.problems[0].kind, "html_date");
}

#[test]
fn extensions_choose_the_reader_in_any_case() {
    let html =
        format!("<html><head><title>Village strike</title></head><body>{BODY}</body></html>");
    for name in ["a.html", "b.HTM", "c.Html"] {
        let a = read_article(name, html.as_bytes());
        assert_eq!(a.status, ArticleStatus::Ok, "{name}");
        assert!(
            a.text.starts_with("At least 12 civilians"),
            "{name}: {}",
            a.text
        );
    }
    let a = read_article("d.txt", html.as_bytes());
    assert!(a.text.contains("<article>"), "a .txt file is read as it is");
}

#[test]
fn windows_1252_pages_are_read_with_a_warning() {
    let mut bytes =
        b"<html><body><article><p>Caf\xe9 owners said at least 12 civilians were killed \
        in the strike on Sunday, officials said.</p></article></body></html>"
            .to_vec();
    bytes.extend_from_slice(b"\n");
    let a = read_article("latin.html", &bytes);
    assert_eq!(a.status, ArticleStatus::Warning);
    assert_eq!(a.problems[0].kind, "not_utf8");
    assert!(a.text.starts_with("Café owners"), "{}", a.text);
}

#[test]
fn huge_and_deep_pages_are_skipped_not_slow() {
    let deep = format!("{}{BODY}", "<div>".repeat(5_000));
    let a = read_article("deep.html", deep.as_bytes());
    assert_eq!(a.status, ArticleStatus::Skipped);
    assert_eq!(a.problems[0].kind, "html_too_large", "{:?}", a.problems);

    let many = format!(
        "<html><body>{}{BODY}</body></html>",
        "<p>x</p>".repeat(100_001)
    );
    let a = read_article("many.html", many.as_bytes());
    assert_eq!(a.status, ArticleStatus::Skipped);
    assert_eq!(a.problems[0].kind, "html_too_large", "{:?}", a.problems);
}

/// xorshift64: a tiny deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n.max(1) as u64).unwrap_or(0)
    }
}

const PIECES: &[&str] = &[
    "<html>",
    "<head>",
    "<body>",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<br>",
    "<article>",
    "</article>",
    "<h1>",
    "</h1>",
    "<title>",
    "</title>",
    "<script>",
    "</script>",
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"datePublished\":",
    "\"2017-02-30\"}",
    "{\"@graph\":[{",
    "]}",
    "<meta name=\"date\" content=\"",
    "<meta property=\"og:title\" content=\"",
    "<link rel=\"canonical\" href=\"",
    "\">",
    "<time datetime=\"",
    "<noscript><img src=a.jpg></noscript>",
    "<img src=\"x.png\">",
    "<table><tr><td>",
    "</td></tr></table>",
    "<!-- ",
    " -->",
    "<![CDATA[",
    "]]>",
    "<pre>",
    "<svg><math>",
    "<template>",
    "<select><option>",
    "<base href=\"::\">",
    "<a href=\"javascript:x\">",
    "</a>",
    "&amp;",
    "&#0;",
    "&#99999999;",
    "&nbsp;",
    "&",
    "<",
    ">",
    "\"",
    "killed 12 civilians",
    "at least 30 people were wounded",
    " in Aleppo on Tuesday, the monitor said. ",
    "lorem ipsum dolor sit amet ",
    "2017-06-05T10:00:00Z",
    "é",
    "الحرب",
    "\u{a0}",
    "\r\n",
    "\n\n",
];

#[test]
fn hostile_markup_never_panics() -> Result<(), String> {
    let extractor = Extractor::builtin()?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..300 {
        let mut html = String::new();
        for _ in 0..rng.below(200) {
            html.push_str(PIECES[rng.below(PIECES.len())]);
        }
        let a = read_article(&format!("case-{case}.html"), html.as_bytes());
        assert!(
            !a.problems.iter().any(|p| p.kind == "html"),
            "case {case}: extractor failed on {html:?}"
        );
        assert!(!a.title.is_empty(), "case {case}: empty title");
        assert_eq!(a.problems.is_empty(), a.status == ArticleStatus::Ok);
        for c in extractor.extract(&a).claims {
            let source = if c.in_title { &a.title } else { &a.text };
            assert_eq!(
                source.get(c.sentence_span.start..c.sentence_span.end),
                Some(c.sentence.as_str())
            );
        }
    }
    Ok(())
}
