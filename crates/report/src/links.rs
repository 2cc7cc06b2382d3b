//! Link building: the one place that decides where each page lives and how
//! pages refer to each other (always relative, so the site works from file://).

/// A file-name-safe form of an id: ASCII letters, digits, `-` and `_` are
/// kept, every other byte becomes `~XX` (hex), so distinct ids stay distinct
/// and no id can climb out of its folder or break an attribute.
pub fn slug(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' {
            out.push(char::from(byte));
        } else {
            out.push('~');
            out.push_str(&format!("{byte:02X}"));
        }
    }
    if out.is_empty() {
        out.push('~');
    }
    out
}

pub const STYLE: &str = "style.css";
pub const INDEX: &str = "index.html";
pub const ARTICLES_INDEX: &str = "articles/index.html";
pub const METHOD: &str = "method.html";
pub const CODEBOOK: &str = "codebook.html";
pub const REPORT_MD: &str = "report.md";
/// The pages' shared script (table filter and sort, search).
pub const SITE_JS: &str = "site.js";
/// The search index the overview's search box reads.
pub const SEARCH_JS: &str = "search.js";

/// The month key of what has no date.
const UNDATED: &str = "undated";

/// The month a date falls in, as `YYYY-MM`, or [`UNDATED`]: what the month
/// lists are keyed and named by.
pub fn month_key(date: Option<jiff::civil::Date>) -> String {
    date.map_or_else(
        || UNDATED.to_owned(),
        |d| format!("{:04}-{:02}", d.year(), d.month()),
    )
}

/// Path (from the site root) of the list of a month's incidents. The dot
/// keeps it apart from every incident page: [`slug`] never makes one.
pub fn incident_month_page(month: &str) -> String {
    format!("incidents/month.{}.html", slug(month))
}

/// Path (from the site root) of the list of a month's articles (by
/// publication date); named like [`incident_month_page`].
pub fn article_month_page(month: &str) -> String {
    format!("articles/month.{}.html", slug(month))
}

/// Path (from the site root) of an incident's page.
pub fn incident_page(id: &str) -> String {
    format!("incidents/{}.html", slug(id))
}

/// Path (from the site root) of an article's page. The `a-` prefix keeps an
/// article called `index` from overwriting the article list.
pub fn article_page(id: &str) -> String {
    format!("articles/a-{}.html", slug(id))
}

/// The element id of a claim on its article's page. Claim ids are
/// `<article>#<n>`; the anchor keeps only what follows the last `#`.
pub fn claim_anchor(claim_id: &str) -> String {
    let local = claim_id.rsplit_once('#').map_or(claim_id, |(_, n)| n);
    format!("claim-{}", slug(local))
}

/// Path (from the site root) of a claim: its article's page and its anchor.
pub fn claim_target(article_id: &str, claim_id: &str) -> String {
    format!("{}#{}", article_page(article_id), claim_anchor(claim_id))
}

/// What to put before a root-relative path on the page at `page` (itself a
/// root-relative path): one `../` per folder the page is in.
pub fn root_prefix(page: &str) -> String {
    "../".repeat(page.matches('/').count())
}

/// Whether an article's url may become a link: only web addresses, so a
/// `javascript:` url in front matter stays inert text.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_and_distinct() {
        assert_eq!(slug("000_fece5f5f"), "000_fece5f5f");
        assert_eq!(slug("../x y"), "~2E~2E~2Fx~20y");
        assert_ne!(slug("a.b"), slug("a~2Eb"));
        assert_eq!(slug(""), "~");
    }

    #[test]
    fn pages_in_folders_climb_back_to_the_root() {
        assert_eq!(root_prefix("index.html"), "");
        assert_eq!(root_prefix("incidents/x.html"), "../");
        assert_eq!(claim_target("a1", "a1#3"), "articles/a-a1.html#claim-3");
    }

    #[test]
    fn only_web_urls_are_links() {
        assert!(is_web_url("https://example.org/a"));
        assert!(!is_web_url("javascript:alert(1)"));
    }
}
