//! The large data exports (claims and incidents) cut into chunks that render
//! on their own: a rebuild re-renders only the chunks whose rows changed and
//! can take the others' bytes from the file it wrote before.
//!
//! A file is a header chunk, data chunks of consecutive rows, and a footer
//! chunk; their bytes, concatenated, are the whole file. Data chunks start
//! where the content says (at an article or incident id whose hash is 0
//! modulo [`SPREAD`]), not every so many rows, so that a row added or
//! removed changes one chunk, not the boundaries of every chunk after it.

use std::ops::Range;
use std::sync::OnceLock;

use ledger_types::{Claim, Incident, Ledger};
use serde::Serialize;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::ReportError;
use crate::columns::{CLAIMS_CSV_COLUMNS, INCIDENTS_CSV_COLUMNS};
use crate::exports::{claim_row, csv_header, csv_rows, export_error, incident_row};

/// About one chunk starts in this many articles (or incidents).
pub(crate) const SPREAD: u64 = 64;

/// The exports written in chunks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Chunked {
    ClaimsCsv,
    ClaimsJsonl,
    IncidentsCsv,
    IncidentsJson,
}

impl Chunked {
    pub(crate) fn of_path(path: &str) -> Option<Chunked> {
        Some(match path {
            "data/claims.csv" => Chunked::ClaimsCsv,
            "data/claims.jsonl" => Chunked::ClaimsJsonl,
            "data/incidents.csv" => Chunked::IncidentsCsv,
            "data/incidents.json" => Chunked::IncidentsJson,
            _ => return None,
        })
    }

    fn of_claims(self) -> bool {
        matches!(self, Chunked::ClaimsCsv | Chunked::ClaimsJsonl)
    }
}

/// The row ranges of the claims' and incidents' data chunks, and a hash of
/// each claim and each incident (made on first need, shared by the exports,
/// the pages that show those rows and the whole ledger's hash).
#[derive(Debug)]
pub(crate) struct Chunks<'a> {
    ledger: &'a Ledger,
    claims: Vec<Range<usize>>,
    incidents: Vec<Range<usize>>,
    claim_hashes: OnceLock<Result<Vec<u64>, ReportError>>,
    incident_hashes: OnceLock<Result<Vec<u64>, ReportError>>,
}

impl<'a> Chunks<'a> {
    pub(crate) fn new(ledger: &'a Ledger) -> Chunks<'a> {
        Chunks {
            ledger,
            claims: ranges(&ledger.claims, |c: &Claim| c.article.as_str()),
            incidents: ranges(&ledger.incidents, |i: &Incident| i.id.as_str()),
            claim_hashes: OnceLock::new(),
            incident_hashes: OnceLock::new(),
        }
    }

    fn data_ranges(&self, file: Chunked) -> &[Range<usize>] {
        if file.of_claims() {
            &self.claims
        } else {
            &self.incidents
        }
    }

    /// Chunks of `file`: header, data chunks, footer.
    pub(crate) fn count(&self, file: Chunked) -> usize {
        self.data_ranges(file).len() + 2
    }

    /// A hash of each claim of the ledger, in its order.
    pub(crate) fn claim_hashes(&self) -> Result<&[u64], ReportError> {
        self.claim_hashes
            .get_or_init(|| each_hash(&self.ledger.claims))
            .as_deref()
            .map_err(Clone::clone)
    }

    /// A hash of each incident of the ledger, in its order.
    pub(crate) fn incident_hashes(&self) -> Result<&[u64], ReportError> {
        self.incident_hashes
            .get_or_init(|| each_hash(&self.ledger.incidents))
            .as_deref()
            .map_err(Clone::clone)
    }

    /// A hash of the rows of each data chunk of `file` (made from the row
    /// hashes each time: cheap).
    fn chunk_hashes(&self, file: Chunked) -> Result<Vec<u64>, ReportError> {
        let each = if file.of_claims() {
            self.claim_hashes()?
        } else {
            self.incident_hashes()?
        };
        Ok(self
            .data_ranges(file)
            .iter()
            .map(|range| {
                let mut hash = Xxh3::new();
                for h in each.get(range.clone()).unwrap_or_default() {
                    hash.update(&h.to_le_bytes());
                }
                hash.digest()
            })
            .collect())
    }

    /// The fingerprint of every chunk of `file`, given what all files
    /// depend on (`settings`): equal fingerprints give equal bytes.
    pub(crate) fn fingerprints(
        &self,
        file: Chunked,
        settings: u64,
    ) -> Result<Vec<u64>, ReportError> {
        let hashes = self.chunk_hashes(file)?;
        let n = hashes.len();
        let fingerprint = |kind: u8, position: u8, rows: u64| {
            let mut h = Xxh3::new();
            h.update(&settings.to_le_bytes());
            h.update(&[file as u8, kind, position]);
            h.update(&rows.to_le_bytes());
            h.digest()
        };
        let mut out = Vec::with_capacity(n + 2);
        out.push(fingerprint(0, 0, 0));
        for (k, &rows) in hashes.iter().enumerate() {
            // The first of a JSON array's elements has no comma before it.
            out.push(fingerprint(1, u8::from(k == 0), rows));
        }
        out.push(fingerprint(2, u8::from(n == 0), 0));
        Ok(out)
    }

    /// The bytes of chunk `k` of `file`.
    pub(crate) fn render(&self, file: Chunked, k: usize) -> Result<Vec<u8>, ReportError> {
        let ledger = self.ledger;
        let ranges = self.data_ranges(file);
        if k == 0 {
            return Ok(match file {
                Chunked::ClaimsCsv => csv_header(CLAIMS_CSV_COLUMNS)?,
                Chunked::IncidentsCsv => csv_header(INCIDENTS_CSV_COLUMNS)?,
                Chunked::ClaimsJsonl => Vec::new(),
                Chunked::IncidentsJson => b"[".to_vec(),
            });
        }
        let Some(range) = ranges.get(k - 1) else {
            return Ok(match file {
                Chunked::IncidentsJson if ranges.is_empty() => b"]\n".to_vec(),
                Chunked::IncidentsJson => b"\n]\n".to_vec(),
                _ => Vec::new(),
            });
        };
        let claims = || ledger.claims.get(range.clone()).unwrap_or_default();
        let incidents = || ledger.incidents.get(range.clone()).unwrap_or_default();
        match file {
            Chunked::ClaimsCsv => csv_rows(claims().iter().map(claim_row)),
            Chunked::IncidentsCsv => csv_rows(incidents().iter().map(incident_row)),
            Chunked::ClaimsJsonl => {
                let mut bytes = Vec::new();
                for claim in claims() {
                    serde_json::to_writer(&mut bytes, claim).map_err(export_error)?;
                    bytes.push(b'\n');
                }
                Ok(bytes)
            }
            Chunked::IncidentsJson => {
                let mut bytes = Vec::new();
                for (i, incident) in incidents().iter().enumerate() {
                    bytes.extend_from_slice(if k == 1 && i == 0 { b"\n" } else { b",\n" });
                    pretty_element(&mut bytes, incident)?;
                }
                Ok(bytes)
            }
        }
    }
}

/// Where data chunks begin: at the first row, and at a row whose key differs
/// from the row before and hashes to 0 modulo [`SPREAD`] (a key's rows stay
/// in one chunk).
fn ranges<T>(rows: &[T], key: impl Fn(&T) -> &str) -> Vec<Range<usize>> {
    let mut starts: Vec<usize> = Vec::new();
    let mut previous: Option<&str> = None;
    for (i, row) in rows.iter().enumerate() {
        let k = key(row);
        if starts.is_empty()
            || (previous != Some(k) && xxh3_64(k.as_bytes()).is_multiple_of(SPREAD))
        {
            starts.push(i);
        }
        previous = Some(k);
    }
    let ends = starts.iter().skip(1).copied().chain([rows.len()]);
    starts.iter().zip(ends).map(|(&s, e)| s..e).collect()
}

/// A hash of each row, serialised compactly.
fn each_hash<T: Serialize>(rows: &[T]) -> Result<Vec<u64>, ReportError> {
    let mut buffer = Vec::new();
    rows.iter()
        .map(|row| {
            buffer.clear();
            postcard::to_io(row, &mut buffer).map_err(export_error)?;
            Ok(xxh3_64(&buffer))
        })
        .collect()
}

/// `value` as one element of a pretty-printed JSON array: indented by two
/// spaces, as `serde_json::to_vec_pretty` prints the whole array.
fn pretty_element<T: Serialize>(out: &mut Vec<u8>, value: &T) -> Result<(), ReportError> {
    let mut bytes = Vec::new();
    let mut serializer = serde_json::Serializer::pretty(&mut bytes);
    std::slice::from_ref(value)
        .serialize(&mut serializer)
        .map_err(export_error)?;
    // "[\n" + element + "\n]"
    let inner = bytes
        .get(2..bytes.len().saturating_sub(2))
        .ok_or_else(|| ReportError::Export("empty JSON element".into()))?;
    out.extend_from_slice(inner);
    Ok(())
}
