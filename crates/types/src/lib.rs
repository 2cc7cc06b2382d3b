//! The contract between Casualty Ledger's stages: what `extract` produces, what
//! `reconcile` groups and what `report` renders.
//!
//! These types are also the schema of the data exports (`claims.csv`,
//! `claims.jsonl`, `incidents.json`, ...): a field added here is a column added
//! there, so every field is documented once, here, and the codebook page of the
//! site is generated from the same words.

use std::collections::BTreeMap;
use std::fmt;

pub use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A byte range into an article's `text`. Half-open: `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// How an input file fared when it was read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArticleStatus {
    /// Read and extracted.
    #[default]
    Ok,
    /// Read and extracted, but something about it was off (see `problems`).
    Warning,
    /// Not extracted: unreadable, empty, binary or not text (see `problems`).
    Skipped,
}

impl ArticleStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleStatus::Ok => "ok",
            ArticleStatus::Warning => "warning",
            ArticleStatus::Skipped => "skipped",
        }
    }
}

/// One problem found while reading a file: shown to the user, listed in
/// `articles.csv`, never fatal to the run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Stable machine-readable kind, e.g. `not_utf8`, `empty`, `binary`, `front_matter`.
    pub kind: String,
    /// A sentence for a person.
    pub message: String,
}

/// What a stretch of page furniture is; it is kept in the text (so offsets stay
/// true and the article page can show it muted) but never extracted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FurnitureKind {
    DonationAppeal,
    LinkList,
    ShareCounter,
    PhotoCredit,
    Navigation,
    Byline,
    StrayNumber,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Furniture {
    pub span: Span,
    pub kind: FurnitureKind,
}

/// One input file after ingestion. `text` is the body after any front matter,
/// byte for byte as the file had it (less a BOM); every span in the system
/// points into it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// File stem: the article's id everywhere (`claims.csv`'s `article` column).
    pub id: String,
    /// File name relative to the articles folder.
    pub file: String,
    pub title: String,
    /// Publication date: front matter, a leading ` date YYYY-MM-DD` line, or a dateline.
    #[serde(default, with = "compact_date")]
    pub date: Option<Date>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Front-matter keys other than title, date, source and url, kept as given.
    pub meta: BTreeMap<String, String>,
    pub text: String,
    /// Where page furniture sits in `text`, in order, not overlapping.
    pub furniture: Vec<Furniture>,
    pub status: ArticleStatus,
    pub problems: Vec<Problem>,
    /// Hex digest of the file's bytes (for caches and copy detection).
    pub content_hash: String,
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The word used in the exports and GUIDELINES.md.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// How the text bounds the count ("at least 47" is `AtLeast`).
    Qualifier {
        Exact => "exact",
        AtLeast => "at_least",
        MoreThan => "more_than",
        About => "about",
        UpTo => "up_to",
        LessThan => "less_than",
        Range => "range",
        Vague => "vague",
    }
}

vocabulary! {
    /// The outcome a claim counts.
    Measure {
        Killed => "killed",
        Injured => "injured",
        Casualties => "casualties",
        Displaced => "displaced",
        Trapped => "trapped",
        Detained => "detained",
        Missing => "missing",
        Kidnapped => "kidnapped",
    }
}

vocabulary! {
    /// Who was counted.
    Victims {
        Civilians => "civilians",
        Children => "children",
        Women => "women",
        Combatants => "combatants",
        People => "people",
    }
}

vocabulary! {
    /// One event (at most three days) or a running total.
    Scope {
        Incident => "incident",
        Cumulative => "cumulative",
    }
}

vocabulary! {
    /// How the claimant stands to the number.
    Stance {
        Reported => "reported",
        Alleged => "alleged",
        Admitted => "admitted",
        Denied => "denied",
    }
}

vocabulary! {
    /// What kind of voice a claimant or actor is, for official-versus-independent views.
    PartyKind {
        Belligerent => "belligerent",
        Monitor => "monitor",
        International => "international",
        StateMedia => "state_media",
        Media => "media",
        Local => "local",
        Other => "other",
    }
}

vocabulary! {
    /// How precisely a place is known.
    Precision {
        Country => "country",
        Province => "province",
        City => "city",
        District => "district",
        Village => "village",
    }
}

/// A place resolved through the gazetteer; or a town the text names as one
/// ("the village of Ghareebeh") that the gazetteer lacks, with the name as
/// written and the coordinates and precision of the gazetteer place it lies
/// in (its first parent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Canonical name, e.g. `Raqqa`.
    pub name: String,
    /// Canonical names of the containing places, nearest first (e.g. `Raqqa Governorate`, `Syria`).
    pub parents: Vec<String>,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub precision: Precision,
}

/// A named party (actor or claimant) after alias normalisation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Party {
    /// Canonical name, e.g. `Syrian Observatory for Human Rights`.
    pub name: String,
    pub kind: PartyKind,
}

/// One sentence-level assertion that a number of people suffered one outcome.
/// See GUIDELINES.md in the evaluation kit and the codebook page of the site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `<article>#<n>`, n counting from 1 in text order, then the title's claims.
    pub id: String,
    pub article: String,
    /// The exact sentence the claim was read from.
    pub sentence: String,
    /// Read from the article's title, which its text does not repeat: the
    /// spans below are then into the title, not the text.
    #[serde(default)]
    pub in_title: bool,
    /// Where that sentence sits in the article text.
    pub sentence_span: Span,
    /// Where the count's words sit in the article text ("at least 47").
    pub count_span: Span,
    pub count_min: Option<u64>,
    pub count_max: Option<u64>,
    pub qualifier: Qualifier,
    pub measure: Measure,
    pub victims: Victims,
    pub place: Option<Place>,
    /// The place as the article spells it ("Jayroud", "East Ghota"); `place.name`
    /// is the gazetteer's canonical name for it.
    #[serde(default)]
    pub place_text: Option<String>,
    #[serde(default, with = "compact_date")]
    pub date_start: Option<Date>,
    #[serde(default, with = "compact_date")]
    pub date_end: Option<Date>,
    pub scope: Scope,
    pub actor: Option<Party>,
    pub claimant: Option<Party>,
    pub stance: Stance,
    /// Incident this claim was merged into (set by `reconcile`).
    pub incident: Option<String>,
}

/// What extraction found in one article, and anything worth telling the user.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub problems: Vec<Problem>,
}

vocabulary! {
    /// Airwars-style grade of an incident; the rule is in `reconcile::grade`.
    Grade {
        Confirmed => "confirmed",
        Fair => "fair",
        Weak => "weak",
        Contested => "contested",
    }
}

/// For one outcome and victim group of an incident: the range across its claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    pub measure: Measure,
    pub victims: Victims,
    /// Lowest lower bound among the claims (None when no claim bounds it from below).
    pub min: Option<u64>,
    /// Highest upper bound among the claims (None when some claim is open-ended).
    pub max: Option<u64>,
    /// Lowest and highest figure said by official (belligerent) claimants, if any.
    pub official: Option<(Option<u64>, Option<u64>)>,
    /// Lowest and highest figure said by everyone else.
    pub independent: Option<(Option<u64>, Option<u64>)>,
    /// Ids of the claims behind this tally.
    pub claims: Vec<String>,
}

/// One real event, seen through every claim about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// Derived from the incident's content, stable when unrelated articles are added.
    pub id: String,
    #[serde(default, with = "compact_date")]
    pub date_start: Option<Date>,
    #[serde(default, with = "compact_date")]
    pub date_end: Option<Date>,
    /// The most precise place any claim gives.
    pub place: Option<Place>,
    pub actors: Vec<Party>,
    pub claimants: Vec<Party>,
    pub tallies: Vec<Tally>,
    pub grade: Grade,
    /// Why the grade, in a sentence.
    pub grade_reason: String,
    /// Ids of all claims, in (article, position) order.
    pub claims: Vec<String>,
    /// Ids of the articles behind it.
    pub articles: Vec<String>,
}

/// Articles that are republished copies of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceGroup {
    /// The article taken as the original (earliest date, then smallest id).
    pub original: String,
    /// The others, with their estimated similarity to the original (0..=1).
    pub copies: Vec<(String, f32)>,
}

/// One point of a running total as a claimant states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesPoint {
    #[serde(default, with = "compact_date")]
    pub date: Option<Date>,
    pub count_min: Option<u64>,
    pub count_max: Option<u64>,
    pub claim: String,
}

/// Running totals (scope `cumulative`) of one claimant about one actor and outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub claimant: Option<Party>,
    pub actor: Option<Party>,
    pub measure: Measure,
    pub victims: Victims,
    pub points: Vec<SeriesPoint>,
}

/// Everything the report renders.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    pub articles: Vec<Article>,
    pub claims: Vec<Claim>,
    pub incidents: Vec<Incident>,
    pub source_groups: Vec<SourceGroup>,
    pub series: Vec<Series>,
}

/// The rules the stages apply, stated by the stages themselves so that the
/// site's method page always says what the code does.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MethodNotes {
    /// What counts as a claim and what does not, one rule a line (from `extract`).
    pub claim_rules: Vec<String>,
    /// Vague amounts: (words, count_min, count_max) (from `extract`).
    pub vague_numbers: Vec<(String, Option<u64>, Option<u64>)>,
    /// How copies and incidents are found, one rule a line (from `reconcile`).
    pub merge_rules: Vec<String>,
    /// The grading rule: (grade, when it applies) (from `reconcile`).
    pub grade_rules: Vec<(Grade, String)>,
}

/// A date as (year, month, day): how binary formats hold one (see
/// `compact_date`), and a cheap way to hash one.
pub fn date_numbers(date: Date) -> (i16, i8, i8) {
    (date.year(), date.month(), date.day())
}

mod compact_date {
    //! Serde functions for `Option<Date>` fields (`#[serde(default, with =
    //! "compact_date")]`): dates as text ("2017-06-03") in JSON and other
    //! human-readable formats, as numbers in binary ones (the cache, page
    //! fingerprints). Formatting and parsing dates was a noticeable part of
    //! hashing and loading a hundred thousand claims.

    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error as _};

    pub fn serialize<S: Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            date.serialize(serializer)
        } else {
            date.map(super::date_numbers).serialize(serializer)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Date>, D::Error> {
        if deserializer.is_human_readable() {
            return Option::<Date>::deserialize(deserializer);
        }
        Option::<(i16, i8, i8)>::deserialize(deserializer)?
            .map(|(year, month, day)| Date::new(year, month, day).map_err(D::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_round_trip_through_their_export_words() {
        for m in Measure::ALL {
            assert_eq!(Measure::parse(m.as_str()), Some(*m));
        }
        for q in Qualifier::ALL {
            assert_eq!(Qualifier::parse(q.as_str()), Some(*q));
        }
        assert_eq!(Qualifier::AtLeast.as_str(), "at_least");
        assert_eq!(
            serde_json::to_string(&Qualifier::AtLeast).ok().as_deref(),
            Some("\"at_least\"")
        );
    }

    #[test]
    fn spans_overlap_only_when_they_share_a_byte() {
        assert!(Span::new(0, 5).overlaps(Span::new(4, 6)));
        assert!(!Span::new(0, 5).overlaps(Span::new(5, 6)));
        assert!(Span::new(0, 5).contains(Span::new(1, 5)));
    }

    #[test]
    fn dates_are_text_in_json_and_numbers_in_binary_formats() {
        let point = |date| SeriesPoint {
            date,
            count_min: Some(1),
            count_max: None,
            claim: "a#1".into(),
        };
        for date in [Date::new(2017, 6, 3).ok(), Date::new(-44, 3, 15).ok(), None] {
            let json = serde_json::to_string(&point(date)).expect("JSON");
            let text = date.map_or("null".to_owned(), |d| format!("\"{d}\""));
            assert!(json.contains(&format!("\"date\":{text}")), "{json}");
            assert_eq!(
                serde_json::from_str::<SeriesPoint>(&json).expect("JSON back"),
                point(date)
            );
            let binary = postcard::to_stdvec(&point(date)).expect("binary");
            assert!(!binary.windows(4).any(|w| w == b"2017"));
            assert_eq!(
                postcard::from_bytes::<SeriesPoint>(&binary).expect("binary back"),
                point(date)
            );
        }
        // A missing date in JSON is no date; an impossible one in binary an error.
        let json = r#"{"count_min":1,"count_max":null,"claim":"a#1"}"#;
        assert_eq!(
            serde_json::from_str::<SeriesPoint>(json)
                .expect("no date")
                .date,
            None
        );
        let bad =
            postcard::to_stdvec(&(Some((2017i16, 2i8, 30i8)), Some(1u64), None::<u64>, "a#1"))
                .expect("bytes");
        assert!(postcard::from_bytes::<SeriesPoint>(&bad).is_err());
    }
}
