//! The `reconcile` stage: republished copies of one article become one source
//! group, incident-scope claims about one event become one incident, and running
//! totals become series. Pure and deterministic: the same input in any order gives
//! the same ledger.
//!
//! ```
//! use ledger_types::Scope;
//!
//! let (articles, claims) = ledger_reconcile::synthetic_claims(300, 1);
//! let ledger = ledger_reconcile::reconcile(articles, claims);
//! // Every incident-scope claim, and only those, has an incident.
//! assert!(ledger.claims.iter().all(|c| c.incident.is_some() == (c.scope == Scope::Incident)));
//! let (merge_rules, grade_rules) = ledger_reconcile::method_notes();
//! assert!(!merge_rules.is_empty() && grade_rules.len() == 4);
//! ```

mod actors;
mod copies;
mod grade;
mod hash;
mod incidents;
mod jobs;
mod series;
mod synthetic;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use ledger_types::{
    Article, Claim, Grade, Incident, Ledger, Party, PartyKind, Place, Precision, Scope, Span, Tally,
};

pub use copies::{
    COPY_THRESHOLD, CopyMemo, CopySketch, LSH_BANDS, MINHASHES, SHINGLE_WORDS, copy_sketch,
    source_groups,
};
pub use grade::{grade, grade_rules};
pub use incidents::{
    COUNT_FACTOR, COUNT_SLACK, ClusterMemo, EXACT_TOLERANCE_DAYS, MAX_INCIDENT_DAYS, NEAR_KM,
    PRECISE_NEAR_KM, UNDATED_WINDOW_DAYS, VAGUE_TOLERANCE_DAYS,
};
pub use jobs::{Jobs, OneByOne};
pub use series::series;
pub use synthetic::synthetic_claims;

use hash::FastMap;
use incidents::{ActorPairs, Clusterer, Interner, Item, day_number, when};

/// Groups copies, merges claims into incidents and running totals into series.
/// Sets `claim.incident` on every incident-scope claim (and clears it on the others).
pub fn reconcile(articles: Vec<Article>, claims: Vec<Claim>) -> Ledger {
    reconcile_memoized(
        articles,
        Vec::new(),
        claims,
        &ReconcileMemo::default(),
        &OneByOne,
    )
    .0
}

/// What one run of [`reconcile_memoized`] remembers for the next. Only valid
/// for the same build of this crate: a caller keys it by its binary (the
/// xtask keeps it in its cache). An empty memo is always correct.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcileMemo {
    /// Which article pairs were compared for copies, and how alike they were.
    pub copies: CopyMemo,
    /// Which incident each claim joined, in the order they were taken.
    pub clusters: ClusterMemo,
}

/// [`reconcile`], given some articles' [`copy_sketch`]es (`sketches[i]` for
/// `articles[i]`: a sketched article's text is not read again; a missing
/// sketch is computed) and the memo of an earlier run: the same ledger, and a
/// rebuild compares exactly only the article pairs that involve new or
/// changed articles, and replays the clustering up to the first claim that
/// is new, changed or gone (in the date order claims are clustered in). The
/// returned memo is the one to pass to the next run. `jobs` runs the
/// independent pieces of work (copy candidates by LSH band, prefiltered
/// there; the shingle sets and exact comparisons of candidate pairs;
/// clustering items by range of claims; one incident per cluster); the
/// result does not depend on how.
pub fn reconcile_memoized(
    mut articles: Vec<Article>,
    mut sketches: Vec<Option<CopySketch>>,
    mut claims: Vec<Claim>,
    memo: &ReconcileMemo,
    jobs: &impl Jobs,
) -> (Ledger, ReconcileMemo) {
    sketches.resize(articles.len(), None);
    let order = article_order(&articles);
    permute(&mut articles, order.clone());
    permute(&mut sketches, order);
    sort_claims(&mut claims, &articles);
    let article_refs: Vec<&Article> = articles.iter().collect();
    let (copies, copy_memo) = copies::find_copies(&article_refs, &sketches, &memo.copies, jobs);
    drop(sketches);
    let article_index: FastMap<&str, usize> = articles
        .iter()
        .enumerate()
        .rev()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();

    let (clusters, cluster_memo) = cluster_claims(
        &articles,
        &claims,
        &article_index,
        &copies.original_of,
        &memo.clusters,
        jobs,
    );

    // Article id -> original of its source group, for grading.
    let mut original_of: BTreeMap<String, String> = BTreeMap::new();
    for group in &copies.groups {
        for (copy, _) in &group.copies {
            original_of.insert(copy.clone(), group.original.clone());
        }
    }
    let build = |k: usize| {
        let members = clusters.get(k).map_or(&[][..], Vec::as_slice);
        build_incident(&claims, members, &original_of)
    };
    let mut incidents: Vec<Incident> = jobs.run(clusters.len(), &build);
    // Incidents pair with clusters by position: a `Jobs` that broke its
    // promise of one result per job, in order, must not cost correct ids.
    if incidents.len() != clusters.len() {
        incidents = (0..clusters.len()).map(build).collect();
    }
    resolve_id_collisions(&mut incidents, &claims, &clusters);
    for claim in &mut claims {
        claim.incident = None;
    }
    for (incident, members) in incidents.iter().zip(&clusters) {
        for &c in members {
            if let Some(claim) = claims.get_mut(c) {
                claim.incident = Some(incident.id.clone());
            }
        }
    }
    incidents.sort_by(|a, b| {
        (a.date_start.is_none(), a.date_start, &a.id).cmp(&(
            b.date_start.is_none(),
            b.date_start,
            &b.id,
        ))
    });
    let series = series(&claims, &articles);
    let ledger = Ledger {
        articles,
        claims,
        incidents,
        source_groups: copies.groups,
        series,
    };
    let memo = ReconcileMemo {
        copies: copy_memo,
        clusters: cluster_memo,
    };
    (ledger, memo)
}

/// The rules in words, for the site's method page: (merge rules, grade rules).
pub fn method_notes() -> (Vec<String>, Vec<(Grade, String)>) {
    let merge = vec![
        format!(
            "Republished copies: each article's text outside page furniture is cut into lowercased {SHINGLE_WORDS}-word shingles; {MINHASHES} MinHash values in {LSH_BANDS} LSH bands find candidate pairs, and a pair whose shingle sets have a Jaccard similarity of at least {COPY_THRESHOLD} (or whose files are identical) are copies. Copies are grouped transitively; the original is the earliest-dated article, then the smallest id, and each copy is shown with its similarity to the original. Skipped articles are left out."
        ),
        "A source group (an original and its copies) counts as one source when grading.".into(),
        "Only claims of scope incident are merged into incidents; running totals (scope cumulative) become series, one per claimant, actor, outcome and victim group, with points ordered by date (the claim's end date, else its start date, else its article's date).".into(),
        "Claims are taken in date order; each joins the best-fitting incident formed so far, checked against every claim already in it (not only the closest one, so incidents cannot grow by chaining), or starts its own. Every incident-scope claim gets an incident.".into(),
        format!(
            "Dates: a claim's dates widened by {EXACT_TOLERANCE_DAYS} day must overlap the incident's dates widened by {EXACT_TOLERANCE_DAYS} day, and the incident must still span at most {MAX_INCIDENT_DAYS} days from first to last day (so claims of day 1, day 3 and day 5 cannot all be one incident). A claim dated to a longer span is vague: widened by {VAGUE_TOLERANCE_DAYS} days it must overlap the incident, and it does not stretch the incident's dates. From another story, a claim of another day joins only the day before or after the incident's, and only with a count of the same outcome and victims that fits (overlapping, or off by at most half again plus two: five and six killed, not 13 and six), and a vague claim and an incident of days (either way round) meet only at the same city-or-finer place with overlapping counts: a month overlaps every incident in it. A claim of its own story counts as one only when the story's claims already in the incident share a day with it: a story that tells of Tuesday's attack and then of Wednesday's tells of two."
        ),
        format!(
            "An undated claim joins an incident of its own article (or of a copy of it), or else one that holds its own city-or-finer place (any other places containing it or near it) and which began no later than the day after the claim's article was published and ended at most {UNDATED_WINDOW_DAYS} days before. Among several, it prefers one whose days are within {EXACT_TOLERANCE_DAYS} day of its article's date."
        ),
        format!(
            "Places: a claim's place must be compatible with every place of the incident: the same place, one containing the other (by the gazetteer's parents), or within {NEAR_KM} km ({PRECISE_NEAR_KM} km when both are villages or districts: one is not named \"near\" the other). Two neighbourhoods of one city are compatible only within one article (or its copies). A country alone counts as no place, but claims in different countries never merge. A claim without a place joins an incident of its own article (or a copy), or one with the same actor on an overlapping day with an overlapping count."
        ),
        format!(
            "Actors: equal, one side not named, or one a label that may stand for the other ({}); such labels are not competing claims of responsibility. Claims naming different actors merge only within one sentence, within one article (or its copies) when place and day agree (two neighbourhoods of one city do not), or at the same neighbourhood or village on the same day; such an incident is contested. Claims of anyone but fighters blamed on sides that fight each other ({}) are the two sides' attacks, two events, even in one sentence, unless their counts of the same outcome are alike (competing attributions of one toll: overlapping, or within a tenth of each other) or the claim's own sentence and side already have a claim in the incident (a sub-count); a battle's dead fighters, killed by each side, stay one event.",
            actors::UMBRELLA_ACTORS
                .iter()
                .map(|(label, members)| format!("\"{label}\" for {}", members.join(", ")))
                .collect::<Vec<_>>()
                .join("; "),
            actors::OPPOSED_SIDES
                .iter()
                .map(|(one, other)| format!("{} against {}", one.join(", "), other.join(", ")))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        format!(
            "Counts: different figures for one event are expected (58, 72, 86, 'at least 100'), and claims of different outcomes never conflict (killed, casualties and injured describe one event together). A claim is refused only when its count is wildly inconsistent with every claim of the same outcome and victims from other articles (its lower bound above {COUNT_FACTOR} times the other's upper bound plus {COUNT_SLACK}, or the other way round), and never when its own article already tells of the incident (a different figure there is a sub-count, like 'among them seven children'). Equal numbers alone never merge claims."
        ),
        "When several incidents fit, a claim prefers the one holding a claim of its own sentence, then the best agreement of place, day and actor, with nearby claims of its own article breaking ties.".into(),
        format!(
            "Candidates are looked up by day and by place, containing place, {NEAR_KM} km grid cell or actor, so the work grows about linearly with the number of claims."
        ),
        "Incident ids are 'inc-' and 12 hex digits of a hash of the incident's smallest claim id, so adding unrelated articles leaves them unchanged.".into(),
        "An incident's place is its most precise one (village or district, then city, province, country), ties broken by the number of claims, then by name. Each outcome and victim group gets a tally: min is the lowest lower bound (claims with no lower bound, like 'up to 30', do not set it), max is the highest upper bound, or none when a claim is open-ended (like 'at least 100'); official figures are those of belligerent claimants, independent ones everyone else's.".into(),
    ];
    (merge, grade_rules())
}

/// The order that sorts articles by id (then content, file and text).
fn article_order(articles: &[Article]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&i, &j| {
        articles
            .get(i)
            .map(article_key)
            .cmp(&articles.get(j).map(article_key))
    });
    order
}

fn article_key(a: &Article) -> (&str, &str, &str, &str) {
    (&a.id, &a.content_hash, &a.file, &a.text)
}

/// Reorders `items` in place so that the item at `order[k]` ends at `k`, by
/// following cycles (no second copy of the items, which matters at a million).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while let Some(source) = order.get_mut(at).map(|s| std::mem::replace(s, DONE)) {
            if source == DONE || source == start || source >= items.len() || at >= items.len() {
                break;
            }
            items.swap(at, source);
            at = source;
        }
    }
}

/// The `n` of an id `<article>#<n>`.
fn position(id: &str) -> u64 {
    id.rsplit_once('#')
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(u64::MAX)
}

/// Sorts by (article, position in it) and then by everything else that tells
/// claims apart, so that any input order gives the same result. `articles` must
/// be sorted already: their ranks make most comparisons integer ones.
fn sort_claims(claims: &mut [Claim], articles: &[Article]) {
    let rank: FastMap<&str, u32> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i as u32))
        .collect();
    // Integer keys sort fast; runs of equal keys (rare) are then ordered by the
    // full comparison, which does not depend on the input order.
    let mut keyed: Vec<(u32, u64, usize)> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let r = rank.get(c.article.as_str()).copied().unwrap_or(u32::MAX);
            (r, position(&c.id), i)
        })
        .collect();
    keyed.sort_unstable();
    let full = |&i: &usize, &j: &usize| {
        let (Some(a), Some(b)) = (claims.get(i), claims.get(j)) else {
            return i.cmp(&j);
        };
        claim_key(a)
            .cmp(&claim_key(b))
            .then_with(|| rest_key(a).cmp(&rest_key(b)))
            .then_with(|| a.sentence.cmp(&b.sentence))
    };
    let mut order: Vec<usize> = Vec::with_capacity(keyed.len());
    for run in keyed.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let start = order.len();
        order.extend(run.iter().map(|k| k.2));
        if run.len() > 1
            && let Some(tail) = order.get_mut(start..)
        {
            tail.sort_by(full);
        }
    }
    permute(claims, order);
}

fn claim_key(c: &Claim) -> (&str, &str, Span, Span) {
    (
        c.article.as_str(),
        c.id.as_str(),
        c.sentence_span,
        c.count_span,
    )
}

type RestKey = (
    ledger_types::Measure,
    ledger_types::Victims,
    Option<u64>,
    Option<u64>,
    Scope,
    Option<ledger_types::Date>,
    Option<ledger_types::Date>,
);

fn rest_key(c: &Claim) -> RestKey {
    (
        c.measure,
        c.victims,
        c.count_min,
        c.count_max,
        c.scope,
        c.date_start,
        c.date_end,
    )
}

fn cluster_claims(
    articles: &[Article],
    claims: &[Claim],
    article_index: &FastMap<&str, usize>,
    original_of: &[usize],
    memo: &ClusterMemo,
    jobs: &impl Jobs,
) -> (Vec<Vec<usize>>, ClusterMemo) {
    // Each incident claim's item but for the interned numbers, with its
    // fingerprint: independent claim by claim, so made in parallel.
    const CLAIMS_PER_JOB: usize = 2048;
    // With each item, the index of its article's original (its source
    // group), when the article is known.
    let partial_items = |start: usize, range: &[Claim]| -> Vec<(Item, Option<usize>)> {
        let incident_claims = range.iter().enumerate().map(|(j, c)| (start + j, c));
        incident_claims
            .filter(|(_, claim)| claim.scope == Scope::Incident)
            .map(|(i, claim)| {
                let found = article_index.get(claim.article.as_str()).copied();
                let article_day = found
                    .and_then(|a| articles.get(a))
                    .and_then(|a| a.date)
                    .map(day_number);
                let original = found.map(|a| original_of.get(a).copied().unwrap_or(a));
                let mut item = Item {
                    claim: i,
                    article: 0,
                    group: 0,
                    // A title is a sentence of its own, apart from any of the text.
                    sentence: if claim.in_title {
                        usize::MAX
                    } else {
                        claim.sentence_span.start
                    },
                    position: position(&claim.id),
                    when: when(claim),
                    article_day,
                    place: None,
                    country: None,
                    actor: None,
                    measure: claim.measure as u8,
                    victims: claim.victims as u8,
                    lo: claim.count_min.unwrap_or(0),
                    hi: claim.count_max.unwrap_or(u64::MAX),
                    fingerprint: 0,
                };
                let original_id = original
                    .and_then(|o| articles.get(o))
                    .map(|a| a.id.as_str());
                item.fingerprint = item_fingerprint(&item, claim, original_id);
                (item, original)
            })
            .collect()
    };
    let partial = jobs::run_chunks(jobs, claims, CLAIMS_PER_JOB, &partial_items);
    // Names and places are numbered in claim order, one claim after another.
    let mut interner = Interner::default();
    let mut article_ids: FastMap<&str, u32> = FastMap::default();
    let mut items: Vec<Item> = Vec::new();
    for (mut item, original) in partial {
        let Some(claim) = claims.get(item.claim) else {
            continue;
        };
        let next = article_ids.len() as u32;
        item.article = *article_ids.entry(claim.article.as_str()).or_insert(next);
        // Claims of unknown articles are their own source.
        item.group = match original {
            Some(o) => o as u32,
            None => (articles.len() as u32).saturating_add(item.article),
        };
        item.actor = claim.actor.as_ref().map(|p| interner.name(&p.name));
        item.place = interner.place(claim);
        // A place's row is the first claim's to name it, and stays as made.
        if let Some(row) = item.place.and_then(|p| interner.rows.get(p as usize)) {
            item.fingerprint = hash::combine(item.fingerprint, row.fingerprint);
        }
        item.country = claim.place.as_ref().map(|p| interner.name(&p.country));
        items.push(item);
    }
    let rows = std::mem::take(&mut interner.rows);
    let mut actor_pairs = ActorPairs::default();
    for (umbrella, members) in actors::UMBRELLA_ACTORS {
        let u = interner.name(umbrella);
        for m in *members {
            ActorPairs::insert_both(&mut actor_pairs.compatible, u, interner.name(m));
        }
    }
    for (one, other) in actors::OPPOSED_SIDES {
        for a in *one {
            let a = interner.name(a);
            for b in *other {
                ActorPairs::insert_both(&mut actor_pairs.opposed, a, interner.name(b));
            }
        }
    }
    let (groups, memo) = Clusterer::new(&items, &rows, &actor_pairs).run(memo);
    let clusters = groups
        .into_iter()
        .map(|members| {
            let mut claims: Vec<usize> = members
                .into_iter()
                .filter_map(|m| items.get(m as usize).map(|it| it.claim))
                .collect();
            claims.sort_unstable();
            claims
        })
        .collect();
    (clusters, memo)
}

/// An item's [`Item::fingerprint`] but for its place row: its fields, with
/// the names behind the numbers interned for this run (the article, its
/// source group's original, the country and actor). Reads none of the
/// interned numbers: it runs, in parallel, before they are given.
fn item_fingerprint(item: &Item, claim: &Claim, original: Option<&str>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = hash::FastHasher::default();
    claim.article.hash(&mut h);
    // A claim of an unknown article is its own source.
    original.unwrap_or("\u{0}").hash(&mut h);
    (item.sentence, item.position, item.when, item.article_day).hash(&mut h);
    (item.measure, item.victims, item.lo, item.hi).hash(&mut h);
    claim.place.as_ref().map(|p| &p.country).hash(&mut h);
    claim.actor.as_ref().map(|a| &a.name).hash(&mut h);
    h.finish()
}

/// Ids come from the smallest claim id; the (unlikely) hash collisions get a
/// suffix in the order of those smallest claim ids, so they stay stable too.
fn resolve_id_collisions(incidents: &mut [Incident], claims: &[Claim], clusters: &[Vec<usize>]) {
    let mut by_id: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, incident) in incidents.iter().enumerate() {
        by_id.entry(incident.id.clone()).or_default().push(i);
    }
    let mut used: BTreeSet<String> = by_id.keys().cloned().collect();
    let mut colliding: Vec<Vec<usize>> = by_id.into_values().filter(|v| v.len() > 1).collect();
    colliding.sort();
    for mut group in colliding {
        group.sort_by_key(|&i| clusters.get(i).map(|m| smallest_claim(claims, m)));
        for &i in group.iter().skip(1) {
            let Some(incident) = incidents.get_mut(i) else {
                continue;
            };
            let mut n = 2;
            let mut id = format!("{}-{n}", incident.id);
            while used.contains(&id) {
                n += 1;
                id = format!("{}-{n}", incident.id);
            }
            used.insert(id.clone());
            incident.id = id;
        }
    }
}

fn smallest_claim<'c>(claims: &'c [Claim], members: &[usize]) -> &'c str {
    members
        .iter()
        .filter_map(|&m| claims.get(m))
        .map(|c| c.id.as_str())
        .min()
        .unwrap_or("")
}

/// "inc-" and 12 hex digits of a hash of the smallest claim id.
pub fn incident_id(smallest_claim_id: &str) -> String {
    format!(
        "inc-{:012x}",
        hash::hash_bytes(smallest_claim_id.as_bytes()) >> 16
    )
}

fn precision_rank(p: Precision) -> u8 {
    match p {
        Precision::Village | Precision::District => 3,
        Precision::City => 2,
        Precision::Province => 1,
        Precision::Country => 0,
    }
}

fn sorted_parties<'c>(parties: impl Iterator<Item = &'c Party>) -> Vec<Party> {
    let mut out: Vec<Party> = parties.cloned().collect();
    out.sort_by(|a, b| (&a.name, a.kind).cmp(&(&b.name, b.kind)));
    out.dedup();
    out
}

/// Lowest lower bound and highest upper bound (None when any claim is open-ended).
fn range<'c>(claims: impl Iterator<Item = &'c Claim>) -> Option<(Option<u64>, Option<u64>)> {
    let mut any = false;
    let mut lo: Option<u64> = None;
    let mut hi: Option<u64> = Some(0);
    for c in claims {
        any = true;
        if let Some(m) = c.count_min {
            lo = Some(lo.map_or(m, |x| x.min(m)));
        }
        hi = match (hi, c.count_max) {
            (Some(h), Some(m)) => Some(h.max(m)),
            _ => None,
        };
    }
    any.then_some((lo, hi))
}

fn build_incident(
    claims: &[Claim],
    members: &[usize],
    original_of: &BTreeMap<String, String>,
) -> Incident {
    let list: Vec<&Claim> = members.iter().filter_map(|&m| claims.get(m)).collect();
    let id = incident_id(smallest_claim(claims, members));

    // Dates: the exact-dated claims, else every dated one.
    let spans: Vec<(ledger_types::Date, ledger_types::Date, bool)> = list
        .iter()
        .filter_map(|c| {
            let a = c.date_start.or(c.date_end)?;
            let b = c.date_end.or(c.date_start)?;
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            let exact = day_number(hi) - day_number(lo) <= MAX_INCIDENT_DAYS;
            Some((lo, hi, exact))
        })
        .collect();
    let any_exact = spans.iter().any(|s| s.2);
    let chosen = spans.iter().filter(|s| s.2 || !any_exact);
    let date_start = chosen.clone().map(|s| s.0).min();
    let date_end = chosen.map(|s| s.1).max();

    // Most precise place, then most claims, then name.
    let mut place_counts: BTreeMap<(&str, &str), (usize, &Place)> = BTreeMap::new();
    for c in &list {
        if let Some(p) = &c.place {
            place_counts
                .entry((p.name.as_str(), p.country.as_str()))
                .or_insert((0, p))
                .0 += 1;
        }
    }
    let place = place_counts
        .iter()
        .max_by(|a, b| {
            let ka = (precision_rank(a.1.1.precision), a.1.0);
            let kb = (precision_rank(b.1.1.precision), b.1.0);
            ka.cmp(&kb).then_with(|| b.0.cmp(a.0))
        })
        .map(|(_, (_, p))| (*p).clone());

    let mut by_outcome: BTreeMap<(ledger_types::Measure, ledger_types::Victims), Vec<&Claim>> =
        BTreeMap::new();
    for c in &list {
        by_outcome
            .entry((c.measure, c.victims))
            .or_default()
            .push(c);
    }
    let is_official = |c: &&&Claim| {
        c.claimant
            .as_ref()
            .is_some_and(|p| p.kind == PartyKind::Belligerent)
    };
    let tallies = by_outcome
        .into_iter()
        .map(|((measure, victims), cs)| {
            let (min, max) = range(cs.iter().copied()).unwrap_or((None, None));
            Tally {
                measure,
                victims,
                min,
                max,
                official: range(cs.iter().filter(is_official).copied()),
                independent: range(cs.iter().filter(|c| !is_official(c)).copied()),
                claims: cs.iter().map(|c| c.id.clone()).collect(),
            }
        })
        .collect();
    let (grade, grade_reason) = grade(&list, original_of);
    let articles: BTreeSet<&str> = list.iter().map(|c| c.article.as_str()).collect();
    Incident {
        id,
        date_start,
        date_end,
        place,
        actors: sorted_parties(list.iter().filter_map(|c| c.actor.as_ref())),
        claimants: sorted_parties(list.iter().filter_map(|c| c.claimant.as_ref())),
        tallies,
        grade,
        grade_reason,
        claims: list.iter().map(|c| c.id.clone()).collect(),
        articles: articles.into_iter().map(str::to_string).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permute_moves_each_item_to_its_place() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e'];
        permute(&mut items, vec![2, 0, 4, 1, 3]);
        assert_eq!(items, vec!['c', 'a', 'e', 'b', 'd']);
        let mut items: Vec<usize> = (0..100).collect();
        let order: Vec<usize> = (0..100).map(|i| (i * 37 + 11) % 100).collect();
        permute(&mut items, order.clone());
        assert_eq!(items, order);
    }

    #[test]
    fn claims_sort_by_article_then_numeric_position() {
        assert_eq!(position("a-1#12"), 12);
        assert_eq!(position("no-number"), u64::MAX);
        let article = |id: &str| Article {
            id: id.into(),
            file: String::new(),
            title: String::new(),
            date: None,
            source: None,
            url: None,
            meta: BTreeMap::new(),
            text: String::new(),
            furniture: Vec::new(),
            status: ledger_types::ArticleStatus::Ok,
            problems: Vec::new(),
            content_hash: String::new(),
        };
        let claim = |id: &str| {
            let (a, _) = id.split_once('#').unwrap_or((id, ""));
            Claim {
                id: id.into(),
                article: a.into(),
                sentence: String::new(),
                in_title: false,
                sentence_span: Span::new(0, 0),
                count_span: Span::new(0, 0),
                count_min: None,
                count_max: None,
                qualifier: ledger_types::Qualifier::Exact,
                measure: ledger_types::Measure::Killed,
                victims: ledger_types::Victims::People,
                place: None,
                place_text: None,
                date_start: None,
                date_end: None,
                scope: Scope::Incident,
                actor: None,
                claimant: None,
                stance: ledger_types::Stance::Reported,
                incident: None,
            }
        };
        let articles = vec![article("a"), article("b")];
        let mut claims: Vec<Claim> = ["b#1", "zz#1", "a#10", "a#2", "a#1"]
            .iter()
            .map(|id| claim(id))
            .collect();
        sort_claims(&mut claims, &articles);
        let ids: Vec<&str> = claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["a#1", "a#2", "a#10", "b#1", "zz#1"]);
    }

    #[test]
    fn incident_ids_hash_the_smallest_claim_id() {
        let id = incident_id("a#1");
        assert_eq!(id, incident_id("a#1"));
        assert_ne!(id, incident_id("a#2"));
        assert_eq!(id.len(), "inc-".len() + 12);
        assert!(id[4..].chars().all(|c| c.is_ascii_hexdigit()));
    }
}
