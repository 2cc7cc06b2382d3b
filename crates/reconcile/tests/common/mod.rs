//! Builders for small hand-made articles and claims used by the tests.
#![allow(dead_code, clippy::unwrap_used)]

use std::collections::BTreeMap;

use ledger_types::{
    Article, ArticleStatus, Claim, Date, Measure, Party, PartyKind, Place, Precision, Qualifier,
    Scope, Span, Stance, Victims,
};

pub fn date(s: &str) -> Date {
    s.parse().unwrap()
}

pub fn article(id: &str, day: Option<&str>, text: &str) -> Article {
    Article {
        id: id.to_string(),
        file: format!("{id}.txt"),
        title: format!("Title of {id}"),
        date: day.map(date),
        source: Some("test".into()),
        url: None,
        meta: BTreeMap::new(),
        text: text.to_string(),
        furniture: Vec::new(),
        status: ArticleStatus::Ok,
        problems: Vec::new(),
        content_hash: String::new(),
    }
}

fn place(name: &str, parents: &[&str], lat: f64, lon: f64, precision: Precision) -> Place {
    Place {
        name: name.to_string(),
        parents: parents.iter().map(|p| p.to_string()).collect(),
        country: "Syria".to_string(),
        lat,
        lon,
        precision,
    }
}

pub fn raqqa() -> Place {
    place(
        "Raqqa",
        &["Raqqa Governorate", "Syria"],
        35.95,
        39.01,
        Precision::City,
    )
}
pub fn idlib() -> Place {
    place(
        "Idlib",
        &["Idlib Governorate", "Syria"],
        35.93,
        36.63,
        Precision::City,
    )
}
pub fn aleppo() -> Place {
    place(
        "Aleppo",
        &["Aleppo Governorate", "Syria"],
        36.20,
        37.16,
        Precision::City,
    )
}
pub fn salaheddin() -> Place {
    place(
        "Salaheddin",
        &["Aleppo", "Aleppo Governorate", "Syria"],
        36.18,
        37.13,
        Precision::District,
    )
}
pub fn aleppo_province() -> Place {
    place(
        "Aleppo Governorate",
        &["Syria"],
        36.2,
        37.5,
        Precision::Province,
    )
}
pub fn syria() -> Place {
    place("Syria", &[], 35.0, 38.0, Precision::Country)
}

pub fn party(name: &str, kind: PartyKind) -> Party {
    Party {
        name: name.to_string(),
        kind,
    }
}

/// A claim `<article>#<n>` about `count` people killed, undated, unplaced, with
/// no actor or claimant; chain the setters to fill it in.
pub fn claim(article: &str, n: usize, count: u64) -> Claim {
    Claim {
        id: format!("{article}#{n}"),
        article: article.to_string(),
        sentence: format!("Sentence {n} of {article}: {count} killed."),
        in_title: false,
        sentence_span: Span::new(n * 100, n * 100 + 50),
        count_span: Span::new(n * 100 + 13, n * 100 + 15),
        count_min: Some(count),
        count_max: Some(count),
        qualifier: Qualifier::Exact,
        measure: Measure::Killed,
        victims: Victims::People,
        place: None,
        place_text: None,
        date_start: None,
        date_end: None,
        scope: Scope::Incident,
        actor: None,
        claimant: None,
        stance: Stance::Reported,
        incident: None,
    }
}

pub trait ClaimExt {
    fn at(self, place: Place) -> Self;
    fn on(self, day: &str) -> Self;
    fn between(self, start: &str, end: &str) -> Self;
    fn by(self, actor: &str) -> Self;
    fn said_by(self, claimant: Party) -> Self;
    fn stance(self, stance: Stance) -> Self;
    fn at_least(self) -> Self;
    fn up_to(self) -> Self;
    fn measure(self, measure: Measure) -> Self;
    fn victims(self, victims: Victims) -> Self;
    fn cumulative(self) -> Self;
    fn sentence_of(self, other: &Claim) -> Self;
}

impl ClaimExt for Claim {
    fn at(mut self, place: Place) -> Self {
        self.place = Some(place);
        self
    }
    fn on(mut self, day: &str) -> Self {
        self.date_start = Some(date(day));
        self.date_end = Some(date(day));
        self
    }
    fn between(mut self, start: &str, end: &str) -> Self {
        self.date_start = Some(date(start));
        self.date_end = Some(date(end));
        self
    }
    fn by(mut self, actor: &str) -> Self {
        self.actor = Some(party(actor, PartyKind::Belligerent));
        self
    }
    fn said_by(mut self, claimant: Party) -> Self {
        self.claimant = Some(claimant);
        self
    }
    fn stance(mut self, stance: Stance) -> Self {
        self.stance = stance;
        self
    }
    fn at_least(mut self) -> Self {
        self.count_max = None;
        self.qualifier = Qualifier::AtLeast;
        self
    }
    fn up_to(mut self) -> Self {
        self.count_min = None;
        self.qualifier = Qualifier::UpTo;
        self
    }
    fn measure(mut self, measure: Measure) -> Self {
        self.measure = measure;
        self
    }
    fn victims(mut self, victims: Victims) -> Self {
        self.victims = victims;
        self
    }
    fn cumulative(mut self) -> Self {
        self.scope = Scope::Cumulative;
        self
    }
    fn sentence_of(mut self, other: &Claim) -> Self {
        self.sentence = other.sentence.clone();
        self.sentence_span = other.sentence_span;
        self
    }
}

/// Prose of about 120 distinct words, different for every `seed`, so that
/// articles built from different seeds are not copies of each other.
pub fn prose(seed: u64) -> String {
    let mut words = Vec::new();
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for _ in 0..120 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        words.push(format!("w{}", x % 100_000));
    }
    words.join(" ")
}

pub fn monitor() -> Party {
    party("Syrian Observatory for Human Rights", PartyKind::Monitor)
}
pub fn state_media() -> Party {
    party("SANA", PartyKind::StateMedia)
}
pub fn local() -> Party {
    party("Local Coordination Committees", PartyKind::Local)
}
