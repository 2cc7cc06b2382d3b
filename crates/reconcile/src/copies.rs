//! Republished copies: near-duplicate articles found with word shingles, MinHash
//! and LSH banding, then grouped with union-find into source groups.

use ledger_types::{Article, ArticleStatus, Date, SourceGroup};
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::hash::{FastMap, combine, mix64};
use crate::jobs::Jobs;

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
/// MinHash values per article.
pub const MINHASHES: usize = 64;
/// LSH bands (of `MINHASHES / LSH_BANDS` rows each): two rows per band find pairs
/// down to a Jaccard similarity of about 0.3 almost surely.
pub const LSH_BANDS: usize = 32;
/// Articles whose shingle sets have at least this Jaccard similarity are copies.
/// On the Syria corpus, pairs at 0.3..0.5 were rewrites of one wire story and
/// pairs below 0.27 were different stories sharing a background paragraph.
pub const COPY_THRESHOLD: f64 = 0.3;
/// An LSH bucket with more members than this (boilerplate shared by many
/// articles) is only searched between neighbours, keeping the work near-linear.
const BUCKET_ALL_PAIRS: usize = 48;
const BUCKET_NEIGHBOURS: usize = 4;

/// What copy detection decided: the source groups (only those with copies) and,
/// for each input article, the index of its group's original.
#[derive(Debug, Clone, Default)]
pub(crate) struct Copies {
    pub groups: Vec<SourceGroup>,
    pub original_of: Vec<usize>,
}

/// Finds republished copies among `articles` (skipped articles are ignored).
/// The result does not depend on the order of the input.
pub fn source_groups(articles: &[Article]) -> Vec<SourceGroup> {
    let mut sorted: Vec<&Article> = articles.iter().collect();
    sorted.sort_by(|a, b| {
        a.id.cmp(&b.id)
            .then_with(|| a.content_hash.cmp(&b.content_hash))
    });
    find_copies(&sorted, &[], &CopyMemo::default(), &crate::OneByOne)
        .0
        .groups
}

const FNV_OFFSET: u64 = 0xCBF2_9CE4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01B3;

/// Lowercased alphanumeric words of the text outside page furniture, hashed
/// (FNV-1a over the lowercased UTF-8, computed on the fly). Furniture separates
/// words like a space does.
fn word_hashes(article: &Article) -> Vec<u64> {
    let text = article.text.as_str();
    let mut furniture: Vec<(usize, usize)> = article
        .furniture
        .iter()
        .map(|f| (f.span.start, f.span.end))
        .collect();
    furniture.sort_unstable();
    let mut words = Vec::with_capacity(text.len() / 6);
    let mut at = 0;
    for (start, end) in furniture {
        hash_words(text_between(text, at, start), &mut words);
        at = at.max(end);
    }
    hash_words(text_between(text, at, text.len()), &mut words);
    words
}

/// The text from `start` to `end`, both moved inwards to character boundaries.
fn text_between(text: &str, mut start: usize, mut end: usize) -> &str {
    end = end.min(text.len());
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(start..end).unwrap_or("")
}

/// Appends the hashes of the words of `segment`, with a fast path for ASCII.
fn hash_words(segment: &str, words: &mut Vec<u64>) {
    let step = |hash: u64, b: u8| (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    let bytes = segment.as_bytes();
    let mut hash = FNV_OFFSET;
    let mut in_word = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (is_word, width) = if b < 0x80 {
            let word = b.is_ascii_alphanumeric();
            if word {
                hash = step(hash, b.to_ascii_lowercase());
            }
            (word, 1)
        } else {
            let ch = segment
                .get(i..)
                .and_then(|s| s.chars().next())
                .unwrap_or(' ');
            let word = ch.is_alphanumeric();
            if word {
                let mut buf = [0u8; 4];
                for lower in ch.to_lowercase() {
                    for &byte in lower.encode_utf8(&mut buf).as_bytes() {
                        hash = step(hash, byte);
                    }
                }
            }
            (word, ch.len_utf8())
        };
        if is_word {
            in_word = true;
        } else if in_word {
            words.push(mix64(hash));
            hash = FNV_OFFSET;
            in_word = false;
        }
        i += width;
    }
    if in_word {
        words.push(mix64(hash));
    }
}

/// Sorted, deduplicated hashes of the article's word shingles (one shingle of all
/// words when there are fewer than `SHINGLE_WORDS`).
fn shingles(article: &Article) -> Vec<u64> {
    let words = word_hashes(article);
    let mut out: Vec<u64> = if words.is_empty() {
        Vec::new()
    } else if words.len() < SHINGLE_WORDS {
        vec![words.iter().fold(0, |h, &w| combine(h, w))]
    } else {
        words
            .windows(SHINGLE_WORDS)
            .map(|w| w.iter().fold(0, |h, &x| combine(h, x)))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// One-permutation MinHash: each shingle falls into one of `BINS` bins by its
/// top bits and each bin keeps its smallest hash; empty bins borrow from the
/// next filled bin to the right (rotation densification), so one pass suffices.
fn minhash<const BINS: usize>(shingles: &[u64]) -> [u64; BINS] {
    let shift: u32 = 64 - BINS.trailing_zeros();
    let mut bins = [u64::MAX; BINS];
    for &s in shingles {
        let bin = (s >> shift) as usize % BINS;
        if let Some(slot) = bins.get_mut(bin)
            && s < *slot
        {
            *slot = s;
        }
    }
    let mut sig = bins;
    if shingles.is_empty() {
        return sig;
    }
    for (i, slot) in sig.iter_mut().enumerate() {
        if *slot != u64::MAX {
            continue;
        }
        for distance in 1..BINS {
            let from = bins[(i + distance) % BINS];
            if from != u64::MAX {
                *slot = combine(from, distance as u64);
                break;
            }
        }
    }
    sig
}

/// Share of equal signature slots: a cheap estimate of the Jaccard similarity.
fn estimate<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    let bins = a.len().max(b.len()).max(1);
    // A sum of 0/1 rather than a filtered count: the loop vectorizes.
    let equal: u32 = a.iter().zip(b).map(|(x, y)| u32::from(x == y)).sum();
    f64::from(equal) / bins as f64
}

/// Slots of the finer signature that decides which candidate pairs are worth
/// an exact comparison: its estimate errs by about 0.03 near `COPY_THRESHOLD`,
/// against 0.06 for the LSH signature, so the cut-off below can sit closer.
const PREFILTER_BINS: usize = 256;

/// Candidate pairs whose fine signatures agree on less than this share are not
/// compared exactly: 3.5 standard errors below `COPY_THRESHOLD`, so no true
/// copy is lost, while most pairs that merely share a paragraph are.
const PREFILTER: f64 = 0.2;
/// A candidate pair of articles (by index) and its memo key, if both have text.
type PairToCompare = (usize, usize, Option<(u64, u64)>);
/// Candidate pairs compared exactly in one job (a few in tests, so that
/// small fixtures cross job boundaries).
const PAIRS_PER_JOB: usize = if cfg!(test) { 3 } else { 4096 };

/// Exact Jaccard similarity of two sorted, deduplicated sets.
#[cfg(test)]
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    overlap(a, b).similarity()
}

/// An article's shingle set: its sketch's, or else the one `made` for it.
fn shingle_set<'s>(sketch: &'s CopySketch, made: &'s Option<Vec<u64>>) -> &'s [u64] {
    sketch
        .set
        .as_deref()
        .or(made.as_deref())
        .unwrap_or_default()
}

/// What two sorted, deduplicated sets share.
fn overlap(a: &[u64], b: &[u64]) -> Overlap {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    // Branch-free merge: which side moves is data, not a jump the CPU must
    // guess, which makes this loop several times faster on unrelated sets.
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        both += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    let either = a.len() + b.len() - both;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Overlap {
        both: count(both),
        either: count(either),
    }
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller index wins so the result does not depend on pair order.
        if ra < rb {
            self.parent[rb] = ra;
        } else if rb < ra {
            self.parent[ra] = rb;
        }
    }
}

/// What copy detection needs of one article, computed from its text alone:
/// callers may compute sketches in parallel and keep them between builds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CopySketch {
    /// `MINHASHES` MinHash values for LSH banding; empty for an article without words.
    lsh: Vec<u64>,
    /// `PREFILTER_BINS` finer values, sixteen bits each (two different slots agree
    /// by chance once in 65,536, and a quarter of the memory to stream).
    fine: Vec<u16>,
    /// A hash of the whole shingle set: equal keys, equal sets, so a
    /// [`CopyMemo`] can remember a pair's similarity by its two keys.
    key: u64,
    /// The shingle set itself, kept from sketching for this run only (not
    /// serialised): a caller that sketches in parallel spares copy detection
    /// making it again, one article after another.
    #[serde(skip)]
    set: Option<Vec<u64>>,
}

/// Sketches are equal by what is kept of them; the set is a by-product.
impl PartialEq for CopySketch {
    fn eq(&self, other: &CopySketch) -> bool {
        (self.key, &self.lsh, &self.fine) == (other.key, &other.lsh, &other.fine)
    }
}

impl Eq for CopySketch {}

impl CopySketch {
    fn is_empty(&self) -> bool {
        self.lsh.is_empty()
    }

    /// A sketch from elsewhere (a cache) is used only when it has the right shape.
    fn is_well_formed(&self) -> bool {
        (self.lsh.len() == MINHASHES && self.fine.len() == PREFILTER_BINS)
            || (self.lsh.is_empty() && self.fine.is_empty())
    }
}

/// Exact similarities of the article pairs one run compared, remembered by
/// the pair's sketch keys: the next run compares exactly only pairs it has
/// not seen, and reaches the same verdicts. Kept by a caller between runs
/// (the xtask keeps it in its cache); an empty memo is always correct.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyMemo {
    /// This crate's version: another may count an overlap differently
    /// (a changed shingling changes the keys themselves).
    version: String,
    /// (smaller key, larger key, shared shingles, shingles in either), sorted.
    pairs: Vec<(u64, u64, u32, u32)>,
}

impl CopyMemo {
    /// Pairs remembered.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    fn lookup(&self) -> FastMap<(u64, u64), Overlap> {
        if self.version != env!("CARGO_PKG_VERSION") {
            return FastMap::default();
        }
        self.pairs
            .iter()
            .map(|&(a, b, both, either)| ((a, b), Overlap { both, either }))
            .collect()
    }
}

/// Shingles two sets share and shingles in either: the Jaccard similarity as
/// an exact fraction, so a remembered pair decides exactly as a computed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Overlap {
    both: u32,
    either: u32,
}

impl Overlap {
    fn similarity(self) -> f64 {
        if self.either == 0 {
            0.0
        } else {
            f64::from(self.both) / f64::from(self.either)
        }
    }
}

fn pair_key(a: &CopySketch, b: &CopySketch) -> Option<(u64, u64)> {
    (a.key != 0 && b.key != 0).then(|| (a.key.min(b.key), a.key.max(b.key)))
}

/// The article's sketch for copy detection (empty for a skipped article).
pub fn copy_sketch(article: &Article) -> CopySketch {
    if article.status == ArticleStatus::Skipped {
        return CopySketch::default();
    }
    let set = shingles(article);
    let mut sketch = sketch_of_set(&set);
    sketch.set = Some(set);
    sketch
}

fn sketch_of_set(set: &[u64]) -> CopySketch {
    if set.is_empty() {
        return CopySketch::default();
    }
    CopySketch {
        // Never 0, which marks "no key" (an empty set).
        key: set
            .iter()
            .fold(mix64(set.len() as u64), |h, &x| combine(h, x))
            | 1,
        lsh: minhash::<MINHASHES>(set).to_vec(),
        fine: minhash::<PREFILTER_BINS>(set)
            .iter()
            .map(|&v| (mix64(v) >> 48) as u16)
            .collect(),
        set: None,
    }
}

/// `articles` must be sorted by id; indices in the result refer to that order.
/// `sketches`, when given, are the articles' [`copy_sketch`]es in the same order;
/// a missing or malformed one is computed here. Pairs in `memo` are not
/// compared again; the returned memo holds every pair this run compared.
pub(crate) fn find_copies(
    articles: &[&Article],
    sketches: &[Option<CopySketch>],
    memo: &CopyMemo,
    jobs: &impl Jobs,
) -> (Copies, CopyMemo) {
    let n = articles.len();
    let usable: Vec<bool> = articles
        .iter()
        .map(|a| a.status != ArticleStatus::Skipped)
        .collect();
    let all: Vec<Cow<'_, CopySketch>> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| match sketches.get(i) {
            Some(Some(s)) if s.is_well_formed() => Cow::Borrowed(s),
            _ => Cow::Owned(copy_sketch(a)),
        })
        .collect();
    let sketch = |i: usize| -> &CopySketch { &all[i] };
    let mut candidates: Vec<(u32, u32)> = Vec::new();
    // Identical files are copies whatever their text.
    let mut by_hash: Vec<(&str, u32)> = articles
        .iter()
        .enumerate()
        .filter(|(i, a)| usable[*i] && !a.content_hash.is_empty())
        .map(|(i, a)| (a.content_hash.as_str(), i as u32))
        .collect();
    by_hash.sort_unstable();
    for w in by_hash.windows(2) {
        if w[0].0 == w[1].0 {
            candidates.push((w[0].1, w[1].1));
        }
    }
    // Content hashes as numbers: most candidate pairs compare them.
    let file_keys: Vec<u64> = articles
        .iter()
        .map(|a| {
            if a.content_hash.is_empty() {
                0
            } else {
                crate::hash::hash_bytes(a.content_hash.as_bytes()) | 1
            }
        })
        .collect();
    let same_file = |a: usize, b: usize| {
        file_keys[a] != 0
            && file_keys[a] == file_keys[b]
            && articles[a].content_hash == articles[b].content_hash
    };
    // The fine sketches rule out most pairs at a fraction of an exact
    // comparison. Candidate pairs read them in no useful order, so
    // they are laid out in one block: one cache miss a pair, not three
    // (the sketch list, the sketch, its signature).
    let mut fine: Vec<u16> = vec![0; n * PREFILTER_BINS];
    for (i, row) in fine.chunks_exact_mut(PREFILTER_BINS).enumerate() {
        if let Some(signature) = all.get(i).map(|s| &s.fine)
            && signature.len() == PREFILTER_BINS
        {
            row.copy_from_slice(signature);
        }
    }
    let has_words: Vec<bool> = (0..n).map(|i| !sketch(i).is_empty()).collect();
    let fine_of = |i: usize| fine.get(i * PREFILTER_BINS..(i + 1) * PREFILTER_BINS);
    let worth_comparing = |&(a, b): &(u32, u32)| {
        let (a, b) = (a as usize, b as usize);
        same_file(a, b)
            || (has_words[a]
                && has_words[b]
                && fine_of(a)
                    .zip(fine_of(b))
                    .is_some_and(|(fa, fb)| estimate(fa, fb) >= PREFILTER))
    };
    // Each usable article's bucket key in each band, band by band: every
    // band reads its keys in one run, not a signature per article (the
    // signatures lie all over memory).
    let rows = MINHASHES / LSH_BANDS;
    let mut band_keys: Vec<Vec<(u64, u32)>> =
        (0..LSH_BANDS).map(|_| Vec::with_capacity(n)).collect();
    for (i, &ok) in usable.iter().enumerate() {
        let sig = &sketch(i).lsh;
        if !ok || sig.len() != MINHASHES {
            continue;
        }
        for (band, (keys, slots)) in band_keys.iter_mut().zip(sig.chunks_exact(rows)).enumerate() {
            keys.push((
                slots.iter().fold(band as u64, |h, &v| combine(h, v)),
                i as u32,
            ));
        }
    }
    let pairs_of_band = |band: usize| {
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut bucket = band_keys.get(band).cloned().unwrap_or_default();
        bucket.sort_unstable();
        for same in bucket.chunk_by(|a, b| a.0 == b.0) {
            let reach = if same.len() <= BUCKET_ALL_PAIRS {
                same.len()
            } else {
                BUCKET_NEIGHBOURS + 1
            };
            for (k, a) in same.iter().enumerate() {
                for b in same.iter().skip(k + 1).take(reach - 1) {
                    // Filtered here, in parallel, band by band: most pairs
                    // (800,000 of 20,000 articles) go before any list or
                    // sort of them all.
                    let pair = (a.1, b.1);
                    if worth_comparing(&pair) {
                        pairs.push(pair);
                    }
                }
            }
        }
        pairs
    };
    for pairs in jobs.run(LSH_BANDS, &pairs_of_band) {
        candidates.extend(pairs);
    }
    candidates.sort_unstable();
    candidates.dedup();

    // Pairs the fine sketches cannot rule out are compared exactly, unless
    // remembered, on shingle sets made only for the articles that need one,
    // a few thousand pairs per job. Every pair compared, remembered or not,
    // goes into the memo returned.
    let mut known = memo.lookup();
    let mut uf = UnionFind::new(n);
    let mut to_compare: Vec<PairToCompare> = Vec::with_capacity(candidates.len());
    for &(a, b) in &candidates {
        let (a, b) = (a as usize, b as usize);
        // Identical files are copies whatever their text: not compared.
        if same_file(a, b) {
            uf.union(a, b);
        } else {
            to_compare.push((a, b, pair_key(sketch(a), sketch(b))));
        }
    }
    let mut needs_set = vec![false; n];
    for &(a, b, key) in &to_compare {
        if key.and_then(|k| known.get(&k)).is_none() {
            for i in [a, b] {
                needs_set[i] |= sketch(i).set.is_none();
            }
        }
    }
    let needing: Vec<usize> = (0..n).filter(|&i| needs_set[i]).collect();
    let made = jobs.run(needing.len(), &|k| shingles(articles[needing[k]]));
    let mut sets: Vec<Option<Vec<u64>>> = vec![None; n];
    for (&i, set) in needing.iter().zip(made) {
        sets[i] = Some(set);
    }
    // A pair's overlap: remembered, or computed from its shingle sets.
    let remembered_or_compared = |known: &FastMap<(u64, u64), Overlap>,
                                  sets: &[Option<Vec<u64>>],
                                  (a, b, key): PairToCompare| {
        match key.and_then(|k| known.get(&k)) {
            Some(&found) => found,
            None => overlap(
                shingle_set(sketch(a), &sets[a]),
                shingle_set(sketch(b), &sets[b]),
            ),
        }
    };
    let overlaps: Vec<Overlap> = {
        let (known, sets) = (&known, &sets);
        let job = |_: usize, pairs: &[PairToCompare]| -> Vec<Overlap> {
            pairs
                .iter()
                .map(|&pair| remembered_or_compared(known, sets, pair))
                .collect()
        };
        crate::jobs::run_chunks(jobs, &to_compare, PAIRS_PER_JOB, &job)
    };
    let mut compared: Vec<(u64, u64)> = Vec::with_capacity(to_compare.len());
    for (&(a, b, key), &found) in to_compare.iter().zip(&overlaps) {
        if let Some(k) = key {
            compared.push(k);
            known.insert(k, found);
        }
        if found.similarity() >= COPY_THRESHOLD {
            uf.union(a, b);
        }
    }
    // Members of a group not compared with its original (copies of a copy)
    // are compared here, one by one: few.
    let mut compare = |a: usize, b: usize| -> Overlap {
        let key = pair_key(sketch(a), sketch(b));
        compared.extend(key);
        if key.and_then(|k| known.get(&k)).is_none() {
            for i in [a, b] {
                if sketch(i).set.is_none() && sets[i].is_none() {
                    sets[i] = Some(shingles(articles[i]));
                }
            }
        }
        let found = remembered_or_compared(&known, &sets, (a, b, key));
        if let Some(k) = key {
            known.insert(k, found);
        }
        found
    };
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, &ok) in usable.iter().enumerate() {
        if ok {
            let root = uf.find(i);
            members[root].push(i);
        }
    }
    let mut original_of: Vec<usize> = (0..n).collect();
    let mut groups = Vec::new();
    for group in members.iter().filter(|m| m.len() > 1) {
        // Earliest date first (undated last), then smallest id: `articles` is id-sorted.
        let date_key = |i: usize| {
            (
                articles[i].date.is_none(),
                articles[i].date.unwrap_or(Date::MIN),
                i,
            )
        };
        let Some(&original) = group.iter().min_by_key(|&&i| date_key(i)) else {
            continue;
        };
        let mut copies = Vec::new();
        for &i in group {
            original_of[i] = original;
            if i != original {
                let similarity = if same_file(i, original) {
                    1.0
                } else {
                    compare(i, original).similarity()
                };
                copies.push((articles[i].id.clone(), similarity as f32));
            }
        }
        groups.push(SourceGroup {
            original: articles[original].id.clone(),
            copies,
        });
    }
    compared.sort_unstable();
    compared.dedup();
    let memo = CopyMemo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        pairs: compared
            .into_iter()
            .filter_map(|k| known.get(&k).map(|o| (k.0, k.1, o.both, o.either)))
            .collect(),
    };
    groups.sort_by(|a, b| a.original.cmp(&b.original));
    (
        Copies {
            groups,
            original_of,
        },
        memo,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_article() -> Article {
        Article {
            id: "a".into(),
            ..Article::default()
        }
    }

    #[test]
    fn jaccard_of_sorted_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert_eq!(jaccard(&[1], &[1]), 1.0);
    }

    #[test]
    fn every_pair_compared_in_jobs_is_remembered_with_its_own_overlap() {
        // Families of near copies, each family's text of its own length, so
        // that an overlap given to the wrong pair shows.
        let mut articles = Vec::new();
        for family in 0..5 {
            let base: String = (0..20 + 7 * family)
                .map(|k| format!("word{family}x{k} "))
                .collect();
            for member in 0..4 {
                articles.push(Article {
                    id: format!("f{family}m{member}"),
                    text: format!("{base} tail{member} end{member}"),
                    content_hash: format!("f{family}m{member}"),
                    ..plain_article()
                });
            }
        }
        /// Every job on a thread of its own.
        struct Spawned;
        impl Jobs for Spawned {
            fn run<R: Send>(&self, n: usize, job: &(dyn Fn(usize) -> R + Sync)) -> Vec<R> {
                std::thread::scope(|s| {
                    let handles: Vec<_> = (0..n).map(|i| s.spawn(move || job(i))).collect();
                    handles
                        .into_iter()
                        .map(|h| h.join().expect("job"))
                        .collect()
                })
            }
        }
        let refs: Vec<&Article> = articles.iter().collect();
        let (copies, memo) = find_copies(&refs, &[], &CopyMemo::default(), &Spawned);
        let (serial, serial_memo) = find_copies(&refs, &[], &CopyMemo::default(), &crate::OneByOne);
        assert_eq!(memo, serial_memo, "threads change nothing");
        assert_eq!(copies.groups, serial.groups);
        assert_eq!(copies.original_of, serial.original_of);
        assert_eq!(copies.groups.len(), 5, "one group a family");
        assert!(memo.len() > 3 * PAIRS_PER_JOB, "pairs over several jobs");
        let by_key: FastMap<u64, &Article> =
            articles.iter().map(|a| (copy_sketch(a).key, a)).collect();
        for &(a, b, both, either) in &memo.pairs {
            let (a, b) = (by_key[&a], by_key[&b]);
            let found = overlap(&shingles(a), &shingles(b));
            assert_eq!(
                (both, either),
                (found.both, found.either),
                "{} {}",
                a.id,
                b.id
            );
        }
    }

    #[test]
    fn remembered_similarities_are_used_instead_of_comparing_again() {
        let text = |extra: &str| {
            format!(
                "Warplanes struck a market in the north of the city on Sunday, killing \
                 at least twelve people and wounding dozens more, a monitor said. {extra}"
            )
        };
        let article = |id: &str, body: String| Article {
            id: id.into(),
            text: body,
            content_hash: id.into(),
            ..plain_article()
        };
        let articles = [
            article("a", text("Rescuers searched the rubble.")),
            article("b", text("The strike was the third this week.")),
        ];
        let refs: Vec<&Article> = articles.iter().collect();
        let (copies, memo) = find_copies(&refs, &[], &CopyMemo::default(), &crate::OneByOne);
        assert_eq!(copies.groups.len(), 1, "a copy");
        assert_eq!(memo.len(), 1);
        // A memo that says the pair shares nothing is believed: proof that a
        // remembered pair is not compared again.
        let mut wrong = memo.clone();
        wrong.pairs[0].2 = 0;
        assert!(
            find_copies(&refs, &[], &wrong, &crate::OneByOne)
                .0
                .groups
                .is_empty()
        );
        // A memo of another version of this crate is ignored.
        wrong.version = "0.0.0-other".into();
        assert_eq!(
            find_copies(&refs, &[], &wrong, &crate::OneByOne)
                .0
                .groups
                .len(),
            1
        );
    }

    #[test]
    fn equal_sets_share_a_key_and_different_sets_do_not() {
        let sets: Vec<Vec<u64>> = vec![vec![1], vec![2], vec![1, 2], vec![1, 3], vec![2, 3]];
        let keys: Vec<u64> = sets.iter().map(|s| sketch_of_set(s).key).collect();
        let distinct: std::collections::BTreeSet<u64> = keys.iter().copied().collect();
        assert_eq!(distinct.len(), sets.len(), "{keys:?}");
        assert_eq!(sketch_of_set(&[1, 3]).key, keys[3]);
        assert_eq!(sketch_of_set(&[]).key, 0, "no words, no key");
    }

    /// Stories of random words, some republished with a few words changed;
    /// each story opens with the last 60 words of the one before (a shared
    /// background paragraph), so that many pairs are alike without being copies.
    fn corpus(seed: u64, stories: usize) -> Vec<Article> {
        let mut random = crate::hash::SplitMix::new(seed);
        let mut articles = Vec::new();
        let mut background: Vec<String> = Vec::new();
        for story in 0..stories {
            let mut words = background.clone();
            while words.len() < 150 {
                words.push(format!("w{}", random.below(5_000)));
            }
            background = words[words.len() - 60..].to_vec();
            for copy in 0..=random.below(3) {
                let text: Vec<String> = words
                    .iter()
                    .map(|w| {
                        if copy > 0 && random.chance(4) {
                            format!("x{}", random.below(5_000))
                        } else {
                            w.clone()
                        }
                    })
                    .collect();
                let id = format!("s{story:02}-{copy}");
                articles.push(Article {
                    content_hash: id.clone(),
                    id,
                    text: text.join(" "),
                    ..plain_article()
                });
            }
        }
        articles
    }

    /// Source groups by comparing every pair exactly: no sketch, key or memo.
    fn groups_by_every_pair(articles: &[&Article]) -> Vec<Vec<String>> {
        let sets: Vec<Vec<u64>> = articles.iter().map(|a| shingles(a)).collect();
        let mut uf = UnionFind::new(articles.len());
        for a in 0..articles.len() {
            for b in a + 1..articles.len() {
                if jaccard(&sets[a], &sets[b]) >= COPY_THRESHOLD {
                    uf.union(a, b);
                }
            }
        }
        let mut groups: std::collections::BTreeMap<usize, Vec<String>> = Default::default();
        for (i, a) in articles.iter().enumerate() {
            groups.entry(uf.find(i)).or_default().push(a.id.clone());
        }
        let mut groups: Vec<Vec<String>> = groups.into_values().filter(|g| g.len() > 1).collect();
        groups.sort();
        groups
    }

    fn groups_found(articles: &[&Article], memo: &CopyMemo) -> (Vec<Vec<String>>, CopyMemo) {
        let (copies, memo) = find_copies(articles, &[], memo, &crate::OneByOne);
        let mut groups: Vec<Vec<String>> = copies
            .groups
            .iter()
            .map(|g| {
                let mut ids: Vec<String> = g.copies.iter().map(|(id, _)| id.clone()).collect();
                ids.push(g.original.clone());
                ids.sort();
                ids
            })
            .collect();
        groups.sort();
        (groups, memo)
    }

    #[test]
    fn copies_found_with_or_without_a_memo_are_those_of_comparing_every_pair() {
        let before = corpus(11, 40);
        let refs: Vec<&Article> = before.iter().collect();
        let expected = groups_by_every_pair(&refs);
        assert!(expected.len() >= 10, "{expected:?}");
        let (found, memo) = groups_found(&refs, &CopyMemo::default());
        assert_eq!(found, expected);
        assert!(!memo.is_empty());

        // The same ids, other texts: stories rewritten under the names of
        // earlier ones. A memo that remembered pairs by id would be wrong now.
        let mut after = corpus(12, 40);
        after.extend(before.iter().take(6).cloned());
        after.sort_by(|a, b| a.id.cmp(&b.id));
        after.dedup_by(|a, b| a.id == b.id);
        let refs: Vec<&Article> = after.iter().collect();
        let expected = groups_by_every_pair(&refs);
        assert_eq!(groups_found(&refs, &memo).0, expected);
        assert_eq!(groups_found(&refs, &CopyMemo::default()).0, expected);
    }

    #[test]
    fn minhash_agrees_with_itself_and_roughly_with_jaccard() {
        let a: Vec<u64> = (0..400u64).map(mix64).collect();
        let mut b: Vec<u64> = (200..600u64).map(mix64).collect();
        let mut a_sorted = a.clone();
        a_sorted.sort_unstable();
        b.sort_unstable();
        assert_eq!(minhash::<MINHASHES>(&a), minhash::<MINHASHES>(&a_sorted));
        let exact = jaccard(&a_sorted, &b);
        let coarse = estimate(&minhash::<MINHASHES>(&a_sorted), &minhash::<MINHASHES>(&b));
        assert!((coarse - exact).abs() < 0.15, "{coarse} vs {exact}");
        let fine = estimate(
            &minhash::<PREFILTER_BINS>(&a_sorted),
            &minhash::<PREFILTER_BINS>(&b),
        );
        assert!((fine - exact).abs() < 0.08, "{fine} vs {exact}");
    }

    #[test]
    fn shingles_skip_furniture_and_ignore_case() {
        let text = "Share 123 Six people were KILLED in Aleppo on Monday";
        let mut with_furniture = Article {
            text: text.into(),
            furniture: vec![ledger_types::Furniture {
                span: ledger_types::Span::new(0, 10),
                kind: ledger_types::FurnitureKind::ShareCounter,
            }],
            ..plain_article()
        };
        let mut plain = with_furniture.clone();
        plain.text = "six people were killed in aleppo on monday".into();
        plain.furniture.clear();
        assert_eq!(shingles(&with_furniture), shingles(&plain));
        with_furniture.furniture.clear();
        assert_ne!(shingles(&with_furniture), shingles(&plain));
    }
}
