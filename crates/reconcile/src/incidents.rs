//! Incidents: incident-scope claims about one event, across and within articles,
//! merged by a greedy clustering that checks each claim against the whole cluster
//! (not single-link), with candidates found through a (day, place) index.

use std::collections::BTreeMap;

use ledger_types::{Claim, Date, Precision};
use serde::{Deserialize, Serialize};

use crate::hash::{FastMap, FastSet, combine, mix64};

/// Longest an incident may last, first day to last day (GUIDELINES: at most three days).
pub const MAX_INCIDENT_DAYS: i32 = 3;
/// Dates of a claim dated to a span of at most `MAX_INCIDENT_DAYS` are widened by this much.
pub const EXACT_TOLERANCE_DAYS: i32 = 1;
/// Dates of a claim dated to a longer span ("last week") are widened by this much.
pub const VAGUE_TOLERANCE_DAYS: i32 = 3;
/// An undated claim may join an incident of another article that ended at most
/// this many days before its own article was published.
pub const UNDATED_WINDOW_DAYS: i32 = 7;
/// Places this close (km) are compatible even when neither contains the other:
/// an airbase or village is often named by the city "near" it (the Shairat
/// airbase "near Homs" is 31 km out).
pub const NEAR_KM: f64 = 40.0;
/// Two precise places (villages, districts) this close are compatible: one is
/// not named "near" the other, so farther apart they are two places (a
/// village 35 km out and a city quarter).
pub const PRECISE_NEAR_KM: f64 = 15.0;
/// Counts are wildly inconsistent when one's lower bound exceeds the other's upper
/// bound times this factor plus `COUNT_SLACK`.
pub const COUNT_FACTOR: u64 = 3;
/// See `COUNT_FACTOR`; keeps small counts (2 against 9) from conflicting.
pub const COUNT_SLACK: u64 = 5;
/// Vague spans longer than this are indexed over their first days only.
const MAX_INDEXED_DAYS: i32 = 40;
/// Grid cell for the "near" lookup, in degrees of latitude: at least `NEAR_KM`.
const CELL_DEGREES: f64 = NEAR_KM / 110.0;

/// Days since 1970-01-01 (proleptic Gregorian).
pub(crate) fn day_number(d: Date) -> i32 {
    let (y, m, dd) = (
        i32::from(d.year()),
        i32::from(d.month()),
        i32::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A claim's date as the clustering sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum When {
    /// A day or a span of at most `MAX_INCIDENT_DAYS`.
    Exact(i32, i32),
    /// A longer span.
    Vague(i32, i32),
    Undated,
}

/// Dates of a claim (start and end, either may be missing), as day numbers.
pub(crate) fn when(claim: &Claim) -> When {
    let start = claim.date_start.or(claim.date_end).map(day_number);
    let end = claim.date_end.or(claim.date_start).map(day_number);
    match (start, end) {
        (Some(a), Some(b)) => {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            if hi - lo <= MAX_INCIDENT_DAYS {
                When::Exact(lo, hi)
            } else {
                When::Vague(lo, hi)
            }
        }
        _ => When::Undated,
    }
}

/// A place interned for fast comparison.
#[derive(Debug, Clone)]
pub(crate) struct PlaceRow {
    name: u32,
    /// Containing places other than the country.
    ancestors: Vec<u32>,
    coords: Option<(f64, f64)>,
    precision: Precision,
    /// A hash of the place the row was made from (see [`Item::fingerprint`]).
    pub fingerprint: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Relation {
    Far,
    /// Two neighbourhoods of one city: one place only within one story.
    Neighbours,
    Near,
    Contains,
    Same,
}

fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

fn relate(a: &PlaceRow, b: &PlaceRow) -> Relation {
    if a.name == b.name {
        return Relation::Same;
    }
    if a.ancestors.contains(&b.name) || b.ancestors.contains(&a.name) {
        return Relation::Contains;
    }
    let (Some(pa), Some(pb)) = (a.coords, b.coords) else {
        return Relation::Far;
    };
    let near_km = if a.precision >= Precision::District && b.precision >= Precision::District {
        PRECISE_NEAR_KM
    } else {
        NEAR_KM
    };
    // A cheap box test first: a degree of latitude is about 111 km.
    let box_degrees = near_km / 111.0;
    if (pa.0 - pb.0).abs() > box_degrees
        || (pa.1 - pb.1).abs() * pa.0.to_radians().cos().abs().max(0.01) > box_degrees
        || distance_km(pa, pb) > near_km
    {
        return Relation::Far;
    }
    // Two neighbourhoods of one city are different places, however close,
    // unless one article tells of both. Districts of different parents (a city
    // quarter and the countryside area next to it) are only near.
    if a.precision == Precision::District
        && b.precision == Precision::District
        && a.ancestors.first() == b.ancestors.first()
    {
        Relation::Neighbours
    } else {
        Relation::Near
    }
}

/// Days between two spans of days, 0 when they overlap; `None` unless both
/// are a day or a short span (`When::Exact`).
fn days_between(a: When, b: When) -> Option<i32> {
    match (a, b) {
        (When::Exact(alo, ahi), When::Exact(blo, bhi)) => Some((blo - ahi).max(alo - bhi).max(0)),
        _ => None,
    }
}

/// `Victims::People` as `Item::victims` holds it: anyone, who may be of any group.
const PEOPLE: u8 = ledger_types::Victims::People as u8;
/// `Victims::Combatants` as `Item::victims` holds it.
const COMBATANTS: u8 = ledger_types::Victims::Combatants as u8;

/// Counts two reports of one event give: overlapping, or off by at most half
/// again plus `CLOSE_SLACK` ("five killed" and "six killed").
fn counts_close(alo: u64, ahi: u64, blo: u64, bhi: u64) -> bool {
    let limit = |hi: u64| (hi.saturating_mul(3) / 2).saturating_add(CLOSE_SLACK);
    alo <= limit(bhi) && blo <= limit(ahi)
}

/// See `counts_close`.
const CLOSE_SLACK: u64 = 2;

/// Do the bounds `alo..=ahi` and `blo..=bhi` share a number?
fn counts_overlap(alo: u64, ahi: u64, blo: u64, bhi: u64) -> bool {
    alo <= bhi && blo <= ahi
}

/// Counts two sides give of one toll: overlapping, or their lower bounds
/// within a tenth of each other ("12 killed" and "13 killed"). Tighter than
/// `counts_close`: two sides' attacks on one city often kill alike numbers.
fn counts_alike(alo: u64, ahi: u64, blo: u64, bhi: u64) -> bool {
    counts_overlap(alo, ahi, blo, bhi) || alo.abs_diff(blo).saturating_mul(10) <= alo.max(blo)
}

/// Whether claims counting victims `a` and `b` may count the same people:
/// the same group, or one of them "people", who may be of any group.
fn victims_compatible(a: u8, b: u8) -> bool {
    a == b || a == PEOPLE || b == PEOPLE
}

fn counts_consistent(alo: u64, ahi: u64, blo: u64, bhi: u64) -> bool {
    let limit = |hi: u64| hi.saturating_mul(COUNT_FACTOR).saturating_add(COUNT_SLACK);
    alo <= limit(bhi) && blo <= limit(ahi)
}

/// One incident-scope claim, reduced to what the clustering compares.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// Index into the sorted claims.
    pub claim: usize,
    pub article: u32,
    /// Source group (copies share it).
    pub group: u32,
    pub sentence: usize,
    pub position: u64,
    pub when: When,
    pub article_day: Option<i32>,
    /// Index into the place table; None when missing or only a country.
    pub place: Option<u32>,
    /// Interned name of the place's country, a country alone included.
    pub country: Option<u32>,
    pub actor: Option<u32>,
    /// `Measure` and `Victims` as numbers.
    pub measure: u8,
    pub victims: u8,
    /// The count's bounds, 0 and `u64::MAX` when open.
    pub lo: u64,
    pub hi: u64,
    /// A hash of everything above, with names and places in place of
    /// interned numbers (a place by the row it was interned to, which the
    /// first claim to name it made): equal in two runs when the item is the
    /// same (see [`ClusterMemo`]).
    pub fingerprint: u64,
}

/// What one clustering run decided, item by item in processing order (by
/// day, undated claims a week after their article's day). The
/// decision on an item depends only on the items processed before it, so a
/// later run whose first items are the same (equal fingerprints, in the same
/// order) reaches the same decisions on them: it replays those and clusters
/// afresh only from the first item that differs. A rebuild after an article
/// about recent days replays nearly everything. Only valid for the same build
/// of this crate (a rule change changes decisions); an empty memo is always
/// correct.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ClusterMemo {
    /// (item fingerprint, index of the cluster it joined, in creation order).
    steps: Vec<(u64, u32)>,
    /// How many steps the run that made this memo replayed from its own.
    #[serde(skip)]
    replayed: usize,
}

/// Memos are equal when they remember the same decisions.
impl PartialEq for ClusterMemo {
    fn eq(&self, other: &ClusterMemo) -> bool {
        self.steps == other.steps
    }
}

impl Eq for ClusterMemo {}

impl ClusterMemo {
    /// Claims remembered.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// How many claims the run that returned this memo took from the memo it
    /// was given rather than clustering them afresh.
    pub fn replayed(&self) -> usize {
        self.replayed
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// How many of `order`'s first items can be replayed: their fingerprints
    /// match and each joins a cluster that exists by then or is the next new one.
    fn replayable(&self, items: &[Item], order: &[u32]) -> usize {
        let mut clusters = 0u32;
        self.steps
            .iter()
            .zip(order)
            .take_while(|&(&(fingerprint, cluster), &i)| {
                let same = items
                    .get(i as usize)
                    .is_some_and(|it| it.fingerprint == fingerprint);
                let valid = cluster <= clusters;
                if same && valid && cluster == clusters {
                    clusters += 1;
                }
                same && valid
            })
            .count()
    }
}

/// What `assess` reads of each member, kept beside the cluster so that the
/// member scans read one contiguous array rather than items all over memory.
#[derive(Debug, Clone, Copy)]
struct MemberFacts {
    /// Index into the items.
    item: u32,
    article: u32,
    measure: u8,
    victims: u8,
    sentence: usize,
    position: u64,
    lo: u64,
    hi: u64,
    when: When,
    actor: Option<u32>,
}

#[derive(Debug, Default)]
struct Cluster {
    /// The members, in the order they joined.
    facts: Vec<MemberFacts>,
    /// Span of the exact-dated members.
    core: Option<(i32, i32)>,
    /// Union of all dated members' widened spans.
    wide: Option<(i32, i32)>,
    /// Union of dated members' raw spans: the days it is indexed around.
    days: Option<(i32, i32)>,
    places: Vec<u32>,
    countries: Vec<u32>,
    actors: Vec<u32>,
    groups: Vec<u32>,
}

fn widen(a: Option<(i32, i32)>, lo: i32, hi: i32) -> Option<(i32, i32)> {
    Some(match a {
        Some((x, y)) => (x.min(lo), y.max(hi)),
        None => (lo, hi),
    })
}

fn push_unique(v: &mut Vec<u32>, x: u32) -> bool {
    if v.contains(&x) {
        false
    } else {
        v.push(x);
        true
    }
}

const KEY_PLACE: u64 = 1;
const KEY_UNDER: u64 = 2;
const KEY_CELL: u64 = 3;
const KEY_ACTOR_NO_PLACE: u64 = 4;
const KEY_ACTOR: u64 = 5;

fn key(kind: u64, id: u64) -> u64 {
    combine(mix64(kind), id)
}

fn cell_key(cell: (i32, i32)) -> u64 {
    key(KEY_CELL, combine(cell.0 as u64, cell.1 as u64))
}

/// Index days this long before the day being processed are dropped: nothing
/// still to come can reach them.
const PRUNE_DAYS: i32 = 20;

/// Clusters are indexed this many days either side of their own days, so that a
/// lookup only needs the claim's own days.
const INDEX_MARGIN_DAYS: i32 = 2 * EXACT_TOLERANCE_DAYS;

/// The candidate index of one day: key -> clusters, each key's list in one
/// contiguous vector so that a lookup copies it in one go.
#[derive(Debug, Default)]
struct Day {
    lists: FastMap<u64, Vec<u32>>,
}

impl Day {
    fn insert(&mut self, key: u64, cluster: u32) {
        let list = self.lists.entry(key).or_default();
        if list.last() != Some(&cluster) {
            list.push(cluster);
        }
    }

    fn collect(&self, key: u64, out: &mut Vec<u32>) {
        if let Some(list) = self.lists.get(&key) {
            out.extend_from_slice(list);
        }
    }
}

/// How interned actor names relate (see `actors`).
#[derive(Debug, Default)]
pub(crate) struct ActorPairs {
    /// Distinct names that may be one party's ("rebels", "Al-Nusra Front").
    pub compatible: FastSet<(u32, u32)>,
    /// Names of sides that fight each other.
    pub opposed: FastSet<(u32, u32)>,
}

impl ActorPairs {
    /// Records `a` and `b` as a pair in `set`, both ways round.
    pub(crate) fn insert_both(set: &mut FastSet<(u32, u32)>, a: u32, b: u32) {
        set.insert((a, b));
        set.insert((b, a));
    }
}

/// The clustering state: the claims, interned places, clusters and the
/// (day, key) candidate index.
pub(crate) struct Clusterer<'a> {
    items: &'a [Item],
    places: &'a [PlaceRow],
    actor_pairs: &'a ActorPairs,
    clusters: Vec<Cluster>,
    index: BTreeMap<i32, Day>,
    /// Source group -> clusters holding one of its claims.
    by_group: FastMap<u32, Vec<u32>>,
    /// Scratch space for index keys, reused to spare allocations.
    keys: Vec<u64>,
    /// Days before this are not indexed (see `run`).
    index_floor: i32,
    /// Per cluster, the `stamp` of the last candidate lookup that listed it.
    seen: Vec<u32>,
    stamp: u32,
}

impl<'a> Clusterer<'a> {
    pub(crate) fn new(
        items: &'a [Item],
        places: &'a [PlaceRow],
        actor_pairs: &'a ActorPairs,
    ) -> Clusterer<'a> {
        Clusterer {
            items,
            places,
            actor_pairs,
            clusters: Vec::new(),
            index: BTreeMap::new(),
            by_group: FastMap::default(),
            keys: Vec::new(),
            index_floor: i32::MIN,
            seen: Vec::new(),
            stamp: 0,
        }
    }

    fn place(&self, i: u32) -> Option<&'a PlaceRow> {
        self.places.get(i as usize)
    }

    /// Clusters the items, replaying `memo`'s decisions where they still
    /// hold, and returns, per cluster, the indices of its items, with the memo
    /// of this run.
    pub(crate) fn run(mut self, memo: &ClusterMemo) -> (Vec<Vec<u32>>, ClusterMemo) {
        let items = self.items;
        let mut order: Vec<u32> = (0..items.len() as u32).collect();
        order.sort_by_key(|&i| {
            items
                .get(i as usize)
                .map(|it| (processing_day(it), rank(it.when), it.claim))
        });
        let replayed = memo.replayable(items, &order);
        // Index days the first item clustered afresh will have pruned are
        // not worth filling while replaying.
        self.index_floor = order
            .get(replayed)
            .and_then(|&i| items.get(i as usize))
            .map_or(i32::MAX, |it| processing_day(it).saturating_sub(PRUNE_DAYS));
        let mut steps = Vec::with_capacity(order.len());
        let mut candidates: Vec<u32> = Vec::new();
        for (step, &i) in order.iter().enumerate() {
            let Some(item) = items.get(i as usize) else {
                continue;
            };
            if let Some(&(_, cluster)) = memo.steps.get(step).filter(|_| step < replayed) {
                if cluster as usize == self.clusters.len() {
                    self.clusters.push(Cluster::default());
                }
                self.join(cluster, i, item);
                steps.push((item.fingerprint, cluster));
                continue;
            }
            let today = processing_day(item);
            // Nothing indexed this long ago can match what is still to come.
            while let Some(entry) = self.index.first_entry() {
                if i64::from(*entry.key()) < i64::from(today) - i64::from(PRUNE_DAYS) {
                    entry.remove();
                } else {
                    break;
                }
            }
            self.candidates(item, &mut candidates);
            let mut best: Option<(i64, u32)> = None;
            for &c in &candidates {
                if let Some(cluster) = self.clusters.get(c as usize)
                    && let Some(score) = self.assess(item, cluster)
                    && best.is_none_or(|(s, _)| score > s)
                {
                    best = Some((score, c));
                }
            }
            let target = match best {
                Some((_, c)) => c,
                None => {
                    self.clusters.push(Cluster::default());
                    (self.clusters.len() - 1) as u32
                }
            };
            self.join(target, i, item);
            steps.push((item.fingerprint, target));
        }
        let clusters = self
            .clusters
            .into_iter()
            .map(|c| c.facts.iter().map(|m| m.item).collect())
            .collect();
        (clusters, ClusterMemo { steps, replayed })
    }

    fn candidates(&mut self, item: &Item, out: &mut Vec<u32>) {
        out.clear();
        if let Some(list) = self.by_group.get(&item.group) {
            out.extend_from_slice(list);
        }
        let (from, to) = match item.when {
            When::Exact(lo, hi) => (lo, hi),
            When::Vague(lo, hi) => {
                let reach = 2 * VAGUE_TOLERANCE_DAYS - INDEX_MARGIN_DAYS;
                (lo - reach, hi.min(lo + MAX_INDEXED_DAYS) + reach)
            }
            When::Undated => match (item.article_day, item.place) {
                (Some(day), Some(_)) => {
                    let reach = UNDATED_WINDOW_DAYS - INDEX_MARGIN_DAYS;
                    (day - reach, day + reach)
                }
                _ => (1, 0),
            },
        };
        if from <= to {
            let mut keys = std::mem::take(&mut self.keys);
            keys.clear();
            match item.place.and_then(|p| self.place(p)) {
                Some(place) => {
                    keys.push(key(KEY_PLACE, u64::from(place.name)));
                    keys.push(key(KEY_UNDER, u64::from(place.name)));
                    for &a in &place.ancestors {
                        keys.push(key(KEY_PLACE, u64::from(a)));
                    }
                    if let Some((lat, lon)) = place.coords {
                        let band = lat_band(lat);
                        for b in band - 1..=band + 1 {
                            let x = lon_cell(b, lon);
                            for dx in -1..=1 {
                                keys.push(cell_key((b, x + dx)));
                            }
                        }
                    }
                    if let Some(a) = item.actor {
                        keys.push(key(KEY_ACTOR_NO_PLACE, u64::from(a)));
                    }
                }
                None => {
                    if let Some(a) = item.actor {
                        keys.push(key(KEY_ACTOR, u64::from(a)));
                    }
                }
            }
            for (_, day) in self.index.range(from..=to) {
                for &k in &keys {
                    day.collect(k, out);
                }
            }
            self.keys = keys;
        }
        // Lists repeat clusters (one per key and day): drop repeats in one
        // pass, then sort what is left, which is far shorter.
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.seen.fill(0);
            self.stamp = 1;
        }
        if self.seen.len() < self.clusters.len() {
            self.seen.resize(self.clusters.len(), 0);
        }
        let (seen, stamp) = (&mut self.seen, self.stamp);
        out.retain(|&c| match seen.get_mut(c as usize) {
            Some(s) if *s != stamp => {
                *s = stamp;
                true
            }
            _ => false,
        });
        out.sort_unstable();
    }

    /// A score when `item` may join `cluster` (higher is a better fit), or None.
    fn assess(&self, item: &Item, cluster: &Cluster) -> Option<i64> {
        let members = || cluster.facts.iter();
        let mut score: i64 = 0;
        // Copies share a source group and an article is in its own group, so
        // the members need scanning for article evidence only in that case.
        let same_story = cluster.groups.contains(&item.group);
        let mut same_sentence = false;
        let mut nearest_in_article: Option<u64> = None;
        if same_story {
            // A story that tells of Tuesday's attack and then of Wednesday's
            // tells of two: its claim of another day than all of its own in
            // the incident is of another event.
            let mut other_day_only = matches!(item.when, When::Exact(..));
            for m in members().filter(|m| m.article == item.article) {
                same_sentence |= m.sentence == item.sentence;
                let gap = m.position.abs_diff(item.position);
                nearest_in_article = Some(nearest_in_article.map_or(gap, |g| g.min(gap)));
                other_day_only &= days_between(m.when, item.when).is_some_and(|d| d > 0);
            }
            // (Two days in one sentence, "five on Monday and six on Tuesday",
            // are two days too.)
            if other_day_only && nearest_in_article.is_some() {
                return None;
            }
        }
        let same_article = nearest_in_article.is_some();
        // Same-article evidence decides between otherwise equal fits; it does
        // not outweigh a matching place, date and actor elsewhere.
        if same_sentence {
            score += 1000;
        } else if let Some(gap) = nearest_in_article {
            score += 20 - gap.min(10) as i64;
        } else if same_story {
            score += 15;
        }

        // Dates.
        let mut same_days = false;
        // Only the cluster's or only the claim's dates are a long span.
        let span_against_day = match item.when {
            When::Exact(..) => cluster.core.is_none() && cluster.wide.is_some(),
            When::Vague(..) => cluster.core.is_some(),
            When::Undated => false,
        };
        match item.when {
            When::Exact(lo, hi) => match cluster.core {
                Some((clo, chi)) => {
                    if hi.max(chi) - lo.min(clo) > MAX_INCIDENT_DAYS
                        || lo > chi + 2 * EXACT_TOLERANCE_DAYS
                        || clo > hi + 2 * EXACT_TOLERANCE_DAYS
                    {
                        return None;
                    }
                    if lo <= chi && clo <= hi {
                        same_days = true;
                        score += 25;
                    }
                }
                None => match cluster.wide {
                    Some((wlo, whi))
                        if lo - EXACT_TOLERANCE_DAYS > whi || wlo > hi + EXACT_TOLERANCE_DAYS =>
                    {
                        return None;
                    }
                    None if !same_story => return None,
                    _ => {}
                },
            },
            When::Vague(lo, hi) => match cluster.wide {
                Some((wlo, whi))
                    if lo - VAGUE_TOLERANCE_DAYS > whi || wlo > hi + VAGUE_TOLERANCE_DAYS =>
                {
                    return None;
                }
                None if !same_story => return None,
                _ => {}
            },
            // An undated claim most likely tells of what happened about when its
            // article was published.
            When::Undated => {
                if let (Some(day), Some((lo, hi))) = (item.article_day, cluster.core)
                    && lo - EXACT_TOLERANCE_DAYS <= day
                    && day <= hi + EXACT_TOLERANCE_DAYS
                {
                    score += 20;
                }
            }
        }

        // Countries: one event happens in one country, whatever an article says
        // ("clashes in Syria" and "rockets on Kilis" in one story are two events).
        if let Some(c) = item.country
            && !cluster.countries.is_empty()
            && !cluster.countries.contains(&c)
        {
            return None;
        }
        // Places: the claim must fit every place of the cluster.
        let item_place = item.place.and_then(|p| self.place(p));
        let mut strong_place = false;
        let mut same_place = false;
        // Another neighbourhood of the same city, accepted only because the
        // claim's own story tells of both.
        let mut other_neighbourhood = false;
        if let Some(p) = item_place
            && !cluster.places.is_empty()
        {
            let mut weakest = Relation::Same;
            let mut best = Relation::Far;
            for q in cluster.places.iter().filter_map(|&q| self.place(q)) {
                let r = match relate(p, q) {
                    Relation::Neighbours if same_story => {
                        other_neighbourhood = true;
                        Relation::Near
                    }
                    Relation::Neighbours | Relation::Far => return None,
                    r => r,
                };
                weakest = weakest.min(r);
                best = best.max(r);
            }
            score += match best {
                Relation::Same => 30,
                Relation::Contains => 15,
                _ => 5,
            };
            strong_place = best == Relation::Same && p.precision >= Precision::City;
            same_place = weakest == Relation::Same;
        }
        let place_missing = item_place.is_none() || cluster.places.is_empty();
        if item_place.is_some() == cluster.places.is_empty() {
            score -= 20;
        }

        // Counts of the same outcome and victims, from other articles.
        let mut others = false;
        let mut consistent = false;
        let mut overlapping = false;
        // Another story's claim of another day needs a member of another
        // story within a day of it, counting the same outcome of the same
        // people (or of "people") alike (see below); only then is it looked for.
        let needs_close = !same_story && !same_days && matches!(item.when, When::Exact(..));
        let mut close_next_day = false;
        for m in members() {
            if m.measure != item.measure || m.article == item.article {
                continue;
            }
            if needs_close
                && !close_next_day
                && victims_compatible(m.victims, item.victims)
                && counts_close(item.lo, item.hi, m.lo, m.hi)
            {
                close_next_day = days_between(m.when, item.when).is_some_and(|d| d <= 1);
            }
            if m.victims != item.victims {
                continue;
            }
            others = true;
            consistent |= counts_consistent(item.lo, item.hi, m.lo, m.hi);
            overlapping |= counts_overlap(item.lo, item.hi, m.lo, m.hi);
            if consistent && overlapping && (close_next_day || !needs_close) {
                // Nothing further can change the verdict; large clusters are long.
                break;
            }
        }
        // When the claim's own article already tells of this incident, a
        // different figure is a sub-count ("among them seven children"), not a
        // sign of another event.
        if others && !consistent && !same_article {
            return None;
        }
        if overlapping {
            score += 5;
        }

        // Actors.
        let mut same_actor = false;
        if let Some(a) = item.actor {
            if cluster
                .actors
                .iter()
                .any(|&b| b != a && !self.actor_pairs.compatible.contains(&(a, b)))
            {
                // Competing attributions of one event: within one article (or
                // its copies) when place and day agree, across articles only at one neighbourhood
                // or village on the same day.
                let precise = item_place.is_some_and(|p| p.precision >= Precision::District);
                let placed = item_place.is_some() && !cluster.places.is_empty();
                // Different parties in different neighbourhoods of one city
                // are two attacks ("regime raids on the east, rebel fire on
                // the west"), even on one day in one story.
                let agreed = same_sentence
                    || (same_story && placed && same_days && !other_neighbourhood)
                    || (same_place && precise && same_days);
                if !agreed {
                    return None;
                }
                // The two sides' attacks on one place on one day ("rebel fire
                // on the west killed 8", "a barrel bomb on the east killed
                // 15") are two events, even in one sentence, unless they are
                // competing attributions of one toll (`counts_alike`). Not
                // the dead of a battle, whose sides kill each other's
                // fighters, so only members not counting fighters weigh,
                // either way round; nor a sub-count of a claim of the item's
                // own sentence and side already in.
                let opposed = |b: u32| self.actor_pairs.opposed.contains(&(a, b));
                let other_side =
                    |m: &&MemberFacts| m.actor.is_some_and(opposed) && m.victims != COMBATANTS;
                let own_side_told = || {
                    members().any(|m| {
                        m.article == item.article
                            && m.sentence == item.sentence
                            && m.actor.is_some_and(|b| {
                                b == a || self.actor_pairs.compatible.contains(&(a, b))
                            })
                    })
                };
                let one_toll = || {
                    members().filter(other_side).any(|m| {
                        m.measure == item.measure
                            && victims_compatible(m.victims, item.victims)
                            && counts_alike(item.lo, item.hi, m.lo, m.hi)
                    })
                };
                if item.victims != COMBATANTS
                    && members().any(|m| other_side(&m))
                    && !own_side_told()
                    && !one_toll()
                {
                    return None;
                }
            } else if cluster.actors.contains(&a) {
                same_actor = true;
                score += 10;
            }
        }

        if !same_story {
            if item.when == When::Undated {
                let near_article_date = match (item.article_day, cluster.core.or(cluster.wide)) {
                    // An article reports what happened before it, within a week.
                    (Some(day), Some((lo, hi))) => {
                        lo <= day + EXACT_TOLERANCE_DAYS && day <= hi + UNDATED_WINDOW_DAYS
                    }
                    _ => false,
                };
                if !(strong_place && near_article_date) {
                    return None;
                }
            }
            if place_missing && !(same_days && same_actor && overlapping) {
                return None;
            }
            // A claim dated only to a long span ("in January", "earlier this
            // week") and another story's incident of a day (either way round)
            // are one only at the same town and with a count of the same
            // people that fits: a month overlaps every incident in it.
            if span_against_day && !(strong_place && overlapping) {
                return None;
            }
            // Another day's report from another story is the same event only
            // when a report of the day before or after counts the same people
            // alike, and the incident then spans two days at most ("rebel
            // rockets killed 13 on Friday" and "a clinic bombed killing six
            // on Saturday" are two; so are daily tolls of 10, 11 and 12).
            if needs_close
                && let When::Exact(lo, hi) = item.when
                && (!close_next_day
                    || cluster
                        .core
                        .is_some_and(|(clo, chi)| hi.max(chi) - lo.min(clo) > 1))
            {
                return None;
            }
        }
        Some(score)
    }

    fn join(&mut self, target: u32, item_index: u32, item: &Item) {
        let places = self.places;
        let Some(cluster) = self.clusters.get_mut(target as usize) else {
            return;
        };
        cluster.facts.push(MemberFacts {
            item: item_index,
            article: item.article,
            measure: item.measure,
            victims: item.victims,
            sentence: item.sentence,
            position: item.position,
            lo: item.lo,
            hi: item.hi,
            when: item.when,
            actor: item.actor,
        });
        let old_days = cluster.days;
        match item.when {
            When::Exact(lo, hi) => {
                cluster.core = widen(cluster.core, lo, hi);
                cluster.wide = widen(
                    cluster.wide,
                    lo - EXACT_TOLERANCE_DAYS,
                    hi + EXACT_TOLERANCE_DAYS,
                );
                cluster.days = widen(cluster.days, lo, hi);
            }
            When::Vague(lo, hi) => {
                cluster.wide = widen(
                    cluster.wide,
                    lo - VAGUE_TOLERANCE_DAYS,
                    hi + VAGUE_TOLERANCE_DAYS,
                );
                cluster.days = widen(cluster.days, lo, hi.min(lo + MAX_INDEXED_DAYS));
            }
            When::Undated => {}
        }
        if let Some(c) = item.country {
            push_unique(&mut cluster.countries, c);
        }
        let new_place = item.place.filter(|&p| push_unique(&mut cluster.places, p));
        let new_actor = item.actor.filter(|&a| push_unique(&mut cluster.actors, a));
        if push_unique(&mut cluster.groups, item.group) {
            self.by_group.entry(item.group).or_default().push(target);
        }
        let Some((from, to)) = cluster.days else {
            return;
        };
        if old_days == cluster.days && new_place.is_none() && new_actor.is_none() {
            return;
        }
        // Days already indexed only need the new place's or actor's keys; new
        // days need every key (re-indexing everything would fill the lists with
        // repeats).
        let indexed = |days: Option<(i32, i32)>| {
            days.map(|(f, t)| {
                (
                    f - INDEX_MARGIN_DAYS,
                    t.min(f + MAX_INDEXED_DAYS) + INDEX_MARGIN_DAYS,
                )
            })
        };
        let old = indexed(old_days);
        let mut all_keys = std::mem::take(&mut self.keys);
        all_keys.clear();
        let place_keys = |p: &PlaceRow, keys: &mut Vec<u64>| {
            keys.push(key(KEY_PLACE, u64::from(p.name)));
            for &a in &p.ancestors {
                keys.push(key(KEY_UNDER, u64::from(a)));
            }
            if let Some((lat, lon)) = p.coords {
                let band = lat_band(lat);
                keys.push(cell_key((band, lon_cell(band, lon))));
            }
        };
        let actor_keys = |a: u32, placeless: bool, keys: &mut Vec<u64>| {
            keys.push(key(KEY_ACTOR, u64::from(a)));
            if placeless {
                keys.push(key(KEY_ACTOR_NO_PLACE, u64::from(a)));
            }
        };
        let placeless = cluster.places.is_empty();
        for p in cluster
            .places
            .iter()
            .filter_map(|&p| places.get(p as usize))
        {
            place_keys(p, &mut all_keys);
        }
        for &a in &cluster.actors {
            actor_keys(a, placeless, &mut all_keys);
        }
        let mut new_keys = Vec::new();
        if let Some(p) = new_place.and_then(|p| places.get(p as usize)) {
            place_keys(p, &mut new_keys);
        }
        if let Some(a) = new_actor {
            actor_keys(a, placeless, &mut new_keys);
        }
        let to = to.min(from + MAX_INDEXED_DAYS);
        for d in (from - INDEX_MARGIN_DAYS).max(self.index_floor)..=to + INDEX_MARGIN_DAYS {
            let seen = old.is_some_and(|(f, t)| f <= d && d <= t);
            let keys = if seen { &new_keys } else { &all_keys };
            if keys.is_empty() {
                continue;
            }
            let day = self.index.entry(d).or_default();
            for &k in keys {
                day.insert(k, target);
            }
        }
        self.keys = all_keys;
    }
}

/// Latitude band of `CELL_DEGREES` (at least `NEAR_KM`).
fn lat_band(lat: f64) -> i32 {
    (lat / CELL_DEGREES).floor() as i32
}

/// Longitude cell within a band: cells are at least `CELL_DEGREES` of latitude
/// wide (at least `NEAR_KM`) everywhere in the band, so a `NEAR_KM` radius reaches at most
/// one cell either way in each neighbouring band.
fn lon_cell(band: i32, lon: f64) -> i32 {
    let edge = (f64::from(band).abs() + 1.0) * CELL_DEGREES;
    let width = CELL_DEGREES / edge.min(89.0).to_radians().cos();
    (lon / width.min(360.0)).floor() as i32
}

/// When an item is processed: dated ones on their first day, undated ones after
/// every claim their article could sit next to, unplaceable ones last.
fn processing_day(item: &Item) -> i32 {
    match item.when {
        When::Exact(lo, _) | When::Vague(lo, _) => lo,
        When::Undated => match item.article_day {
            Some(day) => day.saturating_add(UNDATED_WINDOW_DAYS + 1),
            None => i32::MAX,
        },
    }
}

fn rank(w: When) -> u8 {
    match w {
        When::Exact(..) => 0,
        When::Vague(..) => 1,
        When::Undated => 2,
    }
}

/// Interns places (by name and country) and the names of their parents.
#[derive(Debug, Default)]
pub(crate) struct Interner<'a> {
    names: FastMap<&'a str, u32>,
    places: FastMap<(&'a str, &'a str), u32>,
    pub rows: Vec<PlaceRow>,
}

/// A hash of everything a [`PlaceRow`] is made from.
fn place_fingerprint(p: &ledger_types::Place) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = crate::hash::FastHasher::default();
    (&p.name, &p.country, &p.parents, p.precision as u8).hash(&mut h);
    (p.lat.to_bits(), p.lon.to_bits()).hash(&mut h);
    h.finish()
}

impl<'a> Interner<'a> {
    pub(crate) fn name(&mut self, s: &'a str) -> u32 {
        let next = self.names.len() as u32;
        *self.names.entry(s).or_insert(next)
    }

    /// None for a missing place or one that is only a country (too coarse to tell events apart).
    pub(crate) fn place(&mut self, claim: &'a Claim) -> Option<u32> {
        let p = claim.place.as_ref()?;
        if p.precision == Precision::Country {
            return None;
        }
        if let Some(&i) = self.places.get(&(p.name.as_str(), p.country.as_str())) {
            return Some(i);
        }
        let name = self.name(&p.name);
        let ancestors = p
            .parents
            .iter()
            .filter(|a| **a != p.country && **a != p.name)
            .map(|a| self.name(a))
            .collect();
        let coords = (p.lat.is_finite()
            && p.lon.is_finite()
            && !(p.lat == 0.0 && p.lon == 0.0)
            && p.lat.abs() <= 90.0
            && p.lon.abs() <= 180.0)
            .then_some((p.lat, p.lon));
        let i = self.rows.len() as u32;
        self.rows.push(PlaceRow {
            name,
            ancestors,
            coords,
            precision: p.precision,
            fingerprint: place_fingerprint(p),
        });
        self.places.insert((p.name.as_str(), p.country.as_str()), i);
        Some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days_since_1970() {
        let d = |s: &str| s.parse::<Date>().ok().map(day_number);
        assert_eq!(d("1970-01-01"), Some(0));
        assert_eq!(d("1970-01-02"), Some(1));
        assert_eq!(d("1969-12-31"), Some(-1));
        assert_eq!(d("2016-03-01"), d("2016-02-28").map(|x| x + 2), "leap year");
        assert_eq!(d("2017-03-01"), d("2017-02-28").map(|x| x + 1));
    }

    fn row(name: u32, ancestors: Vec<u32>, at: (f64, f64), precision: Precision) -> PlaceRow {
        PlaceRow {
            name,
            ancestors,
            coords: Some(at),
            precision,
            fingerprint: 0,
        }
    }

    #[test]
    fn places_relate_by_name_containment_and_distance() {
        let aleppo = row(1, vec![9], (36.20, 37.16), Precision::City);
        let district = row(2, vec![1, 9], (36.18, 37.13), Precision::District);
        let other_district = row(3, vec![1, 9], (36.21, 37.15), Precision::District);
        let village = row(4, vec![9], (36.30, 37.20), Precision::Village);
        let far = row(5, vec![8], (35.95, 39.01), Precision::City);
        assert_eq!(relate(&aleppo, &aleppo), Relation::Same);
        assert_eq!(relate(&aleppo, &district), Relation::Contains);
        assert_eq!(relate(&district, &aleppo), Relation::Contains);
        assert_eq!(relate(&district, &other_district), Relation::Neighbours);
        assert_eq!(relate(&aleppo, &village), Relation::Near);
        assert_eq!(relate(&aleppo, &far), Relation::Far);
        // Two precise places are near only within PRECISE_NEAR_KM (the
        // village is 14.7 km from the district, the other one 36 km),
        // a city and a village within NEAR_KM.
        let outlying = row(6, vec![9], (36.49, 37.25), Precision::Village);
        assert_eq!(relate(&district, &village), Relation::Near);
        assert_eq!(relate(&district, &outlying), Relation::Far);
        assert_eq!(relate(&aleppo, &outlying), Relation::Near);
    }

    #[test]
    fn the_grid_finds_every_place_within_reach() {
        // Points NEAR_KM apart in any direction, at several latitudes, always
        // share a looked-up cell.
        for lat in [-60.0, -10.0, 0.1, 33.5, 36.2, 59.9] {
            for step in 0..16 {
                let angle = f64::from(step) * std::f64::consts::PI / 8.0;
                let dlat = NEAR_KM * 0.98 / 111.2 * angle.sin();
                let dlon = NEAR_KM * 0.999 / (111.2 * f64::cos(f64::to_radians(lat))) * angle.cos();
                let (a, b) = ((lat, 37.0), (lat + dlat, 37.0 + dlon));
                assert!(distance_km(a, b) <= NEAR_KM);
                let band = lat_band(b.0);
                let stored = (band, lon_cell(band, b.1));
                let mut looked = Vec::new();
                let own = lat_band(a.0);
                for bb in own - 1..=own + 1 {
                    let x = lon_cell(bb, a.1);
                    for dx in -1..=1 {
                        looked.push((bb, x + dx));
                    }
                }
                assert!(looked.contains(&stored), "lat {lat} step {step}");
            }
        }
    }

    #[test]
    fn counts_conflict_only_when_wildly_apart() {
        let open = u64::MAX;
        assert!(counts_consistent(58, 58, 100, open));
        assert!(counts_consistent(6, 6, 20, 99));
        assert!(
            !counts_consistent(6, 6, 24, 99),
            "six killed is not dozens killed"
        );
        assert!(!counts_consistent(2, 2, 150, 150));
        assert!(counts_consistent(0, open, 5, 5));
    }
}
