//! The large files (the claims and incidents exports, the search index) cut
//! into chunks that render on their own: a rebuild re-renders only the chunks
//! whose rows changed and can take the others' bytes from the file it wrote
//! before.
//!
//! A file is a header chunk, data chunks of consecutive rows, and a footer
//! chunk; their bytes, concatenated, are the whole file. Data chunks start
//! where the content says (at an article or incident id whose hash is 0
//! modulo [`SPREAD`]), not every so many rows, so that a row added or
//! removed changes one chunk, not the boundaries of every chunk after it.

use std::ops::Range;
use std::sync::OnceLock;

use ledger_types::{Article, Claim, Incident, Ledger};
use serde::Serialize;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::columns::{CLAIMS_CSV_COLUMNS, INCIDENTS_CSV_COLUMNS};
use crate::exports::{claim_row, csv_header, csv_rows, export_error, incident_row};
use crate::pages::{SearchEntry, article_search_entry, incident_search_entry};
use crate::{ReportError, escape, links};

/// About one chunk starts in this many articles (or incidents).
pub(crate) const SPREAD: u64 = 64;

/// The files written in chunks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Chunked {
    ClaimsCsv,
    ClaimsJsonl,
    IncidentsCsv,
    IncidentsJson,
    /// `search.js`: the incidents' entries, then the articles'. Keep last:
    /// [`CHUNKED_FILES`] counts up to it.
    SearchJs,
}

/// How many files are written in chunks.
const CHUNKED_FILES: usize = Chunked::SearchJs as usize + 1;

impl Chunked {
    pub(crate) fn of_path(path: &str) -> Option<Chunked> {
        Some(match path {
            "data/claims.csv" => Chunked::ClaimsCsv,
            "data/claims.jsonl" => Chunked::ClaimsJsonl,
            "data/incidents.csv" => Chunked::IncidentsCsv,
            "data/incidents.json" => Chunked::IncidentsJson,
            links::SEARCH_JS => Chunked::SearchJs,
            _ => return None,
        })
    }
}

/// The row ranges of the claims', incidents' and articles' data chunks, and
/// a hash of each claim and each incident (made on first need, chunk by
/// chunk, shared by the chunked files, the pages that show those rows and
/// the whole ledger's hash).
#[derive(Debug)]
pub(crate) struct Chunks<'a> {
    ledger: &'a Ledger,
    /// What every file depends on besides its rows (see `Site::settings`).
    settings: u64,
    claims: RowHashes<'a, Claim>,
    incidents: RowHashes<'a, Incident>,
    articles: Vec<Range<usize>>,
    /// Each file's chunk fingerprints, by `Chunked as usize`: asked for by
    /// the file's fingerprint and again to write it.
    fingerprints: [OnceLock<Result<Vec<u64>, ReportError>>; CHUNKED_FILES],
}

impl<'a> Chunks<'a> {
    pub(crate) fn new(ledger: &'a Ledger, settings: u64) -> Chunks<'a> {
        Chunks {
            ledger,
            settings,
            claims: RowHashes::new(&ledger.claims, |c| c.article.as_str()),
            incidents: RowHashes::new(&ledger.incidents, |i| i.id.as_str()),
            articles: ranges(&ledger.articles, |a: &Article| a.id.as_str()),
            fingerprints: Default::default(),
        }
    }

    /// The hashes of the claims' rows.
    pub(crate) fn claims(&self) -> &RowHashes<'a, Claim> {
        &self.claims
    }

    /// The hashes of the incidents' rows.
    pub(crate) fn incidents(&self) -> &RowHashes<'a, Incident> {
        &self.incidents
    }

    /// How many data chunks `file` has.
    fn data_count(&self, file: Chunked) -> usize {
        match file {
            Chunked::ClaimsCsv | Chunked::ClaimsJsonl => self.claims.chunk_count(),
            Chunked::IncidentsCsv | Chunked::IncidentsJson => self.incidents.chunk_count(),
            Chunked::SearchJs => self.incidents.chunk_count() + self.articles.len(),
        }
    }

    /// Data chunk `k` of `file`: what its rows are, and their range.
    fn data_chunk(&self, file: Chunked, k: usize) -> Option<(Rows, &Range<usize>)> {
        let incidents = || self.incidents.ranges.get(k).map(|r| (Rows::Incidents, r));
        match file {
            Chunked::ClaimsCsv | Chunked::ClaimsJsonl => {
                self.claims.ranges.get(k).map(|r| (Rows::Claims, r))
            }
            Chunked::IncidentsCsv | Chunked::IncidentsJson => incidents(),
            // The incidents' entries, then the articles'.
            Chunked::SearchJs => match k.checked_sub(self.incidents.chunk_count()) {
                None => incidents(),
                Some(j) => self.articles.get(j).map(|r| (Rows::Articles, r)),
            },
        }
    }

    /// Chunks of `file`: header, data chunks, footer.
    pub(crate) fn count(&self, file: Chunked) -> usize {
        self.data_count(file) + 2
    }

    /// A hash of the rows of each data chunk of `file` (made from the row
    /// hashes each time: cheap).
    fn chunk_hashes(&self, file: Chunked) -> Result<Vec<u64>, ReportError> {
        (0..self.data_count(file))
            .filter_map(|k| Some((k, self.data_chunk(file, k)?)))
            .map(|(k, (rows, range))| {
                let mut hash = Xxh3::new();
                hash.update(&[rows as u8]);
                match rows {
                    Rows::Claims | Rows::Incidents => {
                        let each = if rows == Rows::Claims {
                            self.claims.of_chunk(k)?
                        } else {
                            self.incidents.of_chunk(k)?
                        };
                        for h in each {
                            hash.update(&h.to_le_bytes());
                        }
                    }
                    // A search entry is made from these fields alone (see
                    // pages::article_search_entry); the text is not hashed.
                    Rows::Articles => {
                        let mut bytes = Vec::new();
                        for a in self.ledger.articles.get(range.clone()).unwrap_or_default() {
                            let fields = (&a.id, &a.title, &a.source, crate::day(a.date));
                            crate::put(&mut bytes, &fields)?;
                        }
                        hash.update(&bytes);
                    }
                }
                Ok(hash.digest())
            })
            .collect()
    }

    /// The fingerprint of every chunk of `file`: equal fingerprints give
    /// equal bytes.
    pub(crate) fn fingerprints(&self, file: Chunked) -> Result<&[u64], ReportError> {
        self.fingerprints
            .get(file as usize)
            .ok_or_else(|| ReportError::Export("no such chunked file".into()))?
            .get_or_init(|| self.make_fingerprints(file))
            .as_deref()
            .map_err(Clone::clone)
    }

    fn make_fingerprints(&self, file: Chunked) -> Result<Vec<u64>, ReportError> {
        let settings = self.settings;
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
        if k == 0 {
            return Ok(match file {
                Chunked::ClaimsCsv => csv_header(CLAIMS_CSV_COLUMNS)?,
                Chunked::IncidentsCsv => csv_header(INCIDENTS_CSV_COLUMNS)?,
                Chunked::ClaimsJsonl => Vec::new(),
                Chunked::IncidentsJson => b"[".to_vec(),
                // A script, not JSON: a page opened from file:// may load a
                // script but not fetch a file. Each entry ends with a comma,
                // which a JavaScript array allows after its last element.
                Chunked::SearchJs => b"window.ledgerSearch = [\n".to_vec(),
            });
        }
        let Some((rows, range)) = self.data_chunk(file, k - 1) else {
            return Ok(match file {
                Chunked::IncidentsJson if self.data_count(file) == 0 => b"]\n".to_vec(),
                Chunked::IncidentsJson => b"\n]\n".to_vec(),
                Chunked::SearchJs => b"];\n".to_vec(),
                _ => Vec::new(),
            });
        };
        let claims = || ledger.claims.get(range.clone()).unwrap_or_default();
        let incidents = || ledger.incidents.get(range.clone()).unwrap_or_default();
        match file {
            Chunked::ClaimsCsv => csv_rows(claims().iter().map(claim_row), range.len() * 512),
            Chunked::IncidentsCsv => {
                csv_rows(incidents().iter().map(incident_row), range.len() * 512)
            }
            Chunked::ClaimsJsonl => {
                // About a kilobyte a claim: few copies into a larger buffer.
                let mut bytes = Vec::with_capacity(range.len() * 1024);
                for claim in claims() {
                    serde_json::to_writer(&mut bytes, claim).map_err(export_error)?;
                    bytes.push(b'\n');
                }
                Ok(bytes)
            }
            Chunked::IncidentsJson => {
                let mut bytes = Vec::with_capacity(range.len() * 2048);
                for (i, incident) in incidents().iter().enumerate() {
                    bytes.extend_from_slice(if k == 1 && i == 0 { b"\n" } else { b",\n" });
                    pretty_element(&mut bytes, incident)?;
                }
                Ok(bytes)
            }
            Chunked::SearchJs => {
                let entries: Vec<SearchEntry> = if rows == Rows::Incidents {
                    incidents().iter().map(incident_search_entry).collect()
                } else {
                    let articles = ledger.articles.get(range.clone()).unwrap_or_default();
                    articles.iter().map(article_search_entry).collect()
                };
                let mut bytes = Vec::new();
                for entry in &entries {
                    // Escaped as for an inline script: safe to paste into a page.
                    bytes.extend(escape::script_json(entry).map_err(export_error)?.bytes());
                    bytes.extend_from_slice(b",\n");
                }
                Ok(bytes)
            }
        }
    }
}

/// What the rows of a data chunk are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rows {
    Claims,
    Incidents,
    Articles,
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

/// A hash of each row of a list, made chunk by chunk (by the list's data
/// chunks) on first need: threads that need different rows hash them at the
/// same time.
#[derive(Debug)]
pub(crate) struct RowHashes<'a, T> {
    rows: &'a [T],
    ranges: Vec<Range<usize>>,
    hashes: Vec<OnceLock<Result<Vec<u64>, ReportError>>>,
}

impl<'a, T: Serialize> RowHashes<'a, T> {
    fn new(rows: &'a [T], key: impl Fn(&T) -> &str) -> RowHashes<'a, T> {
        let ranges = ranges(rows, key);
        let hashes = ranges.iter().map(|_| OnceLock::new()).collect();
        RowHashes {
            rows,
            ranges,
            hashes,
        }
    }

    /// How many data chunks the rows make.
    pub(crate) fn chunk_count(&self) -> usize {
        self.ranges.len()
    }

    /// The hashes of data chunk `k`'s rows (none for a chunk that does not exist).
    pub(crate) fn of_chunk(&self, k: usize) -> Result<&[u64], ReportError> {
        let (Some(cell), Some(range)) = (self.hashes.get(k), self.ranges.get(k)) else {
            return Ok(&[]);
        };
        cell.get_or_init(|| each_hash(self.rows.get(range.clone()).unwrap_or_default()))
            .as_deref()
            .map_err(Clone::clone)
    }

    /// The hash of row `i`, if there is one.
    pub(crate) fn get(&self, i: usize) -> Result<Option<u64>, ReportError> {
        // The chunk holding row `i`: the last one starting at or before it.
        let k = self
            .ranges
            .partition_point(|r| r.start <= i)
            .saturating_sub(1);
        let start = self.ranges.get(k).map_or(0, |r| r.start);
        Ok(self.of_chunk(k)?.get(i.wrapping_sub(start)).copied())
    }

    /// Adds the number of rows, then every row's hash in order, to `hash`.
    pub(crate) fn hash_into(&self, hash: &mut Xxh3) -> Result<(), ReportError> {
        hash.update(&(self.rows.len() as u64).to_le_bytes());
        for k in 0..self.chunk_count() {
            for h in self.of_chunk(k)? {
                hash.update(&h.to_le_bytes());
            }
        }
        Ok(())
    }
}

/// A hash of each row, serialised compactly.
fn each_hash<T: Serialize>(rows: &[T]) -> Result<Vec<u64>, ReportError> {
    let mut buffer = Vec::new();
    rows.iter()
        .map(|row| {
            buffer.clear();
            crate::put(&mut buffer, row)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_hash_is_found_in_its_chunk() {
        let rows: Vec<(String, u32)> = (0..5000).map(|i| (format!("row-{}", i / 3), i)).collect();
        let hashes = RowHashes::new(&rows, |r| r.0.as_str());
        assert!(hashes.ranges.len() > 20, "{} chunks", hashes.ranges.len());
        let all = each_hash(&rows).expect("hashes");
        for (i, expected) in all.iter().enumerate() {
            assert_eq!(hashes.get(i).expect("hash"), Some(*expected), "row {i}");
        }
        assert_eq!(hashes.get(rows.len()).expect("no error"), None);
        let mut whole = Xxh3::new();
        hashes.hash_into(&mut whole).expect("hashed");
        let mut expected = Xxh3::new();
        expected.update(&(rows.len() as u64).to_le_bytes());
        for h in &all {
            expected.update(&h.to_le_bytes());
        }
        assert_eq!(whole.digest(), expected.digest());
        let empty: Vec<(String, u32)> = Vec::new();
        assert_eq!(
            RowHashes::new(&empty, |r| r.0.as_str())
                .get(0)
                .expect("no error"),
            None
        );
    }
}
