//! Lookups built once per render (id -> position), so no page does a linear
//! search over the whole ledger.

use rustc_hash::FxHashMap as HashMap;

use ledger_types::{Article, Claim, Incident, Ledger};

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
        match self.article(id) {
            Some(a) if !a.title.trim().is_empty() => a.title.clone(),
            _ => id.to_owned(),
        }
    }
}

fn first_positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut map = HashMap::default();
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}
