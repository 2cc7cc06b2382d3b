//! Lookups built once per render (id -> position), so no page does a linear
//! search over the whole ledger.

use rustc_hash::FxHashMap as HashMap;

use ledger_types::{Article, Claim, Date, Incident, Ledger};

use crate::links;

#[derive(Debug)]
pub struct LedgerIndex<'a> {
    pub ledger: &'a Ledger,
    articles: HashMap<&'a str, usize>,
    claims: HashMap<&'a str, usize>,
    incidents: HashMap<&'a str, usize>,
    /// Positions in `ledger.claims` of each article's claims, in ledger order.
    claims_of_article: HashMap<&'a str, Vec<usize>>,
    /// Copy article id -> original article id.
    copy_of: HashMap<&'a str, &'a str>,
    /// Original article id -> its copies' ids.
    copies: HashMap<&'a str, Vec<&'a str>>,
    /// Incidents by the month of their first day (see [`links::month_key`]),
    /// months in order (undated last), incidents in reading order.
    pub incident_months: Vec<Month>,
    /// Articles by the month of their publication date, in date then id order.
    pub article_months: Vec<Month>,
}

/// A month: its key (`YYYY-MM` or `undated`, see [`links::month_key`]), its
/// first day (None for the undated) and the positions (in `ledger.incidents`
/// or `ledger.articles`) of what falls in it.
#[derive(Debug)]
pub struct Month {
    pub key: String,
    pub first_day: Option<Date>,
    pub positions: Vec<usize>,
}

/// The rows of `months`, in their order, taken from `items`.
pub fn in_month_order<'a, T>(months: &[Month], items: &'a [T]) -> Vec<&'a T> {
    (months.iter().flat_map(|m| &m.positions))
        .filter_map(|&i| items.get(i))
        .collect()
}

impl<'a> LedgerIndex<'a> {
    pub fn new(ledger: &'a Ledger) -> LedgerIndex<'a> {
        let mut claims_of_article: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, claim) in ledger.claims.iter().enumerate() {
            claims_of_article
                .entry(claim.article.as_str())
                .or_default()
                .push(i);
        }
        let mut copy_of = HashMap::default();
        let mut copies: HashMap<&str, Vec<&str>> = HashMap::default();
        for group in &ledger.source_groups {
            for (copy, _) in &group.copies {
                copy_of.insert(copy.as_str(), group.original.as_str());
                copies
                    .entry(group.original.as_str())
                    .or_default()
                    .push(copy.as_str());
            }
        }
        LedgerIndex {
            ledger,
            // Later duplicates of an id must not win over earlier ones; keep the first.
            articles: first_positions(ledger.articles.iter().map(|a| a.id.as_str())),
            claims: first_positions(ledger.claims.iter().map(|c| c.id.as_str())),
            incidents: first_positions(ledger.incidents.iter().map(|i| i.id.as_str())),
            claims_of_article,
            copy_of,
            copies,
            incident_months: months(&ledger.incidents, |i: &Incident| {
                (i.date_start, i.id.as_str())
            }),
            article_months: months(&ledger.articles, |a: &Article| (a.date, a.id.as_str())),
        }
    }

    pub fn article(&self, id: &str) -> Option<&'a Article> {
        self.articles
            .get(id)
            .and_then(|&i| self.ledger.articles.get(i))
    }

    pub fn claim(&self, id: &str) -> Option<&'a Claim> {
        self.claim_position(id)
            .and_then(|i| self.ledger.claims.get(i))
    }

    pub fn incident(&self, id: &str) -> Option<&'a Incident> {
        self.incidents
            .get(id)
            .and_then(|&i| self.ledger.incidents.get(i))
    }

    /// Position of a claim in `ledger.claims`.
    pub fn claim_position(&self, id: &str) -> Option<usize> {
        self.claims.get(id).copied()
    }

    /// Positions in `ledger.claims` of an article's claims, in ledger order.
    pub fn claim_positions_of_article(&self, id: &str) -> &[usize] {
        self.claims_of_article.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn claims_of_article(&self, id: &str) -> impl Iterator<Item = &'a Claim> + '_ {
        self.claim_positions_of_article(id)
            .iter()
            .filter_map(|&i| self.ledger.claims.get(i))
    }

    pub fn claim_count(&self, article_id: &str) -> usize {
        self.claims_of_article.get(article_id).map_or(0, Vec::len)
    }

    pub fn copy_of(&self, article_id: &str) -> Option<&'a str> {
        self.copy_of.get(article_id).copied()
    }

    pub fn copies(&self, article_id: &str) -> &[&'a str] {
        self.copies.get(article_id).map_or(&[], Vec::as_slice)
    }

    /// A readable label for an article id: its title, else the id.
    pub fn article_label(&self, id: &str) -> String {
        self.article_label_str(id).to_owned()
    }

    /// [`LedgerIndex::article_label`], borrowed.
    pub fn article_label_str<'s>(&'s self, id: &'s str) -> &'s str {
        self.article(id).map_or(id, label_of)
    }
}

/// An article's readable label: its title, else its id.
pub fn label_of(article: &Article) -> &str {
    if article.title.trim().is_empty() {
        &article.id
    } else {
        &article.title
    }
}

/// Positions of `rows` grouped by month (of the date `order` gives), months in key order
/// ("undated" sorts after every year), rows by `order` (unknown dates last).
fn months<T>(rows: &[T], order: impl Fn(&T) -> (Option<Date>, &str)) -> Vec<Month> {
    let mut sorted: Vec<(usize, &T)> = rows.iter().enumerate().collect();
    sorted.sort_by(|(_, a), (_, b)| {
        let ((da, ia), (db, ib)) = (order(a), order(b));
        (da.is_none(), da, ia).cmp(&(db.is_none(), db, ib))
    });
    let mut out: Vec<Month> = Vec::new();
    for (i, row) in sorted {
        let first_day = order(row).0.map(|d| d.first_of_month());
        match out.last_mut() {
            Some(month) if month.first_day == first_day => month.positions.push(i),
            _ => out.push(Month {
                key: links::month_key(first_day),
                first_day,
                positions: vec![i],
            }),
        }
    }
    out
}

fn first_positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut map = HashMap::default();
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}
