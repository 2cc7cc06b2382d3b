//! Synthetic articles and claims with a realistic spread (about five years of
//! dates, 500 places in 14 provinces, a mix of actors and claimants, one to five
//! claims per event over one to three outlets, some republished copies), for
//! benchmarks and the lead's xtask. Deterministic for a given seed.

use std::collections::BTreeMap;

use ledger_types::{
    Article, ArticleStatus, Claim, Date, Measure, Party, PartyKind, Place, Precision, Qualifier,
    Scope, Span, Stance, Victims,
};

use crate::hash::SplitMix;

const DAYS: u64 = 1826;
const PLACES: u64 = 500;
const PROVINCES: u64 = 14;
const OUTLETS: u64 = 40;
const FILLER_WORDS: u64 = 5000;

const ACTORS: &[(&str, PartyKind)] = &[
    ("Syrian government", PartyKind::Belligerent),
    ("Russia", PartyKind::Belligerent),
    ("US-led coalition", PartyKind::Belligerent),
    ("Islamic State", PartyKind::Belligerent),
    ("Rebels", PartyKind::Belligerent),
    ("Turkey", PartyKind::Belligerent),
    ("Syrian Democratic Forces", PartyKind::Belligerent),
];

const CLAIMANTS: &[(&str, PartyKind)] = &[
    ("Syrian Observatory for Human Rights", PartyKind::Monitor),
    ("SANA", PartyKind::StateMedia),
    ("Airwars", PartyKind::Monitor),
    ("White Helmets", PartyKind::Local),
    ("United Nations", PartyKind::International),
    ("local sources", PartyKind::Local),
];

struct Draft {
    id: String,
    outlet: u64,
    day: u64,
    text: String,
    claims: Vec<Claim>,
    target: usize,
}

fn party(list: &[(&str, PartyKind)], i: u64) -> Option<Party> {
    list.get(i as usize).map(|(name, kind)| Party {
        name: (*name).to_string(),
        kind: *kind,
    })
}

fn make_places(rng: &mut SplitMix) -> Vec<Place> {
    (0..PLACES)
        .map(|i| {
            let province = i % PROVINCES;
            let lat = 32.5 + (province as f64 % 5.0) * 0.9 + rng.below(1000) as f64 / 1000.0;
            let lon = 36.0 + (province as f64 / 5.0).floor() * 1.8 + rng.below(1000) as f64 / 600.0;
            let precision = match rng.below(10) {
                0..=5 => Precision::City,
                6..=8 => Precision::Village,
                _ => Precision::District,
            };
            Place {
                name: format!("Town {i}"),
                parents: vec![format!("Province {province}"), "Syria".to_string()],
                country: "Syria".to_string(),
                lat,
                lon,
                precision,
            }
        })
        .collect()
}

fn close(
    draft: Draft,
    dates: &[Date],
    rng: &mut SplitMix,
    out: &mut Vec<Article>,
    claims: &mut Vec<Claim>,
    serial: &mut u64,
) {
    let date = dates
        .get(draft.day as usize + rng.below(2) as usize)
        .copied();
    let article = Article {
        id: draft.id.clone(),
        file: format!("{}.txt", draft.id),
        title: format!("Report {}", draft.id),
        date,
        source: Some(format!("outlet{}", draft.outlet)),
        url: None,
        meta: BTreeMap::new(),
        text: draft.text,
        furniture: Vec::new(),
        status: ArticleStatus::Ok,
        problems: Vec::new(),
        content_hash: String::new(),
    };
    // Some stories are republished word for word by another outlet.
    if rng.chance(5) {
        *serial += 1;
        let copy_id = format!("syn-{:08}", *serial);
        let mut copy = article.clone();
        copy.id = copy_id.clone();
        copy.file = format!("{copy_id}.txt");
        copy.source = Some(format!(
            "outlet{}",
            (draft.outlet + 1 + rng.below(OUTLETS - 1)) % OUTLETS
        ));
        for (n, c) in draft.claims.iter().enumerate() {
            let mut c = c.clone();
            c.id = format!("{copy_id}#{}", n + 1);
            c.article = copy_id.clone();
            claims.push(c);
        }
        out.push(copy);
    }
    claims.extend(draft.claims);
    out.push(article);
}

/// About `n` claims (exactly `n` unless `n` is tiny) in articles of several
/// claims each. Same seed, same data.
pub fn synthetic_claims(n: usize, seed: u64) -> (Vec<Article>, Vec<Claim>) {
    let mut rng = SplitMix::new(seed);
    let places = make_places(&mut rng);
    let mut dates: Vec<Date> = Vec::with_capacity(DAYS as usize + 8);
    let mut d = Date::constant(2013, 1, 1);
    for _ in 0..DAYS + 8 {
        dates.push(d);
        d = d.tomorrow().unwrap_or(d);
    }
    let events_estimate = (n as u64 / 3).max(1);
    let mut articles: Vec<Article> = Vec::new();
    let mut claims: Vec<Claim> = Vec::with_capacity(n + n / 10);
    let mut open: Vec<Option<Draft>> = (0..OUTLETS).map(|_| None).collect();
    let mut serial: u64 = 0;
    let mut made: usize = 0;
    let mut event: u64 = 0;
    while made < n {
        let day = (event * DAYS / events_estimate).min(DAYS - 1);
        event += 1;
        let place = places.get(rng.below(PLACES) as usize).cloned();
        let actor = if rng.chance(25) {
            None
        } else {
            party(ACTORS, rng.below(ACTORS.len() as u64))
        };
        let base = if rng.chance(10) {
            20 + rng.below(300)
        } else {
            1 + rng.below(40)
        };
        let k = 1 + rng.below(5);
        let outlets: Vec<u64> = (0..1 + rng.below(k.min(3)))
            .map(|_| rng.below(OUTLETS))
            .collect();
        for j in 0..k {
            let outlet = outlets
                .get(j as usize % outlets.len())
                .copied()
                .unwrap_or(0);
            let slot = &mut open[outlet as usize];
            let stale = slot
                .as_ref()
                .is_some_and(|d| d.day + 1 < day || d.claims.len() >= d.target);
            if stale && let Some(done) = slot.take() {
                close(
                    done,
                    &dates,
                    &mut rng,
                    &mut articles,
                    &mut claims,
                    &mut serial,
                );
            }
            let draft = slot.get_or_insert_with(|| {
                serial += 1;
                Draft {
                    id: format!("syn-{serial:08}"),
                    outlet,
                    day,
                    text: String::new(),
                    claims: Vec::new(),
                    target: 2 + rng.below(6) as usize,
                }
            });
            draft.day = draft.day.max(day);
            let measure = match rng.below(20) {
                0..=13 => Measure::Killed,
                14..=18 => Measure::Injured,
                _ => Measure::Displaced,
            };
            let victims = [
                Victims::Civilians,
                Victims::People,
                Victims::Combatants,
                Victims::Children,
            ][rng.below(4) as usize];
            let cumulative = rng.chance(4);
            let count =
                (base * (70 + rng.below(61)) / 100).max(1) * if cumulative { 50 } else { 1 };
            let at_least = rng.chance(30);
            let (date_start, date_end) = match rng.below(50) {
                0..=3 => (None, None),
                4 => (
                    dates.get((day as usize).saturating_sub(5)).copied(),
                    dates.get(day as usize + 2).copied(),
                ),
                _ => (
                    dates.get(day as usize).copied(),
                    dates.get(day as usize).copied(),
                ),
            };
            let claim_place = if rng.chance(4) { None } else { place.clone() };
            let claimant = if actor.is_some() && rng.chance(10) {
                actor.clone()
            } else {
                party(CLAIMANTS, rng.below(CLAIMANTS.len() as u64))
            };
            let stance = match rng.below(50) {
                0 => Stance::Denied,
                1 => Stance::Admitted,
                _ => Stance::Reported,
            };
            let place_name = claim_place.as_ref().map_or("the area", |p| p.name.as_str());
            let who = claimant.as_ref().map_or("sources", |p| p.name.as_str());
            let start = draft.text.len();
            draft.text.push_str(&format!(
                "{}{count} {} were {} in {place_name} on day {day} said {who} ",
                if at_least { "at least " } else { "" },
                victims.as_str(),
                measure.as_str(),
            ));
            for _ in 0..8 {
                draft
                    .text
                    .push_str(&format!("w{} ", rng.below(FILLER_WORDS)));
            }
            let end = draft.text.len();
            let number = draft.claims.len() + 1;
            draft.claims.push(Claim {
                id: format!("{}#{number}", draft.id),
                article: draft.id.clone(),
                sentence: draft.text.get(start..end).unwrap_or("").to_string(),
                in_title: false,
                sentence_span: Span::new(start, end),
                count_span: Span::new(start, start + 3),
                count_min: Some(count),
                count_max: if at_least { None } else { Some(count) },
                qualifier: if at_least {
                    Qualifier::AtLeast
                } else {
                    Qualifier::Exact
                },
                measure,
                victims,
                place_text: claim_place.as_ref().map(|p| p.name.clone()),
                place: claim_place,
                date_start,
                date_end,
                scope: if cumulative {
                    Scope::Cumulative
                } else {
                    Scope::Incident
                },
                actor: actor.clone(),
                claimant,
                stance,
                incident: None,
            });
            made += 1;
        }
    }
    for slot in &mut open {
        if let Some(done) = slot.take() {
            close(
                done,
                &dates,
                &mut rng,
                &mut articles,
                &mut claims,
                &mut serial,
            );
        }
    }
    claims.truncate(n);
    (articles, claims)
}
