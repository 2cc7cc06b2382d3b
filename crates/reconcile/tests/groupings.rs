//! Data-driven grouping cases: every `tests/data/groupings/*.txt` file lists
//! articles and claims labelled with their event (format in the folder's
//! README); two claims must share an incident exactly when they share a label.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use ledger_reconcile::reconcile;
use ledger_types::{
    Article, Claim, Measure, PartyKind, Place, Precision, Scope, Span, Stance, Victims,
};

fn gazetteer(name: &str) -> Place {
    let place = |name: &str, parents: &[&str], lat: f64, lon: f64, precision| Place {
        name: name.to_string(),
        parents: parents.iter().map(|p| p.to_string()).collect(),
        country: "Syria".into(),
        lat,
        lon,
        precision,
    };
    match name {
        "Aleppo" => aleppo(),
        "Salaheddin" => salaheddin(),
        "Raqqa" => raqqa(),
        "Idlib" => idlib(),
        "Syria" => syria(),
        "Bustan al-Qasr" => place(
            name,
            &["Aleppo", "Aleppo Governorate", "Syria"],
            36.193,
            37.142,
            Precision::District,
        ),
        "Jayrud" => place(
            name,
            &["Rif Dimashq Governorate", "Syria"],
            33.807,
            36.740,
            Precision::Village,
        ),
        "Daraa" => place(
            name,
            &["Daraa Governorate", "Syria"],
            32.62,
            36.10,
            Precision::City,
        ),
        "Kilis" => Place {
            country: "Turkey".into(),
            ..place(
                name,
                &["Kilis Province", "Turkey"],
                36.716,
                37.115,
                Precision::City,
            )
        },
        other => panic!("place {other} is not in the test gazetteer"),
    }
}

/// Parses one case: the articles, the claims, and each claim's event label
/// (None for claims that must not get an incident).
fn parse(text: &str) -> (Vec<Article>, Vec<Claim>, BTreeMap<String, Option<String>>) {
    let mut articles = Vec::new();
    let mut claims = Vec::new();
    let mut events = BTreeMap::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        match words[0] {
            "article" => {
                let day = (words[2] != "-").then_some(words[2]);
                articles.push(article(words[1], day, &words[3..].join(" ")));
            }
            "claim" => {
                let (article_id, n) = words[1].split_once('#').unwrap();
                let bound = |w: &str| (w != "-").then(|| w.parse::<u64>().unwrap());
                let mut claim = claim(article_id, n.parse().unwrap(), 0);
                claim.measure = Measure::parse(words[2]).unwrap();
                claim.count_min = bound(words[3]);
                claim.count_max = bound(words[4]);
                claim.victims = Victims::parse(words[5]).unwrap();
                let mut event = None;
                for pair in &words[6..] {
                    let (key, value) = pair.split_once('=').unwrap();
                    let value = value.replace('_', " ");
                    match key {
                        "place" => claim.place = Some(gazetteer(&value)),
                        "date" if value == "-" => {}
                        "date" => {
                            let (start, end) = value.split_once("..").unwrap_or((&value, &value));
                            claim.date_start = Some(date(start));
                            claim.date_end = Some(date(end));
                        }
                        "actor" => claim.actor = Some(party(&value, PartyKind::Belligerent)),
                        "claimant" => {
                            let (name, kind) = value.rsplit_once(':').unwrap();
                            let kind = PartyKind::parse(&kind.replace(' ', "_")).unwrap();
                            claim.claimant = Some(party(name, kind));
                        }
                        "stance" => claim.stance = Stance::parse(&value).unwrap(),
                        "scope" => claim.scope = Scope::parse(&value).unwrap(),
                        "sentence" => {
                            let k: usize = value.parse().unwrap();
                            claim.sentence_span = Span::new(k * 1000, k * 1000 + 900);
                            claim.sentence = format!("Sentence {k} of {article_id}.");
                        }
                        "event" => event = (value != "-").then_some(value),
                        other => panic!("unknown key {other}"),
                    }
                }
                events.insert(claim.id.clone(), event);
                claims.push(claim);
            }
            other => panic!("unknown line kind {other}"),
        }
    }
    (articles, claims, events)
}

#[test]
fn claims_share_an_incident_exactly_when_they_share_an_event() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/groupings");
    let mut cases: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 3, "fixtures missing in {}", folder.display());
    let mut failures = Vec::new();
    for case in &cases {
        let (articles, claims, events) = parse(&std::fs::read_to_string(case).unwrap());
        let ledger = reconcile(articles, claims);
        let incident: BTreeMap<&str, Option<&str>> = ledger
            .claims
            .iter()
            .map(|c| (c.id.as_str(), c.incident.as_deref()))
            .collect();
        for (a, event_a) in &events {
            assert_eq!(
                incident[a.as_str()].is_some(),
                event_a.is_some(),
                "{a} in {case:?}"
            );
            for (b, event_b) in events.range::<String, _>((
                std::ops::Bound::Excluded(a.clone()),
                std::ops::Bound::Unbounded,
            )) {
                if event_a.is_none() || event_b.is_none() {
                    continue;
                }
                let together = incident[a.as_str()] == incident[b.as_str()];
                if together != (event_a == event_b) {
                    let name = case.file_name().unwrap().to_string_lossy();
                    failures.push(format!(
                        "{name}: {a} ({event_a:?}) and {b} ({event_b:?}) {}",
                        if together { "merged" } else { "split" }
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
