//! Real-browser tests of the report site: `cargo xtask build-report` on the
//! default corpus, then headless Chromium (Debian's `chromium`) loads the
//! overview and an incident page, and the tests check what a reader sees
//! after the pages' scripts ran, that nothing is fetched from the web, and
//! leave screenshots in `target/browser-screenshots/` for a human to look at.
//!
//! Without `chromium` on PATH the browser tests print that they were skipped
//! and pass, unless `CI` is set, where they fail: CI must really check.

mod common;

use common::{build, scratch, workspace_root};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Long enough for a cold start on a slow runner; a hung browser fails the test.
const CHROMIUM_TIMEOUT: Duration = Duration::from_secs(90);
const WINDOW_WIDTH: u32 = 1280;
const WINDOW_HEIGHT: u32 = 2000;
/// A blank 1280x2000 page screenshots to about 12 kB; the site's pages to
/// over 100 kB. Below this, the screenshot shows next to nothing.
const MIN_SCREENSHOT_BYTES: u64 = 30_000;

fn fixture(name: &str) -> PathBuf {
    workspace_root().join("xtask/tests/data/browser").join(name)
}

/// Builds the site from the default corpus into `out`.
fn build_site(out: &Path) {
    let result = build(&workspace_root().join("fixtures/articles"), out);
    assert!(
        result.status.success(),
        "build-report failed:\n{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

/// The Chromium binary, or None (after saying so) when it is missing and
/// this is not CI.
fn chromium_or_skip(test: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
            .find(|candidate| candidate.is_file())
    });
    if found.is_some() {
        return found;
    }
    let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
    assert!(
        !in_ci,
        "{test}: `chromium` is not on PATH and CI is set, so the browser test cannot be \
         skipped; install it (`apt-get install chromium`, which .ci/run does when missing)"
    );
    // Straight to the process's stderr: the test harness would swallow eprintln!.
    let _ = writeln!(
        std::io::stderr(),
        "{test}: SKIPPED, `chromium` is not installed (apt-get install chromium to run it)"
    );
    None
}

/// What one headless Chromium run left behind.
struct BrowserRun {
    /// The DOM after scripts ran, when `--dump-dom` was asked for.
    dom: String,
    stderr: String,
    /// URLs the page itself (not the browser's own background services) asked the network for.
    page_requests: Vec<String>,
}

/// Loads `page` in a fresh headless Chromium profile with DNS disabled,
/// logging network activity and console messages.
fn run_chromium(
    browser: &Path,
    work: &Path,
    name: &str,
    page: &Path,
    extra: &[String],
) -> BrowserRun {
    let profile = work.join(format!("{name}.profile"));
    let net_log = work.join(format!("{name}.netlog.json"));
    let stdout_path = work.join(format!("{name}.stdout"));
    let stderr_path = work.join(format!("{name}.stderr"));
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--enable-logging=stderr",
            "--v=0",
            // Lets inline scripts and timers run before the DOM is dumped.
            "--virtual-time-budget=2000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--log-net-log={}", net_log.display()))
        .args(extra)
        .arg(file_url(page))
        .stdin(Stdio::null())
        .stdout(fs::File::create(&stdout_path).expect("stdout file"))
        .stderr(fs::File::create(&stderr_path).expect("stderr file"))
        .spawn()
        .expect("start chromium");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if started.elapsed() > CHROMIUM_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish {name} within {CHROMIUM_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    // The profile is megabytes of browser state nobody needs afterwards.
    let _ = fs::remove_dir_all(&profile);
    let dom = fs::read_to_string(&stdout_path).unwrap_or_default();
    let stderr = fs::read_to_string(&stderr_path).unwrap_or_default();
    assert!(
        status.success(),
        "chromium failed on {name}: {status}\n{stderr}"
    );
    let uncaught: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("CONSOLE") && l.contains("Uncaught"))
        .collect();
    assert!(
        uncaught.is_empty(),
        "script errors on {name}: {uncaught:#?}"
    );
    let page_requests = page_requests(&net_log);
    BrowserRun {
        dom,
        stderr,
        page_requests,
    }
}

/// URLs in a Chromium net log requested by a page loaded from a file. The
/// browser's own services (update checks, account probes) run with no origin
/// and are not the site's doing.
fn page_requests(net_log: &Path) -> Vec<String> {
    let text = fs::read_to_string(net_log).expect("chromium wrote its net log");
    let log: serde_json::Value = serde_json::from_str(&text).expect("net log is JSON");
    let mut urls = Vec::new();
    for event in log["events"].as_array().into_iter().flatten() {
        let params = &event["params"];
        let Some(url) = params["url"].as_str() else {
            continue;
        };
        let initiator = params["initiator"].as_str().unwrap_or("");
        let isolation = params["network_isolation_key"].as_str().unwrap_or("");
        let from_file_page = initiator == "null"
            || initiator.starts_with("file://")
            || isolation.starts_with("file://");
        if from_file_page && !url.starts_with("file:") && !urls.iter().any(|u| u == url) {
            urls.push(url.to_string());
        }
    }
    urls
}

/// `file://` URL of an absolute path, percent-encoding what a URL path cannot hold.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// One opening tag: its lowercase name and its attributes, values unescaped.
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Every opening tag of a serialized page, in order. Enough for the HTML
/// Chromium serializes and the report templates write (quoted attributes).
fn tags(html: &str) -> Vec<Tag> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        let inside = &rest[..end];
        let name_end = inside
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(inside.len());
        let mut attrs = Vec::new();
        let mut body = &inside[name_end..];
        while let Some(eq) = body.find("=\"") {
            let attr_name = body[..eq]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let value_start = &body[eq + 2..];
            let value_end = value_start.find('"').unwrap_or(value_start.len());
            attrs.push((attr_name, unescape(&value_start[..value_end])));
            body = value_start.get(value_end + 1..).unwrap_or("");
        }
        found.push(Tag {
            name: inside[..name_end].to_ascii_lowercase(),
            attrs,
        });
        rest = &rest[end..];
    }
    found
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The visible text of an HTML fragment, whitespace collapsed.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    unescape(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The HTML between the first `start` (inclusive) and the next `end` after it.
fn section<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let Some(from) = html.find(start) else {
        panic!("no {start:?} in page");
    };
    let after = &html[from..];
    let to = after.find(end).map_or(after.len(), |i| i + end.len());
    &after[..to]
}

/// The `<dd>` text after the `<dt>` with the given label.
fn definition(html: &str, label: &str) -> String {
    let dt = format!("<dt>{label}</dt>");
    text_of(section(section(html, &dt, "</dd>"), "<dd", "</dd>"))
}

/// Attribute values that make the browser fetch something: anything with a
/// URL except a link a reader may follow and XML namespace names.
fn fetched_urls(html: &str) -> Vec<String> {
    let mut urls = Vec::new();
    for tag in tags(html) {
        for (name, value) in &tag.attrs {
            let navigation = tag.name == "a" && name == "href";
            if navigation || name.starts_with("xmlns") {
                continue;
            }
            let lower = value.trim().to_ascii_lowercase();
            if lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//")
            {
                urls.push(format!("<{} {name}=\"{value}\">", tag.name));
            }
        }
    }
    let css = html.to_ascii_lowercase();
    for (at, _) in css.match_indices("url(") {
        let arg = css[at + 4..].trim_start_matches(['"', '\'', ' ']);
        if arg.starts_with("http") || arg.starts_with("//") {
            urls.push(css[at..].chars().take(80).collect());
        }
    }
    for (at, _) in css.match_indices("@import") {
        urls.push(css[at..].chars().take(80).collect());
    }
    urls
}

/// Every local `href`/`src` of a page leads to a file of the site, and a
/// `#fragment` to an element of that file.
fn assert_local_links_resolve(html: &str, page: &Path) {
    let dir = page.parent().expect("page has a folder");
    for tag in tags(html) {
        for (name, value) in &tag.attrs {
            if name != "href" && name != "src" {
                continue;
            }
            if value.contains(':') || value.is_empty() {
                continue; // external links are checked elsewhere; mailto: and the like
            }
            let (file, fragment) = value.split_once('#').unwrap_or((value, ""));
            let target = if file.is_empty() {
                page.to_path_buf()
            } else {
                dir.join(file)
            };
            assert!(
                target.is_file(),
                "{} links to {value}, which does not exist",
                page.display()
            );
            if !fragment.is_empty() {
                let text = fs::read_to_string(&target).expect("read link target");
                assert!(
                    text.contains(&format!("id=\"{fragment}\"")),
                    "{} links to {value}, which has no element with that id",
                    page.display()
                );
            }
        }
    }
}

/// A PNG of the window size with something on it.
fn assert_screenshot(path: &Path) {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("no screenshot {}: {e}", path.display()));
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "{} is not a PNG",
        path.display()
    );
    let dimension = |at: usize| {
        bytes
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(u32::from_be_bytes)
    };
    assert_eq!(
        (dimension(16), dimension(20)),
        (Some(WINDOW_WIDTH), Some(WINDOW_HEIGHT)),
        "{} has the wrong size",
        path.display()
    );
    assert!(
        bytes.len() as u64 > MIN_SCREENSHOT_BYTES,
        "{} is {} bytes: an almost blank page",
        path.display(),
        bytes.len()
    );
}

/// The text of each `<td>`/`<th>` cell in a piece of table HTML, in order.
fn cells(html: &str) -> Vec<String> {
    html.match_indices("<t")
        .filter(|(at, _)| {
            let after = html.as_bytes().get(at + 2..at + 4).unwrap_or(b"");
            matches!(after, [b'd' | b'h', b' ' | b'>'])
        })
        .map(|(at, _)| {
            let cell = &html[at..];
            text_of(&cell[..cell.find("</t").unwrap_or(cell.len())])
        })
        .collect()
}

/// A figure as the min-max table prints it: `47`, `47+` (open-ended) or `24-99`.
fn readable_range(range: &str) -> bool {
    let number = |n: &str| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit());
    match range.split_once('-') {
        Some((low, high)) => number(low) && number(high),
        None => number(range.strip_suffix('+').unwrap_or(range)),
    }
}

/// The probe's `key=value` lines from a dumped DOM (see tests/data/browser/probe.js).
fn probe_results(dom: &str) -> Vec<(String, String)> {
    // The last one: the probe's own source mentions the tag too.
    let open = "<pre id=\"probe\">";
    let Some(start) = dom.rfind(open) else {
        panic!("the probe left no results; did it run?");
    };
    let inner = &dom[start + open.len()..];
    let inner = &inner[..inner.find("</pre>").unwrap_or(inner.len())];
    unescape(inner)
        .lines()
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn numbers(list: &str) -> Vec<f64> {
    list.split(',')
        .map(|n| n.parse().unwrap_or_else(|_| panic!("not a number: {n:?}")))
        .collect()
}

#[test]
fn a_reader_sees_the_overview_and_an_incident_in_chromium() {
    let Some(browser) = chromium_or_skip("a_reader_sees_the_overview_and_an_incident_in_chromium")
    else {
        return;
    };
    let work = scratch("browser");
    let site = work.join("site");
    build_site(&site);
    let shots = workspace_root().join("target/browser-screenshots");
    fs::create_dir_all(&shots).expect("screenshot folder");
    let window = format!("--window-size={WINDOW_WIDTH},{WINDOW_HEIGHT}");
    let screenshot = |name: &str| {
        let path = shots.join(format!("{name}.png"));
        let _ = fs::remove_file(&path);
        (path.clone(), format!("--screenshot={}", path.display()))
    };

    // The overview, as the browser shows it once its script ran.
    let index_page = site.join("index.html");
    let (index_png, index_shot) = screenshot("index");
    let index = run_chromium(
        &browser,
        &work,
        "index",
        &index_page,
        &["--dump-dom".into(), index_shot, window.clone()],
    );
    let dom = &index.dom;
    assert!(
        dom.contains("<title>")
            && text_of(section(dom, "<title>", "</title>")).contains("Casualty Ledger"),
        "no title naming the site:\n{}\n{}",
        dom.chars().take(500).collect::<String>(),
        index.stderr
    );
    assert_eq!(text_of(section(dom, "<h1", "</h1>")), "Casualty Ledger");

    let figures = section(dom, "<h2 id=\"headline\"", "</section>");
    assert!(text_of(figures).starts_with("In figures"), "{figures}");
    for label in ["Articles read", "Claims", "Incidents", "Civilians killed"] {
        let value = definition(figures, label);
        assert!(
            value.chars().any(|c| c.is_ascii_digit()),
            "headline figure {label} shows {value:?}"
        );
    }

    let table = section(dom, "<table id=\"incidents\"", "</table>");
    let body = section(table, "<tbody", "</tbody>");
    let rows: Vec<&str> = body.split("<tr").skip(1).collect();
    assert!(!rows.is_empty(), "the incident table has no rows");
    for row in &rows {
        let link = tags(row)
            .into_iter()
            .find(|t| t.name == "a")
            .and_then(|t| t.attr("href").map(String::from));
        assert!(
            link.as_deref().is_some_and(|h| h.starts_with("incidents/")),
            "a row without a link to its incident: {row}"
        );
    }
    // Incident pages, not the month lists beside them.
    let incident_files = fs::read_dir(site.join("incidents"))
        .expect("incidents folder")
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with("month."))
        .count();
    assert_eq!(
        definition(figures, "Incidents"),
        rows.len().to_string(),
        "the Incidents figure does not match the table"
    );
    // The overview lists up to the 100 latest; this fixture has fewer.
    assert_eq!(
        rows.len(),
        incident_files.min(100),
        "one row per incident page"
    );

    // The controls the script adds: a filter, sort buttons, a search box.
    let head = section(table, "<thead", "</thead>");
    assert_eq!(
        head.matches("<button").count(),
        cells(head).len(),
        "not every column heading became a sort button: {head}"
    );
    assert!(
        dom.contains("aria-label=\"Filter incidents\""),
        "no filter box: did the script run?"
    );
    let search = section(dom, "<section id=\"search\"", "</section>");
    assert!(!search.contains(" hidden"), "search stays hidden: {search}");
    assert!(
        search.contains("type=\"search\""),
        "no search box: {search}"
    );

    // Nothing from the web, in the page as served or as the script left it.
    let fetched = fetched_urls(dom);
    assert!(
        fetched.is_empty(),
        "the overview fetches from the web: {fetched:#?}"
    );
    assert!(
        index.page_requests.is_empty(),
        "the overview asked the network for {:#?}",
        index.page_requests
    );
    assert_local_links_resolve(dom, &index_page);
    assert_screenshot(&index_png);

    // Use the controls: a copy of the overview with a probe script appended.
    let probe_page = site.join("index.probe.html");
    let probe_js = fs::read_to_string(fixture("probe.js")).expect("probe.js");
    let original = fs::read_to_string(&index_page).expect("index.html");
    let with_probe = original.replacen(
        "</body>",
        &format!("<script>\n{probe_js}</script>\n</body>"),
        1,
    );
    fs::write(&probe_page, with_probe).expect("write probe page");
    let probed = run_chromium(
        &browser,
        &work,
        "probe",
        &probe_page,
        &["--dump-dom".into()],
    );
    let results = probe_results(&probed.dom);
    let get = |key: &str| -> &str {
        results
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("probe did not report {key}: {results:#?}"))
    };
    assert!(
        !results.iter().any(|(k, _)| k == "error"),
        "probe failed: {results:#?}"
    );
    assert_eq!(get("rows"), rows.len().to_string());
    let word = get("filter_word");
    let visible: usize = get("filter_visible").parse().expect("count");
    assert!(visible >= 1, "filtering on {word:?} hid every row");
    assert_eq!(
        get("filter_visible"),
        get("filter_expected"),
        "filtering on {word:?} shows the wrong rows"
    );
    assert_eq!(get("filter_cleared_visible"), rows.len().to_string());
    assert_eq!(get("sort_first_aria"), "ascending");
    let ascending = numbers(get("sort_first"));
    assert!(
        ascending.windows(2).all(|w| w[0] <= w[1]),
        "sorted ascending by Killed: {ascending:?}"
    );
    assert_eq!(get("sort_second_aria"), "descending");
    let descending = numbers(get("sort_second"));
    assert!(
        descending.windows(2).all(|w| w[0] >= w[1]),
        "sorted descending by Killed: {descending:?}"
    );
    assert_eq!(get("search_hidden"), "false");
    let hits: usize = get("search_hits").parse().expect("count");
    assert!(hits >= 1, "searching for {word:?} found nothing");
    for (key, hit) in &results {
        if key == "search_hit" {
            assert!(
                hit.to_lowercase().contains(&word.to_lowercase()),
                "search hit {hit:?} does not mention {word:?}"
            );
            let href = hit.rsplit(" -> ").next().unwrap_or("");
            assert!(
                site.join(href).is_file(),
                "search hit {hit:?} leads nowhere"
            );
        }
    }
    assert!(
        probed.page_requests.is_empty(),
        "{:#?}",
        probed.page_requests
    );

    // The first incident the overview links to.
    let first_link = tags(dom)
        .into_iter()
        .filter(|t| t.name == "a")
        .find_map(|t| {
            t.attr("href")
                .filter(|h| h.starts_with("incidents/"))
                .map(String::from)
        })
        .expect("the overview links to an incident");
    let incident_page = site.join(&first_link);
    let (incident_png, incident_shot) = screenshot("incident");
    let incident = run_chromium(
        &browser,
        &work,
        "incident",
        &incident_page,
        &["--dump-dom".into(), incident_shot, window],
    );
    let dom = &incident.dom;
    assert!(
        text_of(section(dom, "<title>", "</title>")).contains("Casualty Ledger"),
        "incident page title"
    );
    assert!(
        !text_of(section(dom, "<h1", "</h1>")).is_empty(),
        "incident heading"
    );
    let grade = definition(dom, "Grade");
    assert!(
        ledger_types::Grade::parse(&grade).is_some(),
        "the incident shows grade {grade:?}"
    );
    let tallies = section(dom, "<table class=\"tallies\"", "</table>");
    let heading = cells(section(tallies, "<thead", "</thead>"));
    let range_column = heading
        .iter()
        .position(|h| h == "Range")
        .unwrap_or_else(|| panic!("no Range column in {heading:?}"));
    let tally_rows: Vec<&str> = section(tallies, "<tbody", "</tbody>")
        .split("<tr")
        .skip(1)
        .collect();
    assert!(!tally_rows.is_empty(), "no figures in the min-max table");
    for row in tally_rows {
        let cells = cells(row);
        let range = cells.get(range_column).cloned().unwrap_or_default();
        assert!(
            readable_range(&range),
            "a range a reader cannot read: {range:?} in {cells:?}"
        );
    }
    let marks: Vec<String> = dom
        .split("<mark")
        .skip(1)
        .map(|m| text_of(&format!("<mark{}", m.split("</mark>").next().unwrap_or(""))))
        .collect();
    assert!(
        marks.iter().any(|m| !m.is_empty()),
        "no highlighted figure in a quoted sentence"
    );
    assert!(dom.contains("<blockquote"), "no quoted sentence");
    let fetched = fetched_urls(dom);
    assert!(
        fetched.is_empty(),
        "the incident page fetches from the web: {fetched:#?}"
    );
    assert!(
        incident.page_requests.is_empty(),
        "{:#?}",
        incident.page_requests
    );
    assert_local_links_resolve(dom, &incident_page);
    assert_screenshot(&incident_png);
    println!(
        "screenshots: {} and {}",
        index_png.display(),
        incident_png.display()
    );
}

/// The network checks above can fail: a page that reaches for the web is caught.
#[test]
fn the_network_checks_catch_a_page_that_fetches_from_the_web() {
    let page = fixture("leaky.html");
    let html = fs::read_to_string(&page).expect("leaky.html");
    let fetched = fetched_urls(&html);
    assert_eq!(fetched.len(), 2, "stylesheet and image: {fetched:#?}");

    let Some(browser) =
        chromium_or_skip("the_network_checks_catch_a_page_that_fetches_from_the_web")
    else {
        return;
    };
    let work = scratch("browser-leaky");
    let run = run_chromium(&browser, &work, "leaky", &page, &["--dump-dom".into()]);
    for url in [
        "https://cdn.example.org/style.css",
        "http://images.example.com/logo.png",
        "https://api.example.net/figures.json",
    ] {
        assert!(
            run.page_requests.iter().any(|u| u == url),
            "{url} not seen in {:#?}",
            run.page_requests
        );
    }
}

/// No page or stylesheet of the built site loads anything from the web; this
/// needs no browser, so it runs everywhere.
#[test]
fn no_file_of_the_site_loads_anything_from_the_web() {
    let site = scratch("browser-static").join("site");
    build_site(&site);
    let mut stack = vec![site.clone()];
    let mut checked = 0;
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("list site").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e == "html" || e == "css" || e == "svg")
            {
                let text = fs::read_to_string(&path).expect("read page");
                let fetched = fetched_urls(&text);
                assert!(
                    fetched.is_empty(),
                    "{} fetches {fetched:#?}",
                    path.display()
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 3, "only {checked} pages checked");
}
