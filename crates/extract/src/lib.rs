//! The `extract` stage: bytes of a file become an [`Article`] ([`ingest`]), an
//! article becomes casualty [`Claim`]s ([`Extractor::extract`]).
//!
//! Pure functions over in-memory data: no files, no threads, no panics on any
//! input. Problems are returned beside the result, never raised.

pub mod claims;
pub mod dates;
pub mod gazetteer;
pub mod ingest;
pub mod lexicon;
pub mod numbers;
pub mod parties;
pub mod phrases;
pub mod tokens;

use jiff::civil::Date;
use ledger_types::{ArticleStatus, Place, Scope, Span};
use unicode_segmentation::UnicodeSegmentation;

pub use ledger_types::{Article, Claim, Extraction};

use crate::claims::{ClaimantRef, PartyInSentence, SentenceInput, sentence_claims};
use crate::gazetteer::{Gazetteer, PlaceMention, precision_rank};
use crate::numbers::{VAGUE_AMOUNTS, Words};
use crate::parties::{PartyMention, PartyTable};
use crate::tokens::{Token, tokenize};

/// Version of the extraction rules; caches keyed on it are invalid when it changes.
pub const EXTRACTOR_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+rules.1");

/// What counts as a claim, in words, for the method page. Keep in step with `claims`.
pub const CLAIM_RULES: &[&str] = &[
    "A claim is a count of people bound to one outcome (killed, injured, casualties, displaced, trapped, detained, missing, kidnapped) within one sentence.",
    "A count is bound to an outcome by a verb before it (\"killed 12 civilians\"), an outcome word after its noun phrase (\"12 civilians were killed\", \"28 militants dead\"), a cue before it (\"the death toll rose to 86\", \"among the dead were 4 children\"), or a list it belongs to (\"55 civilians killed, including 19 children\" gives two claims).",
    "Not claims: counts of strikes, raids, incidents or other things; years, ages, money, percentages, durations and distances; counts inside page furniture (share counters, donation appeals, link lists, photo credits).",
    "Qualifiers bind only the number they stand before: \"at least 47\" is 47 or more, \"more than 200\" above 200, \"nearly 170\" about 170, \"up to 30\" at most 30, \"10 to 15\" a range.",
    "Victims: civilians, children and women when the text counts them apart, combatants for fighters, troops, militants; people otherwise.",
    "A denial (\"denied any civilian casualties\") is a claim of zero with stance denied.",
    "Scope is cumulative for running totals (\"since\", \"so far\", \"the conflict has killed\", a period longer than three days) and for displaced, trapped and detained counts without an event date; incident otherwise.",
    "Place: the most specific gazetteer place in the sentence, else in the nearest earlier sentence of the paragraph, else in the title.",
    "Date: a date in the sentence (relative dates resolved against the article date; dates of speech such as \"said on Monday\" ignored), else the event date of the previous two sentences of the same paragraph, else (for one event) the article's date: news reports events of the day it is published.",
    "Claimant: \"according to X\", \"X said/reported/told\", \"said X\"; \"it said\" refers to the last claimant named. Actor: a belligerent named as the agent (\"by X\", \"X airstrikes\", \"X killed\").",
];

/// The extraction stage, with its gazetteer and party table loaded once.
#[derive(Debug)]
pub struct Extractor {
    gazetteer: Gazetteer,
    parties: PartyTable,
}

impl Extractor {
    /// The extractor with the built-in gazetteer and party table.
    pub fn builtin() -> Result<Extractor, String> {
        Extractor::with_extra_data(&[], &[])
    }

    /// The built-in data extended by users' files: (name, contents) pairs.
    pub fn with_extra_data(
        extra_gazetteers: &[(&str, &str)],
        extra_parties: &[(&str, &str)],
    ) -> Result<Extractor, String> {
        let mut g = vec![("gazetteer.tsv (built in)", gazetteer::BUILTIN_GAZETTEER)];
        g.extend_from_slice(extra_gazetteers);
        let mut p = vec![("parties.tsv (built in)", parties::BUILTIN_PARTIES)];
        p.extend_from_slice(extra_parties);
        Ok(Extractor {
            gazetteer: Gazetteer::from_sources(&g)?,
            parties: PartyTable::from_sources(&p)?,
        })
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Every casualty claim of one article. Never fails; a skipped article has none.
    pub fn extract(&self, article: &Article) -> Extraction {
        let mut out = Extraction::default();
        if article.status == ArticleStatus::Skipped {
            return out;
        }
        let text = article.text.as_str();
        let lower = text.to_ascii_lowercase();
        let is_furniture = |span: Span| ingest::is_furniture(article, span);
        let place_mentions: Vec<PlaceMention> = self.gazetteer.find(text);
        let party_mentions: Vec<PartyMention> = self.parties.find(text);
        let title_place = self.best_place(&self.gazetteer.find(&article.title), None);
        let paragraphs = paragraph_starts(text);

        let mut tokens: Vec<Token> = Vec::new();
        let mut last_claimant: Option<ledger_types::Party> = None;
        // (sentence number, paragraph, date) of the last dated incident claim.
        let mut last_dated: Option<(usize, usize, (Date, Date))> = None;
        // (sentence number, paragraph, actor) of the last claim with an actor.
        let mut last_actor: Option<(usize, usize, ledger_types::Party)> = None;
        // Best place of each earlier sentence of the current paragraph.
        let mut paragraph_place: Option<(usize, Place)> = None;

        let mut seen_sentences: std::collections::HashSet<&str> = Default::default();
        for (sentence_no, (start, sentence)) in text.split_sentence_bound_indices().enumerate() {
            let trimmed = sentence.trim();
            // A sentence printed twice (a subtitle repeating the lead) is one assertion.
            if trimmed.is_empty() || !seen_sentences.insert(trimmed) {
                continue;
            }
            let lead = sentence.len() - sentence.trim_start().len();
            let span = Span::new(start + lead, start + lead + trimmed.len());
            let paragraph = paragraphs.partition_point(|&p| p <= span.start);
            if paragraph_place
                .as_ref()
                .is_some_and(|(p, _)| *p != paragraph)
            {
                paragraph_place = None;
            }
            let places_here: Vec<PlaceMention> = place_mentions
                .iter()
                .filter(|m| span.contains(m.span) && !is_furniture(m.span))
                .filter(|m| !party_mentions.iter().any(|p| p.span.overlaps(m.span)))
                .copied()
                .collect();
            tokenize(&lower, span, &mut tokens);
            let parties_here = self.parties_in(&party_mentions, span, &tokens);
            let words = Words {
                lower: &lower,
                tokens: &tokens,
            };
            let input = SentenceInput {
                words,
                text,
                parties: &parties_here,
                article_date: article.date,
                furniture: &is_furniture,
            };
            let result = if is_furniture(span) {
                claims::SentenceResult::default()
            } else {
                sentence_claims(&input)
            };
            let found = result.claims;
            if found.is_empty()
                && let Some(a) = claims::sentence_actor(&input)
            {
                last_actor = Some((sentence_no, paragraph, a));
            }
            let sentence_place = self.best_place(&places_here, None);
            let refers_back = claims::refers_to_earlier_attack(&words);
            for sc in found {
                let count_start = sc.count_span.start;
                let place = self
                    .best_place(&places_here, Some(count_start))
                    .or_else(|| paragraph_place.as_ref().map(|(_, p)| p.clone()))
                    .or_else(|| title_place.clone());
                let claimant = match sc.claimant {
                    Some(ClaimantRef::Named(p)) => {
                        last_claimant = Some(p.clone());
                        Some(p)
                    }
                    Some(ClaimantRef::Pronoun) => last_claimant.clone(),
                    None => None,
                };
                let mut date = sc.date;
                if date.is_none()
                    && !sc.date_unresolved
                    && sc.scope == Scope::Incident
                    && let Some((n, p, d)) = last_dated
                    && p == paragraph
                    && sentence_no.saturating_sub(n) <= 2
                {
                    date = Some(d);
                }
                if sc.scope == Scope::Incident
                    && let Some(d) = date
                {
                    last_dated = Some((sentence_no, paragraph, d));
                }
                // News reports events of the day they are published: an undated
                // event claim takes the article's date.
                if date.is_none() && !sc.date_unresolved && sc.scope == Scope::Incident {
                    date = article.date.map(|d| (d, d));
                }
                let mut actor = sc.actor;
                if actor.is_none()
                    && refers_back
                    && let Some((n, p, a)) = &last_actor
                    && *p == paragraph
                    && sentence_no.saturating_sub(*n) <= 2
                {
                    actor = Some(a.clone());
                }
                if let Some(a) = &actor {
                    last_actor = Some((sentence_no, paragraph, a.clone()));
                }
                out.claims.push(Claim {
                    id: format!("{}#{}", article.id, out.claims.len() + 1),
                    article: article.id.clone(),
                    sentence: trimmed.to_string(),
                    sentence_span: span,
                    count_span: sc.count_span,
                    count_min: sc.count_min,
                    count_max: sc.count_max,
                    qualifier: sc.qualifier,
                    measure: sc.measure,
                    victims: sc.victims,
                    place,
                    date_start: date.map(|d| d.0),
                    date_end: date.map(|d| d.1),
                    scope: sc.scope,
                    actor,
                    claimant,
                    stance: sc.stance,
                    incident: None,
                });
            }
            // A sentence's own event date carries to the claims that follow it.
            if let Some(d) = result.event_date {
                last_dated = Some((sentence_no, paragraph, d));
            }
            // Claimants named in sentences without claims still set up "it said".
            if let Some(p) = parties_here.iter().rev().find(|p| {
                matches!(
                    p.party.kind,
                    ledger_types::PartyKind::Monitor
                        | ledger_types::PartyKind::International
                        | ledger_types::PartyKind::StateMedia
                )
            }) && out.claims.last().is_none_or(|c| c.sentence_span != span)
            {
                last_claimant = Some(p.party.clone());
            }
            if let Some(p) = sentence_place {
                paragraph_place = Some((paragraph, p));
            }
        }
        out
    }

    /// Party mentions inside `span`, as token ranges.
    fn parties_in(
        &self,
        mentions: &[PartyMention],
        span: Span,
        tokens: &[Token],
    ) -> Vec<PartyInSentence> {
        let first_in = mentions.partition_point(|m| m.span.start < span.start);
        mentions[first_in..]
            .iter()
            .take_while(|m| m.span.end <= span.end)
            .filter_map(|m| {
                let first = tokens.iter().position(|t| t.span.start >= m.span.start)?;
                let end = tokens.iter().rposition(|t| t.span.end <= m.span.end)? + 1;
                let party = self.parties.party(m.party)?.clone();
                (first < end).then_some(PartyInSentence { first, end, party })
            })
            .collect()
    }

    /// The most specific place among mentions; ties go to the one nearest `near`.
    fn best_place(&self, mentions: &[PlaceMention], near: Option<usize>) -> Option<Place> {
        mentions
            .iter()
            .filter_map(|m| Some((m, self.gazetteer.place(m.place)?)))
            .max_by_key(|(m, p)| {
                let distance = near.map_or(0, |n| n.abs_diff(m.span.start));
                (precision_rank(p.precision), std::cmp::Reverse(distance))
            })
            .map(|(_, p)| p.clone())
    }
}

/// Byte offsets where paragraphs (text after a blank line) start.
fn paragraph_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr_newline(&bytes[i..]) {
        let nl = i + off;
        let rest = &text[nl + 1..];
        let blank = rest.len() - rest.trim_start_matches([' ', '\t', '\r']).len();
        if rest[blank..].starts_with('\n') {
            let mut j = nl + 1 + blank;
            while j < text.len() && text[j..].starts_with(|c: char| c.is_whitespace()) {
                j += text[j..].chars().next().map_or(1, char::len_utf8);
            }
            starts.push(j);
            i = j.max(nl + 1);
        } else {
            i = nl + 1;
        }
        if i >= bytes.len() {
            break;
        }
    }
    starts
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

/// A vague amount's words and bounds, as the method page lists them.
pub type VagueAmount = (String, Option<u64>, Option<u64>);

/// The rules of this stage for the method page.
pub fn method_notes() -> (Vec<String>, Vec<VagueAmount>) {
    let rules = CLAIM_RULES.iter().map(|s| s.to_string()).collect();
    let mut vague: Vec<VagueAmount> = VAGUE_AMOUNTS
        .iter()
        .map(|(words, lo, hi)| (words.join(" "), Some(*lo), Some(*hi)))
        .collect();
    vague.push(("a dozen".into(), Some(12), Some(12)));
    (rules, vague)
}
