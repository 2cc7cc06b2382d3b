//! What each page shows: view models built from the ledger (all text still
//! plain, all links already relative to the page) and handed to templates.

use std::collections::BTreeMap;

use ledger_types::{
    Article, Claim, Grade, Incident, Measure, Party, PartyKind, Precision, Series, SeriesPoint,
};
use minijinja::Value;
use serde::Serialize;

use crate::columns::{ARTICLES_CSV_DOCS, CLAIMS_CSV_DOCS, INCIDENTS_CSV_DOCS, OTHER_EXPORTS};
use crate::escape;
use crate::figures;
use crate::index::{LedgerIndex, Month, in_month_order, label_of};
use crate::links;
use crate::svg;
use crate::templates::safe;
use crate::text;

/// A link as printed in a page: `href` is relative to that page and escaped.
#[derive(Debug, Serialize)]
pub struct Link {
    pub href: Value,
    pub label: String,
}

/// Builds links for one page: knows how far the page is from the site root.
#[derive(Debug, Clone)]
pub struct Linker {
    prefix: String,
}

impl Linker {
    pub fn for_page(page: &str) -> Linker {
        Linker {
            prefix: links::root_prefix(page),
        }
    }

    /// The relative, escaped href of a root-relative `target`.
    pub fn href(&self, target: &str) -> Value {
        safe(escape::html(&self.text(target)))
    }

    /// The same href as plain text (for SVG and search data, escaped later).
    pub fn text(&self, target: &str) -> String {
        format!("{}{}", self.prefix, target)
    }

    pub fn link(&self, target: &str, label: impl Into<String>) -> Link {
        Link {
            href: self.href(target),
            label: label.into(),
        }
    }
}

/// What every page has: site title, page title and the navigation.
#[derive(Debug, Serialize)]
pub struct Frame<'a> {
    pub site_title: &'a str,
    pub page_title: String,
    pub nav: Nav,
}

/// The navigation's links, relative to the page (cheap to clone: each link
/// is shared).
#[derive(Debug, Clone, Serialize)]
pub struct Nav {
    pub style: Value,
    pub index: Value,
    pub articles: Value,
    pub method: Value,
    pub codebook: Value,
    pub report: Value,
}

impl Nav {
    pub fn new(linker: &Linker) -> Nav {
        Nav {
            style: linker.href(links::STYLE),
            index: linker.href(links::INDEX),
            articles: linker.href(links::ARTICLES_INDEX),
            method: linker.href(links::METHOD),
            codebook: linker.href(links::CODEBOOK),
            report: linker.href(links::REPORT_MD),
        }
    }
}

fn party_text(party: &Party) -> String {
    format!("{} ({})", party.name, party.kind)
}

fn claimant_text(claimant: Option<&Party>) -> String {
    claimant.map_or_else(|| "the article, in its own voice".to_owned(), party_text)
}

fn is_official(party: Option<&Party>) -> bool {
    party.is_some_and(|p| p.kind == PartyKind::Belligerent)
}

/// "civilians killed", "people displaced": who, then what happened to them.
fn outcome(measure: Measure, victims: ledger_types::Victims) -> String {
    format!("{victims} {measure}")
}

/// The killed figure shown for an incident (civilians, else people).
fn killed_text(incident: &Incident) -> String {
    figures::headline_tally(incident, Measure::Killed)
        .map_or_else(|| "no figure".to_owned(), |t| figures::range(t.min, t.max))
}

/// The number to sort and draw by: the highest bound known.
fn killed_value(incident: &Incident) -> Option<u64> {
    figures::headline_tally(incident, Measure::Killed).and_then(|t| t.max.or(t.min))
}

fn place_text(incident: &Incident) -> String {
    incident
        .place
        .as_ref()
        .map_or_else(|| "place unknown".to_owned(), |p| p.name.clone())
}

#[derive(Debug, Serialize)]
pub struct Headline {
    pub articles: usize,
    pub read: usize,
    pub skipped: usize,
    pub warnings: usize,
    pub claims: usize,
    pub incidents: usize,
    /// Range of civilians killed, summed over incidents.
    pub civilians_killed: String,
    /// How that sum was made, with this ledger's numbers.
    pub civilians_killed_detail: String,
    pub civilians_killed_note: &'static str,
}

pub const CIVILIANS_KILLED_NOTE: &str = "The civilians-killed range adds up, over incidents, each incident's lowest civilians-killed figure, and up to the sum of the highest; an incident with no civilians-killed tally adds nothing, and one whose highest figure is open-ended (\"at least 47\") makes the upper end open. Running totals (cumulative claims) are not added.";

pub fn headline(index: &LedgerIndex<'_>) -> Headline {
    let ledger = index.ledger;
    let count = |status| {
        ledger
            .articles
            .iter()
            .filter(|a| a.status == status)
            .count()
    };
    let skipped = count(ledger_types::ArticleStatus::Skipped);
    let sum = figures::civilians_killed_sum(&ledger.incidents);
    let detail = match (sum.incidents, sum.open) {
        (1, 0) => format!(
            "1 incident has a civilians-killed tally; its lowest figure is {} and its highest {}.",
            sum.low, sum.high_known
        ),
        (1, _) => format!(
            "1 incident has a civilians-killed tally; its lowest figure is {}, and it has no highest figure.",
            sum.low
        ),
        (n, 0) => format!(
            "{n} incidents have a civilians-killed tally; their lowest figures add up to {} and their highest to {}.",
            sum.low, sum.high_known
        ),
        (n, open) => format!(
            "{n} incidents have a civilians-killed tally; their lowest figures add up to {}; {} of them {} no highest figure, and the highest figures of the others add up to {}.",
            sum.low,
            open,
            if open == 1 { "has" } else { "have" },
            sum.high_known
        ),
    };
    Headline {
        articles: ledger.articles.len(),
        read: ledger.articles.len() - skipped,
        skipped,
        warnings: count(ledger_types::ArticleStatus::Warning),
        claims: ledger.claims.len(),
        incidents: ledger.incidents.len(),
        civilians_killed: sum.range(),
        civilians_killed_detail: detail,
        civilians_killed_note: CIVILIANS_KILLED_NOTE,
    }
}

#[derive(Debug, Serialize)]
pub struct IncidentRow {
    pub id: String,
    pub href: Value,
    pub date: String,
    pub place: String,
    pub grade: &'static str,
    pub killed: String,
    /// Sort key for the killed column; -1 when there is no figure.
    pub killed_sort: i128,
    /// Articles behind the incident, a republished copy and its original counted once.
    pub sources: usize,
    pub claimants: String,
}

fn incident_row(index: &LedgerIndex<'_>, incident: &Incident, linker: &Linker) -> IncidentRow {
    IncidentRow {
        id: incident.id.clone(),
        href: linker.href(&links::incident_page(&incident.id)),
        date: figures::period(incident.date_start, incident.date_end),
        place: place_text(incident),
        grade: incident.grade.as_str(),
        killed: killed_text(incident),
        killed_sort: killed_value(incident).map_or(-1, i128::from),
        sources: incident
            .articles
            .iter()
            .map(|id| index.copy_of(id).unwrap_or(id))
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        claimants: incident
            .claimants
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    }
}

#[derive(Debug, Serialize)]
pub struct ExportLink {
    pub href: Value,
    pub file: &'static str,
    pub note: &'static str,
}

fn export_links(linker: &Linker) -> Vec<ExportLink> {
    let mut out = vec![
        ExportLink {
            href: linker.href("data/claims.csv"),
            file: "data/claims.csv",
            note: "every claim, one row each",
        },
        ExportLink {
            href: linker.href("data/articles.csv"),
            file: "data/articles.csv",
            note: "every article read, with status and problems",
        },
        ExportLink {
            href: linker.href("data/incidents.csv"),
            file: "data/incidents.csv",
            note: "every incident, one row each",
        },
    ];
    for (file, _) in OTHER_EXPORTS {
        out.push(ExportLink {
            href: linker.href(file),
            file,
            note: "",
        });
    }
    out
}

/// The latest point of a series: latest date, later points winning ties.
fn latest(series: &Series) -> Option<&SeriesPoint> {
    series
        .points
        .iter()
        .enumerate()
        .max_by_key(|(i, p)| (p.date, *i))
        .map(|(_, p)| p)
}

fn point_text(point: &SeriesPoint) -> String {
    let figure = figures::range(point.count_min, point.count_max);
    match point.date {
        Some(date) => format!("{figure} (as of {date})"),
        None => figure,
    }
}

#[derive(Debug, Serialize)]
pub struct SeriesRow {
    pub claimant: String,
    pub actor: String,
    pub outcome: String,
    pub latest: String,
    pub as_of: String,
    pub points: usize,
}

/// Running totals, one row per series, by claimant then actor.
pub fn series_rows(series: &[Series]) -> Vec<SeriesRow> {
    let mut rows: Vec<SeriesRow> = series
        .iter()
        .map(|s| {
            let last = latest(s);
            SeriesRow {
                claimant: s
                    .claimant
                    .as_ref()
                    .map_or_else(|| "unattributed".to_owned(), |p| p.name.clone()),
                actor: s
                    .actor
                    .as_ref()
                    .map_or_else(|| "unspecified".to_owned(), |p| p.name.clone()),
                outcome: outcome(s.measure, s.victims),
                latest: last.map_or_else(String::new, |p| figures::range(p.count_min, p.count_max)),
                as_of: last.map_or_else(String::new, |p| figures::date(p.date)),
                points: s.points.len(),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        (&a.claimant, &a.actor, &a.outcome).cmp(&(&b.claimant, &b.actor, &b.outcome))
    });
    rows
}

#[derive(Debug, Serialize)]
pub struct ComparisonRow {
    pub actor: String,
    pub outcome: String,
    pub official: Vec<String>,
    pub independent: Vec<String>,
}

/// Per actor and outcome, the latest running total of each claimant, official
/// (belligerent) claimants on one side, everyone else on the other. Only
/// groups with figures on both sides make a row (all series are in report.md
/// and series.json).
pub fn comparison(series: &[Series]) -> Vec<ComparisonRow> {
    let mut groups: BTreeMap<(String, String), (Vec<String>, Vec<String>)> = BTreeMap::new();
    for s in series {
        let Some(point) = latest(s) else { continue };
        let actor = s
            .actor
            .as_ref()
            .map_or_else(|| "unspecified".to_owned(), |p| p.name.clone());
        let entry = groups
            .entry((actor, outcome(s.measure, s.victims)))
            .or_default();
        let text = format!(
            "{}: {}",
            s.claimant
                .as_ref()
                .map_or("unattributed", |p| p.name.as_str()),
            point_text(point)
        );
        if is_official(s.claimant.as_ref()) {
            entry.0.push(text);
        } else {
            entry.1.push(text);
        }
    }
    groups
        .into_iter()
        .filter(|(_, (official, independent))| !official.is_empty() && !independent.is_empty())
        .map(|((actor, outcome), (mut official, mut independent))| {
            official.sort();
            independent.sort();
            ComparisonRow {
                actor,
                outcome,
                official,
                independent,
            }
        })
        .collect()
}

/// One entry of the overview's search index (`search.js`).
#[derive(Debug, Serialize)]
pub struct SearchEntry {
    /// Kind: incident or article.
    k: &'static str,
    /// Text searched and shown.
    t: String,
    /// Link relative to the site root, where the overview is.
    h: String,
}

/// How many of the latest incidents the overview lists, and of the latest
/// articles the article list: all of them are on their month's page. The
/// bound keeps those two pages from growing with the corpus, so that a new
/// article rewrites a few small pages rather than two that list everything.
pub const LATEST: usize = 100;

/// A link to one month's list, with how much it holds.
#[derive(Debug, Serialize)]
pub struct MonthLink {
    pub href: Value,
    pub label: String,
    pub count: usize,
}

/// A year's months (or the undated ones, as year "Undated").
#[derive(Debug, Serialize)]
pub struct YearMonths {
    pub year: String,
    pub months: Vec<MonthLink>,
}

fn month_list(months: &[Month], page: fn(&str) -> String, linker: &Linker) -> Vec<YearMonths> {
    let mut years: Vec<(Option<i16>, YearMonths)> = Vec::new();
    for month in months {
        let year = month.first_day.map(|d| d.year());
        let link = MonthLink {
            href: linker.href(&page(&month.key)),
            label: figures::month(month.first_day),
            count: month.positions.len(),
        };
        match years.last_mut() {
            Some((last, listed)) if *last == year => listed.months.push(link),
            _ => years.push((
                year,
                YearMonths {
                    year: year.map_or_else(|| "Undated".to_owned(), |y| y.to_string()),
                    months: vec![link],
                },
            )),
        }
    }
    years.into_iter().map(|(_, listed)| listed).collect()
}

/// The month before and after month `k` of `months`, as links.
fn neighbours(
    months: &[Month],
    k: usize,
    page: fn(&str) -> String,
    linker: &Linker,
) -> (Option<Link>, Option<Link>) {
    let link = |m: &Month| linker.link(&page(&m.key), figures::month(m.first_day));
    let previous = k.checked_sub(1).and_then(|p| months.get(p)).map(link);
    (previous, months.get(k + 1).map(link))
}

/// Up to [`LATEST`] of `items`, by their `months`: the dated ones newest
/// first, then the undated (their month comes last, and stays in order).
fn latest_first<'a, T>(months: &[Month], items: &'a [T]) -> Vec<&'a T> {
    let dated = months.iter().filter(|m| m.first_day.is_some());
    let undated = months.iter().filter(|m| m.first_day.is_none());
    let newest = dated.rev().flat_map(|m| m.positions.iter().rev());
    (newest.chain(undated.flat_map(|m| &m.positions)))
        .filter_map(|&i| items.get(i))
        .take(LATEST)
        .collect()
}

/// The incidents the overview and the report list: the latest, newest first.
fn latest_incidents<'a>(index: &LedgerIndex<'a>) -> Vec<&'a Incident> {
    latest_first(&index.incident_months, &index.ledger.incidents)
}

/// The scripts a page loads, relative to it.
#[derive(Debug, Serialize)]
pub struct Scripts {
    pub site: Value,
    pub search: Value,
}

impl Scripts {
    fn for_page(linker: &Linker) -> Scripts {
        Scripts {
            site: linker.href(links::SITE_JS),
            search: linker.href(links::SEARCH_JS),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct IndexView {
    pub headline: Headline,
    pub latest_incidents: Vec<IncidentRow>,
    pub incident_months: Vec<YearMonths>,
    pub exports: Vec<ExportLink>,
    pub timeline_svg: Value,
    pub map_svg: Value,
    pub comparison: Vec<ComparisonRow>,
    pub scripts: Scripts,
}

pub fn index_view(index: &LedgerIndex<'_>) -> IndexView {
    let linker = Linker::for_page(links::INDEX);
    let ledger = index.ledger;
    let incidents = in_month_order(&index.incident_months, &ledger.incidents);
    let dots: Vec<svg::Dot> = incidents
        .iter()
        .map(|i| svg::Dot {
            href: linker.text(&links::incident_page(&i.id)),
            label: format!(
                "{}, {}: {} killed ({})",
                figures::period(i.date_start, i.date_end),
                place_text(i),
                killed_text(i),
                i.grade
            ),
            date: i.date_start,
            value: killed_value(i),
            lat: i.place.as_ref().map(|p| p.lat),
            lon: i.place.as_ref().map(|p| p.lon),
            precise: i
                .place
                .as_ref()
                .is_some_and(|p| p.precision >= Precision::City),
        })
        .collect();
    IndexView {
        headline: headline(index),
        latest_incidents: latest_incidents(index)
            .into_iter()
            .map(|i| incident_row(index, i, &linker))
            .collect(),
        incident_months: month_list(&index.incident_months, links::incident_month_page, &linker),
        exports: export_links(&linker),
        timeline_svg: safe(svg::timeline(&dots)),
        map_svg: safe(svg::map(&dots)),
        comparison: comparison(&ledger.series),
        scripts: Scripts::for_page(&linker),
    }
}

/// The search index's entry for an incident (links relative to the site root).
pub fn incident_search_entry(incident: &Incident) -> SearchEntry {
    let mut t = format!(
        "{} {} — {} killed",
        figures::period(incident.date_start, incident.date_end),
        place_text(incident),
        killed_text(incident),
    );
    let mut names = incident.actors.iter().chain(&incident.claimants);
    if let Some(first) = names.next() {
        t.push_str("; ");
        t.push_str(&first.name);
        for party in names {
            t.push_str(", ");
            t.push_str(&party.name);
        }
    }
    SearchEntry {
        k: "incident",
        t,
        h: links::incident_page(&incident.id),
    }
}

/// The search index's entry for an article: its label (title, else id),
/// source, date and id; made from those fields alone.
pub fn article_search_entry(article: &Article) -> SearchEntry {
    let label = label_of(article);
    let date = figures::date(article.date);
    let id = format!("({})", article.id);
    let parts = [
        label,
        article.source.as_deref().unwrap_or_default(),
        &date,
        &id,
    ];
    SearchEntry {
        k: "article",
        t: parts
            .iter()
            .filter(|part| !part.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · "),
        h: links::article_page(&article.id),
    }
}

/// A month's list: its rows (incidents or articles) and the months around it.
#[derive(Debug, Serialize)]
pub struct MonthView<R> {
    pub rows: Vec<R>,
    pub previous: Option<Link>,
    pub next: Option<Link>,
    pub scripts: Scripts,
}

/// The page of month `k` of `months`, whose positions are in `items`.
fn month_view<T, R>(
    months: &[Month],
    items: &[T],
    k: usize,
    page: fn(&str) -> String,
    linker: &Linker,
    row: impl Fn(&T) -> R,
) -> MonthView<R> {
    let (previous, next) = neighbours(months, k, page, linker);
    let positions = months.get(k).map(|m| m.positions.as_slice());
    MonthView {
        rows: (positions.unwrap_or_default().iter())
            .filter_map(|&i| items.get(i))
            .map(row)
            .collect(),
        previous,
        next,
        scripts: Scripts::for_page(linker),
    }
}

/// The page of month `k` of the incidents' months.
pub fn incidents_month_view(
    index: &LedgerIndex<'_>,
    k: usize,
    linker: &Linker,
) -> MonthView<IncidentRow> {
    let (months, incidents) = (&index.incident_months, &index.ledger.incidents);
    month_view(
        months,
        incidents,
        k,
        links::incident_month_page,
        linker,
        |i| incident_row(index, i, linker),
    )
}

#[derive(Debug, Serialize)]
pub struct PlaceView<'v> {
    pub name: &'v str,
    pub parents: String,
    pub country: &'v str,
    pub precision: &'static str,
    pub lat: String,
    pub lon: String,
}

#[derive(Debug, Serialize)]
pub struct TallyView {
    pub outcome: String,
    pub range: String,
    pub official: String,
    pub independent: String,
    pub claims: usize,
}

/// A claim on its incident's page. Text the ledger holds is borrowed from
/// it (as in the other views of pages made once per claim or article):
/// copying it costs as much again as handing it to the template.
#[derive(Debug, Serialize)]
pub struct ClaimView<'v> {
    pub id: &'v str,
    pub article: Link,
    pub claimant: String,
    pub stance: &'static str,
    pub denied: bool,
    pub figure: String,
    pub qualifier: &'static str,
    pub outcome: String,
    pub scope: &'static str,
    pub period: String,
    pub place: &'v str,
    pub actor: String,
    pub sentence: Value,
}

#[derive(Debug, Serialize)]
pub struct IncidentView<'v> {
    pub id: &'v str,
    pub period: String,
    pub place: Option<PlaceView<'v>>,
    pub actors: Vec<String>,
    pub claimants: Vec<String>,
    pub grade: &'static str,
    pub grade_reason: &'v str,
    pub contested: bool,
    pub tallies: Vec<TallyView>,
    pub disagreements: Vec<String>,
    pub claims: Vec<ClaimView<'v>>,
    pub articles: Vec<Link>,
}

pub fn incident_view<'v>(
    index: &'v LedgerIndex<'_>,
    incident: &'v Incident,
    linker: &Linker,
) -> IncidentView<'v> {
    let mut disagreements = Vec::new();
    for tally in &incident.tallies {
        let sides = tally.official.zip(tally.independent);
        if let Some((official, independent)) = sides.filter(|(o, i)| o != i) {
            disagreements.push(format!(
                "Figures disagree on {}: official (belligerent) sources say {}, independent sources say {}.",
                outcome(tally.measure, tally.victims),
                figures::range(official.0, official.1),
                figures::range(independent.0, independent.1)
            ));
        }
    }
    let claims: Vec<&'v Claim> = incident
        .claims
        .iter()
        .filter_map(|id| index.claim(id))
        .collect();
    for claim in &claims {
        if claim.stance == ledger_types::Stance::Denied {
            disagreements.push(format!(
                "{} denies the figure of {} {} (claim {}).",
                claim
                    .claimant
                    .as_ref()
                    .map_or("A party", |p| p.name.as_str()),
                figures::range(claim.count_min, claim.count_max),
                outcome(claim.measure, claim.victims),
                claim.id
            ));
        }
    }
    IncidentView {
        id: &incident.id,
        period: figures::period(incident.date_start, incident.date_end),
        place: incident.place.as_ref().map(|p| PlaceView {
            name: &p.name,
            parents: p.parents.join(", "),
            country: &p.country,
            precision: p.precision.as_str(),
            lat: figures::coordinate(p.lat),
            lon: figures::coordinate(p.lon),
        }),
        actors: incident.actors.iter().map(party_text).collect(),
        claimants: incident.claimants.iter().map(party_text).collect(),
        grade: incident.grade.as_str(),
        grade_reason: &incident.grade_reason,
        contested: incident.grade == Grade::Contested,
        tallies: incident
            .tallies
            .iter()
            .map(|t| TallyView {
                outcome: outcome(t.measure, t.victims),
                range: figures::range(t.min, t.max),
                official: figures::side(t.official),
                independent: figures::side(t.independent),
                claims: t.claims.len(),
            })
            .collect(),
        disagreements,
        claims: claims
            .iter()
            .map(|c| claim_view(index, c, linker))
            .collect(),
        articles: incident
            .articles
            .iter()
            .map(|id| linker.link(&links::article_page(id), index.article_label(id)))
            .collect(),
    }
}

fn claim_view<'v>(index: &LedgerIndex<'_>, claim: &'v Claim, linker: &Linker) -> ClaimView<'v> {
    ClaimView {
        id: &claim.id,
        article: linker.link(
            &links::claim_target(&claim.article, &claim.id),
            index.article_label(&claim.article),
        ),
        claimant: claimant_text(claim.claimant.as_ref()),
        stance: claim.stance.as_str(),
        denied: claim.stance == ledger_types::Stance::Denied,
        figure: figures::range(claim.count_min, claim.count_max),
        qualifier: claim.qualifier.as_str(),
        outcome: outcome(claim.measure, claim.victims),
        scope: claim.scope.as_str(),
        period: figures::period(claim.date_start, claim.date_end),
        place: claim.place.as_ref().map_or("", |p| p.name.as_str()),
        actor: claim.actor.as_ref().map_or_else(String::new, party_text),
        sentence: safe(text::highlighted_sentence(claim)),
    }
}

#[derive(Debug, Serialize)]
pub struct ArticleClaimRow<'v> {
    /// Set when the count could not be marked in the text: the row carries the anchor.
    pub anchor: Option<String>,
    /// Link to the mark in the text, when there is one.
    pub in_text: Option<Value>,
    /// Read from the title, which the text does not repeat.
    pub in_title: bool,
    pub id: &'v str,
    pub figure: String,
    pub outcome: String,
    pub claimant: String,
    pub stance: &'static str,
    pub incident: Option<Link>,
}

#[derive(Debug, Serialize)]
pub struct ArticleView<'v> {
    pub id: &'v str,
    pub title: &'v str,
    pub file: &'v str,
    pub date: String,
    pub source: &'v str,
    pub url: &'v str,
    /// Link to the url, only for web addresses.
    pub url_href: Option<Value>,
    pub status: &'static str,
    pub problems: Vec<&'v str>,
    pub meta: Vec<(&'v str, &'v str)>,
    pub copy_of: Option<Link>,
    pub copies: Vec<Link>,
    pub body: Value,
    pub claims: Vec<ArticleClaimRow<'v>>,
}

pub fn article_view<'v>(
    index: &'v LedgerIndex<'_>,
    article: &'v Article,
    linker: &Linker,
) -> ArticleView<'v> {
    let claims: Vec<&'v Claim> = index.claims_of_article(&article.id).collect();
    let marks: Vec<text::ClaimMark> = claims
        .iter()
        .map(|c| text::ClaimMark {
            // A claim read from the title has no place in the text.
            span: if c.in_title {
                ledger_types::Span::new(0, 0)
            } else {
                c.count_span
            },
            anchor: links::claim_anchor(&c.id),
            href: c
                .incident
                .as_ref()
                .filter(|id| index.incident(id).is_some())
                .map(|id| linker.text(&links::incident_page(id))),
            title: format!(
                "{} {} — {}",
                figures::range(c.count_min, c.count_max),
                outcome(c.measure, c.victims),
                claimant_text(c.claimant.as_ref())
            ),
        })
        .collect();
    let (body, placed) = text::article_body(&article.text, &marks, &article.furniture);
    let rows = claims
        .iter()
        .zip(&marks)
        .zip(&placed)
        .map(|((claim, mark), &placed)| ArticleClaimRow {
            anchor: (!placed).then(|| mark.anchor.clone()),
            in_text: placed.then(|| safe(escape::html(&format!("#{}", mark.anchor)))),
            in_title: claim.in_title,
            id: &claim.id,
            figure: figures::range(claim.count_min, claim.count_max),
            outcome: outcome(claim.measure, claim.victims),
            claimant: claimant_text(claim.claimant.as_ref()),
            stance: claim.stance.as_str(),
            incident: claim
                .incident
                .as_ref()
                .and_then(|id| index.incident(id))
                .map(|i| {
                    linker.link(
                        &links::incident_page(&i.id),
                        format!(
                            "{}, {}",
                            figures::period(i.date_start, i.date_end),
                            place_text(i)
                        ),
                    )
                }),
        })
        .collect();
    let url = article.url.as_deref().unwrap_or_default();
    ArticleView {
        id: &article.id,
        title: index.article_label_str(&article.id),
        file: &article.file,
        date: figures::date(article.date),
        source: article.source.as_deref().unwrap_or_default(),
        url_href: links::is_web_url(url).then(|| safe(escape::html(url.trim()))),
        url,
        status: article.status.as_str(),
        problems: article
            .problems
            .iter()
            .map(|p| p.message.as_str())
            .collect(),
        meta: article
            .meta
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect(),
        copy_of: index
            .copy_of(&article.id)
            .map(|id| linker.link(&links::article_page(id), index.article_label(id))),
        copies: index
            .copies(&article.id)
            .iter()
            .map(|id| linker.link(&links::article_page(id), index.article_label(id)))
            .collect(),
        body: safe(body),
        claims: rows,
    }
}

#[derive(Debug, Serialize)]
pub struct ArticleRow {
    pub link: Link,
    pub id: String,
    pub date: String,
    pub source: String,
    pub status: &'static str,
    pub claims: usize,
    pub copy_of: String,
}

fn article_row(index: &LedgerIndex<'_>, a: &Article, linker: &Linker) -> ArticleRow {
    ArticleRow {
        link: linker.link(&links::article_page(&a.id), index.article_label(&a.id)),
        id: a.id.clone(),
        date: figures::date(a.date),
        source: a.source.clone().unwrap_or_default(),
        status: a.status.as_str(),
        claims: index.claim_count(&a.id),
        copy_of: index.copy_of(&a.id).unwrap_or_default().to_owned(),
    }
}

#[derive(Debug, Serialize)]
pub struct ArticlesView {
    pub total: usize,
    pub latest: Vec<ArticleRow>,
    pub months: Vec<YearMonths>,
    pub scripts: Scripts,
}

pub fn articles_view(index: &LedgerIndex<'_>) -> ArticlesView {
    let linker = Linker::for_page(links::ARTICLES_INDEX);
    let articles = &index.ledger.articles;
    ArticlesView {
        total: articles.len(),
        latest: latest_first(&index.article_months, articles)
            .into_iter()
            .map(|a| article_row(index, a, &linker))
            .collect(),
        months: month_list(&index.article_months, links::article_month_page, &linker),
        scripts: Scripts::for_page(&linker),
    }
}

/// The page of month `k` of the articles' months.
pub fn articles_month_view(
    index: &LedgerIndex<'_>,
    k: usize,
    linker: &Linker,
) -> MonthView<ArticleRow> {
    let (months, articles) = (&index.article_months, &index.ledger.articles);
    month_view(
        months,
        articles,
        k,
        links::article_month_page,
        linker,
        |a| article_row(index, a, linker),
    )
}

#[derive(Debug, Serialize)]
pub struct VagueRow {
    pub words: String,
    pub min: String,
    pub max: String,
}

#[derive(Debug, Serialize)]
pub struct GradeRow {
    pub grade: &'static str,
    pub rule: String,
}

#[derive(Debug, Serialize)]
pub struct MethodView {
    pub claim_rules: Vec<String>,
    pub vague_numbers: Vec<VagueRow>,
    pub merge_rules: Vec<String>,
    pub grade_rules: Vec<GradeRow>,
    pub civilians_killed_note: &'static str,
    pub killed_choice: &'static str,
}

pub const KILLED_CHOICE: &str = "Where one figure stands for an incident (the killed and injured columns, the index table), it is the civilians tally; when the incident has none, the people tally; otherwise there is no figure. Children and women are parts of civilians and combatants are not civilians, so neither is added.";

pub fn method_view(notes: &ledger_types::MethodNotes) -> MethodView {
    let number = |n: Option<u64>| n.map_or_else(|| "open".to_owned(), |n| n.to_string());
    MethodView {
        claim_rules: notes.claim_rules.clone(),
        vague_numbers: notes
            .vague_numbers
            .iter()
            .map(|(words, min, max)| VagueRow {
                words: words.clone(),
                min: number(*min),
                max: number(*max),
            })
            .collect(),
        merge_rules: notes.merge_rules.clone(),
        grade_rules: notes
            .grade_rules
            .iter()
            .map(|(grade, rule)| GradeRow {
                grade: grade.as_str(),
                rule: rule.clone(),
            })
            .collect(),
        civilians_killed_note: CIVILIANS_KILLED_NOTE,
        killed_choice: KILLED_CHOICE,
    }
}

#[derive(Debug, Serialize)]
pub struct ColumnDoc {
    pub name: &'static str,
    pub doc: &'static str,
}

#[derive(Debug, Serialize)]
pub struct CsvDoc {
    pub file: &'static str,
    pub href: Value,
    pub anchor: String,
    pub columns: Vec<ColumnDoc>,
}

#[derive(Debug, Serialize)]
pub struct OtherDoc {
    pub file: &'static str,
    pub href: Value,
    pub doc: &'static str,
}

#[derive(Debug, Serialize)]
pub struct CodebookView {
    pub csv: Vec<CsvDoc>,
    pub other: Vec<OtherDoc>,
    pub killed_choice: &'static str,
}

pub fn codebook_view() -> CodebookView {
    let linker = Linker::for_page(links::CODEBOOK);
    let csv = [
        ("data/claims.csv", CLAIMS_CSV_DOCS),
        ("data/articles.csv", ARTICLES_CSV_DOCS),
        ("data/incidents.csv", INCIDENTS_CSV_DOCS),
    ]
    .into_iter()
    .map(|(file, docs)| CsvDoc {
        file,
        href: linker.href(file),
        anchor: links::slug(file),
        columns: docs
            .iter()
            .map(|(name, doc)| ColumnDoc { name, doc })
            .collect(),
    })
    .collect();
    CodebookView {
        csv,
        other: OTHER_EXPORTS
            .iter()
            .map(|(file, doc)| OtherDoc {
                file,
                href: linker.href(file),
                doc,
            })
            .collect(),
        killed_choice: KILLED_CHOICE,
    }
}

#[derive(Debug, Serialize)]
pub struct SourceRow {
    pub title: String,
    pub id: String,
    /// A Markdown link destination (web url), when the article has one.
    pub url: Option<Value>,
    pub file: String,
}

#[derive(Debug, Serialize)]
pub struct ReportView {
    pub headline: Headline,
    /// The latest incidents, newest first, as on the overview.
    pub latest_incidents: Vec<IncidentRow>,
    pub incident_months: Vec<YearMonths>,
    pub series: Vec<SeriesRow>,
    /// The articles behind the incidents listed and the running totals.
    pub sources: Vec<SourceRow>,
}

/// A url as a Markdown link destination: characters that would end or break
/// it percent-encoded.
fn markdown_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '|' => out.push_str("%7C"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

pub fn report_view(index: &LedgerIndex<'_>) -> ReportView {
    let linker = Linker::for_page(links::REPORT_MD);
    let ledger = index.ledger;
    let listed = latest_incidents(index);
    // The articles behind what the report shows: the incidents listed and
    // the running totals.
    let series_articles = (ledger.series.iter().flat_map(|s| &s.points))
        .filter_map(|p| index.claim(&p.claim))
        .map(|c| c.article.as_str());
    let behind: std::collections::BTreeSet<&str> = listed
        .iter()
        .flat_map(|i| &i.articles)
        .map(String::as_str)
        .chain(series_articles)
        .collect();
    ReportView {
        headline: headline(index),
        latest_incidents: listed
            .iter()
            .map(|i| incident_row(index, i, &linker))
            .collect(),
        incident_months: month_list(&index.incident_months, links::incident_month_page, &linker),
        series: series_rows(&ledger.series),
        sources: behind
            .into_iter()
            .filter_map(|id| index.article(id))
            .map(|a| SourceRow {
                title: index.article_label(&a.id),
                id: a.id.clone(),
                url: a
                    .url
                    .as_deref()
                    .filter(|u| links::is_web_url(u))
                    .map(|u| safe(markdown_url(u))),
                file: a.file.clone(),
            })
            .collect(),
    }
}
