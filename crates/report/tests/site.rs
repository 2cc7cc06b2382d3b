//! Renders the hand-built fixture ledger and checks the site as a whole:
//! snapshots, links, escaping, CSV round trips, determinism, template overrides.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/fixture.rs"]
mod fixture;

use std::collections::{BTreeMap, BTreeSet};

use ledger_report::{
    ARTICLES_CSV_COLUMNS, CLAIMS_CSV_COLUMNS, INCIDENTS_CSV_COLUMNS, OutputFile, RenderOptions,
    ReportError, render, template_names,
};

fn options() -> RenderOptions {
    RenderOptions {
        title: "Syria test ledger".into(),
        method: fixture::method(),
        ..RenderOptions::default()
    }
}

fn site() -> BTreeMap<String, String> {
    files_as_text(render(&fixture::ledger(), &options()).unwrap())
}

fn files_as_text(files: Vec<OutputFile>) -> BTreeMap<String, String> {
    files
        .into_iter()
        .map(|f| (f.path, String::from_utf8(f.bytes).unwrap()))
        .collect()
}

fn page<'a>(site: &'a BTreeMap<String, String>, path: &str) -> &'a str {
    site.get(path)
        .unwrap_or_else(|| panic!("{path} not rendered; have {:?}", site.keys()))
}

#[test]
fn renders_every_expected_file() {
    let site = site();
    for path in [
        "index.html",
        "style.css",
        "site.js",
        "search.js",
        "method.html",
        "codebook.html",
        "report.md",
        "articles/index.html",
        "articles/a-a1.html",
        "articles/a-a2.html",
        "articles/a-a3.html",
        "articles/a-a4.html",
        "articles/month.2017-06.html",
        "articles/month.undated.html",
        "incidents/inc-raqqa.html",
        "incidents/inc-aleppo.html",
        "incidents/month.2017-05.html",
        "incidents/month.2017-06.html",
        "data/claims.csv",
        "data/claims.jsonl",
        "data/articles.csv",
        "data/incidents.csv",
        "data/incidents.json",
        "data/series.json",
        "data/source_groups.json",
    ] {
        page(&site, path);
    }
    assert_eq!(site.len(), 25, "{:?}", site.keys());
}

#[test]
fn snapshot_index() {
    insta::assert_snapshot!("index.html", page(&site(), "index.html"));
}

#[test]
fn snapshot_incident() {
    insta::assert_snapshot!("incident.html", page(&site(), "incidents/inc-raqqa.html"));
}

#[test]
fn snapshot_article() {
    insta::assert_snapshot!("article.html", page(&site(), "articles/a-a1.html"));
}

#[test]
fn snapshot_report_md() {
    insta::assert_snapshot!("report.md", page(&site(), "report.md"));
}

#[test]
fn snapshot_claims_csv() {
    insta::assert_snapshot!("claims.csv", page(&site(), "data/claims.csv"));
}

/// Decodes the entities our escaping produces, as a browser would in an attribute.
fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Values of `attr="..."` in `html`.
fn attribute_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&needle) {
        rest = &rest[at + needle.len()..];
        let end = rest.find('"').unwrap();
        out.push(unescape(&rest[..end]));
        rest = &rest[end..];
    }
    out
}

/// `base` folder joined with relative `href`, `..` resolved; None if it climbs out.
fn resolve(page: &str, href: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in href.split('/') {
        match part {
            ".." => {
                parts.pop()?;
            }
            "." | "" => {}
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

#[test]
fn every_link_resolves_to_a_rendered_file_and_anchor() {
    let site = site();
    let ids: BTreeMap<&str, BTreeSet<String>> = site
        .iter()
        .map(|(path, text)| {
            (
                path.as_str(),
                attribute_values(text, "id").into_iter().collect(),
            )
        })
        .collect();
    let mut checked = 0;
    for (path, text) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        for href in attribute_values(text, "href")
            .into_iter()
            .chain(attribute_values(text, "src"))
        {
            if href.starts_with("https://") || href.starts_with("http://") {
                continue;
            }
            assert!(!href.contains(':'), "{path}: non-relative link {href}");
            let (file, fragment) = match href.split_once('#') {
                Some((file, fragment)) => (file, Some(fragment)),
                None => (href.as_str(), None),
            };
            let target = if file.is_empty() {
                path.clone()
            } else {
                resolve(path, file).unwrap()
            };
            assert!(
                site.contains_key(&target),
                "{path}: {href} -> {target} not rendered"
            );
            if let Some(fragment) = fragment {
                assert!(
                    ids[target.as_str()].contains(fragment),
                    "{path}: {href}: no id {fragment} in {target}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links checked");
}

#[test]
fn ids_are_unique_within_each_page() {
    for (path, text) in site().iter().filter(|(p, _)| p.ends_with(".html")) {
        let ids = attribute_values(text, "id");
        let unique: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(ids.len(), unique.len(), "{path} repeats an id");
    }
}

#[test]
fn hostile_article_text_is_shown_as_text_everywhere() {
    let site = site();
    for (path, text) in &site {
        if path.starts_with("data/") {
            continue;
        }
        assert!(
            !text.contains(fixture::XSS_SCRIPT),
            "{path} has a live script tag"
        );
        assert!(
            !text.contains(fixture::XSS_IMG),
            "{path} has a live img tag"
        );
        assert!(!text.contains("<img"), "{path} has an img tag");
        assert!(
            !text.contains("href=\"javascript:"),
            "{path} has a javascript: link"
        );
    }
    let a2 = page(&site, "articles/a-a2.html");
    // Title, source, problem and body all shown, escaped.
    assert!(
        a2.matches("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;")
            .count()
            >= 3
            || a2.matches("&lt;script&gt;alert(1)&lt;/script&gt;").count() >= 3,
        "{a2}"
    );
    assert!(
        a2.contains("&lt;img src=x onerror=alert(1)&gt;")
            || a2.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{a2}"
    );
    assert!(
        page(&site, "incidents/inc-aleppo.html").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(page(&site, "report.md").contains("&lt;script&gt;"));
    // Every page that shows the title escapes it; the only script elements are ours.
    for (path, text) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        let scripts = text.matches("<script").count();
        // The overview loads the search index and the controls; the lists, the controls.
        let expected = match path.as_str() {
            "index.html" => 2,
            "articles/index.html" => 1,
            _ if path.contains("/month.") => 1,
            _ => 0,
        };
        assert_eq!(scripts, expected, "{path}");
    }
}

#[test]
fn markdown_table_cells_escape_pipes_and_keep_rows_whole() {
    let md = site().remove("report.md").unwrap();
    assert!(
        md.contains("&lt;script&gt;alert(1)&lt;/script&gt; Aleppo \\| toll"),
        "{md}"
    );
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert!(cells == 6 || cells == 7, "broken row: {line}");
    }
}

fn read_csv(text: &str) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn csv_exports_parse_back_with_their_documented_columns() {
    let site = site();
    let ledger = fixture::ledger();

    let (header, claims) = read_csv(page(&site, "data/claims.csv"));
    assert_eq!(header, CLAIMS_CSV_COLUMNS);
    assert_eq!(
        &header[..18],
        [
            "id",
            "article",
            "sentence",
            "count_min",
            "count_max",
            "qualifier",
            "measure",
            "victims",
            "place",
            "country",
            "lat",
            "lon",
            "date_start",
            "date_end",
            "scope",
            "actor",
            "claimant",
            "incident"
        ]
    );
    assert_eq!(claims.len(), ledger.claims.len());
    for (row, claim) in claims.iter().zip(&ledger.claims) {
        assert_eq!(
            row["sentence"], claim.sentence,
            "commas, quotes and newlines survive"
        );
    }
    let first = &claims[0];
    assert_eq!(first["count_min"], "47");
    assert_eq!(first["count_max"], "");
    assert_eq!(first["qualifier"], "at_least");
    assert_eq!(first["lat"], "35.9500");
    assert_eq!(first["lon"], "39.0167");
    assert_eq!(first["date_start"], "2017-05-29");
    assert_eq!(first["claimant"], "Syrian Observatory for Human Rights");
    assert_eq!(first["claimant_kind"], "monitor");
    assert_eq!(first["incident"], "inc-raqqa");
    assert_eq!(claims[5]["place"], "");

    let (header, articles) = read_csv(page(&site, "data/articles.csv"));
    assert_eq!(header, ARTICLES_CSV_COLUMNS);
    assert_eq!(articles.len(), 4, "skipped articles are listed too");
    assert_eq!(articles[2]["status"], "skipped");
    assert_eq!(
        articles[2]["problems"],
        "The file is binary, not text.; Nothing left to read; after cleanup, it is empty."
    );
    assert_eq!(articles[0]["claims"], "4");
    assert_eq!(articles[3]["copy_of"], "a1");
    assert_eq!(articles[0]["copy_of"], "");

    let (header, incidents) = read_csv(page(&site, "data/incidents.csv"));
    assert_eq!(header, INCIDENTS_CSV_COLUMNS);
    assert_eq!(incidents.len(), 2);
    let raqqa = &incidents[0];
    assert_eq!(raqqa["killed_min"], "30");
    assert_eq!(raqqa["killed_max"], "");
    assert_eq!(raqqa["tallies"], "killed civilians 30+; killed people 12");
    assert_eq!(raqqa["articles"], "a1; a4");
    assert_eq!(
        raqqa["claimants"],
        "Syrian Observatory for Human Rights; Operation Inherent Resolve; Pentagon"
    );
    assert_eq!(incidents[1]["injured_max"], "20");
    assert_eq!(incidents[1]["killed_min"], "");
}

#[test]
fn json_exports_parse_back() {
    let site = site();
    let lines: Vec<serde_json::Value> = page(&site, "data/claims.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 7);
    assert_eq!(
        lines[0]["claimant"]["name"],
        "Syrian Observatory for Human Rights"
    );
    assert_eq!(lines[0]["date_start"], "2017-05-29");
    let incidents: Vec<ledger_types::Incident> =
        serde_json::from_str(page(&site, "data/incidents.json")).unwrap();
    assert_eq!(incidents, fixture::ledger().incidents);
    let series: Vec<ledger_types::Series> =
        serde_json::from_str(page(&site, "data/series.json")).unwrap();
    assert_eq!(series.len(), 2);
    let groups: Vec<ledger_types::SourceGroup> =
        serde_json::from_str(page(&site, "data/source_groups.json")).unwrap();
    assert_eq!(groups[0].original, "a1");
}

#[test]
fn codebook_documents_every_column() {
    let site = site();
    let codebook = page(&site, "codebook.html");
    for column in CLAIMS_CSV_COLUMNS
        .iter()
        .chain(ARTICLES_CSV_COLUMNS)
        .chain(INCIDENTS_CSV_COLUMNS)
    {
        assert!(
            codebook.contains(&format!("<code>{column}</code>")),
            "{column} undocumented"
        );
    }
    let method = page(&site, "method.html");
    assert!(method.contains("Counts of strikes are not claims."));
    assert!(method.contains("<td>dozens</td><td>24</td><td>99</td>"));
}

#[test]
fn rendering_is_deterministic() {
    let ledger = fixture::ledger();
    assert_eq!(
        render(&ledger, &options()).unwrap(),
        render(&ledger, &options()).unwrap()
    );
}

#[test]
fn disagreement_is_said_in_words() {
    let site = site();
    let incident = page(&site, "incidents/inc-raqqa.html");
    assert!(
        incident.contains("official (belligerent) sources say 30, independent sources say 47+"),
        "{incident}"
    );
    assert!(incident.contains("Pentagon denies the figure of 30 civilians killed"));
    assert!(incident.contains("<mark>At least 47</mark>"));
    let index = page(&site, "index.html");
    assert!(
        index.contains("Operation Inherent Resolve: 484 (as of 2017-06-03)"),
        "{index}"
    );
    assert!(index.contains("Airwars: 1500 (as of 2017-06-02)"));
}

#[test]
fn article_with_bad_spans_keeps_its_claim_anchor() {
    let site = site();
    let copy = page(&site, "articles/a-a4.html");
    assert!(!copy.contains("<mark"));
    assert!(copy.contains("<tr id=\"claim-1\">"));
    assert!(copy.contains("A republished copy of"));
}

#[test]
fn a_claim_read_from_the_title_is_listed_not_marked_in_the_text() {
    let mut ledger = fixture::ledger();
    let mut claim = ledger.claims[0].clone();
    claim.id = "a1#9".into();
    claim.sentence = "Strike kills 47 in Raqqa".into();
    claim.in_title = true;
    claim.sentence_span = ledger_types::Span::new(0, 24);
    claim.count_span = ledger_types::Span::new(13, 15);
    ledger.claims.push(claim);
    let site = files_as_text(render(&ledger, &options()).unwrap());
    let article = page(&site, "articles/a-a1.html");
    // Its spans are into the title: nothing in the text is marked for it.
    assert!(!article.contains("id=\"claim-9\" "), "{article}");
    assert!(
        article.contains("<tr id=\"claim-9\"><td>a1#9 (title)</td>"),
        "{article}"
    );
    let csv = page(&site, "data/claims.csv");
    assert!(
        csv.lines()
            .any(|l| l.starts_with("a1#9,") && l.ends_with(",true"))
    );
}

#[test]
fn a_user_override_replaces_the_embedded_template() {
    let mut options = options();
    options.template_overrides.insert(
        "index.html".into(),
        "{% extends \"base.html\" %}{% block main %}<p>custom: {{ headline.claims }} claims</p>{% include \"extra.html\" %}{% endblock %}".into(),
    );
    options
        .template_overrides
        .insert("extra.html".into(), "<p>{{ site_title }}</p>".into());
    let site = files_as_text(render(&fixture::ledger(), &options).unwrap());
    let index = page(&site, "index.html");
    assert!(index.contains("<p>custom: 7 claims</p>"), "{index}");
    assert!(index.contains("<p>Syria test ledger</p>"));
    assert!(template_names().contains(&"index.html"));
    assert!(template_names().contains(&"report.md"));
}

#[test]
fn a_broken_override_names_the_template() {
    let mut options = options();
    options
        .template_overrides
        .insert("incident.html".into(), "{% for x in %}".into());
    match render(&fixture::ledger(), &options) {
        Err(ReportError::Template { name, message }) => {
            assert_eq!(name, "incident.html");
            assert!(message.contains("syntax error"), "{message}");
        }
        other => panic!("expected a template error, got {other:?}"),
    }
    let mut options = self::options();
    options
        .template_overrides
        .insert("base.html".into(), "{{ nav.missing.deeper }}".into());
    let error = render(&fixture::ledger(), &options).unwrap_err();
    assert!(
        error.to_string().starts_with("template base.html:"),
        "{error}"
    );
}

#[test]
fn counts_on_the_list_pages_agree_with_their_number() {
    let site = site();
    let pages: Vec<(&String, &String)> = site
        .iter()
        .filter(|(path, _)| path.contains("month."))
        .collect();
    assert!(pages.len() >= 3);
    for (path, html) in pages {
        let rows = html.matches("<tr><td").count();
        let what = if path.starts_with("incidents/") {
            "incident"
        } else {
            "article"
        };
        let counted = if rows == 1 {
            format!("<p>1 {what}, ")
        } else {
            format!("<p>{rows} {what}s, ")
        };
        assert!(html.contains(&counted), "{path}: no \"{counted}\"");
        assert!(!html.contains(&format!(" 1 {what}s")), "{path}");
    }
}

#[test]
fn an_empty_ledger_renders() {
    let site =
        files_as_text(render(&ledger_types::Ledger::default(), &RenderOptions::default()).unwrap());
    assert!(page(&site, "index.html").contains("No incidents."));
    assert!(page(&site, "index.html").contains("<title>Overview · Casualty Ledger</title>"));
    assert_eq!(page(&site, "data/claims.csv").lines().count(), 1);
}

/// The fixture with 2,000 more articles, each with a claim and an incident.
fn bulk_ledger() -> ledger_types::Ledger {
    let mut ledger = fixture::ledger();
    let template = ledger.articles[0].clone();
    let claim = ledger.claims[0].clone();
    let incident = ledger.incidents[0].clone();
    for i in 0..2_000 {
        let mut article = template.clone();
        article.id = format!("bulk{i}");
        let mut c = claim.clone();
        c.id = format!("bulk{i}#1");
        c.article = article.id.clone();
        c.incident = Some(format!("inc-bulk{i}"));
        let mut x = incident.clone();
        x.id = format!("inc-bulk{i}");
        x.claims = vec![c.id.clone()];
        x.articles = vec![article.id.clone()];
        ledger.articles.push(article);
        ledger.claims.push(c);
        ledger.incidents.push(x);
    }
    ledger
}

#[test]
fn many_articles_render() {
    let ledger = bulk_ledger();
    let site = files_as_text(render(&ledger, &options()).unwrap());
    assert!(site.len() > 4_000);
    let (_, rows) = read_csv(page(&site, "data/claims.csv"));
    assert_eq!(rows.len(), ledger.claims.len());
}

/// The hrefs of the links in the rows of a page's table(s).
fn row_links(html: &str) -> Vec<String> {
    html.split("<tbody>")
        .skip(1)
        .flat_map(|body| body.split("</tbody>").next())
        .flat_map(|body| attribute_values(body, "href"))
        .collect()
}

/// The links of the 100 latest of `dates` (id -> date), newest first, then
/// by id, undated left out: `link_prefix` + id + `.html`.
fn latest_links(
    dates: &BTreeMap<String, Option<ledger_types::Date>>,
    link_prefix: &str,
) -> Vec<String> {
    let mut newest: Vec<(ledger_types::Date, &String)> = (dates.iter())
        .filter_map(|(id, date)| Some(((*date)?, id)))
        .collect();
    newest.sort_by(|a, b| b.cmp(a));
    (newest.iter().take(100))
        .map(|(_, id)| format!("{link_prefix}{id}.html"))
        .collect()
}

/// Checks that the month pages under `folder` list every id of `dates` once,
/// each on the page of its month (`undated` for none), rows linking to
/// `link_prefix` + id + `.html`; returns the month pages' paths, in order.
fn each_once_in_its_month<'a>(
    site: &'a BTreeMap<String, String>,
    folder: &str,
    link_prefix: &str,
    dates: &BTreeMap<String, Option<ledger_types::Date>>,
) -> Vec<&'a String> {
    let pages: Vec<&String> = (site.keys())
        .filter(|path| path.starts_with(&format!("{folder}/month.")))
        .collect();
    let mut listed: Vec<String> = Vec::new();
    for path in &pages {
        let month = path
            .trim_start_matches(&format!("{folder}/month."))
            .trim_end_matches(".html");
        for href in row_links(page(site, path)) {
            let id = href
                .trim_start_matches(link_prefix)
                .trim_end_matches(".html");
            let date = dates.get(id).expect(id);
            let day = date.map_or("undated".into(), |d| d.to_string());
            assert!(day.starts_with(month), "{path}: {id}");
            listed.push(id.to_owned());
        }
    }
    listed.sort();
    assert_eq!(listed, dates.keys().cloned().collect::<Vec<_>>());
    pages
}

#[test]
fn long_lists_are_split_by_month_and_list_everything_once() {
    let mut ledger = bulk_ledger();
    let day = |i: usize| {
        ledger_types::Date::new(2015, 1, 1)
            .unwrap()
            .checked_add(jiff::Span::new().days(i as i64 * 3))
            .unwrap()
    };
    // Every 50th incident and every 10th article undated.
    for (i, incident) in ledger.incidents.iter_mut().enumerate() {
        incident.date_start = (i % 50 != 1).then(|| day(i));
        incident.date_end = incident.date_start;
    }
    for (i, article) in ledger.articles.iter_mut().enumerate() {
        article.date = (i % 10 != 0).then(|| day(i));
    }
    let site = files_as_text(render(&ledger, &options()).unwrap());

    // The overview: the 100 latest incidents, newest first (then by id).
    let index = page(&site, "index.html");
    let dates = (ledger.incidents.iter())
        .map(|i| (i.id.clone(), i.date_start))
        .collect();
    assert_eq!(row_links(index), latest_links(&dates, "incidents/"));
    // Every incident on exactly one month page, the month of its first day,
    // and every month page linked from the overview and the report.
    let incident_months = each_once_in_its_month(&site, "incidents", "../incidents/", &dates);
    assert!(incident_months.len() > 12, "{}", incident_months.len());
    for path in &incident_months {
        assert!(
            index.contains(&format!("href=\"{path}\"")),
            "{path} not linked"
        );
        assert!(
            page(&site, "report.md").contains(&format!("]({path})")),
            "{path}"
        );
    }

    // The article list: the 100 latest, and every article on its month's page.
    let articles = page(&site, "articles/index.html");
    let dates = (ledger.articles.iter())
        .map(|a| (a.id.clone(), a.date))
        .collect();
    assert_eq!(row_links(articles), latest_links(&dates, "../articles/a-"));
    for path in each_once_in_its_month(&site, "articles", "../articles/a-", &dates) {
        assert!(articles.contains(&format!("href=\"../{path}\"")), "{path}");
    }
    assert!(
        page(&site, "articles/month.undated.html").contains("<h1>Articles without a date</h1>")
    );

    // Each month page links to the months before and after it.
    let keys: Vec<&str> = incident_months
        .iter()
        .map(|path| {
            path.trim_start_matches("incidents/month.")
                .trim_end_matches(".html")
        })
        .collect();
    for (k, path) in incident_months.iter().enumerate() {
        let html = page(&site, path);
        let link =
            |key: &str, rel: &str| format!("href=\"../incidents/month.{key}.html\" rel=\"{rel}\"");
        assert_eq!(
            k > 0 && html.contains(&link(keys[k - 1], "prev")),
            k > 0,
            "{path}"
        );
        let last = k + 1 == keys.len();
        assert_eq!(
            !last && html.contains(&link(keys.get(k + 1).unwrap_or(&""), "next")),
            !last,
            "{path}"
        );
    }
    assert!(
        page(&site, "incidents/month.2015-01.html").contains("<h1>Incidents of January 2015</h1>")
    );
    assert!(
        page(&site, "incidents/month.undated.html").contains("<h1>Incidents without a date</h1>")
    );
}

#[test]
fn large_exports_are_written_in_chunks_that_make_the_whole_file() {
    let empty = ledger_types::Ledger::default();
    let options = options();
    for ledger in [bulk_ledger(), fixture::ledger(), empty] {
        let site = ledger_report::Site::new(&ledger, &options).unwrap();
        let mut chunked = 0;
        for part in site.parts() {
            let Some(fingerprints) = site.chunk_fingerprints(part) else {
                continue;
            };
            chunked += 1;
            let fingerprints = fingerprints.unwrap();
            let whole = &site.render(part).unwrap()[0].bytes;
            let mut joined = Vec::new();
            for k in 0..fingerprints.len() {
                joined.extend(site.render_chunk(part, k).unwrap());
            }
            assert_eq!(&joined, whole, "{}", part.path);
            // A CSV export has one header and every row, in order.
            let ids: Option<Vec<&str>> = match part.path.as_str() {
                "data/claims.csv" => Some(ledger.claims.iter().map(|c| c.id.as_str()).collect()),
                "data/incidents.csv" => {
                    Some(ledger.incidents.iter().map(|i| i.id.as_str()).collect())
                }
                _ => None,
            };
            if let Some(ids) = ids {
                let (header, rows) = read_csv(std::str::from_utf8(whole).unwrap());
                assert_eq!(header.first().map(String::as_str), Some("id"));
                let got: Vec<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
                assert_eq!(got, ids, "{}", part.path);
            }
            if ledger.claims.len() > 1_000 {
                assert!(fingerprints.len() > 10, "{}: chunks", part.path);
            }
            // What the same data gives written whole.
            let expected: Option<Vec<u8>> = match part.path.as_str() {
                "data/claims.jsonl" => Some(
                    ledger
                        .claims
                        .iter()
                        .flat_map(|c| {
                            format!("{}\n", serde_json::to_string(c).unwrap()).into_bytes()
                        })
                        .collect(),
                ),
                "data/incidents.json" => {
                    let mut b = serde_json::to_vec_pretty(&ledger.incidents).unwrap();
                    b.push(b'\n');
                    Some(b)
                }
                _ => None,
            };
            // The search index: a script holding one entry per incident and article.
            if part.path == "search.js" {
                let text = std::str::from_utf8(whole).unwrap();
                let array = text
                    .strip_prefix("window.ledgerSearch = ")
                    .and_then(|t| t.strip_suffix(";\n"))
                    .unwrap();
                // JavaScript allows the comma after the last element; JSON does not.
                let json = array.replace(",\n]", "\n]");
                let entries: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
                assert_eq!(
                    entries.len(),
                    ledger.incidents.len() + ledger.articles.len()
                );
                assert_eq!(
                    entries.first().map(|e| e["k"] == "incident"),
                    ledger.incidents.first().map(|_| true)
                );
            }
            if let Some(expected) = expected {
                assert_eq!(
                    String::from_utf8_lossy(whole),
                    String::from_utf8_lossy(&expected),
                    "{}",
                    part.path
                );
            }
        }
        assert_eq!(chunked, 5);
    }
}

#[test]
fn a_changed_claim_changes_one_chunk_of_the_claims_exports() {
    let before = bulk_ledger();
    let mut after = before.clone();
    after.claims[1_500].count_max = Some(999);
    let options = options();
    let (old, new) = (
        ledger_report::Site::new(&before, &options).unwrap(),
        ledger_report::Site::new(&after, &options).unwrap(),
    );
    for (part, new_part) in old.parts().iter().zip(new.parts()) {
        let (Some(a), Some(b)) = (
            old.chunk_fingerprints(part),
            new.chunk_fingerprints(new_part),
        ) else {
            continue;
        };
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.len(), b.len(), "{}", part.path);
        let differing: Vec<usize> = (0..a.len()).filter(|&k| a[k] != b[k]).collect();
        let expected = usize::from(part.path.starts_with("data/claims"));
        assert_eq!(differing.len(), expected, "{}", part.path);
        for k in (0..a.len()).filter(|&k| a[k] == b[k]) {
            assert_eq!(
                old.render_chunk(part, k).unwrap(),
                new.render_chunk(new_part, k).unwrap(),
                "{} chunk {k}",
                part.path
            );
        }
    }
}

#[test]
fn a_retitled_article_changes_one_chunk_of_the_search_index() {
    let before = bulk_ledger();
    let mut after = before.clone();
    after.articles[1_500].title = "A new title".into();
    let options = options();
    let (old, new) = (
        ledger_report::Site::new(&before, &options).unwrap(),
        ledger_report::Site::new(&after, &options).unwrap(),
    );
    let search = |site: &ledger_report::Site<'_>| {
        let part = site
            .parts()
            .iter()
            .find(|p| p.path == "search.js")
            .unwrap()
            .clone();
        let fingerprints = site.chunk_fingerprints(&part).unwrap().unwrap();
        (part, fingerprints)
    };
    let ((old_part, a), (new_part, b)) = (search(&old), search(&new));
    assert_eq!(a.len(), b.len());
    let differing: Vec<usize> = (0..a.len()).filter(|&k| a[k] != b[k]).collect();
    assert_eq!(differing.len(), 1);
    let changed = String::from_utf8(new.render_chunk(&new_part, differing[0]).unwrap()).unwrap();
    assert!(changed.contains("A new title"), "{changed}");
    assert!(
        !String::from_utf8(old.render_chunk(&old_part, differing[0]).unwrap())
            .unwrap()
            .contains("A new title")
    );
}

#[test]
fn pages_have_the_accessible_basics() {
    for (path, text) in site().iter().filter(|(p, _)| p.ends_with(".html")) {
        assert!(
            text.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
            "{path}"
        );
        assert!(text.contains("<meta name=\"viewport\""), "{path}");
        assert_eq!(text.matches("<h1>").count(), 1, "{path}: one h1");
        assert!(
            !text.contains("<h3") || text.contains("<h2"),
            "{path}: headings in order"
        );
        assert!(
            !text.contains("http://") || path == "index.html",
            "{path}: nothing external"
        );
        let tables = text.matches("<table").count();
        assert!(
            text.matches("<th scope=\"col\">").count() >= tables,
            "{path}: tables have headers"
        );
    }
}

/// Every part's (fingerprint, files) of a ledger, by path.
fn parts_of(ledger: &ledger_types::Ledger) -> BTreeMap<String, (Option<u64>, Vec<OutputFile>)> {
    parts_rendered_by(ledger, &options())
}

fn parts_rendered_by(
    ledger: &ledger_types::Ledger,
    options: &RenderOptions,
) -> BTreeMap<String, (Option<u64>, Vec<OutputFile>)> {
    let site = ledger_report::Site::new(ledger, options).unwrap();
    site.parts()
        .iter()
        .map(|part| {
            let fingerprint = site.fingerprint(part).unwrap();
            (part.path.clone(), (fingerprint, site.render(part).unwrap()))
        })
        .collect()
}

#[test]
fn equal_fingerprints_mean_equal_pages() {
    let before = fixture::ledger();
    let base = parts_of(&before);
    // Each change alone: a claim's figure, an incident's place, an article's
    // title (shown on other pages too), a claim leaving its incident.
    let changes: Vec<fn(&mut ledger_types::Ledger)> = vec![
        |l| l.claims[0].count_min = Some(48),
        |l| {
            if let Some(p) = l.incidents[0].place.as_mut() {
                p.name = "Raqqa city".into();
            }
        },
        |l| l.articles[0].title = "Another title".into(),
        |l| l.claims[1].incident = None,
        |l| l.articles[1].text.push_str(" More text."),
        // Shown on the month pages: an article's source, and whether it is a
        // copy (an incident's sources are counted by source group).
        |l| l.articles[0].source = Some("Another agency".into()),
        |l| l.source_groups.clear(),
        // Rows moving to another month (which changes the months around
        // others too), and an article's claim count.
        |l| l.incidents[1].date_start = ledger_types::Date::new(2017, 5, 30).ok(),
        |l| l.incidents[1].date_start = ledger_types::Date::new(2016, 12, 30).ok(),
        |l| l.articles[1].date = ledger_types::Date::new(2017, 4, 30).ok(),
        |l| {
            l.claims.retain(|c| c.id != "a2#1");
        },
    ];
    for (n, change) in changes.into_iter().enumerate() {
        let mut after = before.clone();
        change(&mut after);
        let changed = parts_of(&after);
        let mut differing = 0;
        for (path, (fingerprint, files)) in &changed {
            let Some((old_fingerprint, old_files)) = base.get(path) else {
                continue;
            };
            if fingerprint.is_some() && fingerprint == old_fingerprint {
                assert_eq!(
                    files, old_files,
                    "change {n}: {path} changed under the same fingerprint"
                );
            } else if fingerprint != old_fingerprint {
                differing += 1;
            }
        }
        assert!(differing > 0, "change {n} changed no fingerprint");
    }
}

#[test]
fn preparing_first_changes_no_fingerprint() {
    // Enough rows for several chunks of claims and incidents.
    let ledger = bulk_ledger();
    let fingerprints = |prepare: bool| {
        let options = options();
        let site = ledger_report::Site::new(&ledger, &options).unwrap();
        assert!(
            site.preparations() > 3,
            "{} preparations",
            site.preparations()
        );
        if prepare {
            // In reverse: the ledger's hash last, after every row.
            for k in (0..site.preparations()).rev() {
                site.prepare(k).unwrap();
            }
        }
        let parts = site.parts().iter();
        parts
            .map(|p| (p.path.clone(), site.fingerprint(p).unwrap()))
            .collect::<Vec<_>>()
    };
    assert_eq!(fingerprints(true), fingerprints(false));
}

#[test]
fn every_fingerprint_changes_with_the_renderer() {
    // Another build of the program may turn the same ledger into other bytes
    // (an export's column, a page's markup): nothing it made is trusted.
    let ledger = fixture::ledger();
    let other = RenderOptions {
        renderer: 7,
        ..options()
    };
    let before = parts_of(&ledger);
    let after = parts_rendered_by(&ledger, &other);
    assert_eq!(before.len(), after.len());
    for (path, (fingerprint, _)) in &after {
        let old = &before[path].0;
        assert!(
            fingerprint.is_none() || fingerprint != old,
            "{path} kept its fingerprint"
        );
    }
    assert!(after.values().any(|(f, _)| f.is_some()));
}
