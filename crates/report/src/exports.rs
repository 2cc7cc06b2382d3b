//! The data exports under `data/`: CSV through the `csv` crate, JSON through
//! serde_json. Column order comes from [`crate::columns`].

use std::borrow::Cow;

use ledger_types::{Article, Claim, Incident, Party};

use crate::columns::{ARTICLES_CSV_COLUMNS, CLAIMS_CSV_COLUMNS, INCIDENTS_CSV_COLUMNS};
use crate::figures;
use crate::index::LedgerIndex;
use crate::{OutputFile, ReportError};

// Rows are arrays as long as their header: a column added to one and not
// the other does not compile.
const CLAIM_COLUMNS: usize = CLAIMS_CSV_COLUMNS.len();
const ARTICLE_COLUMNS: usize = ARTICLES_CSV_COLUMNS.len();
const INCIDENT_COLUMNS: usize = INCIDENTS_CSV_COLUMNS.len();

/// The paths of the files under `data/`, in the order [`data_file`] knows them.
pub const DATA_FILES: &[&str] = &[
    "data/claims.csv",
    "data/claims.jsonl",
    "data/articles.csv",
    "data/incidents.csv",
    "data/incidents.json",
    "data/series.json",
    "data/source_groups.json",
];

/// The data file at `path` (one of [`DATA_FILES`]) that is not written in
/// chunks (see [`crate::chunks`]); None for another path.
pub fn data_file(index: &LedgerIndex<'_>, path: &str) -> Option<Result<OutputFile, ReportError>> {
    let ledger = index.ledger;
    let bytes = match path {
        "data/articles.csv" => csv_header(ARTICLES_CSV_COLUMNS).and_then(|mut bytes| {
            bytes.extend(csv_rows(
                ledger.articles.iter().map(|a| article_row(index, a)),
                ledger.articles.len() * 128,
            )?);
            Ok(bytes)
        }),
        "data/series.json" => pretty_json(&ledger.series),
        "data/source_groups.json" => pretty_json(&ledger.source_groups),
        _ => return None,
    };
    Some(bytes.map(|b| OutputFile::new(path, b)))
}

pub(crate) fn csv_header(columns: &[&str]) -> Result<Vec<u8>, ReportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(columns).map_err(export_error)?;
    writer.into_inner().map_err(export_error)
}

/// CSV rows, without a header, into a buffer of `capacity` bytes to start with.
pub(crate) fn csv_rows<const N: usize, F: AsRef<str>>(
    rows: impl Iterator<Item = [F; N]>,
    capacity: usize,
) -> Result<Vec<u8>, ReportError> {
    let mut writer = csv::Writer::from_writer(Vec::with_capacity(capacity));
    for row in rows {
        writer
            .write_record(row.iter().map(|field| field.as_ref().as_bytes()))
            .map_err(export_error)?;
    }
    writer.into_inner().map_err(export_error)
}

pub(crate) fn export_error(error: impl std::fmt::Display) -> ReportError {
    ReportError::Export(error.to_string())
}

fn pretty_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, ReportError> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(export_error)?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn number(n: Option<u64>) -> String {
    n.map_or_else(String::new, |n| n.to_string())
}

fn names(parties: &[Party]) -> String {
    parties
        .iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// One row of `claims.csv`, in [`CLAIMS_CSV_COLUMNS`] order. Text fields are
/// borrowed: the file has a row per claim, often a hundred thousand.
pub fn claim_row(claim: &Claim) -> [Cow<'_, str>; CLAIM_COLUMNS] {
    fn text(s: Option<&str>) -> Cow<'_, str> {
        Cow::Borrowed(s.unwrap_or_default())
    }
    fn owned<'c>(s: String) -> Cow<'c, str> {
        Cow::Owned(s)
    }
    fn party(p: Option<&Party>) -> Cow<'_, str> {
        text(p.map(|p| p.name.as_str()))
    }
    fn kind(p: Option<&Party>) -> Cow<'_, str> {
        text(p.map(|p| p.kind.as_str()))
    }
    let place = claim.place.as_ref();
    [
        text(Some(&claim.id)),
        text(Some(&claim.article)),
        text(Some(&claim.sentence)),
        owned(number(claim.count_min)),
        owned(number(claim.count_max)),
        text(Some(claim.qualifier.as_str())),
        text(Some(claim.measure.as_str())),
        text(Some(claim.victims.as_str())),
        text(
            claim
                .place_text
                .as_deref()
                .or_else(|| place.map(|p| p.name.as_str())),
        ),
        text(place.map(|p| p.country.as_str())),
        owned(place.map_or_else(String::new, |p| figures::coordinate(p.lat))),
        owned(place.map_or_else(String::new, |p| figures::coordinate(p.lon))),
        owned(figures::date(claim.date_start)),
        owned(figures::date(claim.date_end)),
        text(Some(claim.scope.as_str())),
        party(claim.actor.as_ref()),
        party(claim.claimant.as_ref()),
        text(claim.incident.as_deref()),
        text(place.map(|p| p.precision.as_str())),
        kind(claim.actor.as_ref()),
        kind(claim.claimant.as_ref()),
        text(Some(claim.stance.as_str())),
        owned(claim.sentence_span.start.to_string()),
        owned(claim.sentence_span.end.to_string()),
        owned(claim.count_span.start.to_string()),
        owned(claim.count_span.end.to_string()),
        text(place.map(|p| p.name.as_str())),
        text(Some(if claim.in_title { "true" } else { "false" })),
    ]
}

/// One row of `articles.csv`, in [`ARTICLES_CSV_COLUMNS`] order.
pub fn article_row(index: &LedgerIndex<'_>, article: &Article) -> [String; ARTICLE_COLUMNS] {
    [
        article.id.clone(),
        article.file.clone(),
        article.title.clone(),
        figures::date(article.date),
        article.source.clone().unwrap_or_default(),
        article.url.clone().unwrap_or_default(),
        article.status.as_str().to_owned(),
        article
            .problems
            .iter()
            .map(|p| p.message.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        index.claim_count(&article.id).to_string(),
        index.copy_of(&article.id).unwrap_or_default().to_owned(),
    ]
}

/// One row of `incidents.csv`, in [`INCIDENTS_CSV_COLUMNS`] order.
pub fn incident_row(incident: &Incident) -> [String; INCIDENT_COLUMNS] {
    let place = incident.place.as_ref();
    let killed = figures::headline_tally(incident, ledger_types::Measure::Killed);
    let injured = figures::headline_tally(incident, ledger_types::Measure::Injured);
    [
        incident.id.clone(),
        figures::date(incident.date_start),
        figures::date(incident.date_end),
        place.map_or_else(String::new, |p| p.name.clone()),
        place.map_or_else(String::new, |p| p.country.clone()),
        place.map_or_else(String::new, |p| figures::coordinate(p.lat)),
        place.map_or_else(String::new, |p| figures::coordinate(p.lon)),
        place.map_or_else(String::new, |p| p.precision.as_str().to_owned()),
        names(&incident.actors),
        names(&incident.claimants),
        incident.grade.as_str().to_owned(),
        incident.grade_reason.clone(),
        number(killed.and_then(|t| t.min)),
        number(killed.and_then(|t| t.max)),
        number(injured.and_then(|t| t.min)),
        number(injured.and_then(|t| t.max)),
        figures::tallies_text(incident),
        incident.claims.len().to_string(),
        incident.articles.join("; "),
    ]
}
