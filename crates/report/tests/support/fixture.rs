//! A small hand-built ledger: three read articles (one a republished copy,
//! one with hostile markup in every field), one skipped file, six claims, two
//! incidents, a source group and two running totals.

use std::collections::BTreeMap;

use ledger_types::{
    Article, ArticleStatus, Claim, Date, Furniture, FurnitureKind, Grade, Incident, Ledger,
    Measure, MethodNotes, Party, PartyKind, Place, Precision, Problem, Qualifier, Scope, Series,
    SeriesPoint, SourceGroup, Span, Stance, Tally, Victims,
};

pub const XSS_SCRIPT: &str = "<script>alert(1)</script>";
pub const XSS_IMG: &str = "<img src=x onerror=alert(1)>";

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap_or(0);
    Span::new(start, start + needle.len())
}

fn party(name: &str, kind: PartyKind) -> Party {
    Party {
        name: name.to_owned(),
        kind,
    }
}

fn raqqa() -> Place {
    Place {
        name: "Raqqa".into(),
        parents: vec!["Raqqa Governorate".into(), "Syria".into()],
        country: "Syria".into(),
        lat: 35.95,
        lon: 39.016_7,
        precision: Precision::City,
    }
}

fn aleppo() -> Place {
    Place {
        name: "Aleppo".into(),
        parents: vec!["Aleppo Governorate".into(), "Syria".into()],
        country: "Syria".into(),
        lat: 36.202_1,
        lon: 37.134_3,
        precision: Precision::City,
    }
}

fn coalition() -> Party {
    party("US-led coalition", PartyKind::Belligerent)
}

fn date(y: i16, m: i8, d: i8) -> Option<Date> {
    Some(Date::constant(y, m, d))
}

fn article(id: &str, title: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        file: format!("{id}.txt"),
        title: title.into(),
        date: date(2017, 6, 3),
        source: Some("Observatory Daily".into()),
        url: Some(format!("https://example.org/{id}")),
        meta: BTreeMap::new(),
        text: text.into(),
        furniture: Vec::new(),
        status: ArticleStatus::Ok,
        problems: Vec::new(),
        content_hash: format!("hash-{id}"),
    }
}

/// A claim whose sentence and count are found in `text`.
#[allow(clippy::too_many_arguments)]
fn claim(
    article: &str,
    n: u32,
    text: &str,
    sentence: &str,
    count: &str,
    (min, max, qualifier): (Option<u64>, Option<u64>, Qualifier),
    (measure, victims): (Measure, Victims),
    claimant: Option<Party>,
    incident: Option<&str>,
) -> Claim {
    let sentence_span = span_of(text, sentence);
    let count_span = span_of(text, count);
    Claim {
        id: format!("{article}#{n}"),
        article: article.into(),
        sentence: sentence.into(),
        in_title: false,
        sentence_span,
        count_span,
        count_min: min,
        count_max: max,
        qualifier,
        measure,
        victims,
        place: Some(raqqa()),
        place_text: None,
        date_start: date(2017, 5, 29),
        date_end: date(2017, 5, 29),
        scope: Scope::Incident,
        actor: Some(coalition()),
        claimant,
        stance: Stance::Reported,
        incident: incident.map(str::to_owned),
    }
}

pub fn ledger() -> Ledger {
    let a1_text = "At least 47 civilians were killed in Raqqa on Monday, the Observatory said. \
The coalition said 12 people died, calling it \"regrettable, but lawful\".\n\nShare 1,204\n\n\
The Pentagon denied that 30 civilians were killed. The coalition has acknowledged 484 civilian deaths since 2014.";
    let a2_text = format!(
        "Up to 20 people were injured in Aleppo {XSS_SCRIPT}, local medics said.\n{XSS_IMG}\n\n\
Airwars says the coalition has killed 1,500 civilians since 2014."
    );
    let a4_text = "At least 47 civilians were killed in Raqqa on Monday, the Observatory said.";

    let sohr = party("Syrian Observatory for Human Rights", PartyKind::Monitor);
    let oir = party("Operation Inherent Resolve", PartyKind::Belligerent);
    let pentagon = party("Pentagon", PartyKind::Belligerent);
    let medics = party("local medics", PartyKind::Local);
    let airwars = party("Airwars", PartyKind::Monitor);

    let mut a1 = article("a1", "Strikes on Raqqa kill 47, monitor says", a1_text);
    a1.furniture.push(Furniture {
        span: span_of(a1_text, "Share 1,204"),
        kind: FurnitureKind::ShareCounter,
    });
    a1.meta.insert("author".into(), "Staff".into());

    let mut a2 = article(
        "a2",
        &format!("{XSS_SCRIPT} Aleppo | toll {XSS_IMG}"),
        &a2_text,
    );
    a2.source = Some(format!("{XSS_IMG} News {XSS_SCRIPT}"));
    a2.url = Some("javascript:alert(1)".into());
    a2.date = date(2017, 6, 2);
    a2.status = ArticleStatus::Warning;
    a2.problems.push(Problem {
        kind: "front_matter".into(),
        message: format!("odd front matter {XSS_SCRIPT}"),
    });

    let mut a3 = article("a3", "", "");
    a3.file = "broken.bin".into();
    a3.date = None;
    a3.source = None;
    a3.url = None;
    a3.status = ArticleStatus::Skipped;
    a3.problems.push(Problem {
        kind: "binary".into(),
        message: "The file is binary, not text.".into(),
    });
    a3.problems.push(Problem {
        kind: "empty".into(),
        message: "Nothing left to read; after cleanup, it is empty.".into(),
    });

    let a4 = article("a4", "Raqqa strikes kill 47 (republished)", a4_text);

    let c1 = claim(
        "a1",
        1,
        a1_text,
        "At least 47 civilians were killed in Raqqa on Monday, the Observatory said.",
        "At least 47",
        (Some(47), None, Qualifier::AtLeast),
        (Measure::Killed, Victims::Civilians),
        Some(sohr.clone()),
        Some("inc-raqqa"),
    );
    let c2 = claim(
        "a1",
        2,
        a1_text,
        "The coalition said 12 people died, calling it \"regrettable, but lawful\".",
        "12",
        (Some(12), Some(12), Qualifier::Exact),
        (Measure::Killed, Victims::People),
        Some(oir.clone()),
        Some("inc-raqqa"),
    );
    let mut c3 = claim(
        "a1",
        3,
        a1_text,
        "The Pentagon denied that 30 civilians were killed.",
        "30",
        (Some(30), Some(30), Qualifier::Exact),
        (Measure::Killed, Victims::Civilians),
        Some(pentagon.clone()),
        Some("inc-raqqa"),
    );
    c3.stance = Stance::Denied;
    let mut c4 = claim(
        "a1",
        4,
        a1_text,
        "The coalition has acknowledged 484 civilian deaths since 2014.",
        "484",
        (Some(484), Some(484), Qualifier::Exact),
        (Measure::Killed, Victims::Civilians),
        Some(oir.clone()),
        None,
    );
    c4.scope = Scope::Cumulative;
    c4.stance = Stance::Admitted;
    c4.place = Some(Place {
        name: "Syria".into(),
        parents: vec![],
        country: "Syria".into(),
        lat: 35.0,
        lon: 38.5,
        precision: Precision::Country,
    });
    c4.date_start = date(2014, 9, 23);
    c4.date_end = date(2017, 6, 3);
    let mut c5 = claim(
        "a2",
        1,
        &a2_text,
        &format!(
            "Up to 20 people were injured in Aleppo {XSS_SCRIPT}, local medics said.\n{XSS_IMG}"
        ),
        "Up to 20",
        (None, Some(20), Qualifier::UpTo),
        (Measure::Injured, Victims::People),
        Some(medics.clone()),
        Some("inc-aleppo"),
    );
    c5.place = Some(aleppo());
    c5.actor = None;
    c5.date_start = date(2017, 6, 2);
    c5.date_end = date(2017, 6, 2);
    let mut c6 = claim(
        "a2",
        2,
        &a2_text,
        "Airwars says the coalition has killed 1,500 civilians since 2014.",
        "1,500",
        (Some(1500), Some(1500), Qualifier::Exact),
        (Measure::Killed, Victims::Civilians),
        Some(airwars.clone()),
        None,
    );
    c6.scope = Scope::Cumulative;
    c6.place = None;
    c6.date_start = None;
    c6.date_end = None;
    // A copy whose spans point past the end of its text: shown unhighlighted.
    let mut c7 = claim(
        "a4",
        1,
        a4_text,
        "At least 47 civilians were killed in Raqqa on Monday, the Observatory said.",
        "At least 47",
        (Some(47), None, Qualifier::AtLeast),
        (Measure::Killed, Victims::Civilians),
        Some(sohr.clone()),
        Some("inc-raqqa"),
    );
    c7.sentence_span = Span::new(9_000, 9_076);
    c7.count_span = Span::new(9_999, 10_010);

    let raqqa_incident = Incident {
        id: "inc-raqqa".into(),
        date_start: date(2017, 5, 29),
        date_end: date(2017, 5, 29),
        place: Some(raqqa()),
        actors: vec![coalition()],
        claimants: vec![sohr.clone(), oir.clone(), pentagon.clone()],
        tallies: vec![
            Tally {
                measure: Measure::Killed,
                victims: Victims::Civilians,
                min: Some(30),
                max: None,
                official: Some((Some(30), Some(30))),
                independent: Some((Some(47), None)),
                claims: vec!["a1#1".into(), "a1#3".into(), "a4#1".into()],
            },
            Tally {
                measure: Measure::Killed,
                victims: Victims::People,
                min: Some(12),
                max: Some(12),
                official: Some((Some(12), Some(12))),
                independent: None,
                claims: vec!["a1#2".into()],
            },
        ],
        grade: Grade::Contested,
        grade_reason: "The Pentagon denies the figure the Observatory gives.".into(),
        claims: vec!["a1#1".into(), "a1#2".into(), "a1#3".into(), "a4#1".into()],
        articles: vec!["a1".into(), "a4".into()],
    };
    let aleppo_incident = Incident {
        id: "inc-aleppo".into(),
        date_start: date(2017, 6, 2),
        date_end: date(2017, 6, 2),
        place: Some(aleppo()),
        actors: vec![],
        claimants: vec![medics],
        tallies: vec![Tally {
            measure: Measure::Injured,
            victims: Victims::People,
            min: None,
            max: Some(20),
            official: None,
            independent: Some((None, Some(20))),
            claims: vec!["a2#1".into()],
        }],
        grade: Grade::Weak,
        grade_reason: "One local source.".into(),
        claims: vec!["a2#1".into()],
        articles: vec!["a2".into()],
    };

    Ledger {
        articles: vec![a1, a2, a3, a4],
        claims: vec![c1, c2, c3, c4, c5, c6, c7],
        incidents: vec![raqqa_incident, aleppo_incident],
        source_groups: vec![SourceGroup {
            original: "a1".into(),
            copies: vec![("a4".into(), 0.97)],
        }],
        series: vec![
            Series {
                claimant: Some(oir),
                actor: Some(coalition()),
                measure: Measure::Killed,
                victims: Victims::Civilians,
                points: vec![SeriesPoint {
                    date: date(2017, 6, 3),
                    count_min: Some(484),
                    count_max: Some(484),
                    claim: "a1#4".into(),
                }],
            },
            Series {
                claimant: Some(airwars),
                actor: Some(coalition()),
                measure: Measure::Killed,
                victims: Victims::Civilians,
                points: vec![
                    SeriesPoint {
                        date: date(2017, 5, 1),
                        count_min: Some(1200),
                        count_max: Some(1200),
                        claim: "x#1".into(),
                    },
                    SeriesPoint {
                        date: date(2017, 6, 2),
                        count_min: Some(1500),
                        count_max: Some(1500),
                        claim: "a2#2".into(),
                    },
                ],
            },
        ],
    }
}

pub fn method() -> MethodNotes {
    MethodNotes {
        claim_rules: vec![
            "A claim counts people who suffered one outcome.".into(),
            "Counts of strikes are not claims.".into(),
        ],
        vague_numbers: vec![
            ("dozens".into(), Some(24), Some(99)),
            ("hundreds".into(), Some(200), Some(999)),
        ],
        merge_rules: vec!["Claims about the same place within three days are one incident.".into()],
        grade_rules: vec![
            (Grade::Confirmed, "Two independent sources agree.".into()),
            (Grade::Contested, "A party denies the figure.".into()),
        ],
    }
}
