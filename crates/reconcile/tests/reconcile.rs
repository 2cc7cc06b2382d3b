//! Behaviour of `reconcile` on small hand-made cases: merging, the traps it must
//! avoid, copies, grades, series, stable ids, determinism and odd input.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use ledger_reconcile::{
    Jobs, NEAR_KM, OneByOne, ReconcileMemo, method_notes, reconcile, reconcile_memoized,
    source_groups, synthetic_claims,
};
use ledger_types::{Article, Claim, Grade, Incident, Ledger, Measure, PartyKind, Stance, Victims};

fn incident_of<'l>(ledger: &'l Ledger, claim_id: &str) -> &'l Incident {
    let claim = ledger.claims.iter().find(|c| c.id == claim_id).unwrap();
    let id = claim.incident.as_deref().unwrap();
    ledger.incidents.iter().find(|i| i.id == id).unwrap()
}

fn same_incident(ledger: &Ledger, a: &str, b: &str) -> bool {
    incident_of(ledger, a).id == incident_of(ledger, b).id
}

fn three_outlets() -> (Vec<Article>, Vec<Claim>) {
    let articles = vec![
        article("a", Some("2016-10-07"), &prose(1)),
        article("b", Some("2016-10-07"), &prose(2)),
        article("c", Some("2016-10-08"), &prose(3)),
    ];
    let claims = vec![
        claim("a", 1, 58)
            .at(raqqa())
            .on("2016-10-07")
            .by("Russia")
            .said_by(monitor()),
        claim("b", 1, 72)
            .at(raqqa())
            .on("2016-10-07")
            .said_by(state_media()),
        claim("c", 1, 100)
            .at_least()
            .at(raqqa())
            .on("2016-10-07")
            .by("Russia")
            .said_by(local()),
    ];
    (articles, claims)
}

#[test]
fn one_event_told_by_three_outlets_with_different_numbers_is_one_incident() {
    let (articles, claims) = three_outlets();
    let ledger = reconcile(articles, claims);
    assert_eq!(ledger.incidents.len(), 1);
    let incident = &ledger.incidents[0];
    assert_eq!(incident.claims, vec!["a#1", "b#1", "c#1"]);
    assert_eq!(incident.articles, vec!["a", "b", "c"]);
    assert_eq!(incident.place.as_ref().unwrap().name, "Raqqa");
    assert_eq!(incident.date_start, Some(date("2016-10-07")));
    let tally = &incident.tallies[0];
    assert_eq!(
        (tally.measure, tally.victims),
        (Measure::Killed, Victims::People)
    );
    assert_eq!(tally.min, Some(58));
    assert_eq!(tally.max, None, "'at least 100' leaves the top open");
    assert_eq!(tally.claims.len(), 3);
    assert_eq!(incident.grade, Grade::Fair);
    assert!(
        ledger
            .claims
            .iter()
            .all(|c| c.incident.as_deref() == Some(incident.id.as_str()))
    );
}

#[test]
fn tallies_split_official_from_independent_figures() {
    let articles = vec![
        article("a", Some("2017-04-07"), &prose(1)),
        article("b", Some("2017-04-07"), &prose(2)),
    ];
    let governor = party("Homs governor", PartyKind::Belligerent);
    let claims = vec![
        claim("a", 1, 5)
            .at(raqqa())
            .on("2017-04-06")
            .said_by(governor),
        claim("b", 1, 30)
            .up_to()
            .at(raqqa())
            .on("2017-04-06")
            .said_by(monitor()),
    ];
    let ledger = reconcile(articles, claims);
    assert_eq!(ledger.incidents.len(), 1);
    let tally = &ledger.incidents[0].tallies[0];
    assert_eq!(tally.min, Some(5), "'up to 30' has no lower bound");
    assert_eq!(tally.max, Some(30));
    assert_eq!(tally.official, Some((Some(5), Some(5))));
    assert_eq!(tally.independent, Some((None, Some(30))));
}

#[test]
fn the_same_number_in_two_places_on_one_day_is_two_incidents() {
    let articles = vec![
        article("a", Some("2016-10-07"), &prose(1)),
        article("b", Some("2016-10-07"), &prose(2)),
    ];
    let claims = vec![
        claim("a", 1, 32).at_least().at(raqqa()).on("2016-10-07"),
        claim("b", 1, 32).at_least().at(idlib()).on("2016-10-07"),
    ];
    let ledger = reconcile(articles, claims);
    assert_eq!(ledger.incidents.len(), 2);
    assert!(!same_incident(&ledger, "a#1", "b#1"));
}

#[test]
fn wildly_different_counts_at_one_place_and_day_stay_apart() {
    let articles = vec![
        article("a", Some("2016-10-07"), &prose(1)),
        article("b", Some("2016-10-07"), &prose(2)),
    ];
    let claims = vec![
        claim("a", 1, 2).at(raqqa()).on("2016-10-07"),
        claim("b", 1, 150).at(raqqa()).on("2016-10-07"),
    ];
    let ledger = reconcile(articles, claims);
    assert!(!same_incident(&ledger, "a#1", "b#1"));
}

#[test]
fn claims_two_days_apart_do_not_chain_into_a_five_day_incident() {
    let articles = vec![
        article("a", Some("2016-10-01"), &prose(1)),
        article("b", Some("2016-10-03"), &prose(2)),
        article("c", Some("2016-10-05"), &prose(3)),
    ];
    let claims = vec![
        claim("a", 1, 10).at(aleppo()).on("2016-10-01"),
        claim("b", 1, 11).at(aleppo()).on("2016-10-03"),
        claim("c", 1, 12).at(aleppo()).on("2016-10-05"),
    ];
    let ledger = reconcile(articles, claims);
    assert!(!same_incident(&ledger, "a#1", "c#1"));
    for incident in &ledger.incidents {
        let (start, end) = (incident.date_start.unwrap(), incident.date_end.unwrap());
        assert!((end - start).get_days() <= 3, "{incident:?}");
    }
}

#[test]
fn places_merge_through_containment_and_nearness_but_not_across_neighbourhoods() {
    let articles = vec![
        article("a", Some("2017-04-19"), &prose(1)),
        article("b", Some("2017-04-19"), &prose(2)),
        article("c", Some("2017-04-19"), &prose(3)),
    ];
    let claims = vec![
        claim("a", 1, 6).at(salaheddin()).on("2017-04-19"),
        claim("b", 1, 6).at(aleppo()).on("2017-04-19"),
        claim("c", 1, 6).at(aleppo_province()).on("2017-04-19"),
    ];
    let ledger = reconcile(articles, claims);
    assert_eq!(ledger.incidents.len(), 1);
    let incident = &ledger.incidents[0];
    assert_eq!(
        incident.place.as_ref().unwrap().name,
        "Salaheddin",
        "most precise place"
    );
}

#[test]
fn claims_of_one_sentence_are_one_incident() {
    let articles = vec![article("a", Some("2016-06-01"), &prose(1))];
    let total = claim("a", 1, 55)
        .victims(Victims::Civilians)
        .at(idlib())
        .on("2016-06-01");
    let children = claim("a", 2, 19)
        .at_least()
        .victims(Victims::Children)
        .sentence_of(&total);
    let injured = claim("a", 3, 80)
        .measure(Measure::Injured)
        .sentence_of(&total);
    let ledger = reconcile(articles, vec![total, children, injured]);
    assert_eq!(ledger.incidents.len(), 1);
    assert_eq!(ledger.incidents[0].tallies.len(), 3);
}

#[test]
fn an_undated_claim_joins_its_articles_incident_or_one_at_the_same_place_that_week() {
    let articles = vec![
        article("a", Some("2016-07-03"), &prose(1)),
        article("b", Some("2016-07-04"), &prose(2)),
        article("c", Some("2016-06-20"), &prose(3)),
        article("d", None, &prose(4)),
    ];
    let claims = vec![
        claim("a", 1, 43).at(raqqa()).on("2016-07-02"),
        claim("a", 2, 2).victims(Victims::Children),
        claim("b", 1, 31).at(raqqa()),
        // Published before the event: cannot be about it.
        claim("c", 1, 40).at(raqqa()),
        // No article date, no place: only its own article could place it.
        claim("d", 1, 40).at(raqqa()),
    ];
    let ledger = reconcile(articles, claims);
    assert!(same_incident(&ledger, "a#1", "a#2"));
    assert!(same_incident(&ledger, "a#1", "b#1"));
    assert!(!same_incident(&ledger, "a#1", "c#1"));
    assert!(!same_incident(&ledger, "a#1", "d#1"));
}

#[test]
fn different_actors_do_not_merge_across_articles_at_a_city() {
    let articles = vec![
        article("a", Some("2016-10-11"), &prose(1)),
        article("b", Some("2016-10-11"), &prose(2)),
    ];
    let claims = vec![
        claim("a", 1, 20).at(aleppo()).on("2016-10-11").by("Russia"),
        claim("b", 1, 4).at(aleppo()).on("2016-10-11").by("Rebels"),
    ];
    let ledger = reconcile(articles, claims);
    assert!(!same_incident(&ledger, "a#1", "b#1"));
}

fn story(extra: &str) -> String {
    format!("{} {extra}", prose(7))
}

#[test]
fn near_duplicate_articles_form_one_source_group_and_one_source() {
    let articles = vec![
        article("wire", Some("2016-10-07"), &story("Reuters")),
        article(
            "copy1",
            Some("2016-10-08"),
            &story("as reported by AFP today"),
        ),
        article("copy2", Some("2016-10-07"), &story("via our partners")),
        article("other", Some("2016-10-07"), &prose(8)),
    ];
    let groups = source_groups(&articles);
    assert_eq!(groups.len(), 1);
    assert_eq!(
        groups[0].original, "copy2",
        "earliest date, then smallest id"
    );
    let copies: Vec<&str> = groups[0].copies.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(copies, vec!["copy1", "wire"]);
    assert!(groups[0].copies.iter().all(|(_, s)| *s > 0.8 && *s <= 1.0));

    let claims = ["wire", "copy1", "copy2"]
        .iter()
        .map(|a| {
            claim(a, 1, 11)
                .at(aleppo())
                .on("2016-10-07")
                .said_by(monitor())
        })
        .collect();
    let ledger = reconcile(articles, claims);
    assert_eq!(ledger.source_groups, groups);
    assert_eq!(ledger.incidents.len(), 1);
    assert_eq!(
        ledger.incidents[0].grade,
        Grade::Weak,
        "{}",
        ledger.incidents[0].grade_reason
    );
}

#[test]
fn skipped_articles_are_never_copies() {
    let mut skipped = article("b", Some("2016-10-07"), &prose(7));
    skipped.status = ledger_types::ArticleStatus::Skipped;
    let articles = vec![article("a", Some("2016-10-07"), &prose(7)), skipped];
    assert!(source_groups(&articles).is_empty());
}

#[test]
fn a_denial_makes_an_incident_contested() {
    let (articles, mut claims) = three_outlets();
    claims[1].stance = Stance::Denied;
    let ledger = reconcile(articles, claims);
    assert_eq!(ledger.incidents.len(), 1);
    assert_eq!(ledger.incidents[0].grade, Grade::Contested);
    assert!(ledger.incidents[0].grade_reason.contains("SANA"));
}

#[test]
fn an_admission_or_a_belligerent_reporting_its_own_side_confirms() {
    let (articles, mut claims) = three_outlets();
    claims[0].stance = Stance::Admitted;
    let ledger = reconcile(articles.clone(), claims.clone());
    assert_eq!(
        ledger.incidents[0].grade,
        Grade::Fair,
        "a monitor cannot admit an attack"
    );
    claims[0].claimant = Some(party("Russian Defence Ministry", PartyKind::Belligerent));
    let ledger = reconcile(articles.clone(), claims);
    assert_eq!(ledger.incidents[0].grade, Grade::Confirmed);
    assert!(
        ledger.incidents[0]
            .grade_reason
            .contains("Russian Defence Ministry")
    );

    let (_, mut claims) = three_outlets();
    claims[2].claimant = Some(party("Russia", PartyKind::Belligerent));
    let ledger = reconcile(articles, claims);
    assert_eq!(ledger.incidents[0].grade, Grade::Confirmed);
}

#[test]
fn grades_weak_for_one_article_and_fair_for_two_outlets() {
    let articles = vec![
        article("a", Some("2016-10-07"), &prose(1)),
        article("b", Some("2016-10-07"), &prose(2)),
    ];
    let one = reconcile(
        articles.clone(),
        vec![
            claim("a", 1, 9)
                .at(idlib())
                .on("2016-10-07")
                .said_by(monitor()),
        ],
    );
    assert_eq!(one.incidents[0].grade, Grade::Weak);
    let two = reconcile(
        articles,
        vec![
            claim("a", 1, 9)
                .at(idlib())
                .on("2016-10-07")
                .said_by(monitor()),
            claim("b", 1, 9)
                .at(idlib())
                .on("2016-10-07")
                .said_by(monitor()),
        ],
    );
    assert_eq!(two.incidents.len(), 1);
    assert_eq!(two.incidents[0].grade, Grade::Fair);
}

#[test]
fn running_totals_become_series_not_incidents() {
    let articles = vec![
        article("a", Some("2016-01-01"), &prose(1)),
        article("b", Some("2016-06-01"), &prose(2)),
    ];
    let claims = vec![
        claim("b", 1, 300_000)
            .at_least()
            .at(syria())
            .cumulative()
            .said_by(monitor()),
        claim("a", 1, 250_000)
            .at_least()
            .at(syria())
            .cumulative()
            .said_by(monitor()),
        claim("a", 2, 12).at(idlib()).on("2016-01-01"),
    ];
    let ledger = reconcile(articles, claims);
    assert_eq!(ledger.incidents.len(), 1);
    assert_eq!(ledger.series.len(), 1);
    let series = &ledger.series[0];
    assert_eq!(
        series.claimant.as_ref().unwrap().name,
        "Syrian Observatory for Human Rights"
    );
    let points: Vec<&str> = series.points.iter().map(|p| p.claim.as_str()).collect();
    assert_eq!(points, vec!["a#1", "b#1"], "ordered by date");
    assert_eq!(
        series.points[0].date,
        Some(date("2016-01-01")),
        "article date when undated"
    );
    for c in &ledger.claims {
        assert_eq!(c.incident.is_some(), c.id == "a#2");
    }
}

#[test]
fn incident_ids_survive_adding_an_unrelated_article() {
    let (mut articles, mut claims) = three_outlets();
    let before = reconcile(articles.clone(), claims.clone());
    articles.push(article("0-unrelated", Some("2016-10-07"), &prose(9)));
    claims.push(claim("0-unrelated", 1, 3).at(idlib()).on("2016-10-07"));
    let after = reconcile(articles, claims);
    assert_eq!(after.incidents.len(), 2);
    let id = &before.incidents[0].id;
    assert!(id.starts_with("inc-") && id.len() == 16, "{id}");
    assert_eq!(&incident_of(&after, "a#1").id, id);
}

#[test]
fn any_input_order_gives_the_same_ledger() {
    let (articles, claims) = synthetic_claims(3000, 7);
    let expected = reconcile(articles.clone(), claims.clone());
    let (mut articles, mut claims) = (articles, claims);
    articles.reverse();
    claims.reverse();
    // A fixed interleaving, different from both orders above.
    let half = claims.len() / 2;
    claims.rotate_left(half);
    let n = claims.len();
    for i in (0..n).step_by(3) {
        claims.swap(i, (i * 7 + 5) % n);
    }
    assert_eq!(reconcile(articles, claims), expected);
}

#[test]
fn a_run_that_remembers_earlier_comparisons_gives_the_same_ledger() {
    let (articles, claims) = synthetic_claims(3000, 3);
    let expected = reconcile(articles.clone(), claims.clone());
    assert!(!expected.source_groups.is_empty());
    let fresh = |memo: &ReconcileMemo| {
        reconcile_memoized(
            articles.clone(),
            Vec::new(),
            claims.clone(),
            memo,
            &OneByOne,
        )
    };
    let (first, memo) = fresh(&ReconcileMemo::default());
    assert_eq!(first, expected);
    assert!(!memo.copies.is_empty());
    assert_eq!(memo.clusters.replayed(), 0);
    let (second, again) = fresh(&memo);
    assert_eq!(second, expected);
    assert_eq!(again, memo, "the same pairs compared, the same decisions");
    assert_eq!(
        again.clusters.replayed(),
        memo.clusters.len(),
        "all replayed"
    );

    // One article fewer: its pairs are forgotten, the rest still decide alike.
    let fewer: Vec<_> = articles.iter().skip(1).cloned().collect();
    let (with_memo, smaller) =
        reconcile_memoized(fewer.clone(), Vec::new(), claims.clone(), &memo, &OneByOne);
    assert_eq!(with_memo, reconcile(fewer, claims.clone()));
    assert!(smaller.copies.len() <= memo.copies.len());
}

/// A memo replays the clustering only as far as the claims are the same: a
/// claim added, changed or removed anywhere gives the ledger a fresh run gives.
#[test]
fn a_run_replays_remembered_clustering_up_to_the_first_change() {
    let (articles, claims) = synthetic_claims(2000, 11);
    let (_, memo) = reconcile_memoized(
        articles.clone(),
        Vec::new(),
        claims.clone(),
        &ReconcileMemo::default(),
        &OneByOne,
    );
    let incident = |c: &&Claim| c.scope == ledger_types::Scope::Incident;
    let latest = claims
        .iter()
        .filter(incident)
        .filter_map(|c| c.date_start)
        .max();
    let earliest = claims
        .iter()
        .filter(incident)
        .filter_map(|c| c.date_start)
        .min();
    let at = |claims: &[Claim], day| {
        claims
            .iter()
            .position(|c| incident(&c) && c.date_start == day)
            .unwrap()
    };
    let middle = (claims.len() / 2..)
        .find(|&i| incident(&&claims[i]))
        .unwrap();
    // The claims of the first article (by id) make the place rows every
    // later claim naming those places shares.
    let first_article = claims
        .iter()
        .filter(|c| incident(c) && c.place.is_some())
        .map(|c| c.article.clone())
        .min()
        .unwrap();
    let mut with_article = articles.clone();
    let mut added_article = articles[0].clone();
    added_article.id = "added".into();
    added_article.file = "added.md".into();
    with_article.push(added_article);
    let variants: Vec<(&str, Vec<Article>, Vec<Claim>)> = vec![
        ("the earliest claim's count changed", articles.clone(), {
            let mut c = claims.clone();
            let i = at(&c, earliest);
            c[i].count_max = c[i].count_max.map(|n| n * 10 + 7);
            c[i].count_min = c[i].count_max;
            c
        }),
        (
            "a claim in the middle moved to another place",
            articles.clone(),
            {
                let mut c = claims.clone();
                c[middle].place = c[0]
                    .place
                    .clone()
                    .filter(|p| Some(p) != c[middle].place.as_ref());
                c
            },
        ),
        (
            "the first article to name places puts them elsewhere",
            articles.clone(),
            {
                let mut c = claims.clone();
                for claim in c.iter_mut().filter(|c| c.article == first_article) {
                    if let Some(p) = claim.place.as_mut() {
                        p.lat += 1.0;
                    }
                }
                c
            },
        ),
        ("the earliest claim gone", articles.clone(), {
            let mut c = claims.clone();
            c.remove(at(&c, earliest));
            c
        }),
        (
            "a new article telling of the latest day",
            with_article.clone(),
            {
                let mut c = claims.clone();
                let mut added = c[at(&c, latest)].clone();
                added.article = "added".into();
                added.id = "added#1".into();
                c.push(added);
                c
            },
        ),
    ];
    for (what, articles, changed) in variants {
        let expected = reconcile(articles.clone(), changed.clone());
        let (got, again) = reconcile_memoized(articles, Vec::new(), changed, &memo, &OneByOne);
        // Not assert_eq: a ledger's debug form runs to megabytes.
        assert!(got == expected, "{what}: not what a fresh run gives");
        assert!(
            again.clusters.replayed() < memo.clusters.len() - 1,
            "{what}"
        );
    }
    // A change among the latest claims leaves nearly everything to replay.
    let mut changed = claims.clone();
    let i = at(&changed, latest);
    changed[i].count_min = Some(123_456);
    changed[i].count_max = Some(123_456);
    let (got, again) = reconcile_memoized(
        articles.clone(),
        Vec::new(),
        changed.clone(),
        &memo,
        &OneByOne,
    );
    assert_eq!(got, reconcile(articles.clone(), changed));
    assert!(again.clusters.replayed() * 10 > memo.clusters.len() * 9);
}

#[test]
fn synthetic_data_reconciles_with_every_incident_claim_placed() {
    let (articles, claims) = synthetic_claims(5000, 1);
    assert_eq!(claims.len(), 5000);
    assert_eq!(synthetic_claims(5000, 1).1, claims, "same seed, same data");
    let ledger = reconcile(articles, claims);
    assert!(!ledger.source_groups.is_empty());
    assert!(!ledger.series.is_empty());
    for c in &ledger.claims {
        assert_eq!(
            c.incident.is_some(),
            c.scope == ledger_types::Scope::Incident,
            "{}",
            c.id
        );
    }
    let placed: usize = ledger.incidents.iter().map(|i| i.claims.len()).sum();
    assert_eq!(
        placed,
        ledger
            .claims
            .iter()
            .filter(|c| c.incident.is_some())
            .count()
    );
    // Events have at most five claims, so real merging never makes huge incidents.
    assert!(
        ledger.incidents.len() * 10 > placed,
        "{} incidents",
        ledger.incidents.len()
    );
}

#[test]
fn odd_input_never_panics() {
    assert_eq!(reconcile(Vec::new(), Vec::new()), Ledger::default());
    let mut bare = claim("ghost", 1, 0);
    bare.count_min = None;
    bare.count_max = None;
    let mut backwards = claim("a", 1, 5)
        .at(raqqa())
        .between("2016-10-09", "2016-10-01");
    backwards.id = "no-hash-sign".into();
    let mut nowhere = claim("a", 2, u64::MAX).at(raqqa()).on("2016-10-01");
    if let Some(p) = nowhere.place.as_mut() {
        p.lat = f64::NAN;
        p.lon = f64::INFINITY;
    }
    let mut empty_text = article("a", None, "");
    empty_text.furniture.push(ledger_types::Furniture {
        span: ledger_types::Span::new(5, 2),
        kind: ledger_types::FurnitureKind::Navigation,
    });
    let claims = vec![
        bare,
        backwards,
        nowhere,
        claim("a", 3, 1).at(syria()),
        claim("a", 3, 1).on("2016-10-01"),
        claim("a", 4, 7).between("2010-01-01", "2016-01-01").by("X"),
    ];
    let ledger = reconcile(vec![empty_text.clone(), empty_text], claims);
    assert!(ledger.claims.iter().all(|c| c.incident.is_some()));
}

#[test]
fn method_notes_state_the_thresholds_the_code_uses() {
    let (merge, grades) = method_notes();
    assert!(
        merge
            .iter()
            .any(|r| r.contains("Jaccard") && r.contains("0.3"))
    );
    assert!(merge.iter().any(|r| r.contains(&format!("{NEAR_KM} km"))));
    let order: Vec<Grade> = grades.iter().map(|(g, _)| *g).collect();
    assert_eq!(
        order,
        vec![Grade::Contested, Grade::Confirmed, Grade::Fair, Grade::Weak]
    );
}

#[test]
fn a_claim_without_a_place_needs_actor_day_and_count_to_join_another_article() {
    let articles = vec![
        article("a", Some("2016-10-07"), &prose(1)),
        article("b", Some("2016-10-07"), &prose(2)),
        article("c", Some("2016-10-07"), &prose(3)),
    ];
    let claims = vec![
        claim("a", 1, 20)
            .at(raqqa())
            .on("2016-10-07")
            .by("US-led coalition"),
        // Same actor, same day, overlapping count: strong enough without a place.
        claim("b", 1, 20)
            .at_least()
            .on("2016-10-07")
            .by("US-led coalition"),
        // Same day and count but no actor: could be any attack that day.
        claim("c", 1, 20).on("2016-10-07"),
    ];
    let ledger = reconcile(articles, claims);
    assert!(same_incident(&ledger, "a#1", "b#1"));
    assert!(!same_incident(&ledger, "a#1", "c#1"));
}

/// Runs jobs on three threads, each taking its share last job first:
/// results must not depend on how or in which order jobs run.
struct Threads;

impl Jobs for Threads {
    fn run<R: Send>(&self, n: usize, job: &(dyn Fn(usize) -> R + Sync)) -> Vec<R> {
        let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..3)
                .map(|t| {
                    scope.spawn(move || {
                        (n * t / 3..n * (t + 1) / 3)
                            .rev()
                            .map(|i| (i, job(i)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("a job panicked"))
                .collect()
        });
        results.sort_by_key(|(i, _)| *i);
        results.into_iter().map(|(_, r)| r).collect()
    }
}

/// Every incident claim names an incident, and every incident lists exactly
/// the claims that name it.
fn assert_claims_and_incidents_agree(ledger: &Ledger) {
    let mut named: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for claim in &ledger.claims {
        match (&claim.incident, claim.scope) {
            (Some(id), ledger_types::Scope::Incident) => {
                named.entry(id).or_default().push(&claim.id)
            }
            (None, ledger_types::Scope::Incident) => panic!("{} has no incident", claim.id),
            (incident, _) => assert_eq!(incident, &None, "{}", claim.id),
        }
    }
    assert_eq!(named.len(), ledger.incidents.len());
    for incident in &ledger.incidents {
        let mut listed: Vec<&str> = incident.claims.iter().map(String::as_str).collect();
        let mut naming = named.get(incident.id.as_str()).cloned().unwrap_or_default();
        listed.sort_unstable();
        naming.sort_unstable();
        assert_eq!(listed, naming, "{}", incident.id);
    }
}

#[test]
fn jobs_run_in_parallel_give_the_same_ledger() {
    // Enough claims for several jobs of every kind (claims are made into
    // clustering items a few thousand at a time).
    let (articles, claims) = synthetic_claims(4500, 5);
    let expected = reconcile(articles.clone(), claims.clone());
    assert!(!expected.source_groups.is_empty());
    assert_claims_and_incidents_agree(&expected);
    let (got, _) = reconcile_memoized(
        articles,
        Vec::new(),
        claims,
        &ReconcileMemo::default(),
        &Threads,
    );
    assert!(got == expected, "not what one job after another gives");
}
