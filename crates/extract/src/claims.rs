//! The claim rules: which counts in a sentence are casualty claims, and each
//! claim's outcome, victims, scope, stance, actor, claimant, place and date.
//!
//! A count becomes a claim only when an outcome cue is bound to it (a verb
//! before it, an outcome word after its noun phrase, a "death toll" before it,
//! or a list it belongs to); everything else (forces, strikes, years, money)
//! is left alone. The rules are stated for users in [`crate::CLAIM_RULES`].

use jiff::civil::Date;
use ledger_types::{Measure, Party, PartyKind, Qualifier, Scope, Span, Stance, Victims};

use crate::dates::{DateMention, find_dates};
use crate::lexicon::{
    is_attack_noun, is_aux, is_fighting_noun, is_killing_noun, is_np_stop, is_rescue_work,
    is_saying_verb, is_time_unit, is_weekday, month_number, non_victim_noun, outcome_after,
    outcome_before, victim_noun,
};
use crate::numbers::{Count, Words, count_at};
use crate::tokens::TokenKind;

/// A claim as the rules find it in one sentence, before article context fills in
/// what the sentence does not say.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceClaim {
    pub count_span: Span,
    pub count_min: Option<u64>,
    pub count_max: Option<u64>,
    pub qualifier: Qualifier,
    pub measure: Measure,
    pub victims: Victims,
    pub scope: Scope,
    pub stance: Stance,
    /// Token index of the count (for nearest-mention choices).
    pub token: usize,
    /// The claim's own date, if the sentence gives one.
    pub date: Option<(Date, Date)>,
    /// The sentence dates something, but the date could not be resolved.
    pub date_unresolved: bool,
    /// Dated as the earlier event of "a day after ...": not the date the
    /// sentences after it speak of.
    pub date_is_earlier_event: bool,
    pub actor: Option<Party>,
    pub claimant: Option<ClaimantRef>,
}

/// Who asserts the claims of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimantRef {
    Named(Party),
    /// "it said", "the group said": the last claimant named earlier in the article.
    Pronoun,
    /// "he said", "she told": a person, who may be a speaker an earlier
    /// sentence named without the party table knowing them.
    Person,
}

/// Parties named in the sentence, with their token range.
#[derive(Debug, Clone)]
pub struct PartyInSentence {
    pub first: usize,
    pub end: usize,
    pub party: Party,
}

/// Everything the rules need about one sentence.
#[allow(missing_debug_implementations)] // holds a closure
pub struct SentenceInput<'a> {
    pub words: Words<'a>,
    /// Original-case text (token spans index into it).
    pub text: &'a str,
    pub parties: &'a [PartyInSentence],
    pub article_date: Option<Date>,
    /// Token ranges that are page furniture.
    pub furniture: &'a dyn Fn(Span) -> bool,
}

/// The noun a phrase starting at `at` counts: past a party's name ("the Daesh
/// militants"), unless the name ends in the noun ("14 jihadists").
fn noun_past_party(w: &Words<'_>, parties: &[PartyInSentence], at: usize) -> usize {
    parties.iter().find(|p| p.first == at).map_or(at, |p| {
        if p.end > 0 && victim_noun(w.get(p.end - 1)).is_some() {
            p.end - 1
        } else {
            p.end
        }
    })
}

/// What a count's noun phrase says.
#[derive(Debug, Clone, Copy, Default)]
struct NounPhrase {
    victims: Option<Victims>,
    /// One past the last token of the phrase.
    end: usize,
    /// An outcome word found inside the phrase ("31 dead", "civilian deaths").
    measure: Option<Measure>,
    /// The phrase names something other than people ("50 strikes").
    not_people: bool,
    /// `direct_outcome_after` the phrase: "29 injured".
    direct: Option<Measure>,
    /// The outcome inside the phrase is an adjective ("six wounded
    /// soldiers", "20 displaced civilians"), whose own verb may tell what
    /// became of them.
    adjective_outcome: bool,
}

fn noun_phrase(w: &Words<'_>, count: &Count, parties: &[PartyInSentence]) -> NounPhrase {
    let mut np = NounPhrase {
        end: count.end,
        ..NounPhrase::default()
    };
    let mut j = count.end;
    // "13 rebels from the six families": where the counted came from (not
    // "two from the 12 wounded", "apart from the 12 killed").
    // ("Six civilians from one family": the family they came from.)
    let from_at = if w.get(count.first.wrapping_sub(1)) == "the" {
        count.first.wrapping_sub(2)
    } else {
        count.first.wrapping_sub(1)
    };
    // ("11 members of one family", "all the dead were from six families":
    // the families they belonged to.)
    let families = matches!(
        w.get(count.end),
        "family" | "families" | "household" | "households"
    );
    let after_people = victim_noun(w.get(from_at.wrapping_sub(1))).is_some();
    let origin = match w.get(from_at) {
        "from" => after_people || families,
        "of" => after_people && families,
        _ => false,
    };
    if count.first >= 2 && origin {
        np.not_people = true;
        return np;
    }
    // "a father of four": how many children someone has, not a count of
    // victims (but "parents of 12 children killed" counts the children).
    if count.first >= 2
        && w.get(count.first - 1) == "of"
        && matches!(
            w.get(count.first - 2),
            "father" | "mother" | "parent" | "grandfather" | "grandmother"
        )
        && victim_noun(w.get(count.end)).is_none()
    {
        np.not_people = true;
        return np;
    }
    // "updated to 18 its toll for the number of rebels killed": the toll's
    // people are the count's.
    if matches!(w.get(j), "its" | "the" | "their") {
        let mut k = j + 1 + usize::from(w.get(j + 1) == "death");
        if w.get(k) == "toll" && matches!(w.get(k + 1), "for" | "of") {
            k += 2;
            if w.get(k) == "the" && w.get(k + 1) == "number" && w.get(k + 2) == "of" {
                k += 3;
            }
            let k = noun_past_party(w, parties, k);
            if let Some(v) = victim_noun(w.get(k)) {
                np.victims = Some(v);
                np.end = k + 1;
                return np;
            }
        }
    }
    if w.get(j) == "of" && (count.is_vague || w.get(j.wrapping_sub(1)) == "dozen") {
        j += 1;
        // ("tens of its own fighters".)
        if matches!(w.get(j), "the" | "its" | "their" | "his" | "her") {
            j += 1;
        }
        if w.get(j) == "own" {
            j += 1;
        }
    } else if w.get(j) == "of"
        && matches!(w.get(j + 1), "his" | "her" | "their" | "its")
        && let Some(noun) = if victim_noun(w.get(j + 2)).is_some() {
            Some(j + 2)
        } else {
            // ("12 of his field commanders": past one word before the noun,
            // not a number: "two of her four children" counts four apart.)
            (w.kind(j + 2) == Some(TokenKind::Word)
                && !non_victim_noun(w.get(j + 2))
                && count_at(w, j + 2).is_none()
                && victim_noun(w.get(j + 3)).is_some())
            .then_some(j + 3)
        }
        && let Some(v) = victim_noun(w.get(noun))
    {
        // "two of her children", "four of its soldiers": a part of someone's
        // kin or people; "six of its members" may be a family's.
        np.victims = Some(if w.get(noun) == "members" {
            Victims::People
        } else {
            v
        });
        np.end = noun + 1;
        return np;
    } else if w.get(j) == "of"
        && matches!(w.get(j + 1), "his" | "her" | "their" | "its")
        && (j + 2..j + 5)
            .take_while(|&k| w.kind(k) == Some(TokenKind::Word) && victim_noun(w.get(k)).is_none())
            // ("five of his groups members": a lost apostrophe, the members.)
            .any(|k| non_victim_noun(w.get(k)) && victim_noun(w.get(k + 1)).is_none())
    {
        // "9 of their military vehicles": things of theirs, not people.
        np.not_people = true;
        return np;
    } else if w.get(j) == "of" && matches!(w.get(j + 1), "the" | "those" | "these") {
        // "22 of the jihadists": a part of a named group; "18 of the 31 lorries":
        // a part of something that is not people.
        let mut k = j + 2;
        if w.kind(k) == Some(TokenKind::Number) {
            k += 1;
        }
        // ("14 of the IS group fighters": past the party's name.)
        let k = noun_past_party(w, parties, k);
        if let Some(v) = victim_noun(w.get(k)) {
            np.victims = Some(v);
            np.end = k + 1;
            return np;
        }
        if !matches!(
            w.get(k),
            "dead" | "killed" | "slain" | "victims" | "wounded" | "injured" | "fatalities"
        ) {
            np.not_people = true;
            return np;
        }
    }
    // "25 other were injured": "others" misspelt, before its verb.
    if j == count.end
        && w.get(j) == "other"
        && (is_aux(w.get(j + 1)) || outcome_after(w.get(j + 1)).is_some())
    {
        np.victims = Some(Victims::People);
        np.end = j + 1;
        return np;
    }
    let mut unknown = 0;
    while j < w.len() && unknown <= 3 {
        // "10 IS militants", "17 Daesh fighters": a party names whose people they are.
        if let Some(p) = parties.iter().find(|p| p.first == j) {
            // ("23 terrorist targets": things of theirs; not "20 ISIS
            // militants targets", a lost comma.)
            let last = w.get(p.end - 1);
            if is_thing_of_people(w.get(p.end))
                && !(victim_noun(last).is_some() && last.ends_with('s'))
            {
                np.not_people = true;
                return np;
            }
            // ... unless the party's own name is the noun ("14 jihadists", "5 rebels").
            if let Some(v) = victim_noun(w.get(p.end - 1)) {
                np.victims = Some(v);
                np.end = p.end;
                return np;
            }
            // "43 regime forces had been killed": a force's name is the noun
            // when the clause goes on after it.
            let next = w.get(p.end);
            // So is it as the object of an outcome verb ("killed 38 regime forces").
            if w.get(p.end - 1) == "forces"
                && (is_aux(next)
                    || outcome_after(next).is_some()
                    || next == "and"
                    || next == ","
                    || outcome_before(w.get(count.first.wrapping_sub(1))).is_some())
            {
                np.victims = Some(Victims::Combatants);
                np.end = p.end;
                return np;
            }
            j = p.end;
            unknown += 1;
            continue;
        }
        let word = w.get(j);
        // "60 "terrorists" were killed": the noun in quotes is still the noun.
        if is_quote(word) && j < count.end + 3 {
            j += 1;
            continue;
        }
        // "35 Daesh (outlawed in Russia) militants": step over a short aside.
        if matches!(word, "(" | "[")
            && let Some(close) =
                (j + 1..(j + 10).min(w.len())).find(|&k| matches!(w.get(k), ")" | "]"))
        {
            j = close + 1;
            continue;
        }
        if w.kind(j) != Some(TokenKind::Word) {
            // "-year-old" style and percent signs make the count no people.
            if word == "%" {
                np.not_people = true;
            }
            break;
        }
        if word == "civilian" {
            np.victims = Some(Victims::Civilians);
            // "a civilian was killed": the noun itself, where the phrase ends,
            // not the adjective of "civilian casualties".
            if w.kind(j + 1) != Some(TokenKind::Word) || crate::lexicon::is_np_stop(w.get(j + 1)) {
                np.end = j + 1;
                return np;
            }
            j += 1;
            continue;
        }
        // "18 bodies were pulled from the rubble", "230 corpses of
        // tribesmen": the dead, whoever "of" says they were; not "15
        // humanitarian bodies signed the appeal".
        let dead_bodies = word == "corpses"
            || (word == "bodies"
                && !matches!(
                    w.get(j.wrapping_sub(1)),
                    "humanitarian"
                        | "international"
                        | "aid"
                        | "un"
                        | "government"
                        | "governmental"
                        | "official"
                        | "relief"
                        | "charitable"
                        | "political"
                        | "religious"
                        | "civic"
                        | "advisory"
                        | "legislative"
                        | "regulatory"
                        | "judicial"
                        | "administrative"
                        | "local"
                        | "governing"
                ));
        if dead_bodies {
            np.measure = Some(Measure::Killed);
            np.end = j + 1;
            let of = usize::from(w.get(j + 2) == "the");
            if w.get(j + 1) == "of"
                && let Some(v) = victim_noun(w.get(j + 2 + of))
            {
                np.victims = Some(v);
                np.end = j + 3 + of;
            }
            np.victims.get_or_insert(Victims::People);
            return np;
        }
        if word == "lives" {
            // "claimed 20 lives", "cost some 300000 lives".
            np.measure = Some(Measure::Killed);
            np.victims.get_or_insert(Victims::People);
            np.end = j + 1;
            return np;
        }
        // "6 Lebanese martyrs and 22 injured": the dead, by the word of those
        // who mourn them.
        // (Not "Five Martyrs Brigade fighters", nor "200 martyrs' families",
        // "the families of 30 martyrs protested".)
        let named_for_them = w.get(count.first.wrapping_sub(1)) == "of"
            && matches!(
                w.get(count.first.wrapping_sub(2)),
                "families" | "names" | "relatives" | "graves" | "photos" | "pictures" | "portraits"
            );
        if word == "martyrs"
            && !named_for_them
            && !matches!(
                w.get(j + 1),
                "brigade" | "brigades" | "battalion" | "battalions" | "'" | "’" | "families"
            )
        {
            np.measure = Some(Measure::Killed);
            np.victims.get_or_insert(Victims::People);
            np.end = j + 1;
            return np;
        }
        if matches!(
            word,
            "dead" | "deaths" | "casualties" | "fatalities" | "injuries"
        ) {
            np.measure = outcome_after(word);
            np.end = j + 1;
            // "30 dead and wounded", "dozens of deaths and injuries": one count
            // of both outcomes.
            // Not "10 dead and wounded 25 others", where "wounded" takes a count.
            if matches!(word, "dead" | "deaths" | "fatalities")
                && matches!(w.get(j + 1), "and" | "or")
                && outcome_after(w.get(j + 2)) == Some(Measure::Injured)
                && count_at(w, j + 3).is_none()
                && !matches!(
                    w.get(j + 3),
                    "many" | "several" | "scores" | "hundreds" | "dozens"
                )
            {
                np.measure = Some(Measure::Casualties);
                np.end = j + 3;
            }
            // "a dozen casualties on the terrorists", "among the rebels",
            // "dead and injured from army personnel": whose casualties they
            // are (not "12 deaths from government troops' shelling", whose
            // attack it was: "from" only after both outcomes).
            let e = np.end;
            let from = w.get(e) == "from" && np.measure == Some(Measure::Casualties);
            if matches!(w.get(e), "on" | "among") || from {
                let the = usize::from(w.get(e + 1) == "the");
                let mut at = e + 1 + the;
                // ("from army personnel": past one word naming their side.)
                if victim_noun(w.get(at)).is_none()
                    && victim_noun(w.get(at + 1)) == Some(Victims::Combatants)
                    && !parties.iter().any(|p| p.first == at)
                    && w.kind(at) == Some(TokenKind::Word)
                {
                    at += 1;
                }
                // ("among the Daesh militants": past the party's name.)
                let noun = noun_past_party(w, parties, at);
                // ("from regime soldiers' fire": the attackers.)
                let attackers = from
                    && (is_attack_noun(w.get(noun + 1))
                        || matches!(w.get(noun + 1), "'" | "’" | "s"));
                if !attackers && let Some(v) = victim_noun(w.get(noun)) {
                    np.victims = Some(v);
                    np.end = noun + 1;
                }
                // "dead among the ranks of Jaish al-Islam": its fighters (not
                // "the ranks of civilians fleeing").
                if w.get(at) == "ranks" && w.get(at + 1) == "of" {
                    let named = (at + 2..at + 5).find_map(|k| victim_noun(w.get(k)));
                    let side = parties.iter().any(|p| {
                        (at + 2..at + 4).contains(&p.first)
                            && p.party.kind == PartyKind::Belligerent
                    });
                    np.victims = Some(named.unwrap_or(if side {
                        Victims::Combatants
                    } else {
                        Victims::People
                    }));
                    np.end = at + 1;
                }
            }
            np.victims.get_or_insert(Victims::People);
            return np;
        }
        // "15 fighter planes", "civilian buses": a person noun modifying a thing
        // (a singular one: "killed 15 militants posts were hit" lost a comma).
        if victim_noun(word).is_some() && !word.ends_with('s') && is_thing_of_people(w.get(j + 1)) {
            np.not_people = true;
            return np;
        }
        // "9 security forces": members of them.
        if w.matches(j, SECURITY_FORCES) {
            np.victims = Some(Victims::Combatants);
            np.end = j + 2;
            return np;
        }
        if let Some(v) = victim_noun(word) {
            // "rescue workers", "emergency personnel", "White Helmets
            // volunteers": civilians by their work.
            let before = w.get(j.wrapping_sub(1));
            let rescuers = (is_rescue_work(before)
                || (matches!(before, "defence" | "defense")
                    && w.get(j.wrapping_sub(2)) == "civil"))
                && matches!(
                    word,
                    "workers"
                        | "worker"
                        | "volunteers"
                        | "personnel"
                        | "responders"
                        | "crews"
                        | "crew"
                );
            np.victims = Some(match (np.victims, v) {
                // "civilian men": the adjective wins.
                (Some(Victims::Civilians), Victims::People) => Victims::Civilians,
                _ if rescuers => Victims::Civilians,
                _ => v,
            });
            np.end = j + 1;
            // "family members", "aid workers", "security personnel": take the head.
            if let Some(v2) = victim_noun(w.get(j + 1)) {
                // ... but "police officers" are police, and "staff members"
                // staff.
                if (v2 != Victims::People || np.victims == Some(Victims::People))
                    && word != "police"
                    && !matches!(w.get(j + 1), "member" | "members")
                {
                    np.victims = Some(v2);
                }
                np.end = j + 2;
            }
            // "dozens of women and children": counted together, civilians
            // (not "12 women and 5 children", counted apart).
            if matches!(w.get(np.end - 1), "women" | "children")
                && matches!(w.get(np.end + 1), "women" | "children")
                && matches!(w.get(np.end), "and" | "or")
                && let Some(other @ (Victims::Women | Victims::Children)) =
                    victim_noun(w.get(np.end + 1))
                && Some(other) != np.victims
            {
                np.victims = Some(Victims::Civilians);
                np.end += 2;
            }
            return np;
        }
        // "killing 40 and wounding 90 hours after the deal", its comma lost:
        // a count the verb takes, then when (no one kills for 90 hours).
        let time_after_verb = j == count.end
            && is_time_unit(word)
            && matches!(w.get(j + 1), "after" | "before" | "later" | "earlier")
            && w.get(count.first.wrapping_sub(1)).ends_with("ing")
            && matches!(
                outcome_before(w.get(count.first.wrapping_sub(1))),
                Some(Measure::Killed | Measure::Injured)
            );
        if time_after_verb {
            return np;
        }
        if non_victim_noun(word) || word.ends_with("-year-old") || word.ends_with("-years-old") {
            np.not_people = true;
            return np;
        }
        if word == "casualty" || word == "death" {
            // "casualty events", "death toll": a modifier, the head comes next.
            j += 1;
            unknown += 1;
            continue;
        }
        // "70 regime and rebel fighters": "and" inside a noun phrase, not between counts.
        if word == "and"
            && unknown > 0
            && w.kind(j + 1) == Some(TokenKind::Word)
            && !matches!(w.get(j + 1), "a" | "an" | "the")
            && count_at(w, j + 1).is_none()
        {
            j += 1;
            continue;
        }
        // "30 regime and 39 rebel fighters": the first count's noun is the
        // second's, its words so far the side it names. The phrase ends
        // before "and", so that the list goes on to the outcome.
        // (Not "four witnesses and two medics": a plural is a noun of its own.)
        if word == "and"
            && (1..=2).contains(&unknown)
            && (count.end..j).all(|k| {
                let x = w.get(k);
                parties
                    .iter()
                    .any(|p| p.first <= k && k < p.end && p.party.kind == PartyKind::Belligerent)
                    || !x.ends_with('s')
                    || x.ends_with("ss")
            })
            && let Some(next) = count_at(w, j + 1)
            && let Some(v) = (next.end..next.end + 3)
                .take_while(|&k| w.kind(k) == Some(TokenKind::Word) && !is_np_stop(w.get(k)))
                .find_map(|k| victim_noun(w.get(k)))
        {
            np.victims = Some(v);
            np.end = j;
            return np;
        }
        // "dozens of severely injured children": the outcome as an adjective.
        // (Not "30 dying patients": still alive.)
        if let Some(m) = outcome_after(word)
            && victim_noun(w.get(j + 1)).is_some()
            && !matches!(word, "dead" | "deaths" | "casualties" | "dying")
        {
            np.measure = Some(m);
            np.adjective_outcome = true;
            j += 1;
            continue;
        }
        // "five more civilians": "more" is also an adverb ("many more
        // wounded"), so it is stepped over before the stop words end the phrase.
        if matches!(word, "more" | "other" | "further" | "additional") && w.get(j + 1) != "than" {
            j += 1;
            continue;
        }
        if outcome_after(word).is_some() || is_np_stop(word) || is_aux(word) {
            break;
        }
        unknown += 1;
        j += 1;
    }
    np
}

/// Tokens that join a breakdown or list to the count before it.
fn is_list_joiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "including"
            | "among"
            | "them"
            | "whom"
            | "of"
            | "and"
            | ","
            | "as"
            | "well"
            | "with"
            | "plus"
            | "another"
            | "other"
            | "in"
            | "addition"
            | "to"
            | "along"
            | "besides"
            | "mostly"
            | "mainly"
            | "some"
            | "most"
            | "all"
            | "were"
            | "are"
            | "is"
            | "was"
            | "the"
            | ";"
            | "–"
            | "-"
            | "—"
    )
}

/// "including", "among them", "of whom": a breakdown of the count before, however
/// far back its noun phrase ended.
fn is_explicit_breakdown(w: &Words<'_>, first: usize) -> bool {
    let prev = w.get(first - 1);
    prev == "including"
        || includes_a_family(w, first)
        || (matches!(prev, "them" | "whom" | "which")
            && matches!(w.get(first.wrapping_sub(2)), "among" | "of"))
        || w.ends_before(first, &["along", "with"])
        || w.ends_before(first, &["together", "with"])
        || w.ends_before(first, &["as", "well", "as"])
}

/// "including an Iraqi family of four": a family counted as part of the toll.
fn includes_a_family(w: &Words<'_>, first: usize) -> bool {
    first >= 4
        && w.get(first - 1) == "of"
        && matches!(w.get(first - 2), "family" | "families")
        && (first.saturating_sub(6)..first - 2).any(|k| w.get(k) == "including")
}

/// "13 of whom were women", "16 of them": a part of a group named before.
fn is_part_of_earlier(w: &Words<'_>, c: &Count) -> bool {
    of_them_at(w, c.end)
}

/// "of whom", "of them" at token `k`.
fn of_them_at(w: &Words<'_>, k: usize) -> bool {
    w.get(k) == "of" && matches!(w.get(k + 1), "whom" | "them")
}

/// Outcome words that are often adjectives of things: "two besieged towns",
/// "dozens of burned out vehicles".
fn is_adjective_of_things(w: &Words<'_>, j: usize) -> bool {
    let next = w.get(j + 1);
    // "30 dying patients": still alive, whoever they are.
    if w.get(j) == "dying" {
        return w.kind(j + 1) == Some(TokenKind::Word) && !is_aux(next) && !is_np_stop(next);
    }
    matches!(
        w.get(j),
        "besieged" | "burned" | "burnt" | "stranded" | "held" | "captured" | "stuck" | "trapped"
    ) && w.kind(j + 1) == Some(TokenKind::Word)
        && victim_noun(next).is_none()
        && !is_aux(next)
        && !is_np_stop(next)
        // "were trapped inside the city": where, not what.
        && !matches!(
            next,
            "inside" | "under" | "within" | "behind" | "near" | "outside" | "there" | "here"
        )
}

/// Does a breakdown or list word stand just before token `first`?
fn is_breakdown_joiner(w: &Words<'_>, first: usize) -> bool {
    let prev = w.get(first - 1);
    if w.ends_before(first, &["along", "with"])
        || w.ends_before(first, &["together", "with"])
        || w.ends_before(first, &["as", "well", "as"])
        || w.ends_before(first, &["as", "follows", ":"])
        || w.ends_before(first, &["as", "follows"])
        || (prev == "another" && first >= 2)
    {
        return true;
    }
    // "Among at least 25 injured eight were in critical condition": a part of
    // the count the clause opened with, even with no comma between.
    let among_count = first >= 3
        && matches!(prev, "injured" | "wounded" | "hurt" | "dead" | "killed")
        && (first.saturating_sub(6)..first - 2).any(|k| w.get(k) == "among");
    // "killed a woman and her four children", "including a man and his two
    // sons": a pair the outcome or the breakdown takes (not "leaving his wife
    // and their three children without shelter").
    let kin_list = first >= 5
        && matches!(prev, "her" | "his" | "their")
        && w.get(first - 2) == "and"
        && victim_noun(w.get(first - 3)).is_some()
        && (matches!(w.get(first - 4), "a" | "an" | "the")
            || count_at(w, first - 4).is_some_and(|c| c.end == first - 3))
        && (w.get(first - 5) == "including" || outcome_before(w.get(first - 5)).is_some());
    among_count
        || kin_list
        || includes_a_family(w, first)
        || matches!(
            prev,
            "including" | "and" | "," | "plus" | "them" | "whom" | "incl"
        )
        || (prev == "as" && w.ends_before(first, &["as", "well", "as"]))
        // "270 dead bodies of which at least 96 were children".
        || (prev == "which" && matches!(w.get(first.wrapping_sub(2)), "of" | "among"))
}

/// Is the verb at `k` an "announced" or "declared" whose object is no toll
/// ("hours after the US and Russia announced a deal")? Not "announced a new
/// tally of 50 dead", "announced its jets had killed 30", "declared its
/// operation killed 200", "announced the start of the offensive, saying 40
/// were killed"; but "declared the end of the cease-fire at least 359
/// civilians have been killed" (its comma lost) announced the end.
fn announces_no_toll(w: &Words<'_>, k: usize, party_at: &dyn Fn(usize) -> Option<usize>) -> bool {
    if !matches!(
        w.get(k),
        "announced" | "announces" | "declared" | "declares"
    ) || !(matches!(w.get(k + 1), "a" | "an" | "its" | "their")
        || (w.get(k + 1) == "the" && party_at(k + 2).is_none()))
    {
        return false;
    }
    // An agreement or a turn of the war.
    let agreement = (k + 2..k + 4).find(|&j| {
        matches!(
            w.get(j),
            "deal"
                | "truce"
                | "ceasefire"
                | "cease-fire"
                | "agreement"
                | "end"
                | "start"
                | "launch"
                | "plan"
                | "offensive"
                | "operation"
                | "victory"
                | "withdrawal"
        )
    });
    let toll = (k + 1..(k + 12).min(w.len()))
        .take_while(|&j| !matches!(w.get(j), "." | ";"))
        .find(|&j| {
            let x = w.get(j);
            matches!(
                x,
                "toll"
                    | "tolls"
                    | "death"
                    | "deaths"
                    | "dead"
                    | "killing"
                    | "casualties"
                    | "figure"
                    | "tally"
                    | "count"
                    | "estimate"
                    | "number"
                    | "milestone"
            ) || outcome_after(x).is_some()
                || outcome_before(x).is_some()
                || count_at(w, j).is_some()
        });
    match (agreement, toll) {
        (_, None) => true,
        (None, Some(_)) => false,
        // The count follows the agreement with nothing to link them.
        (Some(a), Some(t)) => {
            t > a
                && count_at(w, t).is_some()
                && (a + 1..t).all(|j| {
                    let x = w.get(j);
                    w.kind(j) == Some(TokenKind::Word)
                        && !is_aux(x)
                        && !is_saying_verb(x)
                        && !matches!(x, "that" | "which" | "where" | "after" | "with" | "in")
                })
        }
    }
}

/// A quotation mark, straight or curly.
fn is_quote(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”")
}

/// Does the quotation mark at `k` open a quotation (an even number of them before it)?
fn is_opening_quote(w: &Words<'_>, k: usize) -> bool {
    is_quote(w.get(k)) && (0..k).filter(|&j| is_quote(w.get(j))).count() % 2 == 0
}

/// Outcome verbs that say little by themselves ("holding 20", "claimed 49"):
/// they bind a count only when its noun names people.
fn is_weak_outcome_verb(w: &str) -> bool {
    matches!(
        w,
        "holding"
            | "claimed"
            | "claiming"
            | "claims"
            | "claim"
            | "captured"
            | "capturing"
            | "rounded"
    )
}

/// Past a short aside after a noun phrase ending at `at` ("500 others,
/// mostly children, have been affected", "20 civilians including children
/// were treated"): where the phrase's verb may stand.
fn past_aside(w: &Words<'_>, at: usize) -> usize {
    let open = at + usize::from(w.get(at) == ",");
    if !matches!(w.get(open), "mostly" | "mainly" | "largely" | "including") {
        return at;
    }
    // ("including three children (5-8 years) were injured": a count, and a
    // bracket after the noun.)
    let noun = count_at(w, open + 1).map_or(open + 1, |c| c.end);
    if victim_noun(w.get(noun)).is_none() {
        return at;
    }
    let after = past_bracket(w, noun + 1);
    after + usize::from(w.get(after) == ",")
}

/// Past a short bracket opening at `at` ("(5-8 years)"), or `at`.
fn past_bracket(w: &Words<'_>, at: usize) -> usize {
    if w.get(at) != "(" {
        return at;
    }
    (at + 1..(at + 8).min(w.len()))
        .find(|&k| w.get(k) == ")")
        .map_or(at, |close| close + 1)
}

/// Does a verb of its own follow a list member whose phrase ends at `at`
/// ("and 2000 refugees returned", "have returned", "and 30 residents
/// protested")? Then the member takes no outcome from the list.
fn verb_of_its_own(w: &Words<'_>, at: usize) -> bool {
    let at = past_aside(w, at);
    let next = w.get(at);
    let past = |x: &str| x.len() > 3 && x.ends_with("ed") && outcome_after(x).is_none();
    // "and millions have been made homeless", "and 20 were rescued": a verb
    // no outcome list names (not "and 9 were slaughtered", a killing the
    // list may miss).
    let been_done = || {
        let done = w.get(at + 2);
        w.get(at + 1) == "been"
            && w.kind(at + 2) == Some(TokenKind::Word)
            && outcome_after(done).is_none()
            && !done.ends_with("ly")
            && (!done.ends_with("ed") || is_verb_of_survivors(done))
    };
    (past(next) && !is_aux(next))
        || (matches!(next, "have" | "has" | "had") && (past(w.get(at + 1)) || been_done()))
        || (matches!(next, "were" | "was")
            && (is_verb_of_survivors(w.get(at + 1))
                || (matches!(w.get(at + 1), "later" | "subsequently" | "then" | "all")
                    && is_verb_of_survivors(w.get(at + 2)))))
        || matches!(next, "went" | "came" | "left" | "began" | "took")
}

/// Whether the people counted in a phrase ending at `end` (the wounded, the
/// displaced...) died, by their own verb: "six wounded soldiers later died" (not "40 wounded people and 9
/// dead", "20 wounded, two of whom later died", "25 wounded children could
/// die", "nearly died").
fn later_died(w: &Words<'_>, end: usize) -> bool {
    (end..(end + 12).min(w.len()))
        .take_while(|&k| {
            count_at(w, k).is_none()
                && !matches!(
                    w.get(k),
                    "," | ";" | "and" | "who" | "which" | "whom" | "but"
                )
        })
        .any(|k| {
            matches!(w.get(k), "died" | "succumbed")
                && !matches!(
                    w.get(k.wrapping_sub(1)),
                    "nearly" | "almost" | "have" | "never" | "not" | "narrowly"
                )
        })
}

/// Verbs that tell of a killing threatened, ordered, planned, prevented or
/// denied, not one that happened ("threatened the execution of 20 hostages",
/// "denied the murder of 30 prisoners"; not "called the execution of 20 a
/// war crime").
fn is_unrealised_killing_verb(w: &str) -> bool {
    matches!(
        w,
        "threatened"
            | "threatens"
            | "threaten"
            | "threatening"
            | "vowed"
            | "vows"
            | "vow"
            | "ordered"
            | "orders"
            | "order"
            | "plans"
            | "planned"
            | "plan"
            | "planning"
            | "demanded"
            | "demands"
            | "demand"
            | "denied"
            | "denies"
            | "deny"
            | "prevent"
            | "prevents"
            | "prevented"
            | "averted"
            | "stopped"
            | "foiled"
            | "warned"
            | "warns"
            | "intends"
            | "intend"
            | "intended"
    )
}

/// "The casualties are in their hundreds", "the dead were in the dozens":
/// the subject's outcome noun is what the count counts.
fn outcome_in_their_count(w: &Words<'_>, c: &Count) -> Option<Measure> {
    let k = c.first;
    if !(k >= 4
        && matches!(w.get(k - 1), "their" | "the")
        && w.get(k - 2) == "in"
        && matches!(
            w.get(k - 3),
            "are" | "were" | "was" | "is" | "ran" | "run" | "number"
        ))
    {
        return None;
    }
    let noun = w.get(k - 4);
    if matches!(noun, "casualties" | "victims") {
        return Some(Measure::Casualties);
    }
    outcome_after(noun).filter(|_| {
        matches!(
            noun,
            "dead" | "deaths" | "injured" | "wounded" | "displaced" | "missing"
        )
    })
}

/// Whether an outcome is something that befell people (killed, wounded,
/// detained...) rather than where they went or were held (displaced,
/// trapped), which a later verb may override but not be overridden by.
fn is_a_fate(m: Measure) -> bool {
    !matches!(m, Measure::Displaced | Measure::Trapped)
}

/// The outcome of a passive verb opening the words at `at` ("were killed",
/// "have also been wounded", "were later found dead").
fn passive_outcome_at(w: &Words<'_>, at: usize) -> Option<Measure> {
    let mut k = at;
    let mut aux = false;
    while k < (at + 5).min(w.len()) {
        let x = w.get(k);
        if is_passive_aux(x) {
            aux = true;
        } else if !(matches!(
            x,
            "also" | "later" | "reportedly" | "subsequently" | "found"
        ) || (x.len() > 4 && x.ends_with("ly")))
        {
            break;
        }
        k += 1;
    }
    outcome_after(w.get(k)).filter(|_| aux && k > at)
}

/// "five civilians who fled to Turkey died", "10 people who had been
/// detained by IS were found dead": past a relative clause opening at `at`
/// that tells an outcome of its own, the outcome of the subject's own verb
/// (a finite "died", or a passive one), before any clause break.
fn outcome_past_relative_clause(w: &Words<'_>, at: usize) -> Option<Measure> {
    if !matches!(w.get(at), "who" | "that") {
        return None;
    }
    let end = (at + 16).min(w.len());
    let first = (at + 1..end).find(|&k| outcome_after(w.get(k)).is_some())?;
    // "86 members of government forces and its allies who include members of
    // Hizbollah and other militias were killed": past a clause with a verb of
    // its own, the passive of the subject's own verb.
    if first > at + 2
        && matches!(w.get(first - 1), "were" | "was")
        && (at + 1..first - 1)
            .all(|k| !is_clause_break(w.get(k)) && count_at(w, k).is_none() && !is_aux(w.get(k)))
    {
        return outcome_after(w.get(first));
    }
    (first + 1..end)
        .take_while(|&k| {
            !is_clause_break(w.get(k))
                && !matches!(w.get(k), "and" | "or" | "who" | "which" | "while" | "when")
                && count_at(w, k).is_none()
        })
        .find_map(|k| match w.get(k) {
            "died" | "perished" => Some(Measure::Killed),
            "were" | "was" => passive_outcome_at(w, k),
            _ => None,
        })
}

/// What is done to people who live through an attack: "20 were rescued"
/// (or what befalls them short of an outcome: "500 others were affected").
fn is_verb_of_survivors(w: &str) -> bool {
    matches!(
        w,
        "rescued"
            | "affected"
            | "treated"
            | "released"
            | "freed"
            | "transferred"
            | "identified"
            | "recovered"
            | "saved"
            | "relocated"
            | "resettled"
            | "repatriated"
            | "exchanged"
    )
}

/// A verb before the count takes it as object: "killed at least 24 people".
fn measure_before(
    w: &Words<'_>,
    count: &Count,
    np: &NounPhrase,
    phrase_ends: &[usize],
) -> Option<Measure> {
    let mut k = count.first;
    let mut steps = 0;
    while k > 0 && steps < 4 {
        k -= 1;
        steps += 1;
        let word = w.get(k);
        // "57 civilians killed more than 150 injured": that "killed" closes the
        // earlier count's phrase; it is not a verb taking this one.
        // (Not a participle in "-ing", which takes what follows: "including
        // two women injuring 15 others".)
        if phrase_ends.contains(&k) && !word.ends_with("ing") {
            return None;
        }
        // (So does one right after a single victim's noun, when this count
        // has its own outcome after it: "Girl child killed two others injured".)
        // (A headline's bare noun, no determiner: not "the police detained
        // 30 Syrians who had fled", whose noun is the verb's subject.)
        if k + 1 == count.first
            && np.direct.is_some()
            && outcome_after(word).is_some()
            && word.ends_with("ed")
            && matches!(
                w.get(k.wrapping_sub(1)),
                "child" | "girl" | "boy" | "woman" | "man" | "baby" | "civilian" | "person"
            )
            && !matches!(
                w.get(k.wrapping_sub(2)),
                "a" | "an" | "the" | "one" | "his" | "her" | "their" | "its"
            )
        {
            return None;
        }
        // "soldiers shot dead 12 protesters".
        if is_shot_dead(w, k) {
            return Some(Measure::Killed);
        }
        // "claimed the lives of 8", and without its article, "claimed lives of
        // 8"; "claiming the life of one person".
        if (word == "lives" || (word == "life" && w.get(k + 1) == "of"))
            && matches!(
                w.get(k.wrapping_sub(1)),
                "the" | "claimed" | "claiming" | "claims" | "took" | "taking" | "takes" | "cost"
            )
        {
            return Some(Measure::Killed);
        }
        if matches!(word, "lost" | "losing" | "loses" | "lose")
            && np.victims == Some(Victims::Combatants)
        {
            return Some(Measure::Killed);
        }
        // "jets have taken out seven field commanders": killed, when the
        // noun names people (not "took out three tanks").
        // (Of fighters only, and not out of somewhere: "rescuers took out 12
        // people from under the rubble", "took out 7 children alive".)
        if is_taken_out(w, k)
            && np.victims == Some(Victims::Combatants)
            && !matches!(w.get(np.end), "from" | "of" | "alive")
        {
            return Some(Measure::Killed);
        }
        // "killed and wounded dozens": both outcomes, one count.
        if outcome_before(word) == Some(Measure::Injured)
            && (matches!(w.get(k.wrapping_sub(1)), "and" | "or")
                && outcome_before(w.get(k.wrapping_sub(2))) == Some(Measure::Killed)
                || outcome_before(w.get(k.wrapping_sub(1))) == Some(Measure::Killed))
        {
            return Some(Measure::Casualties);
        }
        // "30 people were injured at least three killed": a passive closes the
        // clause before; it takes no object, and the count's own outcome rules.
        // So does a headline's bare noun: "Civilian killed 3 injured".
        if outcome_before(word).is_some()
            && np.direct.is_some()
            && (matches!(w.get(k.wrapping_sub(1)), "were" | "was" | "been")
                || (k == 1 && victim_noun(w.get(0)).is_some() && !w.get(0).ends_with('s')))
        {
            return None;
        }
        // "killed a staff member and around 20 civilians": the verb takes a
        // list whose first member is no count.
        // (Not "killed a boy and 30 residents protested": a verb of its own.)
        if word == "and"
            && np.direct.is_none()
            && !verb_of_its_own(w, np.end.max(count.end))
            && !matches!(w.get(np.end.max(count.end)), "fled" | "say" | "said")
            && let Some(verb) = (k.saturating_sub(5)..k.saturating_sub(1))
                .rev()
                .find(|&v| outcome_before(w.get(v)).is_some())
            && matches!(w.get(verb + 1), "a" | "an" | "the")
            && (verb + 2..k).all(|j| {
                w.kind(j) == Some(TokenKind::Word)
                    && !is_aux(w.get(j))
                    && !is_np_stop(w.get(j))
                    && outcome_after(w.get(j)).is_none()
            })
            // ("killed the driver and 7 passengers": people on either side.)
            && (np.victims.is_some() || (verb + 2..k).any(|j| victim_noun(w.get(j)).is_some()))
        {
            return outcome_before(w.get(verb)).filter(|_| !is_weak_outcome_verb(w.get(verb)));
        }
        // "executed and crucified nine men": the outcome of the first verb
        // joined.
        // (Not "captured and released 15 soldiers", nor after a weak verb.)
        if word.len() > 3
            && word.ends_with("ed")
            && outcome_before(word).is_none()
            && !matches!(
                word,
                "released" | "freed" | "rescued" | "evacuated" | "treated"
            )
            && w.get(k.wrapping_sub(1)) == "and"
            && let Some(m) = outcome_before(w.get(k.wrapping_sub(2)))
            && !is_weak_outcome_verb(w.get(k.wrapping_sub(2)))
        {
            return Some(m);
        }
        // "Mortar shells claim 7 civilians": the plural's verb kills only
        // right after what kills (not "the army's claim 50 had died").
        let weapons_claim = word == "claim"
            && w.get(k.wrapping_sub(1)).ends_with('s')
            && is_deadly_thing(w.get(k.wrapping_sub(1)));
        if let Some(m) = outcome_before(word).or(weapons_claim.then_some(Measure::Killed)) {
            // "tried to arrest two persons", "threatened to kill 20 hostages":
            // an attempt or a threat, not an outcome.
            if w.get(k.wrapping_sub(1)) == "to"
                && matches!(
                    w.get(k.wrapping_sub(2)),
                    "tried"
                        | "trying"
                        | "tries"
                        | "attempted"
                        | "attempting"
                        | "attempts"
                        | "failed"
                        | "sought"
                        | "seeking"
                        | "threatened"
                        | "threatening"
                        | "threatens"
                        | "vowed"
                        | "planned"
                        | "planning"
                        | "plotted"
                        | "plotting"
                )
            {
                return None;
            }
            // "the bombing claimed 12 civilians", "Car Bomb Claims 11 Children":
            // a claim verb kills only after what kills (not "the army claimed
            // 300 rebels had surrendered", "the UN claims 13 million need aid").
            let speech = matches!(word, "claimed" | "claiming" | "claims" | "claim");
            let after = np.end.max(count.end);
            if speech && !kills_by_claiming(w, k, after) {
                return None;
            }
            // Weak verbs ("holding", "claimed") need an explicit noun of people.
            let weak = is_weak_outcome_verb(word);
            // "state media claimed 49 fighters were killed and wounded": the
            // outcome bound to the noun phrase says more than a weak verb.
            // ("Bombing Claims 5 in Latakia": an attack's toll in a place,
            // the claim verb's subject checked above; not a ratio: "claimed
            // 1 in 20 Syrian men".)
            let toll_in_place = speech
                && matches!(w.get(after), "in" | "at" | "near" | "outside")
                && count_at(w, after + 1).is_none()
                && w.get(after + 1) != "every";
            // ("shells hit the district claiming eight and injuring 14": the
            // dead beside the wounded.)
            let beside_the_wounded = speech
                && w.get(after) == "and"
                && outcome_before(w.get(after + 1)) == Some(Measure::Injured);
            if weak
                && ((np.victims.is_none() && !toll_in_place && !beside_the_wounded)
                    || (speech && np.direct.is_some()))
            {
                return None;
            }
            return Some(m);
        }
        if word == "of"
            && (matches!(
                w.get(k.wrapping_sub(1)),
                "deaths" | "death" | "killing" | "killings" | "massacre" | "bodies" | "corpses"
            ) || is_killing_noun(w.get(k.wrapping_sub(1))))
            && !(k.saturating_sub(4)..k).any(|j| is_unrealised_killing_verb(w.get(j)))
        {
            return Some(Measure::Killed);
        }
        // "killing civilians including three children": a part of people the
        // verb takes without a count (a verb: "killing", not the adjective of
        // "injured civilians"; and none after: "... 5 children died").
        if word == "including"
            && victim_noun(w.get(k.wrapping_sub(1))).is_some()
            && (w.get(k.wrapping_sub(2)).ends_with("ing")
                || (k >= 3
                    && w.kind(k - 3) == Some(TokenKind::Word)
                    && !matches!(w.get(k - 3), "the" | "a" | "an" | "and" | "of")))
            && np.direct.is_none()
            && let Some(m) = outcome_before(w.get(k.wrapping_sub(2)))
        {
            return Some(m);
        }
        if matches!(
            (w.get(k.wrapping_sub(1)), word),
            ("displacement", "of") | ("exodus", "of")
        ) {
            return Some(Measure::Displaced);
        }
        if matches!(
            (w.get(k.wrapping_sub(1)), word),
            ("injury" | "injuries" | "injuring" | "wounding", "of")
        ) {
            return Some(Measure::Injured);
        }
        // Qualifiers and articles may stand between the verb and the count,
        // and a quotation may open there.
        if !matches!(
            word,
            "only"
                | "another"
                | "a"
                | "further"
                | "additional"
                | "total"
                | "of"
                | "the"
                | "also"
                | "up"
                | "some"
                | "an"
                | "least"
                | "at"
                | "nearly"
                | "almost"
                | "about"
                | "around"
                | "more"
                | "than"
                | "over"
                | "estimated"
                | "roughly"
                | "many"
                | "all"
        ) && !is_quote(word)
        {
            return None;
        }
    }
    None
}

/// An outcome word after the noun phrase: "... were reportedly killed".
/// Lists in between are crossed: "eight civilians including two children were killed".
fn measure_after(
    w: &Words<'_>,
    text: &str,
    start: usize,
    counts: &[(Count, NounPhrase)],
    fighters: bool,
) -> Option<Measure> {
    let mut j = start;
    let mut steps = 0;
    // Words of no known class crossed so far ("29 fighters from the Western-armed
    // Hazm movement were killed"): names and adjectives; too many is a new clause.
    let mut unknown = 0;
    // Only joiners so far: a count further on is part of the same list.
    let mut list_only = true;
    let mut after_be = false;
    // The phrase counts hostages itself (not "15 of the 350 hostages taken
    // ... have been shot": a part of them, whose own outcome comes later).
    let counted_hostages = matches!(w.get(start.wrapping_sub(1)), "hostages" | "hostage")
        && count_at(w, start.wrapping_sub(2)).is_some()
        && w.get(start.wrapping_sub(3)) != "the";
    // The count is a subject, not the object of another verb ("the army
    // brought 200 soldiers from Damascus").
    let subject_count = counts.iter().any(|(c, np)| {
        np.end.max(c.end) == start && {
            let before = w.get(c.first.wrapping_sub(1));
            !(before.len() > 3 && before.ends_with("ed"))
                || is_saying_verb(before)
                || outcome_before(before).is_some()
        }
    });
    while j < w.len() && steps < 14 {
        let word = w.get(j);
        // Quoted names ("33 members of the "Islamic State" and "al-Nusra
        // Front" organizations were killed") and an aside between dashes
        // ("Three rescue workers - better known as the White Helmets - have
        // been killed") are part of the subject.
        // (A quoted name is one step, however long: "the "Islamic State in
        // Iraq and Levant" and "al-Nusra Front" organizations".)
        if is_quote(word) {
            let close = (j + 1..(j + 10).min(w.len()))
                .take_while(|&k| {
                    w.kind(k) == Some(TokenKind::Word)
                        && outcome_after(w.get(k)).is_none()
                        && outcome_before(w.get(k)).is_none()
                })
                .last()
                .map(|k| k + 1)
                .filter(|&k| is_quote(w.get(k)));
            match close {
                Some(close) => {
                    j = close + 1;
                    steps += 1;
                }
                None => j += 1,
            }
            continue;
        }
        // (So is one in brackets: "24 Daesh terrorists (a terrorist group
        // banned in Russia) were killed".)
        let closing = if word == "(" { ")" } else { word };
        let reach = if word == "(" { 12 } else { 10 };
        if (matches!(word, "-" | "–" | "—") && j > start || word == "(")
            && let Some(close) = (j + 1..(j + reach).min(w.len())).find(|&k| w.get(k) == closing)
            && (j + 1..close).all(|k| {
                w.kind(k) == Some(TokenKind::Word)
                    && outcome_after(w.get(k)).is_none()
                    && !is_saying_verb(w.get(k))
            })
        {
            j = close + 1;
            steps += 1;
            continue;
        }
        if participle_with_object(w, j) {
            return None;
        }
        // "200000 people lived in parts of Aleppo held by the rebels": what
        // holds a place further on, not a detention of the count (not "200
        // people held by IS", nor "were held").
        // (A place just before it: not "Fifty members of the army held by
        // Nusra", "seven aid workers, held since June by IS".)
        if word == "held"
            && j > start
            && !after_be
            && (j.saturating_sub(3)..j).any(|k| is_place_noun(w.get(k)) || w.get(k) == "province")
            && (j.saturating_sub(3)..j).all(|k| victim_noun(w.get(k)).is_none())
        {
            return None;
        }
        // "80 fighters including nine natives of the Caucasus were destroyed".
        if fighters && matches!(word, "destroyed" | "annihilated") {
            return Some(Measure::Killed);
        }
        // "600000 Syrians live in besieged areas", "people living under
        // siege": where they live is besieged, so they are trapped.
        // (In or under it: not "near the besieged town", "outside the siege".)
        if matches!(word, "live" | "living" | "reside" | "residing")
            && matches!(w.get(j + 1), "in" | "under")
            && (j + 2..j + 5)
                .take_while(|&k| {
                    w.kind(k) == Some(TokenKind::Word)
                        && !is_aux(w.get(k))
                        && !matches!(w.get(k), "which" | "that" | "where" | "who")
                })
                .any(|k| matches!(w.get(k), "besieged" | "siege"))
        {
            return Some(Measure::Trapped);
        }
        // "200000 people remain under siege", "are still under siege".
        if matches!(
            word,
            "remain" | "remained" | "remaining" | "are" | "were" | "still"
        ) && w.get(j + 1) == "under"
            && w.get(j + 2) == "siege"
        {
            return Some(Measure::Trapped);
        }
        // "forced 33000 residents out of their homes", "driven from their
        // villages": displaced.
        // ("from the villages of Foua" is where they came from.)
        let homes = |k: usize| {
            w.get(k) == "their" && matches!(w.get(k + 1), "homes" | "houses" | "villages" | "towns")
        };
        // Only when something drove them: "dragged 15 civilians from their
        // homes and executed them" were killed.
        let driven = || {
            (start.saturating_sub(8)..j).any(|k| {
                matches!(
                    w.get(k),
                    "forced"
                        | "forcing"
                        | "driven"
                        | "drove"
                        | "driving"
                        | "drive"
                        | "expelled"
                        | "expelling"
                        | "pushed"
                        | "pushing"
                        | "evicted"
                        | "uprooted"
                        | "caused"
                        | "causing"
                        | "prompted"
                        | "prompting"
                        | "begun"
                        | "began"
                )
            })
        };
        if ((word == "out" && w.get(j + 1) == "of" && homes(j + 2))
            || (word == "from" && homes(j + 1)))
            && driven()
        {
            return Some(Measure::Displaced);
        }
        // "had begun to flee", "were forced to flee"; not "nowhere to flee",
        // "urged not to flee".
        if word == "flee" && w.get(j.wrapping_sub(1)) == "to" && driven() {
            return Some(Measure::Displaced);
        }
        // "12 children were among the victims", "among the dead", "among
        // those killed".
        if word == "among" && matches!(w.get(j + 1), "the" | "those") {
            let m = match w.get(j + 2) {
                "victims" | "casualties" => Some(Measure::Casualties),
                other => outcome_after(other)
                    .filter(|_| matches!(other, "dead" | "killed" | "wounded" | "injured")),
            };
            if m.is_some() {
                return m;
            }
        }
        if let Some(m) = outcome_after(word) {
            // "from the besieged town of Madaya were killed": an adjective
            // of the place they came from; the verb comes later.
            if is_attributive_outcome(w, j) && w.kind(j + 1) == Some(TokenKind::Word) && unknown < 6
            {
                unknown += 1;
                list_only = false;
                j += 1;
                steps += 1;
                continue;
            }
            // "lost" needs "their lives"; "besieged areas" is no outcome of people;
            // "three bombers killed two people": the verb takes the later count;
            // "people live in areas held by the opposition": a territory is held.
            if (word == "lost" && w.get(j + 1) != "their")
                || non_victim_noun(w.get(j + 1))
                || is_adjective_of_things(w, j)
                // ("40 civilians killed 110 injured": that count has its own.)
                || counts
                    .iter()
                    .any(|(c, np)| c.first > j && c.first <= j + 1 && np.direct.is_none())
                || (word == "held" && is_territory_noun(w.get(j.wrapping_sub(1))))
            {
                return None;
            }
            return Some(both_outcomes(w, j).unwrap_or(m));
        }
        if let Some((c, np)) = counts.iter().find(|(c, _)| c.first == j) {
            // "13 rebels from the six families were among the dead": a count
            // of no people is part of the phrase, not a new subject.
            if np.not_people && steps < 13 {
                j = np.end.max(c.end);
                steps += 1;
                unknown += 1;
                continue;
            }
            if !list_only {
                return None;
            }
            // "2 medics among 31 dead": the crossed count's own outcome is the list's.
            if np.measure.is_some() {
                return np.measure;
            }
            j = np.end.max(c.end);
            continue;
        }
        // "Twelve people including the provisional government's local
        // administration minister Yaacoub al-Ammar were killed": a named
        // member, however long, up to the list's verb.
        if word == "including"
            && list_only
            && let Some(be) = (j + 1..(j + 16).min(w.len())).find(|&k| {
                matches!(w.get(k), "were" | "was") && outcome_after(w.get(k + 1)).is_some()
            })
            && (j + 1..be).all(|k| {
                let x = w.get(k);
                (w.kind(k) == Some(TokenKind::Word) || matches!(x, "(" | ")" | "," | "'" | "’"))
                    && outcome_after(x).is_none()
                    && outcome_before(x).is_none()
                    && !is_saying_verb(x)
                    && !is_aux(x)
                    && !matches!(x, "who" | "which" | "that")
            })
        {
            j = be;
            steps += 1;
            continue;
        }
        // "Nine fighters who were working in the clinic were also killed",
        // "three children who were playing outside were killed": a relative
        // clause on the subject, up to the subject's own passive verb.
        if matches!(word, "who" | "that")
            && list_only
            && subject_count
            && let Some(be) = (j + 2..(j + 14).min(w.len())).find(|&k| {
                matches!(w.get(k), "were" | "was")
                    && (outcome_after(w.get(k + 1)).is_some()
                        || (matches!(w.get(k + 1), "also" | "all" | "later" | "reportedly")
                            && outcome_after(w.get(k + 2)).is_some()))
            })
            && (j + 1..be).all(|k| {
                is_plain_word(w, k) && !matches!(w.get(k), "who" | "which" | "that" | "and")
            })
        {
            j = be;
            steps += 1;
            continue;
        }
        // "Nine members of the Army of Conquest rebel alliance who were
        // working in the clinic were also killed": whose members they are is
        // part of the subject, up to its relative clause or its own verb.
        if word == "of"
            && j == start
            && subject_count
            && let Some(end) = (j + 2..(j + 12).min(w.len())).find(|&k| {
                matches!(w.get(k), "who" | "that")
                    || (is_aux(w.get(k)) && outcome_after(w.get(k + 1)).is_some())
            })
            && (j + 1..end).all(|k| {
                is_plain_word(w, k)
                    && !matches!(w.get(k), "which" | "and")
                    && count_at(w, k).is_none()
            })
        {
            j = end;
            steps += 1;
            continue;
        }
        // "Three women from the besieged town of Madaya west of the Syrian
        // capital Damascus were killed": where the subject came from, however
        // long, up to its own passive verb.
        if word == "from"
            && j == start
            && subject_count
            && let Some(be) = (j + 2..(j + 16).min(w.len()))
                .find(|&k| is_aux(w.get(k)) && outcome_after(w.get(k + 1)).is_some())
            && (j + 1..be).all(|k| {
                let x = w.get(k);
                w.kind(k) == Some(TokenKind::Word)
                    && (outcome_after(x).is_none() || is_attributive_outcome(w, k))
                    && outcome_before(x).is_none()
                    && !is_saying_verb(x)
                    && !is_clause_break(x)
                    && !matches!(x, "who" | "which" | "that" | "and")
                    && victim_noun(x).is_none()
                    && count_at(w, k).is_none()
            })
        {
            j = be;
            steps += 1;
            continue;
        }
        // "19 fighters from the group and four civilians were killed": where
        // the first come from is part of their phrase, and the list goes on.
        // Only right after the noun, of a count no other verb took ("brought
        // 200 soldiers from Damascus and 30 were killed"), with names and
        // words for groups and places in it (not "from Nusra surrendered"),
        // and a list that goes on with a counted noun.
        // ("15 civilians from Madaya, 20 from Zabadani and 8 from Foua": each
        // count of the list may have its own.)
        if word == "from"
            && (j == start || counts.iter().any(|(c, np)| np.end.max(c.end) == j))
            && list_only
            && subject_count
            && !homes(j + 1)
            && let Some(end) = (j + 2..(j + 6).min(w.len()))
                .find(|&k| matches!(w.get(k), "and" | ",") || is_aux(w.get(k)))
            && (j + 1..end).all(|k| {
                let x = w.get(k);
                w.kind(k) == Some(TokenKind::Word)
                    && (capitalised(w, text, k)
                        || particle_name(w, text, k)
                        || matches!(
                            x,
                            "the"
                                | "a"
                                | "one"
                                | "same"
                                | "group"
                                | "town"
                                | "village"
                                | "city"
                                | "family"
                                | "brigade"
                                | "division"
                                | "movement"
                                | "faction"
                                | "area"
                                | "camp"
                                | "province"
                                | "countryside"
                                | "neighbourhood"
                                | "neighborhood"
                        ))
            })
            // ("... and 300 from Homs": the same shape again.)
            && (w.get(end) != "and"
                || count_at(w, end + 1).is_some_and(|c| {
                    w.get(c.end) == "from"
                        || (c.end..c.end + 3).any(|k| victim_noun(w.get(k)).is_some())
                }))
        {
            j = end;
            steps += 1;
            continue;
        }
        let joiner = is_list_joiner(word) || victim_noun(word).is_some();
        // "were forced from their homes", "were forced to flee".
        let forced = matches!(word, "forced" | "driven") && after_be;
        if is_aux(word)
            || joiner
            || forced
            || matches!(word, "their" | "lives" | "had" | "have" | "from")
        {
            list_only &= joiner || is_aux(word);
            after_be = matches!(word, "were" | "was" | "are" | "is" | "been" | "be");
            j += 1;
            steps += 1;
            continue;
        }
        // "five children aged between 8 and 12 were killed".
        if let Some(end) = age_phrase_end(w, j) {
            j = end;
            steps += 1;
            continue;
        }
        // "were rounded up and executed", "were arrested and tortured to
        // death": the last of the verbs joined is the outcome.
        if after_be
            && word.len() > 3
            && word.ends_with("ed")
            && let Some(and) = (j + 1..j + 3).find(|&k| w.get(k) == "and")
            && let Some(m) = outcome_after(w.get(and + 1))
        {
            return Some(m);
        }
        // "12 people were taken hostage", "350 hostages have been taken".
        // ("40 hostages taken to a prison were executed": a participle, the
        // outcome later.)
        if matches!(word, "taken" | "seized")
            && (w.get(j + 1) == "hostage" || (word == "taken" && counted_hostages && after_be))
        {
            return Some(Measure::Kidnapped);
        }
        // "were stoned to death", "had been tortured to death" (not
        // "sentenced to death", a verdict, nor "frightened to death").
        if w.get(j + 1) == "to"
            && w.get(j + 2) == "death"
            && matches!(
                word,
                "stoned"
                    | "tortured"
                    | "beaten"
                    | "burned"
                    | "burnt"
                    | "starved"
                    | "stabbed"
                    | "hacked"
                    | "crushed"
                    | "bludgeoned"
                    | "clubbed"
                    | "flogged"
                    | "whipped"
                    | "trampled"
                    | "frozen"
                    | "bled"
                    | "shot"
            )
        {
            return Some(Measure::Killed);
        }
        // "are currently trapped", "were reportedly killed": an adverb
        // between the verb and its participle.
        if after_be
            && matches!(
                word,
                "currently"
                    | "still"
                    | "now"
                    | "reportedly"
                    | "allegedly"
                    | "already"
                    | "apparently"
                    | "mostly"
                    | "mainly"
                    | "all"
                    | "both"
            )
        {
            j += 1;
            steps += 1;
            continue;
        }
        // "25 people fell as martyrs", "fell martyr".
        if word == "fell"
            && (matches!(w.get(j + 1), "martyrs" | "martyr")
                || (w.get(j + 1) == "as" && matches!(w.get(j + 2), "martyrs" | "martyr")))
        {
            return Some(Measure::Killed);
        }
        // "were destroyed": the predicate is something other than an outcome.
        if after_be || is_clause_break(word) {
            return None;
        }
        if w.kind(j) == Some(TokenKind::Word) && unknown < 6 && !is_saying_verb(word) {
            unknown += 1;
            list_only = false;
            j += 1;
            steps += 1;
            continue;
        }
        return None;
    }
    None
}

/// Does `x` name an aircraft ("helicopter", "warplanes")?
fn is_aircraft(x: &str) -> bool {
    matches!(
        x,
        "helicopter"
            | "helicopters"
            | "chopper"
            | "plane"
            | "planes"
            | "jet"
            | "jets"
            | "aircraft"
            | "warplane"
            | "warplanes"
            | "bomber"
    )
}

/// Where "by" stands before the party at `first` ("by IS", "by the
/// regime", "by a Russian plane"), if it does.
fn by_before(w: &Words<'_>, first: usize) -> Option<usize> {
    let prev = w.get(first.wrapping_sub(1));
    if prev == "by" {
        Some(first - 1)
    } else if matches!(prev, "the" | "a" | "an") && w.get(first.wrapping_sub(2)) == "by" {
        Some(first - 2)
    } else {
        None
    }
}

/// An auxiliary of the passive or perfect (not the adverbs [`is_aux`] also
/// lets through, "also", "reportedly").
fn is_passive_aux(x: &str) -> bool {
    matches!(
        x,
        "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been" | "being"
    )
}

/// Is token `k` "adding" of "adding that ...", which the last speaker says?
fn adds_that(w: &Words<'_>, k: usize) -> bool {
    w.get(k) == "adding" && w.get(k + 1) == "that"
}

/// Is token `k` a word that neither tells an outcome or speech nor breaks
/// the clause: one a subject's phrase may run through.
fn is_plain_word(w: &Words<'_>, k: usize) -> bool {
    let x = w.get(k);
    w.kind(k) == Some(TokenKind::Word)
        && outcome_after(x).is_none()
        && outcome_before(x).is_none()
        && !is_saying_verb(x)
        && !is_clause_break(x)
}

/// Is the party at `first` named in the words after the victims' "of" at
/// `of`, before any verb: "nine members of the Army of Conquest rebel
/// alliance"?
fn of_the_victims_group(w: &Words<'_>, of: usize, first: usize) -> bool {
    first > of
        && first <= of + 8
        && (of + 1..first).all(|k| {
            let x = w.get(k);
            is_plain_word(w, k)
                && !is_aux(x)
                && !x.ends_with("ing")
                && !matches!(
                    x,
                    "and"
                        | "by"
                        | "who"
                        | "which"
                        | "that"
                        | "in"
                        | "at"
                        | "near"
                        | "from"
                        | "against"
                )
        })
}

/// An outcome word used as an adjective after an article ("the besieged
/// town", "a burned building"): it tells of a thing, not of the count.
fn is_attributive_outcome(w: &Words<'_>, j: usize) -> bool {
    matches!(w.get(j.wrapping_sub(1)), "the" | "a" | "an")
        && (non_victim_noun(w.get(j + 1)) || is_adjective_of_things(w, j))
}

/// Things a person noun may modify ("fighter planes", "civilian buses",
/// "terrorist targets"): the count is of them, not of people.
fn is_thing_of_people(w: &str) -> bool {
    is_place_of_people(w)
        || matches!(
            w,
            "planes"
                | "jets"
                | "aircraft"
                | "helicopters"
                | "warplanes"
                | "drones"
                | "buses"
                | "cars"
                | "trucks"
                | "vehicles"
                | "boats"
                | "tanks"
                | "convoys"
        )
}

/// Places a party or people hold ("rebel positions", "terrorist targets"):
/// unlike their vehicles and aircraft, they do nothing themselves.
fn is_place_of_people(w: &str) -> bool {
    matches!(
        w,
        "houses"
            | "homes"
            | "buildings"
            | "positions"
            | "bases"
            | "camps"
            | "tents"
            | "schools"
            | "targets"
            | "sites"
            | "hideouts"
            | "headquarters"
            | "depots"
            | "facilities"
            | "posts"
            | "bunkers"
            | "tunnels"
    )
}

/// Where the age phrase starting at `k` ("aged from four to 10", "aged
/// between 8 and 12", "aged 5") ends, if one starts there.
fn age_phrase_end(w: &Words<'_>, k: usize) -> Option<usize> {
    if !matches!(w.get(k), "aged" | "ages") {
        return None;
    }
    let mut j = k + 1;
    while j < w.len() && j <= k + 6 {
        let word = w.get(j);
        // The other end of a range; not a count of its own ("a boy aged 5
        // and 12 others", "aged 45 and 2 children").
        let range_end =
            |j: usize| count_at(w, j + 1).is_some_and(|c| victim_noun(w.get(c.end)).is_none());
        if matches!(word, "from" | "between" | "of")
            || (matches!(word, "to" | "-" | "and") && range_end(j))
        {
            j += 1;
        } else if let Some(c) = count_at(w, j) {
            j = c.end;
        } else {
            break;
        }
    }
    Some(j)
}

/// Words that start a new clause: an outcome after them is another event's.
fn is_clause_break(w: &str) -> bool {
    matches!(
        w,
        "where"
            | "when"
            | "while"
            | "whereas"
            | "after"
            | "before"
            | "because"
            | "but"
            | "as"
            | "since"
            | "although"
            | "though"
            | "said"
            | "says"
            | "which"
    )
}

/// "48 killed and injured", "killed or wounded": both outcomes, the killed
/// word at `j`, in one count are casualties.
fn both_outcomes(w: &Words<'_>, j: usize) -> Option<Measure> {
    // ("25 Terrorists Killed Injured": a headline's pair without its "and".)
    let joined = matches!(w.get(j + 1), "and" | "or" | "&")
        && outcome_after(w.get(j + 2)) == Some(Measure::Injured);
    let adjacent = outcome_after(w.get(j + 1)) == Some(Measure::Injured)
        && matches!(w.get(j + 1), "injured" | "wounded")
        && count_at(w, j + 2).is_none();
    (outcome_after(w.get(j)) == Some(Measure::Killed) && (joined || adjacent))
        .then_some(Measure::Casualties)
}

/// Nouns of land: what is "held" by a party is territory, not people.
fn is_territory_noun(w: &str) -> bool {
    matches!(
        w,
        "area"
            | "areas"
            | "territory"
            | "territories"
            | "parts"
            | "part"
            | "districts"
            | "neighbourhoods"
            | "neighborhoods"
            | "towns"
            | "villages"
            | "regions"
            | "zones"
            | "positions"
            | "land"
    )
}

/// A territory or a single town: "areas", "the city", "a village".
fn is_place_noun(w: &str) -> bool {
    is_territory_noun(w) || matches!(w, "town" | "village" | "city" | "district")
}

/// Is the word at `j` an outcome participle with an object of its own ("the
/// explosion took the lives of 2 soldiers wounding several others")? It
/// does not say what befell the count before it.
fn participle_with_object(w: &Words<'_>, j: usize) -> bool {
    let word = w.get(j);
    word.ends_with("ing")
        && outcome_after(word).is_some()
        && (count_at(w, j + 1).is_some()
            || matches!(
                w.get(j + 1),
                "others" | "several" | "dozens" | "scores" | "hundreds" | "many" | "people"
            ))
}

/// An outcome word right after the noun phrase, past auxiliaries only: "29 injured".
fn direct_outcome_after(w: &Words<'_>, start: usize) -> Option<Measure> {
    // "Raids kill 21, hundreds flee": a headline's present tense, the count
    // its subject ("nowhere to flee" has no count before it; "three gunmen
    // flee" escape).
    if matches!(w.get(start), "flee" | "flees")
        && start > 0
        && victim_noun(w.get(start - 1)) != Some(Victims::Combatants)
        && !matches!(
            w.get(start - 1),
            "prisoners" | "inmates" | "suspects" | "detainees"
        )
    {
        return Some(Measure::Displaced);
    }
    // ("three children (5-8 years) were injured", "six civilians including
    // three children were injured": past a short bracket or aside.)
    let start = past_aside(w, past_bracket(w, start));
    let mut j = start;
    while j < w.len() && j < start + 5 {
        let word = w.get(j);
        // "80 terrorists were destroyed": of fighters, destroyed means killed.
        if matches!(word, "destroyed" | "annihilated" | "wiped")
            && start > 0
            && victim_noun(w.get(start - 1)) == Some(Victims::Combatants)
        {
            return Some(Measure::Killed);
        }
        if participle_with_object(w, j) {
            return None;
        }
        if let Some(m) = outcome_after(word) {
            if let Some(both) = both_outcomes(w, j) {
                return Some(both);
            }
            // "four besieged areas": an adjective of places, not an outcome of people.
            if non_victim_noun(w.get(j + 1)) || is_adjective_of_things(w, j) {
                return None;
            }
            return (word != "lost" || w.get(j + 1) == "their").then_some(m);
        }
        // "12 sustained injuries", "25 received wounds".
        let suffered = matches!(word, "sustained" | "suffered" | "received")
            && outcome_after(w.get(j + 1)) == Some(Measure::Injured);
        // "35 people suffered suffocation", "20 civilians were treated for
        // asphyxiation": harm named by what it did to them.
        if (matches!(word, "sustained" | "suffered") && is_harm_noun(w.get(j + 1)))
            || (word == "treated"
                && w.get(j + 1) == "for"
                && (is_harm_noun(w.get(j + 2))
                    || outcome_after(w.get(j + 2)) == Some(Measure::Injured)))
        {
            return Some(Measure::Injured);
        }
        if !is_aux(word) && !suffered {
            return None;
        }
        j += 1;
    }
    None
}

/// Does a present perfect of an outcome take the count at `first` ("has
/// killed some 300", "have also claimed hundreds of civilian lives")?
fn perfect_before(w: &Words<'_>, first: usize) -> bool {
    (first.saturating_sub(5)..first).any(|k| {
        matches!(w.get(k), "has" | "have")
            && (k + 1..(k + 3).min(first))
                .any(|v| outcome_before(w.get(v)).is_some() || w.get(v) == "claimed")
    })
}

/// Does the sentence name a fight that runs over days ("the battle in
/// Latakia", "the offensive", "in attacks")?
fn tells_a_long_fight(w: &Words<'_>) -> bool {
    (0..w.len()).any(|k| {
        matches!(
            w.get(k),
            "battle"
                | "battles"
                | "fighting"
                | "infighting"
                | "clashes"
                | "campaign"
                | "offensive"
                | "war"
                | "siege"
                | "attacks"
                | "operations"
        )
    })
}

/// "on both sides" after the count at `token` (not "on both sides of the
/// border", a place): each side lost some.
fn on_both_sides(w: &Words<'_>, token: usize) -> bool {
    (token + 1..(token + 8).min(w.len())).any(|k| {
        matches!(w.get(k), "on" | "from" | "among")
            && w.get(k + 1) == "both"
            && matches!(w.get(k + 2), "sides" | "side")
            && w.get(k + 3) != "of"
    })
}

/// Does a passive present perfect follow the count's phrase ending at `end`
/// ("hundreds of people have been killed in attacks")?
fn perfect_after(w: &Words<'_>, end: usize) -> bool {
    matches!(w.get(end), "has" | "have")
        && w.get(end + 1) == "been"
        && outcome_after(w.get(end + 2)).is_some()
}

/// Is the word at `k` the "out" of "take out" ("jets have taken out seven
/// commanders")?
fn is_taken_out(w: &Words<'_>, k: usize) -> bool {
    w.get(k) == "out"
        && matches!(
            w.get(k.wrapping_sub(1)),
            "take" | "takes" | "took" | "taken" | "taking"
        )
}

/// Harm short of death that people suffer or are treated for.
fn is_harm_noun(w: &str) -> bool {
    matches!(
        w,
        "burns" | "suffocation" | "asphyxiation" | "asphyxia" | "fractures" | "breathing"
    )
}

/// Does "the number of" open a phrase of people that ends just before `k`
/// ("the number of Assyrian men, women and children| abducted")?
fn number_of_people_before(w: &Words<'_>, k: usize) -> bool {
    (k.saturating_sub(8)..k.saturating_sub(2)).any(|n| {
        w.get(n) == "number"
            && w.get(n + 1) == "of"
            && (n + 2..k).all(|i| {
                let y = w.get(i);
                // ("the number of members of the Russian forces killed".)
                let whose = matches!(y, "of" | "the")
                    && (n + 2..i).any(|j| victim_noun(w.get(j)).is_some());
                matches!(y, "and" | ",")
                    || whose
                    || (w.kind(i) == Some(TokenKind::Word)
                        && outcome_after(y).is_none()
                        && outcome_before(y).is_none()
                        && !is_np_stop(y))
            })
            && (n + 2..k).any(|i| victim_noun(w.get(i)).is_some() || w.get(i) == "those")
    })
}

/// How far before its count "the number of ..." may open: the phrase may be
/// long ("the number of people killed in an air strike this morning against
/// the market area of Atareb village has risen to 21").
const NUMBER_OF_REACH: usize = 32;

/// Does "the number of" (definite: not "a number of children were among the
/// wounded") open the subject whose toll reaches the count at `first`, with
/// no toll or clause between ("putting the number of civilians killed at 13")?
fn the_number_of_reaches(w: &Words<'_>, first: usize) -> bool {
    matches!(
        w.get(first.wrapping_sub(1)),
        "at" | "to" | "reached" | "hit" | "passed" | "topped"
    ) && (first.saturating_sub(NUMBER_OF_REACH)..first)
        .rev()
        .take_while(|&k| !matches!(w.get(k), "toll" | "tolls") && !is_clause_break(w.get(k)))
        .any(|k| w.get(k) == "number" && w.get(k.wrapping_sub(1)) == "the")
}

/// Who "the number of civilians killed ... reached" counts: the first noun
/// of people after "number of" (within the clause before the count at `first`).
fn victims_of_number_of(w: &Words<'_>, first: usize) -> Option<Victims> {
    // ("the number of people killed in an air strike this morning against
    // the market area of Atareb village has risen to 21": a long phrase;
    // "the number of Al-Nusra Front and rebel fighters": a list of sides.)
    let number = (first.saturating_sub(NUMBER_OF_REACH)..first)
        .rev()
        .find(|&n| w.get(n) == "number" && w.get(n + 1) == "of")?;
    (number + 2..first)
        .take_while(|&i| {
            let x = w.get(i);
            outcome_after(x).is_none() && (!is_np_stop(x) || matches!(x, "and" | ","))
        })
        .find_map(|i| victim_noun(w.get(i)))
        .filter(|&v| v != Victims::People)
}

/// A noun cue before the count: "the death toll rose to 86", "among the dead were".
fn measure_from_cue_before(w: &Words<'_>, count: &Count) -> Option<(Measure, bool)> {
    // "The death toll following Thursday's attack on the village reached 51",
    // "the number of victims from March 27 to April 10 has reached 236".
    if count.first > 0
        && matches!(
            w.get(count.first - 1),
            "reached" | "to" | "at" | "hit" | "passed" | "topped"
        )
    {
        if (count.first.saturating_sub(16)..count.first)
            .any(|k| matches!(w.get(k), "toll" | "tolls"))
        {
            return Some((Measure::Killed, false));
        }
        // "the number of X ... reached N", within the clause: not past
        // another count or outcome ("the number of wounded rose to 45, while
        // the dead stand at 9").
        // ("bringing the number killed in 24 hours of bombardment to 45":
        // "of" may be left out.)
        let cue = |k: usize| {
            let number_of = (w.get(k.wrapping_sub(2)) == "number"
                && w.get(k.wrapping_sub(1)) == "of")
                || (w.get(k.wrapping_sub(1)) == "number" && matches!(w.get(k), "killed" | "dead"));
            match w.get(k) {
                "victims" | "dead" | "deaths" | "fatalities" | "killed" if number_of => {
                    Some(Measure::Killed)
                }
                "wounded" | "injured" | "injuries" if number_of => Some(Measure::Injured),
                // "the number of people killed", "the number of Assyrian men,
                // women and children abducted": who, then what befell them.
                x => outcome_after(x).filter(|_| number_of_people_before(w, k)),
            }
        };
        for k in (count.first.saturating_sub(NUMBER_OF_REACH)..count.first).rev() {
            let x = w.get(k);
            // "the number of killed and wounded": both outcomes, casualties;
            // "dead and missing" cannot be one count, so none at all.
            if outcome_after(x).is_some()
                && matches!(w.get(k.wrapping_sub(1)), "and" | "or")
                && let Some(first) = cue(k.wrapping_sub(2))
            {
                let both = matches!(
                    (first, outcome_after(x)),
                    (Measure::Killed, Some(Measure::Injured))
                        | (Measure::Injured, Some(Measure::Killed))
                );
                return both.then_some((Measure::Casualties, false));
            }
            if let Some(m) = cue(k) {
                return Some((m, false));
            }
            // (Nor is a span of time: "in 24 hours".)
            let date_number = w.kind(k) == Some(TokenKind::Number)
                && (is_day_of_date(w, k)
                    || (x.len() == 4 && x.starts_with(['1', '2']))
                    || is_time_unit(w.get(k + 1)));
            if (w.kind(k) == Some(TokenKind::Number) && !date_number)
                || outcome_after(x).is_some()
                || outcome_before(x).is_some()
            {
                break;
            }
        }
    }
    // ("Those killed in the two attacks in Idlib province include 14
    // children": the subject of "include" may be long.)
    let includes = (count.first.saturating_sub(3)..count.first)
        .any(|k| matches!(w.get(k), "include" | "included" | "includes"));
    let lo = count.first.saturating_sub(if includes { 16 } else { 8 });
    for k in (lo..count.first).rev() {
        let word = w.get(k);
        if w.kind(k) == Some(TokenKind::Number) || word == "." || word == ";" {
            return None;
        }
        let prev = w.get(k.wrapping_sub(1));
        match word {
            "toll" | "tolls" => return Some((Measure::Killed, false)),
            // "the death count could be over 50".
            "count" if prev == "death" => return Some((Measure::Killed, false)),
            "casualties" | "casualty" => {
                return Some((Measure::Casualties, prev == "civilian"));
            }
            "dead" | "killed" | "deaths" | "victims" | "fatalities" | "martyrs"
                if matches!(prev, "the" | "those") =>
            {
                return Some((Measure::Killed, false));
            }
            "wounded" | "injured" if matches!(prev, "the" | "those") => {
                return Some((Measure::Injured, false));
            }
            _ => {}
        }
    }
    None
}

/// Whether the war or fight at `i` ends its noun phrase ("the five-year
/// war has killed", "the two-week-old battle for Zabadani"; not "a 25-year-old
/// war photographer").
fn the_fight_ends_its_phrase(w: &Words<'_>, i: usize) -> bool {
    w.kind(i + 1) != Some(TokenKind::Word)
        || matches!(
            w.get(i + 1),
            "has"
                | "have"
                | "had"
                | "at"
                | "in"
                | "that"
                | "which"
                | "is"
                | "was"
                | "of"
                | "with"
                | "as"
                | "and"
        )
}

/// "Two of the victims were minors", "six were children": the noun after "were".
fn victims_after_were(w: &Words<'_>, mut j: usize) -> Option<Victims> {
    // "killed 12 people, eight of them children".
    if w.get(j) == "of"
        && matches!(w.get(j + 1), "them" | "whom")
        && let Some(v) = victim_noun(w.get(j + 2))
    {
        return Some(v);
    }
    if matches!(w.get(j), "of") {
        j += 1;
        while j < w.len() && !matches!(w.get(j), "were" | "was" | "are") && j < 64 {
            j += 1;
        }
    }
    if matches!(w.get(j), "were" | "was" | "are") {
        // ("were believed to be civilians", "were said to be children".)
        let hedged = matches!(
            w.get(j + 1),
            "believed" | "said" | "thought" | "reported" | "confirmed"
        ) && w.get(j + 2) == "to"
            && w.get(j + 3) == "be";
        let from = if hedged { j + 4 } else { j + 1 };
        // The noun that ends the phrase names them ("were Syrian rebel
        // fighters": fighters), before any other word of people in it.
        let mut found = None;
        for k in from..from + 3 {
            let v =
                victim_noun(w.get(k)).or((w.get(k) == "civilian").then_some(Victims::Civilians));
            match v {
                Some(v) if v != Victims::People => return Some(v),
                Some(v) => found = found.or(Some(v)),
                None => {}
            }
        }
        return found;
    }
    None
}

/// "Of those killed six ...", "two of the victims ...".
fn measure_of_group_after(w: &Words<'_>, count: &Count) -> Option<Measure> {
    let j = count.end;
    if w.get(j) == "of" && matches!(w.get(j + 1), "the" | "those" | "them") {
        return match w.get(j + 2) {
            "victims" | "dead" | "killed" | "slain" | "fatalities" => Some(Measure::Killed),
            "wounded" | "injured" => Some(Measure::Injured),
            _ => None,
        };
    }
    None
}

/// Is the count a year, an age, money, a percentage or a time of day?
fn is_not_a_people_count(w: &Words<'_>, c: &Count) -> bool {
    let word = w.get(c.number);
    let prev = if c.number > 0 {
        w.get(c.number - 1)
    } else {
        ""
    };
    let next = w.get(c.end);
    // "Sat Feb 28 2015 190703 35 Dead": a number right before another number (a
    // time stamp, a code) is not the count.
    // (But "Death Toll ... Rises to 11 44 Injured": a toll's new figure, a
    // headline's comma lost before the next count.)
    let risen_to = prev == "to"
        && matches!(
            w.get(c.number.wrapping_sub(2)),
            "rises" | "rose" | "risen" | "climbs" | "climbed" | "jumps" | "jumped" | "increases"
        );
    if w.kind(c.number) == Some(TokenKind::Number)
        && c.end == c.number + 1
        && w.kind(c.end) == Some(TokenKind::Number)
        && !risen_to
    {
        return true;
    }
    if w.kind(c.number) == Some(TokenKind::Number)
        && word.len() == 4
        && !word.contains(',')
        && (1900..=2100).contains(&c.min.unwrap_or(0))
        && victim_noun(next).is_none()
    {
        return true;
    }
    if matches!(
        prev,
        "$" | "£"
            | "€"
            | "aged"
            | "age"
            | "ages"
            | "number"
            | "no"
            | "resolution"
            | "article"
            | "route"
            | "highway"
            | "us$"
    ) || matches!(
        next,
        "%" | "percent" | "per" | "$" | "/" | "years-old" | "year-old"
    ) {
        return true;
    }
    // Tokens written together, without a space.
    let touching = |a: usize, b: usize| match (w.tokens.get(a), w.tokens.get(b)) {
        (Some(x), Some(y)) => x.span.end == y.span.start,
        _ => false,
    };
    // "19:18": the hour of a time of day, or a ratio; not a headline's
    // "rises to 76: monitor", whose colon ends the count's clause.
    if next == ":" && (w.kind(c.end + 1) != Some(TokenKind::Word) || touching(c.end, c.end + 1)) {
        return true;
    }
    // "5-0", "2-1": a score or code; but "Injures Seven - Homs Governor" ends a
    // headline before its source.
    if next == "-" && touching(c.end.wrapping_sub(1), c.end) {
        return true;
    }
    if prev == "." && c.number >= 2 && w.kind(c.number - 2) == Some(TokenKind::Number) {
        return true;
    }
    // "19:18": the minutes of a time of day written without spaces (its
    // hour is a count before ":", above); "killed 12: 15 children" counts.
    if prev == ":"
        && c.number >= 2
        && w.kind(c.number - 2) == Some(TokenKind::Number)
        && w.get(c.number - 2).len() <= 2
        && word.len() == 2
        && touching(c.number - 2, c.number - 1)
        && touching(c.number - 1, c.number)
    {
        return true;
    }

    // "Sat Feb 28 2015 190703": a time stamp after a year.
    if c.number > 0
        && w.kind(c.number) == Some(TokenKind::Number)
        && w.kind(c.number - 1) == Some(TokenKind::Number)
        && prev.len() == 4
        && (1900..=2100).contains(&crate::numbers::parse_digits(prev).unwrap_or(0))
        && word.len() >= 4
    {
        return true;
    }
    false
}

fn stance_of_sentence(w: &Words<'_>) -> Stance {
    let mut stance = Stance::Reported;
    for i in 0..w.len() {
        match w.get(i) {
            "denied" | "denies" | "deny" | "rejected" | "dismissed" => return Stance::Denied,
            // (Not "a confirmed 33", a count's qualifier.)
            "admitted" | "admits" | "acknowledged" | "acknowledges" | "conceded" | "confirmed"
                if !(i > 0 && w.get(i - 1) == "a" && count_at(w, i + 1).is_some()) =>
            {
                stance = Stance::Admitted
            }
            "alleged" | "allegedly" | "allegations" | "purportedly"
                if stance == Stance::Reported =>
            {
                stance = Stance::Alleged
            }
            _ => {}
        }
    }
    stance
}

/// The agent a sentence names, whether or not it counts anyone ("Last week, US
/// drones targeted a mosque").
pub fn sentence_actor(input: &SentenceInput<'_>) -> Option<Party> {
    actor_of(&input.words, input.parties, None, 0, &[], false)
}

/// Who the sentence says spoke ("An official at the governor's office said"),
/// for a later sentence's "he said", and whether the party table names them.
pub fn sentence_speaker(input: &SentenceInput<'_>) -> Option<(Party, bool)> {
    let candidates = claimant_candidates(&input.words, input.text, input.parties);
    let named = |listed: bool| {
        candidates.iter().find_map(|(_, c, pi)| match c {
            ClaimantRef::Named(p) if pi.is_some() == listed => Some((p.clone(), listed)),
            ClaimantRef::Named(_) | ClaimantRef::Pronoun | ClaimantRef::Person => None,
        })
    };
    named(true).or_else(|| named(false))
}

/// "the strikes", "the attack": the sentence speaks of an attack named before,
/// so it shares that attack's actor.
pub fn refers_to_earlier_attack(w: &Words<'_>) -> bool {
    (1..w.len()).any(|k| {
        // "the strikes", "Monday's airstrikes", "yesterday's attack".
        let before = w.get(k - 1);
        (matches!(before, "the" | "that" | "this" | "those" | "these")
            || is_weekday(before).is_some_and(|_| before.ends_with('s'))
            || before
                .strip_prefix("yesterday")
                .is_some_and(|rest| !rest.is_empty()))
            && matches!(
                w.get(k),
                "strikes"
                    | "strike"
                    | "airstrike"
                    | "airstrikes"
                    | "attack"
                    | "attacks"
                    | "raid"
                    | "raids"
                    | "bombing"
                    | "bombings"
                    | "shelling"
                    | "bombardment"
                    | "explosion"
                    | "blast"
                    | "assault"
            )
    })
}

/// "three months", "two years": a duration.
fn small_count_word(w: &str) -> bool {
    matches!(
        w,
        "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    ) || (!w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
}

/// Nouns naming one event: a period date on them is vagueness, not a running total.
fn is_single_event_noun(w: &str) -> bool {
    matches!(
        w,
        "attack"
            | "bombing"
            | "massacre"
            | "blast"
            | "explosion"
            | "airstrike"
            | "strike"
            | "ambush"
            | "bombings"
            | "assault"
            | "raid"
            | "bomb"
            | "bomber"
            | "shooting"
    )
}

/// Words that make a count a running total rather than one event.
/// Words inside parties or date expressions do not count ("last year" is a date,
/// judged by its length).
/// "so far" after the first count ("documented the deaths of 43 people so far")
/// is the toll of the day's attack until now, unless the sentence speaks of a
/// long span ("in the ongoing campaign", "the conflict").
fn has_cumulative_cue(
    w: &Words<'_>,
    parties: &[PartyInSentence],
    dates: &[DateMention],
    first_count: usize,
) -> bool {
    let in_party = |i: usize| parties.iter().any(|p| p.first <= i && i < p.end);
    let in_date = |i: usize| dates.iter().any(|d| d.first <= i && i < d.end);
    let long_span = || {
        (0..w.len()).any(|k| {
            // "the regime has killed 85 so far": what a party has done till
            // now; "the blast has killed 14 so far" is still one blast's toll.
            let agent_has_done = matches!(w.get(k), "has" | "have")
                && matches!(
                    w.get(k + 1),
                    "killed" | "wounded" | "injured" | "displaced" | "claimed"
                )
                && !is_single_event_noun(w.get(k.wrapping_sub(1)));
            agent_has_done
                || matches!(
                    w.get(k),
                    "war"
                        | "wars"
                        | "conflict"
                        | "campaign"
                        | "ongoing"
                        | "crisis"
                        | "uprising"
                        | "revolution"
                        | "militancy"
                        | "insurgency"
                        | "siege"
                        | "offensive"
                        // Many attacks: "killed so far in the fighting for Afrin",
                        // "in coalition raids on Raqqa".
                        | "fighting"
                        | "battle"
                        | "battles"
                        | "clashes"
                        | "raids"
                        | "strikes"
                        | "airstrikes"
                        | "bombardment"
                        | "bombardments"
                        | "attacks"
                        | "operations"
                        | "weeks"
                        | "months"
                        | "years"
                )
        })
    };
    // ("the scene of the fiercest fighting in Syria's civil war": where the
    // count happened, in an aside; "the first explosion to hit the town since
    // the outbreak of the civil war": what a first is measured against.)
    let superlative_before = |i: usize| {
        (i.saturating_sub(8)..i).any(|k| {
            let x = w.get(k);
            x.ends_with("iest")
                || x == "worst"
                || (x == "since" && crate::dates::since_of_a_first(w, k))
        })
    };
    for i in 0..w.len() {
        if in_party(i) || in_date(i) {
            continue;
        }
        let word = w.get(i);
        let prev = if i > 0 { w.get(i - 1) } else { "" };
        let next = w.get(i + 1);
        let cue = match word {
            "since" => {
                !in_relative_clause(w, first_count, i) && !crate::dates::since_of_a_first(w, i)
            }
            "overall" | "altogether" | "cumulative" | "monthly" | "annual" | "annually"
            | "yearly" => true,
            "far" => prev == "so" && (i < first_count || long_span()),
            "date" => prev == "to",
            // "which has admitted to killing 220": an admission to date.
            // ("has admitted killing 8 in the strike" is one event's).
            "admitted" | "acknowledged" => matches!(prev, "has" | "have") && next == "to",
            "conflict" | "war" | "campaign" | "crisis" | "uprising" | "revolution" => {
                // ("the five-year conflict", "the decade-long war": its length;
                // not "a 25-year-old war photographer", nor "one of the
                // deadliest attacks of the five-year war", one event.)
                let length = ["-year", "-years", "-month", "-months", "-long"]
                    .iter()
                    .any(|s| prev.ends_with(s))
                    && the_fight_ends_its_phrase(w, i);
                (matches!(
                    prev,
                    "the" | "civil" | "syrian" | "syrias" | "syria's" | "its" | "this"
                ) || length)
                    && !superlative_before(i)
                    && !matches!(next, "monitor" | "monitoring" | "zone" | "zones" | "crimes")
            }
            // "the two-week-old battle for Zabadani has cost the lives of
            // 63", "the months-long siege": a fight of weeks or more.
            "battle" | "offensive" | "siege" | "assault" | "bombardment" => {
                let length = prev
                    .strip_suffix("-old")
                    .or_else(|| prev.strip_suffix("-long"))
                    .is_some_and(|l| {
                        ["week", "weeks", "month", "months", "year", "years"]
                            .iter()
                            .any(|unit| {
                                l == *unit || l.strip_suffix(unit).is_some_and(|n| n.ends_with('-'))
                            })
                    });
                // (Not "the deadliest attack of the months-long siege".)
                length
                    && (matches!(next, "for" | "on" | "against") || the_fight_ends_its_phrase(w, i))
                    && !superlative_before(i)
            }
            "month" | "day" | "week" | "year" => {
                matches!(
                    prev,
                    "every" | "each" | "per" | "a" | "this" | "last" | "past"
                ) && !matches!(
                    next,
                    "ago" | "after" | "before" | "earlier" | "later" | "of"
                )
            }
            "months" | "years" | "weeks" => {
                matches!(
                    prev,
                    "past" | "last" | "recent" | "several" | "many" | "few"
                ) || w.get(i.wrapping_sub(2)) == "past"
                    || small_count_word(prev)
            }
            // "in recent days" (not "in two days", one battle's span).
            // (Nor "kidnapped several days ago".)
            // ("over the past few days", "in past days": not "in a few days".)
            "days" => {
                (matches!(prev, "recent" | "several" | "many" | "past")
                    || (prev == "few" && matches!(w.get(i.wrapping_sub(2)), "past" | "last")))
                    && !matches!(next, "ago" | "after" | "before" | "earlier" | "later")
            }
            _ => false,
        };
        if cue {
            return true;
        }
    }
    false
}

/// The party the sentence says caused the outcome.
fn actor_of(
    w: &Words<'_>,
    parties: &[PartyInSentence],
    claimant: Option<usize>,
    token: usize,
    victim_phrases: &[(usize, usize, bool)],
    // The victims may be one side of a fight (fighters, people; not
    // civilians "killed in clashes with IS", whom no side is said to kill).
    sides_may_kill: bool,
) -> Option<Party> {
    // "fighting that has left dozens dead on both sides": each side killed
    // some of the other's; no one actor.
    if count_at(w, token).is_some() && on_both_sides(w, token) {
        return None;
    }
    // "Iraqi forces ... lost hundreds of troops": the subject is the side that
    // lost them; only "by X" can name who killed them.
    let lost = (token.saturating_sub(3)..token)
        .any(|k| matches!(w.get(k), "lost" | "losing" | "lose" | "loses"));
    // (evidence strength, distance, party): "by X" beats "X airstrikes" beats "X killed".
    let mut best: Option<(u8, usize, &PartyInSentence)> = None;
    // Asked for a count (the sentence's actor is asked for at token 0), and
    // whether it has an agent of its own: an active verb just before it.
    let token_is_count = count_at(w, token).is_some();
    let agent_before_count =
        (token.saturating_sub(3)..token).any(|k| outcome_before(w.get(k)).is_some());
    // Is `group` named as the group of the suicide bomber `bomber` ("a suicide
    // bomber belonging to X", "suicide bombers from X")?
    let bomber_of = |group: &PartyInSentence, bomber: &PartyInSentence| {
        bomber.party.name == SUICIDE_BOMBER
            && group.party.kind == PartyKind::Belligerent
            && group.first > bomber.end
            && group.first <= bomber.end + 4
            && (bomber.end..group.first).all(|k| {
                matches!(
                    w.get(k),
                    "belonging"
                        | "to"
                        | "from"
                        | "of"
                        | "linked"
                        | "affiliated"
                        | "associated"
                        | "allied"
                        | "loyal"
                        | "tied"
                        | "ties"
                        | "with"
                        | "sent"
                        | "by"
                        | "the"
                )
            })
    };
    // Where the last party named as the victims' group ends.
    let mut victims_party_end: Option<usize> = None;
    for (pi, p) in parties.iter().enumerate() {
        if Some(pi) == claimant || p.party.kind != PartyKind::Belligerent {
            continue;
        }
        // "12 Daesh terrorists were killed": the party is in the victims' noun
        // phrase, or names whose they were ("30 members of the regime troops";
        // not "dozens of regime air strikes", a count of no people).
        // ("40 militants of al-Nusra Front and the so-called Free Syrian
        // Army": a second group joined to the victims' is theirs too.)
        // (Not a party opening a clause of its own: "killed 40 fighters of IS
        // and the coalition claimed responsibility".)
        let verb_after = {
            let next = w.get(p.end);
            // ("rebel and regime forces have been killed": the victims' passive.)
            let passive = (p.end + 1..p.end + 3).any(|k| outcome_after(w.get(k)).is_some());
            (is_aux(next) && !passive)
                || is_saying_verb(next)
                || outcome_before(next).is_some()
                || (next.len() > 3 && next.ends_with("ed"))
        };
        let joined_to_victims = !verb_after
            && victims_party_end.is_some_and(|end| {
                p.first > end
                    && (end..p.first).any(|k| w.get(k) == "and")
                    && (end..p.first).all(|k| {
                        matches!(w.get(k), "and" | "the" | "so-called" | "," | "\"" | "its")
                    })
            });
        // "how many of the six people killed were civilians or IS
        // militants": a party after the count's copula names who they were.
        // (The copula in the count's own phrase: not "and the attackers
        // were IS militants", "gunmen who were IS militants".)
        let who_they_were = p.first > token
            && victim_noun(w.get(p.end)) == Some(Victims::Combatants)
            && (p.first.saturating_sub(4).max(token + 1)..p.first).any(|k| {
                matches!(w.get(k), "were" | "was" | "are")
                    && k <= token + 6
                    && (token + 1..k).all(|j| {
                        !matches!(w.get(j), "and" | "," | "who" | "which" | "that" | "while")
                    })
                    && (k + 1..p.first).all(|j| {
                        matches!(
                            w.get(j),
                            "civilians" | "civilian" | "or" | "and" | "either" | "mostly" | "all"
                        )
                    })
            });
        // "an officer who had defected to join the rebels": whom someone
        // joined is no actor; nor is who freed captives ("the opposition
        // forces freed 150 civilians who were captured").
        let joined = (p.first.saturating_sub(2)..p.first).any(|k| {
            matches!(w.get(k), "join" | "joined" | "joining" | "joins")
                && (k + 1..p.first).all(|j| matches!(w.get(j), "the" | "a"))
        }) || (matches!(
            w.get(p.end),
            "freed" | "released" | "rescued" | "liberated" | "evacuated"
        ) && token > p.end
            && token <= p.end + 3);
        if joined_to_victims
            || who_they_were
            || joined
            || victim_phrases.iter().any(|&(a, b, people)| {
                (p.first < b && a < p.end)
                    || (people
                        && w.get(b) == "of"
                        && (p.first == b + 1
                            || (p.first == b + 2 && matches!(w.get(b + 1), "the" | "a" | "an"))
                            || of_the_victims_group(w, b, p.first)))
            })
        {
            victims_party_end = Some(p.end);
            continue;
        }
        // "Just days after a deadly Assad regime chemical attack a woman was
        // killed": the party of an event some time before the count's own,
        // in a phrase that runs into its subject.
        // (Not "two days after Russian airstrikes killed 20": the phrase
        // that names the party must go on past it.)
        let event_before = (p.first.saturating_sub(6)..p.first).any(|k| {
            if !(matches!(w.get(k), "after" | "before") && is_time_unit(w.get(k.wrapping_sub(1)))) {
                return false;
            }
            // The phrase runs to the first verb; a relative clause in it
            // ("a Russian strike that hit a hospital,") is crossed to its
            // comma, and one that tells an outcome ("a coalition strike that
            // killed 56") makes the event's own claim: its party keeps it.
            let mut end = k + 1;
            let mut told_outcome = false;
            while end < w.len() {
                let x = w.get(end);
                if matches!(x, "that" | "which" | "who") {
                    let close = (end + 1..w.len())
                        .find(|&i| w.get(i) == ",")
                        .unwrap_or(w.len());
                    told_outcome |= (end + 1..close).any(|i| {
                        outcome_before(w.get(i)).is_some() || outcome_after(w.get(i)).is_some()
                    });
                    end = close;
                    break;
                }
                if w.kind(end) != Some(TokenKind::Word)
                    || matches!(
                        x,
                        "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been"
                    )
                    || outcome_before(x).is_some()
                    || outcome_after(x).is_some()
                    || is_attack_or_launch_verb(x)
                    || is_saying_verb(x)
                {
                    break;
                }
                end += 1;
            }
            end > p.end
                && !told_outcome
                // (A verb it is the subject of makes it act: "after Russian
                // jets bombed Ariha".)
                && !(outcome_before(w.get(end)).is_some() || is_attack_or_launch_verb(w.get(end)))
                && token >= end.saturating_sub(3)
                // ("a day after the coalition opened an inquiry, its strikes
                // killed 100": the party acts again.)
                && !(p.end..token).any(|j| matches!(w.get(j), "its" | "their"))
        });
        if event_before {
            continue;
        }
        // "several dozen Kurdish forces were also killed": a party counted
        // is among the victims; "a rebel fighter backing the Kurdish
        // forces": the victims' ally.
        let article = usize::from(matches!(
            w.get(p.first.wrapping_sub(1)),
            "the" | "its" | "their"
        ));
        let before = w.get(p.first.wrapping_sub(1 + article));
        // (Counted as the subject of a passive outcome: not "ten Russian
        // raids hit", "three suicide bombers killed".)
        let counted = (count_at(w, p.first.wrapping_sub(1)).is_some()
            || matches!(
                w.get(p.first.wrapping_sub(1)),
                "dozen" | "dozens" | "hundreds" | "scores"
            )
            || (w.get(p.first.wrapping_sub(1)) == "of"
                && matches!(
                    w.get(p.first.wrapping_sub(2)),
                    "dozens" | "hundreds" | "scores"
                )))
            && (matches!(w.get(p.end), "were" | "was")
                || (matches!(w.get(p.end), "have" | "had" | "has") && w.get(p.end + 1) == "been"))
            && (p.end + 1..p.end + 4).any(|k| outcome_after(w.get(k)).is_some());
        let ally = p.first > token
            && matches!(
                before,
                "backing" | "supporting" | "alongside" | "aiding" | "helping"
            )
            || (p.first > token
                && before == "to"
                && matches!(w.get(p.first.wrapping_sub(2 + article)), "loyal" | "allied"));
        // "the total number of members of the Russian forces killed": whose
        // dead are counted.
        let of_at = p.first.wrapping_sub(1 + article);
        let counted_members = w.get(of_at) == "of"
            && victim_noun(w.get(of_at.wrapping_sub(1))).is_some()
            && !matches!(
                w.get(of_at.wrapping_sub(1)),
                "victims" | "casualties" | "dead" | "wounded" | "injured"
            )
            && w.get(of_at.wrapping_sub(2)) == "of"
            && w.get(of_at.wrapping_sub(3)) == "number";
        // "all five people on board a Russian military helicopter", "a
        // Russian helicopter was shot down": the victims' side, its aircraft
        // lost (not "a Syrian warplane crashed into a market").
        // (The party's name may hold its aircraft: "a Syrian helicopter".)
        let lost_craft = || {
            let Some(c) = (p.end.saturating_sub(1)..p.end + 3).find(|&k| is_aircraft(w.get(k)))
            else {
                return false;
            };
            // The people on board are the victims, the verb after them a
            // passive one (not "gunners aboard a Russian helicopter opened
            // fire", "snipers aboard it killed 5").
            let next_verb = (c + 1..(c + 6).min(w.len())).find(|&k| {
                let x = w.get(k);
                is_passive_aux(x)
                    || outcome_before(x).is_some()
                    || is_attack_or_launch_verb(x)
                    || x == "opened"
            });
            let on_board = (p.first.saturating_sub(3)..p.first)
                .any(|k| matches!(w.get(k), "board" | "aboard"))
                && next_verb.is_none_or(|v| is_passive_aux(w.get(v)));
            // Shot down in the passive, or a headline's participle ("Russian
            // helicopter downed in Syria"; not "Turkish aircraft shot down a
            // Russian bomber").
            let downed_at = (c + 1..c + 5).find(|&k| {
                (matches!(w.get(k), "shot" | "brought") && w.get(k + 1) == "down")
                    || w.get(k) == "downed"
            });
            let downed = downed_at.is_some_and(|d| {
                let after = if w.get(d) == "downed" { d + 1 } else { d + 2 };
                matches!(w.get(d.wrapping_sub(1)), "was" | "were" | "been" | "being")
                    || (!matches!(w.get(after), "a" | "an" | "the" | "its" | "their")
                        && count_at(w, after).is_none()
                        && !is_aircraft(w.get(after + 1)))
            });
            // (Not the agent: "killed by a Syrian jet before it was shot down".)
            on_board || (downed && by_before(w, p.first).is_none())
        };
        if counted || ally || counted_members || lost_craft() {
            continue;
        }
        // "Rebels also fired rockets": adverbs between the party and its verb.
        let mut after = p.end;
        while matches!(
            w.get(after),
            "also" | "reportedly" | "allegedly" | "then" | "later" | "again"
        ) {
            after += 1;
        }
        // "Terrorists positioned in nearby neighborhoods fired shells":
        // where they were is part of the subject; its verb comes after.
        if matches!(
            w.get(after),
            "positioned" | "based" | "located" | "stationed" | "entrenched" | "deployed"
        ) && matches!(
            w.get(after + 1),
            "in" | "at" | "near" | "inside" | "around" | "on"
        ) && let Some(verb) = (after + 2..(after + 9).min(w.len()))
            .take_while(|&k| !is_clause_break(w.get(k)) && count_at(w, k).is_none())
            .find(|&k| is_attack_or_launch_verb(w.get(k)))
        {
            after = verb;
        }
        let next = w.get(after);
        let next2 = w.get(after + 1);
        let prev = w.get(p.first.wrapping_sub(1));
        let prev2 = w.get(p.first.wrapping_sub(2));
        // "six children were killed in rebel rocket attacks on Thursday, a day
        // after airstrikes on a school left 35 dead": the count is the other
        // day's, and the party acts in the clause before it.
        if p.end <= token
            && (p.end..token).any(|k| {
                w.get(k) == "after"
                    && is_time_unit(w.get(k.wrapping_sub(1)))
                    // (Not "a day after they killed 12": the same side again.)
                    && !matches!(w.get(k + 1), "they" | "it" | "its" | "their")
            })
        {
            continue;
        }
        // "bombed 12 rebel positions": whose places were hit (not "US jets
        // killed", "regime tanks shelled": its weapons act).
        if is_place_of_people(next)
            && (w.kind(p.first.wrapping_sub(1)) == Some(TokenKind::Number)
                || small_count_word(prev)
                || matches!(prev, "the" | "its" | "their" | "several" | "dozens"))
        {
            continue;
        }
        // "near the Turkish border": a place; "an American among 18
        // jihadists": one of the victims.
        // (Not "Turkish border guards killed 8".)
        let border_force = matches!(
            next2,
            "guards" | "guard" | "police" | "forces" | "troops" | "patrol" | "patrols" | "units"
        );
        // ("Two Americans were among 20 killed" too.)
        let among = next == "among" || (matches!(next, "were" | "was") && next2 == "among");
        if matches!(next, "border" | "borders" | "frontier") && !border_force || among {
            continue;
        }
        // "the rebel enclave", "an IS stronghold": a territory, not an agent
        // (not "missiles fired from Russian territory").
        if matches!(
            next,
            "enclave" | "enclaves" | "stronghold" | "strongholds" | "bastion" | "pocket"
        ) {
            continue;
        }

        // "17 Daesh fighters": the party names the victims ("fighter jets" do not,
        // nor do "IS fighters kidnapped 14", the subject of an outcome verb).
        // ("the Iranian militias summarily executed six": past an adverb.)
        let noun_verb_at = if next2.len() > 4 && next2.ends_with("ly") {
            after + 2
        } else {
            after + 1
        };
        let noun_verb = w.get(noun_verb_at);
        // "7 of Russia's military advisers were killed": the side the
        // counted belonged to (not "dozens of Syrian regime air strikes
        // killed 16", what was counted being its attacks).
        let of_at = p.first.wrapping_sub(1 + usize::from(prev == "the"));
        let of_counted = w.get(of_at) == "of"
            && count_at(w, of_at.wrapping_sub(1)).is_some_and(|c| c.end == of_at)
            && !{
                let weapon = |x: &str| {
                    is_attack_noun(x)
                        && victim_noun(x).is_none()
                        && !matches!(x, "forces" | "military")
                };
                weapon(next) || (matches!(next, "air" | "-") && weapon(next2))
            };
        if of_counted {
            continue;
        }
        // ("the number of Al-Nusra Front fighters killed in battles": a
        // participle with no object, what befell them.)
        let befell_them = noun_verb.ends_with("ed")
            && matches!(
                w.get(noun_verb_at + 1),
                "in" | "during" | "by" | "since" | "so"
            )
            && w.ends_before(p.first, &["number", "of"]);
        let names_victims = victim_noun(next).is_some()
            && !is_attack_noun(next)
            && !is_weapon_noun(w.get(p.end + 1))
            && (outcome_before(noun_verb).is_none() || befell_them)
            // ("IS fighters fired rockets": the subject of an attack.)
            && !is_attack_or_launch_verb(noun_verb)
            // ("Hezbollah fighters shot dead six".)
            && !is_shot_dead(w, noun_verb_at + 1);

        // "held by the Islamic State", "backed by Russia": not the agent.
        let by_at = by_before(w, p.first);
        let verb_before_by = by_at.map_or("", |b| w.get(b.wrapping_sub(1)));
        // "a town held by the Daesh", "areas controlled by IS": a territory's
        // holder, not the agent "by" names, nor the subject of a verb after.
        // "escorted by a Russian military police unit", "a tally kept by an
        // American group", "a list published by a Turkish newspaper": who
        // accompanied, counted or helped, not who killed.
        if matches!(
            verb_before_by,
            "held"
                | "controlled"
                | "run"
                | "owned"
                | "seized"
                | "captured"
                | "dominated"
                | "escorted"
                | "accompanied"
                | "kept"
                | "published"
                | "compiled"
                | "issued"
                | "released"
                | "documented"
                | "recorded"
                | "monitored"
                | "reported"
                | "quoted"
                | "cited"
                | "confirmed"
                | "evacuated"
                | "rescued"
                | "treated"
                | "transported"
                | "hosted"
                | "provided"
                | "delivered"
                | "operated"
        ) {
            continue;
        }
        // "found in a town retaken by government forces", "retaken by
        // government forces from IS": who took the place back (not "their
        // base was overrun and taken by IS", the attack, nor "villages
        // retaken by IS militants, who executed them").
        if matches!(
            verb_before_by,
            "retaken" | "recaptured" | "taken" | "liberated"
        ) && by_at.is_some_and(|b| {
            let place = w.get(b.wrapping_sub(2));
            is_place_noun(place)
        }) && (w.get(p.end) == "from"
            || (0..p.first)
                .any(|k| matches!(w.get(k), "found" | "discovered" | "uncovered" | "unearthed")))
        {
            continue;
        }
        // "backed by Russia", "besieged by regime forces", "claimed by IS":
        // not the agent "by" names, though it may still act.
        // "strikes blamed on the regime", "attributed to Russia": the agent.
        let prev3 = w.get(p.first.wrapping_sub(3));
        let blamed = matches!((prev2, prev), ("blamed", "on") | ("attributed", "to"))
            || (prev == "the" && matches!((prev3, prev2), ("blamed", "on") | ("attributed", "to")))
            // "killed at the hands of the Assad regime".
            || w.ends_before(
                p.first - usize::from(prev == "the"),
                &["at", "the", "hands", "of"],
            );
        let by = blamed
            || (by_at.is_some()
                && !matches!(
                    verb_before_by,
                    "backed"
                        | "supported"
                        | "led"
                        | "besieged"
                        | "surrounded"
                        | "claimed"
                        | "used"
                        // ("rebels trained and equipped by Washington".)
                        | "trained"
                        | "equipped"
                        | "armed"
                        | "funded"
                        | "sponsored"
                ))
            || (matches!(prev, "of") && matches!(prev2, "forces" | "attacks"));
        // "21 rebels were killed in clashes with Daesh": the other side of the
        // fighting the count died in.
        // ("clashes with the Kurdish YPG": up to two words between.)
        let only_modifiers_between = |k: usize| {
            (k + 1..p.first).all(|j| {
                let x = w.get(j);
                matches!(x, "the" | "a" | "an")
                    || (w.kind(j) == Some(TokenKind::Word)
                        && !is_np_stop(x)
                        && !is_aux(x)
                        && outcome_after(x).is_none())
            })
        };
        let with_at = (p.first.saturating_sub(3)..p.first)
            .rev()
            .find(|&k| matches!(w.get(k), "with" | "against") && only_modifiers_between(k));
        // "18 jihadists killed fighting Syria Kurds", "died while battling IS":
        // the side they fought.
        let fought = sides_may_kill
            && (p.first.saturating_sub(3)..p.first).rev().any(|k| {
                k > token
                    && matches!(w.get(k), "fighting" | "battling")
                    && (outcome_after(w.get(k - 1)).is_some()
                        || matches!(w.get(k - 1), "while" | "when"))
                    && only_modifiers_between(k)
                    // (Not "fighting alongside Syrian government forces": their ally.)
                    && !(k + 1..p.first)
                        .any(|i| matches!(w.get(i), "alongside" | "for" | "beside"))
            });
        // The fighting is where they died ("in", "during"): not "rebels
        // fighting against Daesh", not "the SDF is fighting with US support".
        let opponent = fought
            || sides_may_kill
                && with_at.is_some_and(|k| {
                    k > token
                        && is_fighting_noun(w.get(k - 1))
                        && (k.saturating_sub(5)..k - 1)
                            .any(|i| matches!(w.get(i), "in" | "during" | "amid"))
                });
        if opponent {
            let strength = 2 * 2 + u8::from(!yields_to_named(&p.party.name));
            let distance = token.abs_diff(p.first);
            if best.is_none_or(|(s, d, _)| strength > s || (strength == s && distance < d)) {
                best = Some((strength, distance, p));
            }
            continue;
        }
        if lost && !by {
            continue;
        }
        // "rebel-held town", "IS-controlled area": a territory, not an agent.
        if w.get(p.end) == "-"
            && matches!(
                w.get(p.end + 1),
                "held" | "controlled" | "run" | "besieged" | "dominated"
            )
            || w.get(p.end.wrapping_sub(1)).ends_with("-held")
            || w.get(p.end.wrapping_sub(1)).ends_with("-controlled")
        {
            continue;
        }
        let led = w.get(p.end.wrapping_sub(1)).ends_with("-led");
        // "a bomb on an IS sniper target", "the coalition struck the SDF": the
        // party is the target, not the agent; "among the terrorists killed":
        // one of the victims.
        if !blamed
            && (matches!(
                prev,
                "on" | "against" | "targeting" | "at" | "among" | "with"
            ) || is_attack_verb(prev)
                || prev == "targets"
                // "civilians who fled to Turkey": where they went.
                || (prev == "to" && is_motion_verb(prev2))
                || (matches!(prev, "a" | "an" | "the")
                    && (matches!(prev2, "on" | "against" | "targeting" | "at" | "targets")
                        || is_attack_verb(prev2))))
        {
            continue;
        }
        // "US drones", "government forces": a name that is itself a force acts.
        // An unnamed army's own word ("the army") is too common to act by
        // itself far from the count ("... no toll for the army").
        // ("an IS suicide bomber": one mention of IS, see `parties_in`.)
        let bomber = matches!(
            w.get(p.end - 1),
            "bomber" | "bombers" | "attacker" | "attackers"
        ) || parties.iter().any(|r| bomber_of(p, r));
        if p.party.name == SUICIDE_BOMBER || bomber {
            // "three suicide bombers were killed", "soldiers killed two
            // would-be suicide bombers", "shoot dead six IS suicide bombers":
            // counted as the victims, not the agent.
            let counted = (p.first.saturating_sub(3)..p.first).find(|&k| count_at(w, k).is_some());
            if counted.is_some_and(|c| {
                is_aux(next)
                    || outcome_before(w.get(c.wrapping_sub(1))).is_some()
                    || w.get(c.wrapping_sub(1)) == "dead"
            }) {
                continue;
            }
            // "a suicide bomber belonging to Jabhat Fateh al-Sham": the group
            // named acts, in the bomber's stead.
            if p.party.name == SUICIDE_BOMBER && parties.iter().any(|q| bomber_of(q, p)) {
                continue;
            }
        }
        let attack = bomber
            || (is_attack_noun(w.get(p.end - 1))
                && (p.party.name != UNNAMED_ARMY || token.abs_diff(p.first) <= 6))
            || is_attack_noun(next)
            || (matches!(next, "-" | "air" | "and") && is_attack_noun(next2))
            // ("rebels have launched a rocket attack": the verb past its
            // auxiliary.)
            || (p.end <= token
                && matches!(next, "has" | "have" | "had")
                && is_attack_or_launch_verb(next2))
            || (!names_victims && is_attack_noun(w.get(p.end + 1)) && !is_np_stop(next));
        // Active voice only: "X killed", not "X were killed".
        let verb = active_outcome_verb(w, after, after + 6);
        // "The army said it had killed 40 militants and that 3 soldiers were
        // killed": its verb took a count of its own, and this later count has
        // a passive verb of its own; who did that is not said.
        if token_is_count
            && p.end <= token
            && let Some(k) = verb
            && let Some(own) = (k + 1..(k + 4).min(token)).find_map(|j| count_at(w, j))
            && own.end <= token
            // (Of people: not "claimed 5 attacks in which 20 were killed".)
            && (own.end..own.end + 3)
                .take_while(|&x| !non_victim_noun(w.get(x)))
                .any(|x| victim_noun(w.get(x)).is_some())
            // (Not a part of its own count: "killed 12 people including 3
            // children who were shot".) Only across a clause of its own
            // ("and that", "while", "but"): "airstrikes killed 30 civilians
            // and 50 were wounded" are the same strikes' wounded.
            && !(own.end..token).any(|x| matches!(w.get(x), "including" | "among" | "whom"))
            && (own.end..token).any(|x| {
                matches!(
                    w.get(x),
                    "that" | "while" | "but" | "whereas" | "adding" | "although" | "though"
                )
            })
            && (token..(token + 6).min(w.len())).any(|j| {
                matches!(w.get(j), "were" | "was")
                    && outcome_after(w.get(j + 1)).is_some()
                    && !(token..j).any(|x| {
                        count_at(w, x).is_some_and(|c| c.first > token)
                            || matches!(w.get(x), "who" | "which" | "that")
                    })
            })
        {
            continue;
        }
        // "the troops repelled the attack, killing 12": the subject of the
        // clause the counting participle hangs on.
        // (A headline's present tense too: "Syrian regime repels rebel
        // offensive near Aleppo killing 40".)
        // ("Nusra Front fighters stormed the village killing 15": its
        // members' verb.)
        // ("the regime has attacked Idlib, killing 70": past its auxiliary.)
        let verb_word = if (victim_noun(next).is_some() && !is_attack_noun(next))
            || (matches!(next, "has" | "have" | "had")
                && (is_attack_verb(next2) || next2 == "bombarded"))
        {
            next2
        } else {
            next
        };
        // ("ISIS recaptures gas fields kills 30": a headline's two verbs
        // without their comma.)
        // ("Hezbollah targets Nusra positions, killing 18": "targets" with an
        // object of its own is a verb; not "rebel targets near Hama".)
        let targets_object = verb_word == "targets"
            && verb_word == next
            && is_plain_word(w, after + 1)
            && !is_np_stop(next2)
            && !matches!(next2, "near" | "around" | "inside" | "outside" | "across");
        let participle_of = || {
            verb_word.len() > 4
                && (verb_word.ends_with("ed")
                    || targets_object
                    || (verb_word.ends_with('s')
                        && (is_attack_verb(verb_word)
                            || matches!(
                                verb_word,
                                "recaptures" | "retakes" | "captures" | "seizes" | "overruns"
                            ))))
                // Not "Russia blamed rebels for shelling ..., killing 5".
                && !is_saying_verb(verb_word)
                && !crate::lexicon::is_government_verb(verb_word)
                && opens_clause(prev, prev2)
                && (after + 1..token).any(|k| {
                    let x = w.get(k);
                    (x.ends_with("ing") || (x.ends_with('s') && verb_word.ends_with('s')))
                        && outcome_before(x).is_some()
                        && k - after <= 12
                        && token - k <= 5
                })
        };
        // "killed 29, a week after a bomber killed 12": a subject after the
        // count whose verb takes a count of its own acts in that other claim.
        // (Only for a count: the sentence's actor is asked for at token 0. Not
        // "12 died when IS fighters killed three guards": one event.)
        // ("after" too, unless a time stands before it: "a day after".)
        let after_at = if matches!(prev, "the" | "a" | "an") {
            p.first.wrapping_sub(2)
        } else {
            p.first.wrapping_sub(1)
        };
        let another_day =
            w.get(after_at) == "after" && is_time_unit(w.get(after_at.wrapping_sub(1)));
        let one_event = matches!(w.get(after_at), "when" | "as" | "while")
            || (w.get(after_at) == "after" && !another_day);
        if p.first > token
            && token_is_count
            && !one_event
            && verb.is_some_and(|k| {
                k < p.end + 4
                    && !is_weak_outcome_verb(w.get(k))
                    && (k + 1..k + 4).any(|j| count_at(w, j).is_some())
            })
        {
            continue;
        }
        let subject = verb.is_some_and(|k| k < p.end + 4) || participle_of();
        // "Daesh executed at least 128", "the rebel barrage killed 10", "IS
        // militants have killed 21": the subject of the very verb that counts
        // this claim weighs as much as "by X". Only the subject's own words or
        // adverbs may stand between ("IS sites in Palmyra killing" is no
        // subject), and the party must open its clause ("troops engaged
        // rebels killing 12": the rebels are the object).
        if names_victims && !by {
            continue;
        }
        // "eliminated 75 militants including the suicide bombers": a party in
        // the count's own list of who was counted.
        // (Not "12 civilians including children in Russian raids": past a
        // preposition the list has ended.)
        let in_counted_list = p.first > token
            && p.first <= token + 8
            && (token + 1..p.first)
                .find(|&k| w.get(k) == "including")
                .is_some_and(|inc| {
                    (inc + 1..p.first).all(|k| {
                        !matches!(
                            w.get(k),
                            "in" | "by" | "during" | "from" | "on" | "of" | "at" | "near"
                        )
                    })
                })
            && (token + 1..p.first).all(|k| {
                let x = w.get(k);
                !is_clause_break(x) && outcome_after(x).is_none() && outcome_before(x).is_none()
            });
        if in_counted_list {
            continue;
        }
        // "Russia has accused Belgium of killing six civilians": the accuser
        // says who did it; it is not who did it.
        let accuses = |x: &str| {
            matches!(
                x,
                "accused" | "accuses" | "accusing" | "blamed" | "blames" | "blaming"
            )
        };
        if accuses(next) || (matches!(next, "has" | "have" | "had") && accuses(next2)) {
            continue;
        }
        let direct = opens_clause(prev, prev2)
            && verb.is_some_and(|k| {
                k < token && token - k <= 4 && subject_reaches_verb(w, p.end, after, k)
            });
        // "... killed 43 people after a pilot was killed by rebels": a "by" after
        // another outcome verb further on belongs to that other clause.
        let by_other_clause = by
            && p.first > token + 6
            && (token + 6..p.first)
                .any(|k| outcome_after(w.get(k)).is_some() || outcome_before(w.get(k)).is_some());
        // "two were killed when terrorists fired rockets on Aleppo": the
        // subject of the attack the clause after the count tells.
        // (Not "the strikes killed 12, a day after a bomber detonated a
        // truck": another event, when the count has an agent of its own.)
        if another_day && p.first > token && agent_before_count {
            continue;
        }
        // Does the party's own verb, just after it, attack? ("as Russian jets
        // pounded Aleppo", "after IS shot down their helicopter".)
        let attacks_after_party = (p.end..p.end + 5)
            .take_while(|&k| {
                !matches!(w.get(k), "were" | "was" | "been" | "is" | "are" | "accused")
            })
            .any(|k| {
                let x = w.get(k);
                is_attack_or_launch_verb(x)
                    || matches!(x, "blew" | "downed" | "downs" | "battled")
                    // ("dozens of insurgents killed as Syria Kurds advance".)
                    || is_advance_word(x)
                    // ("as rebels down a helicopter", not "bore down on the town".)
                    || (x == "down" && is_aircraft(w.get(k + 2)))
                    || (x == "opened" && w.get(k + 1) == "fire")
                    // ("two pilots were killed after IS shot down their helicopter".)
                    || (x == "shot" && w.get(k + 1) == "down")
            });
        // (Nor "a mortar attack killed two people as regime forces pressed a
        // campaign against rebels": the count's verb has its own subject, and
        // what else goes on meanwhile is no attack of theirs; but "air strikes
        // killed 20 as Russian jets pounded Aleppo" tells who struck.)
        // ("While" tells of something else: "an air strike killed 9 in Idlib
        // while rebels shelled Aleppo"; nor is an advance a strike: "a
        // landmine killed six as Kurdish forces advanced".)
        let strikes_after_party =
            attacks_after_party && !(p.end..p.end + 3).any(|k| is_advance_word(w.get(k)));
        if (w.get(after_at) == "while" || (w.get(after_at) == "as" && !strikes_after_party))
            && p.first > token
            && !by
            && (token.saturating_sub(3)..token).any(|k| {
                outcome_before(w.get(k)).is_some()
                    && (k..token).all(|j| w.get(j) != "and")
                    && !matches!(
                        w.get(k.wrapping_sub(1)),
                        "were" | "was" | "been" | "are" | "is"
                    )
            })
        {
            continue;
        }
        let when_subject = (matches!(prev, "when" | "after" | "as")
            || (matches!(prev, "the" | "a" | "an") && matches!(prev2, "when" | "after" | "as")))
            && p.first > token
            && (attacks_after_party
            // "as terrorists breached the truce by targeting New Aleppo" (not
            // "as the regime accused rebels of shelling the city by firing").
            || (p.end..p.end + 10)
                .take_while(|&k| {
                    let x = w.get(k);
                    !matches!(x, "were" | "was" | "been" | "is" | "are" | "accused" | "blamed")
                        && !is_saying_verb(x)
                })
                .any(|k| {
                    w.get(k) == "by"
                        && matches!(
                            w.get(k + 1),
                            "targeting" | "shelling" | "firing" | "bombing" | "attacking"
                                | "launching" | "detonating"
                        )
                }));
        // "rebels in the enclave fired shells that killed 12": the subject of
        // the launch the relative clause's outcome hangs on.
        let fired_what_killed = opens_clause(prev, prev2)
            && p.end < token
            && (after..(after + 6).min(token))
                .find(|&k| {
                    matches!(
                        w.get(k),
                        "fired" | "launched" | "dropped" | "detonated" | "planted" | "lobbed"
                    )
                })
                .is_some_and(|k| {
                    // (Not "fired at the Russian jets that killed 6": the target.)
                    !matches!(w.get(k + 1), "at" | "on" | "upon" | "toward" | "towards")
                        && (k + 1..(k + 5).min(token)).any(|j| {
                            matches!(w.get(j), "that" | "which")
                                && outcome_before(w.get(j + 1)).is_some()
                                && token > j + 1
                                && token - (j + 1) <= 3
                        })
                });
        let strength = if (by && !by_other_clause) || direct {
            3
        } else if led || attack || when_subject || fired_what_killed {
            // (Even after "by" in another clause: "by a regime barrel bomb
            // attack" still names the attack's side.)
            2
        } else if by_other_clause || subject {
            1
        } else {
            continue;
        };
        // Generic names ("terrorists", "rebels") yield to a named party.
        let strength = strength * 2 + u8::from(!yields_to_named(&p.party.name));
        let distance = token.abs_diff(p.first);
        if best.is_none_or(|(s, d, _)| strength > s || (strength == s && distance < d)) {
            best = Some((strength, distance, p));
        }
    }
    // "the Assad regime and its ally Russia killed 80", "by the regime and
    // Russian jets": two sides named together as the subject or agent; its
    // head is the first named. Not "clashed with ISIS and Russian jets
    // killed", "shelled the YPG and ...", "between rebels and the regime".
    let best = best.map(|(_, _, p)| {
        parties
            .iter()
            .filter(|q| q.end <= p.first && p.first - q.end <= 4)
            .filter(|q| q.party.kind == PartyKind::Belligerent && q.party.name != p.party.name)
            .filter(|q| {
                let prev = w.get(q.first.wrapping_sub(1));
                let prev2 = w.get(q.first.wrapping_sub(2));
                let by = by_before(w, q.first).is_some();
                by || (opens_clause(prev, prev2)
                    && !matches!(prev, "with" | "between" | "and" | "against" | "on" | "at")
                    && !matches!(prev2, "with" | "between" | "against" | "on" | "at"))
            })
            .find(|q| {
                let gap = q.end..p.first;
                // "its ally Russia", "Russian jets", "Russia killed": the
                // pair is the subject (not "ISIS and the army both lost").
                let next = w.get(p.end);
                let weapon = |x: &str| {
                    is_attack_noun(x) && !matches!(x, "forces" | "troops" | "army" | "military")
                };
                let pair = gap.clone().any(|k| matches!(w.get(k), "ally" | "allies"))
                    || weapon(next)
                    || weapon(w.get(p.end.wrapping_sub(1)))
                    || outcome_before(next).is_some()
                    || (matches!(next, "have" | "has" | "had")
                        && outcome_before(w.get(p.end + 1)).is_some());
                pair && gap.clone().any(|k| w.get(k) == "and")
                    && gap.clone().all(|k| {
                        matches!(
                            w.get(k),
                            "and" | "its" | "their" | "ally" | "allies" | "the"
                        )
                    })
            })
            .or_else(|| {
                // "clashes between Turkish troops and Kurdish forces killed 9":
                // a name that yields to a named party yields to the first side.
                let between = |q: &PartyInSentence| {
                    let prev = w.get(q.first.wrapping_sub(1));
                    prev == "between"
                        || (prev == "the" && w.get(q.first.wrapping_sub(2)) == "between")
                };
                parties.iter().find(|q| {
                    yields_to_named(&p.party.name)
                        && q.end < p.first
                        && p.first - q.end <= 3
                        && q.party.kind == PartyKind::Belligerent
                        && between(q)
                        && (q.end..p.first).any(|k| w.get(k) == "and")
                        && (q.end..p.first).all(|k| {
                            matches!(w.get(k), "and" | "the" | "troops" | "forces" | "fighters")
                        })
                })
            })
            .unwrap_or(p)
    });
    // The victims' own side named after them, not as the agent, did not kill
    // them ("four YPG fighters were killed in clashes with the Kurdish
    // forces"; but "killed by regime friendly fire").
    let victims_side = |p: &PartyInSentence| {
        let by = w.get(p.first.wrapping_sub(1)) == "by"
            || (w.get(p.first.wrapping_sub(1)) == "the" && w.get(p.first.wrapping_sub(2)) == "by");
        p.first > token
            && !by
            && parties.iter().any(|q| {
                same_side(&q.party.name, &p.party.name)
                    && victim_phrases
                        .iter()
                        .any(|&(a, b, _)| (a..b).contains(&token) && a <= q.first && q.first < b)
            })
    };
    best.filter(|p| !victims_side(p)).map(|p| p.party.clone())
}

/// Parties of one side under different names: "Kurdish forces" may be the
/// YPG or the SDF it leads (or Iraq's Peshmerga), never their enemy.
const SIDES: &[&[&str]] = &[&["YPG", "Syrian Democratic Forces", KURDISH_FORCES]];

/// The party table's name for Kurdish forces the text does not name further.
const KURDISH_FORCES: &str = "Kurdish forces";

/// Are parties `a` and `b` one side (the same, or named together in [`SIDES`])?
fn same_side(a: &str, b: &str) -> bool {
    a == b
        || SIDES
            .iter()
            .any(|side| side.contains(&a) && side.contains(&b))
}

/// A number next to a month name: the day of a date ("March 13", "13 March").
fn is_day_of_date(w: &Words<'_>, k: usize) -> bool {
    month_number(w.get(k.wrapping_sub(1))).is_some() || month_number(w.get(k + 1)).is_some()
}

/// The first active outcome verb ("killed", not "were killed") in `from..to`.
fn active_outcome_verb(w: &Words<'_>, from: usize, to: usize) -> Option<usize> {
    (from..to.min(w.len())).find(|&k| {
        // (The word before `from` is the subject's own: "IS killed 9" is no
        // passive "is killed".)
        (outcome_before(w.get(k)).is_some() || is_shot_dead(w, k))
            && !(k > from && matches!(w.get(k - 1), "were" | "was" | "been" | "be" | "are" | "is"))
    })
}

/// Whether the word at `k` is the "dead" of "shot dead" or "shoot dead", a
/// killing ("troops shoot dead 3 protesters"; not "threatened to shoot dead
/// 20 hostages", a threat).
fn is_shot_dead(w: &Words<'_>, k: usize) -> bool {
    w.get(k) == "dead"
        && (matches!(w.get(k.wrapping_sub(1)), "shot" | "shooting" | "shoots")
            || (w.get(k.wrapping_sub(1)) == "shoot" && w.get(k.wrapping_sub(2)) != "to"))
}

/// Whether a party after `prev2 prev` opens its clause, as a subject does:
/// not after a verb that takes it as object ("engaged rebels", "stormed the
/// Daesh positions") or a preposition.
fn opens_clause(prev: &str, prev2: &str) -> bool {
    // A saying verb takes a clause: "the monitor reported ISIL executed 24".
    let verb_like = |x: &str| {
        (x.len() > 4
            && (x.ends_with("ed") || x.ends_with("ing"))
            && !x.contains('-')
            && !is_saying_verb(x))
            || matches!(
                x,
                "fought" | "fight" | "fights" | "beat" | "engage" | "storm"
            )
    };
    let object = if matches!(prev, "the" | "a" | "an") {
        verb_like(prev2)
    } else {
        verb_like(prev)
    };
    !object && !matches!(prev, "of" | "in" | "to" | "from")
}

/// Whether the words from `from` up to the verb at `verb` continue the
/// subject of a party ending at `party_end`: its attack nouns ("barrage",
/// "strikes"), with where they struck ("fire on Damascus"), auxiliaries
/// and adverbs; not another noun phrase ("IS sites in Palmyra killing").
fn subject_reaches_verb(w: &Words<'_>, party_end: usize, from: usize, verb: usize) -> bool {
    // The party's own last word may be the attack noun ("rebel fire").
    let mut after_attack = party_end
        .checked_sub(1)
        .filter(|&j| is_attack_noun(w.get(j)));
    for j in from..verb {
        let x = w.get(j);
        if is_attack_noun(x) {
            after_attack = Some(j);
            continue;
        }
        // ("Hezbollah fighters shot dead six": the verb's own first word.)
        if j + 1 == verb && is_shot_dead(w, verb) {
            continue;
        }
        let in_attack_place = after_attack.is_some_and(|a| {
            j - a <= 3 && matches!(w.get(a + 1), "on" | "in" | "against" | "near" | "at")
        });
        if !(in_attack_place
            || matches!(
                x,
                "group" | "have" | "has" | "had" | "also" | ")" | "fighters" | "terror" | "elements"
            )
            // ("the Iranian militias summarily executed": its members.)
            || (j == from && victim_noun(x) == Some(Victims::Combatants))
            || (x.len() > 4 && x.ends_with("ly")))
        {
            return false;
        }
    }
    true
}

/// "claimed 49 fighters were killed": the verb at `k` reports a clause whose
/// count suffered the outcome, rather than claiming lives itself.
fn claims_a_passive_outcome(w: &Words<'_>, k: usize) -> bool {
    let Some(be) = (k + 2..(k + 8).min(w.len())).find(|&j| matches!(w.get(j), "were" | "was"))
    else {
        return false;
    };
    // The count opens the reported clause (a qualifier may come first); not
    // "claimed the bombing in which 50 were killed".
    (k + 1..be).any(|j| count_at(w, j).is_some_and(|c| c.first == k + 1))
        && !(k + 1..be).any(|j| matches!(w.get(j), "which" | "who" | "whom" | "where"))
        && (outcome_after(w.get(be + 1)).is_some()
            || (w.get(be + 1) == "reportedly" && outcome_after(w.get(be + 2)).is_some()))
}

/// Verbs of attacking or fighting, whose object is the target: "struck the
/// SDF", "a coalition fighting Daesh", "raided ISIL sites".
fn is_attack_verb(w: &str) -> bool {
    matches!(
        w,
        "struck"
            | "hit"
            | "targeted"
            | "attacked"
            | "bombed"
            | "shelled"
            | "raided"
            | "ambushed"
            | "destroyed"
            | "destroy"
            | "destroys"
            | "pounded"
            | "foiled"
            | "foils"
            | "repelled"
            | "repels"
            | "thwarted"
            | "frustrated"
            | "frustrates"
            | "fighting"
            | "battling"
            | "combating"
            | "striking"
            | "hitting"
            | "attacking"
            | "shelling"
            | "raiding"
            | "pounding"
            // A headline's present tense: "Syrian jets pound an IS offensive".
            | "pound"
            | "pounds"
            | "bombard"
            | "bombards"
            | "bombarded"
    )
}

/// An attack verb, or one that launches or storms ("fired rockets",
/// "stormed the village"): its subject acts.
fn is_attack_or_launch_verb(w: &str) -> bool {
    is_attack_verb(w)
        || matches!(
            w,
            "fired" | "launched" | "dropped" | "detonated" | "stormed"
        )
}

/// An advance of troops ("as Kurdish forces advanced"): a side on the move,
/// not yet a strike.
fn is_advance_word(w: &str) -> bool {
    matches!(w, "advance" | "advanced" | "advances" | "advancing")
}

/// Verbs of people going somewhere ("fled to Turkey", "were taken to
/// Russia"): the place after them is where they went.
fn is_motion_verb(w: &str) -> bool {
    matches!(
        w,
        "fled"
            | "flee"
            | "fleeing"
            | "escaped"
            | "returned"
            | "returning"
            | "went"
            | "moved"
            | "deported"
            | "transferred"
            | "taken"
            | "sent"
            | "headed"
            | "crossed"
            | "evacuated"
    )
}

/// Craft and weapons: "coalition fighter jets" act, they are not victims.
fn is_weapon_noun(w: &str) -> bool {
    matches!(
        w,
        "jets" | "planes" | "aircraft" | "helicopters" | "warplanes" | "drones" | "bombers"
    )
}

pub(crate) fn is_generic_party(name: &str) -> bool {
    matches!(name, "terrorist groups" | "rebels" | SUICIDE_BOMBER)
}

/// Generic names and unnamed armies yield to a named party of equal evidence,
/// and so do "Kurdish forces", a name for whichever Kurdish side is meant
/// ("clashes between Turkish troops and Kurdish forces": the Turks, as
/// before the name was known).
fn yields_to_named(name: &str) -> bool {
    is_generic_party(name)
        || name == UNNAMED_ARMY
        || name == UNNAMED_SECURITY_FORCES
        || name == KURDISH_FORCES
}

/// The actor name of an army the sentence does not name ("army units killed
/// 30 terrorists", "the troops repelled the attack"): the extractor resolves
/// it to the army the article means (see `Extractor::army_of_context`).
pub const UNNAMED_ARMY: &str = "(unnamed army)";

/// The actor name of "security forces" the sentence does not name: a
/// state's forces at home, resolved to the army of the country the claim
/// happened in before any army the article named earlier.
pub const UNNAMED_SECURITY_FORCES: &str = "(unnamed security forces)";

/// A state's forces at home, named or not ("Syrian security forces").
pub(crate) const SECURITY_FORCES: &[&str] = &["security", "forces"];

/// Largest count read as people: more is money or another quantity.
const MAX_PEOPLE: u64 = 100_000_000;

/// The party table's name for a suicide bomber no group is named for: it
/// yields to the group when one is ("an IS suicide bomber").
const SUICIDE_BOMBER: &str = "suicide bomber";

/// "army units", "the troops", "soldiers", "security forces", "the air
/// force": armies the sentence does not name, as party mentions the actor
/// rules weigh like any other. Not "the Lebanese
/// army" (a nationality names an army the table may not list) nor "the Army
/// of Islam" (a group's name).
fn unnamed_armies(w: &Words<'_>, parties: &[PartyInSentence]) -> Vec<PartyInSentence> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < w.len() {
        let word = w.get(k);
        // "security forces": the state's, like its army.
        // (Not "killed 9 security forces": the people counted.)
        let security = w.matches(k, SECURITY_FORCES)
            && !(k.saturating_sub(3)..k)
                .any(|j| count_at(w, j).is_some_and(|c| c.end == k || c.end + 1 == k));
        // "the air force": the state's, like its army.
        // (Not "air force attacks", whose attacks another clause may tell.)
        // (Nor after a side named before it that may own it: "the Pentagon
        // said the air force killed 14".)
        let air_force = word == "air"
            && w.get(k + 1) == "force"
            && w.get(k.wrapping_sub(1)) == "the"
            && !is_attack_noun(w.get(k + 2))
            && !parties
                .iter()
                .any(|p| p.end <= k && p.party.kind == PartyKind::Belligerent);
        if !(crate::lexicon::is_army_noun(word) || security || air_force)
            || parties.iter().any(|p| p.first <= k && k <= p.end)
        {
            k += 1;
            continue;
        }
        let end = if air_force
            || matches!(w.get(k + 1), "units" | "unit" | "forces" | "troops" | "men")
        {
            k + 2
        } else {
            k + 1
        };
        let prev = w.get(k.wrapping_sub(1));
        // "Turkish-backed troops": an army named otherwise.
        let named_otherwise = prev.contains('-');
        // "army troops were among the dead": no agent.
        // ("security forces are holding 1,200 men": an active verb.)
        let subject_of_be = matches!(w.get(end), "were" | "was" | "are" | "is")
            && !(w.get(end + 1).len() > 4 && w.get(end + 1).ends_with("ing"));
        // Nor the target of an attack ("attacks on civilians and security forces").
        let target = matches!(prev, "on" | "against")
            || (prev == "and" && victim_noun(w.get(k.wrapping_sub(2))).is_some());
        // "the military said", "military forces"; not "military buildings",
        // "a military source", where the word describes something else.
        let military_noun = word != "military"
            || end == k + 2
            || (prev == "the"
                && w.kind(k + 1) == Some(TokenKind::Word)
                && (is_aux(w.get(k + 1))
                    || is_np_stop(w.get(k + 1))
                    || outcome_before(w.get(k + 1)).is_some()))
            || w.kind(k + 1) != Some(TokenKind::Word);
        let nationality = prev.len() > 3
            && ["ese", "ian", "ish", "ean", "ani", "i", "ch", "an"]
                .iter()
                .any(|suffix| prev.ends_with(suffix));
        // Nor the people a toll counts ("the number of soldiers killed").
        let of_at = if prev == "the" {
            k.wrapping_sub(2)
        } else {
            k.wrapping_sub(1)
        };
        let counted = w.get(of_at) == "of"
            && matches!(
                w.get(of_at.wrapping_sub(1)),
                "number" | "toll" | "tolls" | "deaths" | "death" | "bodies" | "killing"
            )
            // (Not "the toll of the army offensive": its attack.)
            && (outcome_after(w.get(end)).is_some()
                || matches!(w.get(end), "who" | "were" | "was" | "in" | "among"));
        if military_noun
            && !nationality
            && !named_otherwise
            && !subject_of_be
            && !target
            && !counted
            && w.get(end) != "of"
        {
            // "the Islamic State group said its soldiers killed": the party
            // named before is whose they are.
            let owner = parties
                .iter()
                .rev()
                .find(|p| p.end < k && p.party.kind == PartyKind::Belligerent)
                .filter(|_| matches!(prev, "its" | "their" | "his" | "her"));
            out.push(PartyInSentence {
                first: k,
                end,
                party: owner.map_or_else(
                    || Party {
                        name: if security {
                            UNNAMED_SECURITY_FORCES
                        } else {
                            UNNAMED_ARMY
                        }
                        .to_string(),
                        kind: PartyKind::Belligerent,
                    },
                    |o| o.party.clone(),
                ),
            });
        }
        k = end;
    }
    out
}

/// Claimant: "according to X", "X said", "said X", "it said".
/// Everyone the sentence says is speaking: (token of the verb or "according",
/// claimant, index of the party mention when a listed party).
type ClaimantCandidate = (usize, ClaimantRef, Option<usize>);

/// The sentence's claimant candidates, found once for all its claims.
fn claimant_candidates(
    w: &Words<'_>,
    text: &str,
    parties: &[PartyInSentence],
) -> Vec<ClaimantCandidate> {
    let mut candidates: Vec<ClaimantCandidate> = Vec::new();
    let party_at = |k: usize| parties.iter().position(|p| p.first <= k && k < p.end);
    for k in 0..w.len() {
        let word = w.get(k);
        if word == "according" && w.get(k + 1) == "to" {
            let mut start = k + 2;
            // "according to a new toll from the observatory": the document's source.
            let document_of = (start..(start + 5).min(w.len())).find(|&j| {
                matches!(w.get(j), "from" | "by" | "of")
                    && (start..j).all(|i| {
                        // ("a February report by", "its 2016 report from".)
                        month_number(w.get(i)).is_some()
                            || (w.kind(i) == Some(TokenKind::Number) && w.get(i).len() == 4)
                            || matches!(
                                w.get(i),
                                "a" | "an"
                                    | "the"
                                    | "its"
                                    | "new"
                                    | "latest"
                                    | "updated"
                                    | "revised"
                                    | "toll"
                                    | "tally"
                                    | "count"
                                    | "figures"
                                    | "figure"
                                    | "report"
                                    | "statement"
                                    | "data"
                                    | "estimate"
                                    | "estimates"
                                    | "reports"
                                    | "statistics"
                                    | "study"
                                    | "released"
                                    | "published"
                                    | "issued"
                                    | "compiled"
                                    // ("earlier information provided by a source at ...".)
                                    | "earlier"
                                    | "information"
                                    | "provided"
                                    | "given"
                            )
                    })
                    && j > start
            });
            if let Some(j) = document_of {
                start = j + 1;
            } else {
                // "according to the report, ...": the report named before,
                // whose source spoke; "according to reports the coalition's
                // airstrikes ...": unnamed reports. Neither is the party
                // that follows, which the report speaks of.
                let article =
                    usize::from(matches!(w.get(start), "a" | "an" | "the" | "its" | "this"));
                match w.get(start + article) {
                    "report" | "statement" | "study" | "tally" | "toll" => {
                        candidates.push((k, ClaimantRef::Pronoun, None));
                        continue;
                    }
                    // "according to the group which relies on activists": the
                    // source named before, unless a name follows ("the group
                    // Human Rights Watch").
                    "group" | "monitor" | "organisation" | "organization" | "agency"
                        if w.get(start) == "the"
                            && !capitalised(w, text, start + article + 1)
                            && party_at(start + article + 1).is_none() =>
                    {
                        candidates.push((k, ClaimantRef::Pronoun, None));
                        continue;
                    }
                    "reports" | "estimates" | "figures" | "statistics" => continue,
                    _ => {}
                }
            }
            if let Some(pi) = (start..(start + 4).min(w.len())).find_map(party_at) {
                candidates.push((k, ClaimantRef::Named(parties[pi].party.clone()), Some(pi)));
            } else if let Some(party) = phrase_party(w, text, start, 6, true) {
                candidates.push((k, ClaimantRef::Named(party), None));
            }
            continue;
        }
        // "the attack claimed the lives of", "claimed responsibility": not
        // speech; "claimed that", "claimed 49 fighters were killed" are, and so
        // is a claim that ends the clause ("were killed, activists claimed").
        // Not a relative clause of responsibility: "the bombing, which IS
        // claimed, killed 32", "an attack the rebels claimed".
        let claimed_attack = || {
            (0..k)
                .rev()
                .take_while(|&j| !matches!(w.get(j), "," | "." | ";" | ":"))
                .any(|j| {
                    let x = w.get(j);
                    matches!(x, "which" | "that" | "responsibility")
                        || is_attack_noun(x)
                        || is_single_event_noun(x)
                        || x == "attacks"
                })
        };
        if matches!(word, "claimed" | "claims" | "claiming" | "claim")
            && (!matches!(
                w.get(k + 1),
                "that" | "to" | "," | "." | ";" | "" | "including"
            ) || (!matches!(w.get(k + 1), "that" | "to") && claimed_attack()))
            && !claims_a_passive_outcome(w, k)
        {
            continue;
        }
        // "the Observatory raised its toll to 20", "updated to 18 its toll":
        // who keeps the toll gives the number.
        // ("gave a lower toll of 17", "placed the death toll at 50": so does
        // who gives or places it.)
        let toll_verb = matches!(
            word,
            "raised"
                | "raises"
                | "updated"
                | "updates"
                | "revised"
                | "revises"
                | "lowered"
                | "gave"
                | "gives"
                | "given"
                | "placed"
                | "places"
                | "puts"
                | "put"
                | "putting"
        ) && (k + 1..k + 5).any(|j| {
            matches!(w.get(j), "toll" | "tolls")
                || (matches!(w.get(j), "figure" | "number") && w.get(j + 1) == "at")
        })
            // (Not "gave no toll".)
            && !(k + 1..k + 3).any(|j| matches!(w.get(j), "no" | "not"));
        if !(is_saying_verb(word) || toll_verb)
            || matches!(
                word,
                "claims"
                    | "report"
                    | "reports"
                    | "put"
                    | "states"
                    | "estimates"
                    | "documents"
                    | "notes"
            ) && k == 0
        {
            continue;
        }
        // "ISIS, listed as a terrorist group by the UN": no speech.
        if word == "listed" && w.get(k + 1) == "as" {
            continue;
        }
        // "hours after the US and Russia announced a deal": what was
        // announced is named, and it is no toll.
        if announces_no_toll(w, k, &party_at) {
            continue;
        }
        // "according to report ISIS has executed", "citing a report": the
        // noun, not a verb that names its speaker after it.
        if matches!(
            word,
            "claims" | "report" | "reports" | "estimates" | "documents" | "notes"
        ) && matches!(
            w.get(k.wrapping_sub(1)),
            "a" | "an" | "the" | "to" | "its" | "this" | "new" | "latest" | "in"
        ) {
            continue;
        }
        // "Activist Ahed Sileybi said Russian war planes struck Deir Ezzor
        // adding that 20 civilians were injured": who adds is who said, not
        // the subject of what was said.
        if adds_that(w, k)
            && let Some(said) = candidates.last().filter(|(j, _, _)| *j < k).cloned()
        {
            candidates.push((k, said.1, said.2));
            continue;
        }
        // Party just before the verb ("the Observatory said", "SOHR also reported").
        let mut b = k;
        let mut skipped = 0;
        while b > 0
            && skipped < 6
            // 'the Observatory "has documented the killing of"': a quotation
            // opening on the verb (not one closing before it, whose last
            // word is no speaker: '"... by the coalition" said Amnesty').
            && (is_opening_quote(w, b - 1) || matches!(
                w.get(b - 1),
                "also"
                    | "has"
                    | "had"
                    | "have"
                    | "later"
                    | "further"
                    | "recently"
                    | "meanwhile"
                    | "now"
                    | "on"
                    | "earlier"
                    | "previously"
                    | "initially"
                    | "originally"
                    | "first"
                    | "quickly"
                    | "separately"
                    // "an NGO, however, has put the toll at".
                    | "however"
                    | "though"
                    | "too"
                    | "in"
                    | "a"
                    | "statement"
                    // "Amnesty, in a new report, said".
                    | "report"
                    | "its"
                    | "new"
                    | "latest"
                    // "the Syrian Observatory for Human Rights, said": an apposition's comma.
                    | ","
                    // "the coalition, which has admitted": the relative's antecedent.
                    | "which"
                    | "who"
            ))
        {
            b -= 1;
            skipped += 1;
        }
        // "the Syrian Observatory for Human Rights based in Britain said": an
        // apposition of where the source is.
        if let Some(based) = (b.saturating_sub(4)..b)
            .find(|&j| w.get(j) == "based" && w.get(j + 1) == "in")
            .filter(|&j| (j + 2..b).all(|i| w.kind(i) == Some(TokenKind::Word)))
        {
            b = based;
            // "the Observatory, based in Britain, said".
            if w.get(b.wrapping_sub(1)) == "," {
                b -= 1;
            }
        }
        // "Civil defence workers operating in opposition-held areas say":
        // where the speakers work is no part of who they are.
        if let Some(p) = (b.saturating_sub(6)..b).find(|&j| {
            matches!(
                w.get(j),
                "operating" | "working" | "active" | "deployed" | "stationed"
            ) && matches!(w.get(j + 1), "in" | "inside" | "across" | "throughout")
                && (j + 2..b).all(|i| {
                    // ("working in Aleppo for the Observatory": the employer speaks.)
                    w.kind(i) == Some(TokenKind::Word)
                        && !is_aux(w.get(i))
                        && !matches!(w.get(i), "for" | "with")
                })
        }) {
            b = p;
        }
        // "a civil defence worker said", "an Observatory source said": the
        // party the speaker works for ("civil defence emergency workers":
        // past one word of what they do).
        let works_for =
            if b > 2 && party_at(b - 2).is_none() && w.kind(b - 2) == Some(TokenKind::Word) {
                b - 3
            } else {
                b.wrapping_sub(2)
            };
        if b > 1
            && matches!(
                w.get(b - 1),
                "worker"
                    | "workers"
                    | "official"
                    | "officials"
                    | "source"
                    | "sources"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "member"
                    | "members"
                    | "volunteer"
                    | "volunteers"
                    | "paramedics"
                    | "medics"
                    | "doctors"
                    | "rescuers"
                    | "director"
                    | "head"
                    | "chief"
            )
            && let Some(pi) = party_at(works_for)
        {
            candidates.push((k, ClaimantRef::Named(parties[pi].party.clone()), Some(pi)));
            continue;
        }
        // "the UN children's agency (UNICEF) said": look inside the brackets.
        if b > 0
            && w.get(b - 1) == ")"
            && let Some(open) = (b.saturating_sub(8)..b - 1)
                .rev()
                .find(|&k| w.get(k) == "(")
        {
            if let Some(pi) = (open + 1..b - 1).find_map(party_at) {
                candidates.push((k, ClaimantRef::Named(parties[pi].party.clone()), Some(pi)));
                continue;
            }
            // "Syria Live Network (SLN) reported": past the name's
            // abbreviation, the name.
            let abbreviation = open + 2 == b - 1
                && w.tokens.get(open + 1).is_some_and(|t| {
                    text.get(t.span.start..t.span.end)
                        .is_some_and(|a| a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase()))
                });
            if abbreviation {
                // From here on `b` stands before the brackets, as if the
                // name stood right before the verb.
                b = open;
            }
        }
        // "the Syrian Observatory for Human Rights which closely monitors
        // the fighting in Syria said", "... which tracks the war through
        // activists said": the relative clause's antecedent, not a party in it.
        // The antecedent must be a source, or the sentence's subject: not
        // "civilians fleeing ISIS who reached the camp said".
        if b > 0
            && let Some(pi) = (b.saturating_sub(16)..b)
                .rev()
                .take_while(|&r| {
                    let x = w.get(r);
                    w.kind(r) == Some(TokenKind::Word)
                        && outcome_after(x).is_none()
                        && outcome_before(x).is_none()
                        && !is_saying_verb(x)
                })
                .filter(|&r| matches!(w.get(r), "which" | "who"))
                .find_map(|r| {
                    let before = r.checked_sub(1)?;
                    let before = if w.get(before) == "," {
                        before.checked_sub(1)?
                    } else {
                        before
                    };
                    let pi = party_at(before)?;
                    let first = parties[pi].first;
                    // ("On Monday the SDF, which ...": a fronted time may come first.)
                    let subject = first <= 5
                        && (0..first).all(|j| {
                            let x = w.get(j);
                            w.kind(j) != Some(TokenKind::Word)
                                || matches!(
                                    x,
                                    "the"
                                        | "on"
                                        | "in"
                                        | "late"
                                        | "early"
                                        | "earlier"
                                        | "later"
                                        | "meanwhile"
                                        | "yesterday"
                                        | "today"
                                )
                                || is_weekday(x).is_some()
                                || month_number(x).is_some()
                        });
                    (subject || parties[pi].party.kind != PartyKind::Belligerent).then_some(pi)
                })
        {
            candidates.push((k, ClaimantRef::Named(parties[pi].party.clone()), Some(pi)));
            continue;
        }
        if b > 0 {
            // "the Syrian Civil Defence in Idlib said": a party, then where it is.
            let located = (b.saturating_sub(6)..b.saturating_sub(1))
                .rev()
                .find(|&j| {
                    matches!(w.get(j), "in" | "at")
                        && (j + 1..b).all(|i| {
                            w.kind(i) == Some(TokenKind::Word)
                                && (capitalised(w, text, i)
                                    || particle_name(w, text, i)
                                    || matches!(
                                        w.get(i),
                                        "the" | "of" | "city" | "town" | "province" | "village"
                                    ))
                        })
                })
                .and_then(|j| party_at(j.checked_sub(1)?))
                // Not a side in the fighting ("killed 7 members of IS in Raqqa
                // said the Observatory"), nor when the source follows the verb.
                .filter(|&pi| {
                    (parties[pi].party.kind != PartyKind::Belligerent || parties[pi].first <= 1)
                        // ("said the Observatory", not "said 20 regime soldiers".)
                        && party_at(k + 1).is_none()
                        && !(matches!(w.get(k + 1), "the" | "a") && party_at(k + 2).is_some())
                });
            // ("seized by the terrorists said the Britain-based group": an
            // agent, the speaker after the verb.)
            let speaker_after =
                party_at(k + 1).is_some() || matches!(w.get(k + 1), "the" | "a" | "an");
            let agent = |pi: usize| by_before(w, parties[pi].first).is_some();
            // ("defected to join the rebels said the Observatory": a side in
            // the fighting, then a source after the verb, which speaks.)
            // (Not "the rebels told Reuters": who was told.)
            let source_after = !matches!(word, "told" | "tells" | "tell" | "telling")
                && [k + 1, k + 2]
                    .into_iter()
                    .filter(|&j| j == k + 1 || matches!(w.get(k + 1), "the" | "a" | "an"))
                    .find_map(party_at)
                    .is_some_and(|pi| parties[pi].party.kind != PartyKind::Belligerent);
            let side = |pi: usize| parties[pi].party.kind == PartyKind::Belligerent;
            let named_before = party_at(b - 1)
                .filter(|&pi| !((speaker_after && agent(pi)) || (source_after && side(pi))));
            if let Some(pi) = named_before.or(located) {
                candidates.push((k, ClaimantRef::Named(parties[pi].party.clone()), Some(pi)));
                continue;
            }
            // "it said", "the agency said": the source named before. Not "the
            // Aamaq news agency said", which names another ("the SANA news
            // agency", "the observatory group": a listed one).
            let source_noun = matches!(
                w.get(b - 1),
                "group" | "organisation" | "organization" | "agency" | "monitor" | "observatory"
            );
            // Not a belligerent: "the Turkish news agency" is no party.
            if source_noun
                && let Some(pi) = (b.saturating_sub(4)..b - 1)
                    .rev()
                    .find_map(party_at)
                    .filter(|&pi| parties[pi].party.kind != PartyKind::Belligerent)
            {
                // "The Civil Defense another activist group said": an
                // apposition; the party it describes speaks.
                let start = parties[pi].first;
                let pi = if start >= 2 && matches!(w.get(start - 1), "another" | "a" | "an") {
                    party_at(start - 2).unwrap_or(pi)
                } else {
                    pi
                };
                candidates.push((k, ClaimantRef::Named(parties[pi].party.clone()), Some(pi)));
                continue;
            }
            let noun_back = source_noun && {
                let before = b.wrapping_sub(2);
                let before = if w.get(before) == "news" {
                    before.wrapping_sub(1)
                } else {
                    before
                };
                // A name of its own: capitalised, not "The", not "Britain-based".
                let names_another = capitalised(w, text, before)
                    && !w.get(before).contains('-')
                    && !matches!(w.get(before), "the" | "this" | "that");
                !names_another
            };
            if matches!(w.get(b - 1), "he" | "she") {
                candidates.push((k, ClaimantRef::Person, None));
                continue;
            }
            if noun_back || matches!(w.get(b - 1), "it" | "they") {
                // "the Observatory said it had documented 30 deaths": the
                // pronoun is the speaker just named.
                let speaker = candidates
                    .last()
                    .filter(|(j, c, _)| {
                        matches!(c, ClaimantRef::Named(_))
                            && *j < b
                            && b - *j <= 6
                            && (*j + 1..b - 1).all(|x| {
                                matches!(w.get(x), "that" | "had" | "has" | "on")
                                    || is_weekday(w.get(x)).is_some()
                            })
                    })
                    .map(|(_, c, pi)| (c.clone(), *pi));
                let (claimant, pi) = speaker.unwrap_or((ClaimantRef::Pronoun, None));
                candidates.push((k, claimant, pi));
                continue;
            }
        }
        // Inverted: "... said the Syrian Observatory" (but "told Sputnik" names
        // who was told, and "said that coalition aircraft..." what was said).
        // Nor does a passive "deaths have been alleged from coalition actions"
        // name who speaks, unless "by" does.
        let passive = matches!(
            w.get(k.wrapping_sub(1)),
            "been" | "be" | "was" | "were" | "is" | "are"
        ) && w.get(k + 1) != "by";
        let names_listener = matches!(word, "told" | "tells" | "quoted" | "cited")
            || w.get(k + 1) == "that"
            || passive;
        // Not past a count: "said 12 PKK militants were killed" names no speaker.
        // ("says a UK-based monitoring group": after an article, an
        // adjective may come first.)
        let reach = if matches!(w.get(k + 1), "a" | "an" | "the") {
            4
        } else {
            3
        };
        if let Some(pi) = ((k + 1)..(k + reach).min(w.len()))
            .take_while(|&j| count_at(w, j).is_none())
            .find_map(party_at)
            .filter(|_| !names_listener)
            // "said Russian and government airstrikes have intensified": the
            // subject of what was said, not who said it.
            .filter(|&pi| {
                let end = parties[pi].end;
                let next = w.get(end);
                // ("said IS fighters fired rockets": the fighters act.)
                // (Not "said Hezbollah fighters deployed in the area".)
                let acting_members = victim_noun(next).is_some() && {
                    let verb = w.get(end + 1);
                    is_attack_or_launch_verb(verb) || outcome_before(verb).is_some()
                };
                !(is_attack_noun(next)
                    || acting_members
                    || matches!(next, "have" | "has" | "had" | "were" | "was" | "are" | "is")
                    || outcome_after(next).is_some()
                    // ("says IS kills 9": the subject of what was said.)
                    || (outcome_before(next).is_some() && !is_weak_outcome_verb(next))
                    || (next == "and"
                        && (is_attack_noun(w.get(end + 2)) || is_attack_noun(w.get(end + 3))))
                    // ("said Russia and Syrian regime war planes carried out
                    // strikes": the subjects of what was said.)
                    || (next == "and"
                        && (end + 1..(end + 8).min(w.len()))
                            .take_while(|&j| !is_clause_break(w.get(j)))
                            .any(|j| {
                                let x = w.get(j);
                                is_attack_or_launch_verb(x)
                                    || (x == "carried" && w.get(j + 1) == "out")
                                    || (outcome_before(x).is_some() && !is_weak_outcome_verb(x))
                            })))
            })
        {
            candidates.push((k, ClaimantRef::Named(parties[pi].party.clone()), Some(pi)));
            continue;
        }
        // A name the table does not know speaks only when what it says
        // follows ("... said 23 journalists", "said that") or the clause ends
        // with it; in a run of headlines ("Turkey PM says aims to ...") a
        // capitalised pair is no speaker.
        // ("..., Ibrahim Abu Leys told Anadolu Agency.": the clause ends with
        // who was told.)
        let told_ends_clause = || {
            matches!(word, "told" | "tells")
                && (k + 1..(k + 5).min(w.len() + 1)).any(|j| {
                    w.kind(j) != Some(TokenKind::Word)
                        && j > k + 1
                        && (k + 1..j).all(|i| capitalised(w, text, i))
                })
        };
        let reported = w.kind(k + 1) != Some(TokenKind::Word)
            || (k + 1..(k + 10).min(w.len()))
                .any(|j| matches!(w.get(j), "that" | "toll") || count_at(w, j).is_some())
            || told_ends_clause()
            // ("said Russian warplanes struck Deir Ezzor adding that ...".)
            || (k + 1..w.len()).any(|j| adds_that(w, j));
        // "The group, with a network of sources inside Syria, said": what
        // the source named before has, not who speaks.
        // (Only a source opening its clause, described by what it has: not
        // "the group with the lowest toll Syria Tracker said", "rebels
        // fighting the group with Russian support said".)
        let described = (b.saturating_sub(10)..b).find(|&j| {
            let comma = usize::from(w.get(j.wrapping_sub(1)) == ",");
            let noun = j.wrapping_sub(1 + comma);
            w.get(j) == "with"
                && matches!(w.get(j + 1), "a" | "an")
                && matches!(
                    w.get(noun),
                    "group" | "monitor" | "organisation" | "organization" | "observatory" | "ngo"
                )
                && w.get(noun.wrapping_sub(1)) == "the"
                && (noun < 2
                    || matches!(
                        w.get(noun - 2),
                        "," | "." | ";" | "and" | "but" | "\"" | "“"
                    ))
        });
        if described.is_some() {
            candidates.push((k, ClaimantRef::Pronoun, None));
            continue;
        }
        if let Some(party) = phrase_before(w, text, b)
            .or_else(|| reported.then(|| proper_name_before(w, text, b)).flatten())
        {
            candidates.push((k, ClaimantRef::Named(party), None));
        }
    }
    candidates
}

/// A name the party table does not list, written as one ("Reporters Without
/// Borders said", "opposition activist Omar Abu Laila said"): two or more
/// capitalised words just before `verb`, with "of", "for", "without" or
/// "and" between them, and no day or month among them.
fn proper_name_before(w: &Words<'_>, text: &str, verb: usize) -> Option<Party> {
    proper_name_run(w, text, verb).map(|(_, party)| party)
}

/// [`proper_name_before`] with the token the name starts at.
fn proper_name_run(w: &Words<'_>, text: &str, verb: usize) -> Option<(usize, Party)> {
    let mut first = verb;
    let mut names = 0;
    while first > 0 && verb - first < 6 {
        let k = first - 1;
        let word = w.get(k);
        let name = w.kind(k) == Some(TokenKind::Word)
            && (capitalised(w, text, k) || particle_name(w, text, k))
            && is_weekday(word).is_none()
            && month_number(word).is_none()
            && !matches!(
                word,
                "the"
                    | "a"
                    | "an"
                    | "on"
                    | "in"
                    | "at"
                    | "from"
                    | "near"
                    | "but"
                    | "and"
                    | "he"
                    | "she"
                    | "it"
                    | "they"
                    | "yesterday"
                    | "today"
                    | "earlier"
                    | "later"
                    | "meanwhile"
                    | "however"
                    | "also"
                    | "then"
                    | "now"
                    | "separately"
                    | "last"
                    | "first"
                    | "this"
                    | "that"
            );
        if name {
            names += 1;
        } else if !(matches!(word, "of" | "for" | "without" | "and") && names > 0) {
            break;
        }
        first = k;
    }
    // Not starting with a connector.
    while first < verb && !(capitalised(w, text, first) || particle_name(w, text, first)) {
        first += 1;
    }
    // After a preposition the run may begin with its place ("In Deir Ezzor
    // Ahmed Hassan said"), which no rule here can tell from the name.
    // ("the strike on Urum al-Joz saying": the place struck.)
    if first > 0
        && matches!(
            w.get(first - 1),
            "in" | "at" | "from" | "near" | "of" | "on" | "to" | "into" | "outside" | "around"
        )
    {
        return None;
    }
    // One name speaks only where the clause ends with its verb, after a
    // word of the sentence's own: "..., are martyred, Youkhana reported."
    let lone_name_ends_clause = names == 1
        && first >= 1
        && w.kind(verb + 1) != Some(TokenKind::Word)
        && (w.get(first - 1) == "," || !capitalised(w, text, first - 1));
    if (names < 2 && !lone_name_ends_clause) || first >= verb {
        return None;
    }
    // A headline in title case capitalises the words around the run too
    // ("Raids Kill 12 In Idlib, Aid Workers Say"): no name stands out.
    let (others, capitals) = (0..w.len())
        .filter(|&k| w.kind(k) == Some(TokenKind::Word) && !(first..verb).contains(&k))
        .fold((0, 0), |(n, c), k| {
            (n + 1, c + usize::from(capitalised(w, text, k)))
        });
    if others >= 2 && capitals * 2 > others {
        return None;
    }
    phrase_text(w, text, first, verb).map(|name| {
        (
            first,
            Party {
                kind: PartyKind::Local,
                name,
            },
        )
    })
}

/// The claimant for the claim at `token`: the candidate nearest it.
fn claimant_of(
    candidates: &[ClaimantCandidate],
    token: usize,
) -> (Option<ClaimantRef>, Option<usize>) {
    candidates
        .iter()
        .min_by_key(|(k, _, _)| k.abs_diff(token))
        .map(|(_, c, pi)| (Some(c.clone()), *pi))
        .unwrap_or((None, None))
}

/// Who speaks after a count set off by a comma ("killing four civilians, two
/// residents said", ", a doctor in Saraqib said"): witnesses and people who
/// work at the scene, not the victims.
fn is_witness_noun(word: &str) -> bool {
    matches!(
        word,
        "residents"
            | "witnesses"
            | "eyewitnesses"
            | "activists"
            | "sources"
            | "officials"
            | "doctors"
            | "medics"
            | "locals"
            | "villagers"
            | "resident"
            | "witness"
            | "eyewitness"
            | "activist"
            | "source"
            | "official"
            | "doctor"
            | "medic"
            | "villager"
            | "commander"
            | "officer"
            | "spokesman"
            | "rescuer"
            | "paramedic"
            | "nurse"
            | "journalist"
            | "correspondent"
            | "reporter"
            | "worker"
            | "workers"
            | "volunteer"
    )
}

/// Nouns that make an unlisted phrase a plausible claimant ("the Homs governor").
fn is_source_noun(w: &str) -> bool {
    matches!(
        w,
        "source"
            | "sources"
            | "official"
            | "officials"
            | "governor"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "correspondent"
            | "reporter"
            | "ministry"
            | "minister"
            | "police"
            | "command"
            | "agency"
            | "witness"
            | "doctor"
            | "director"
            | "commander"
            | "council"
            | "authorities"
            | "hospital"
            | "mayor"
            | "officer"
            | "channel"
            | "television"
            | "tv"
            | "newspaper"
            | "daily"
            | "website"
            | "page"
            | "outlet"
            | "group"
            | "organisation"
            | "organization"
            | "network"
            | "committee"
            | "media"
            | "ngo"
            | "collective"
            | "center"
            | "centre"
            | "office"
            | "doctors"
            | "groups"
            | "organisations"
            | "organizations"
            | "networks"
            | "committees"
            | "councils"
            | "broadcaster"
            | "charity"
            | "union"
            | "watchdog"
            | "forces"
            | "opposition"
            | "activists"
            | "activist"
            | "witnesses"
            | "medics"
            | "rescuers"
            | "journalist"
            | "journalists"
            | "resident"
            | "residents"
            | "analysts"
            | "paramedics"
            | "workers"
            | "worker"
            | "medic"
            | "paramedic"
            | "rescuer"
            | "volunteer"
            | "nurse"
    )
}

/// A claimant named by an unlisted phrase after "according to".
fn phrase_party(
    w: &Words<'_>,
    text: &str,
    start: usize,
    max: usize,
    need_source: bool,
) -> Option<Party> {
    let mut end = start;
    let mut has_source = false;
    while end < w.len() && end < start + max {
        let word = w.get(end);
        if w.kind(end) == Some(TokenKind::Punct) && word != "-"
            || is_saying_verb(word)
            || outcome_after(word).is_some()
            || outcome_before(word).is_some()
            || matches!(
                word,
                "that"
                    | "who"
                    | "which"
                    | "on"
                    | "and"
                    | "but"
                    | "after"
                    | "as"
                    | "when"
                    | "while"
                    // ("a local rescue worker near the site".)
                    | "near"
            )
        {
            break;
        }
        has_source |= is_source_noun(word);
        end += 1;
    }
    let mut first = start;
    while first < end && matches!(w.get(first), "the" | "a" | "an") {
        first += 1;
    }
    if first >= end || (need_source && !has_source && !capitalised(w, text, first)) {
        return None;
    }
    phrase_text(w, text, first, end).map(|name| Party {
        kind: if has_source {
            PartyKind::Local
        } else {
            PartyKind::Other
        },
        name,
    })
}

/// A claimant named by an unlisted phrase before "said".
fn phrase_before(w: &Words<'_>, text: &str, verb: usize) -> Option<Party> {
    let mut first = verb;
    let mut has_source = false;
    // "a police source in the city said", "an official in the Turkish town
    // of Suruc said": a phrase of place inside the name makes it longer.
    let mut reach = 5;
    while first > 0 && verb - first < reach {
        let word = w.get(first - 1);
        // (Only right after the source: "source in the city".)
        let article_after_preposition = matches!(word, "the" | "a")
            && first >= 3
            && matches!(w.get(first - 2), "in" | "at" | "of" | "from")
            && is_source_noun(w.get(first - 3));
        if article_after_preposition {
            reach = 8;
        }
        if w.kind(first - 1) != Some(TokenKind::Word)
            || is_np_stop(word)
                && !matches!(word, "of" | "in" | "at" | "from")
                && !article_after_preposition
            || is_aux(word)
            || outcome_after(word).is_some()
            || outcome_before(word).is_some()
        {
            break;
        }
        has_source |= is_source_noun(word);
        first -= 1;
    }
    // Do not start with a preposition, nor with the article after one
    // ("killed in the strikes RIA news agency said").
    while first < verb && matches!(w.get(first), "of" | "in" | "at" | "from" | "the" | "a") {
        first += 1;
    }
    // "The Syrian Center for Policy Research, an NGO, said": the apposition
    // describes the name before it, which speaks.
    // Only an organisation's ("a doctor", "an official" after "the jets
    // struck Maaret al-Numan" describe no place), and only a name that opens
    // its clause.
    let organisation = matches!(
        w.get(verb.wrapping_sub(1)),
        "ngo"
            | "group"
            | "organisation"
            | "organization"
            | "charity"
            | "watchdog"
            | "network"
            | "tank"
            | "center"
            | "centre"
            | "body"
            | "agency"
            | "committee"
            | "collective"
    );
    if organisation && first >= 2 && matches!(w.get(first - 1), "a" | "an") {
        let name_end = if w.get(first - 2) == "," {
            first - 2
        } else {
            first - 1
        };
        if let Some((start, name)) = proper_name_run(w, text, name_end)
            && (start == 0 || matches!(w.get(start - 1), "the" | "," | "and" | "but" | "however"))
        {
            return Some(name);
        }
    }
    if first >= verb || !has_source {
        return None;
    }
    // Not the victims ("killed 4 journalists said RSF") nor a preposition's
    // object ("killed 12 patients at the hospital in the town said a doctor").
    let is_count_word =
        |j: usize| w.kind(j) == Some(TokenKind::Number) || small_count_word(w.get(j));
    let before = first.wrapping_sub(1);
    let counted = first > 0
        && is_count_word(before)
        && (first.saturating_sub(5)..before).any(|j| outcome_before(w.get(j)).is_some());
    // ("kill 8 IS group militants, report says": the people counted, past
    // a name the phrase stopped at.)
    let counted_before_name = (first.saturating_sub(3)..first).any(|j| {
        is_count_word(j)
            // (Not "killed four children an informed source in Homs told":
            // the counted noun and an article between.)
            && (j + 1..first).all(|x| {
                w.kind(x) == Some(TokenKind::Word)
                    && victim_noun(w.get(x)).is_none()
                    && outcome_after(w.get(x)).is_none()
                    && !matches!(w.get(x), "a" | "an" | "the")
            })
            && (j.saturating_sub(5)..j).any(|v| outcome_before(w.get(v)).is_some())
    });
    if counted
        || counted_before_name
        || (matches!(w.get(before), "the" | "a" | "an")
            && matches!(
                w.get(before.wrapping_sub(1)),
                "at" | "in" | "on" | "from" | "to" | "near" | "into" | "of"
            ))
    {
        return None;
    }
    // Nor with the people a count before it counts ("including 10 children
    // Lebanese TV channel Al-Mayadin reported").
    if first + 1 < verb && victim_noun(w.get(first)).is_some() && is_count_word(before) {
        first += 1;
        if matches!(w.get(first), "of" | "in" | "at" | "from" | "near") {
            return None;
        }
    }
    phrase_text(w, text, first, verb).map(|name| Party {
        kind: PartyKind::Local,
        name,
    })
}

/// "al-Hadas", "el-Sisi": a name after its lowercase article.
fn particle_name(w: &Words<'_>, text: &str, i: usize) -> bool {
    w.tokens
        .get(i)
        .and_then(|t| text.get(t.span.start..t.span.end))
        .and_then(|s| s.strip_prefix("al-").or_else(|| s.strip_prefix("el-")))
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_uppercase)
}

fn capitalised(w: &Words<'_>, text: &str, i: usize) -> bool {
    w.tokens
        .get(i)
        .and_then(|t| text.get(t.span.start..t.span.end))
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_uppercase)
}

fn phrase_text(w: &Words<'_>, text: &str, first: usize, end: usize) -> Option<String> {
    let a = w.tokens.get(first)?.span.start;
    let b = w.tokens.get(end.checked_sub(1)?)?.span.end;
    text.get(a..b)
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// "denied that there were any civilian casualties", "no civilian deaths":
/// a claim of zero.
fn zero_claims(w: &Words<'_>, stance: Stance) -> Vec<(usize, usize, Measure, Victims)> {
    let mut out = Vec::new();
    for i in 0..w.len() {
        let word = w.get(i);
        // Only a denial makes "no casualties" a claim; "reported no deaths" is
        // an absence of claims.
        let zero = stance == Stance::Denied
            && (word == "any" || (word == "no" && w.get(i + 1) != "longer"));
        if !zero {
            continue;
        }
        let mut j = i + 1;
        let mut victims = Victims::People;
        while j < i + 4 && j < w.len() {
            let x = w.get(j);
            if x == "civilian" || x == "civilians" {
                victims = Victims::Civilians;
            } else if let Some(v) = victim_noun(x).filter(|_| !matches!(x, "casualties" | "dead")) {
                victims = v;
            }
            let measure = match x {
                "casualties" | "casualty" => Some(Measure::Casualties),
                "deaths" | "fatalities" => Some(Measure::Killed),
                "one"
                    if matches!(w.get(j + 1), "was" | "had")
                        && matches!(
                            w.get(j + 2),
                            "killed" | "hurt" | "injured" | "wounded" | "been"
                        ) =>
                {
                    outcome_after(w.get(j + 2)).or(Some(Measure::Killed))
                }
                _ => None,
            };
            if let Some(m) = measure {
                out.push((i, j + 1, m, victims));
                break;
            }
            if matches!(x, "died" | "killed" | "dead") && victims != Victims::People {
                out.push((i, j + 1, Measure::Killed, victims));
                break;
            }
            j += 1;
        }
    }
    out
}

/// Could this sentence hold a claim at all? A cheap test run on every sentence.
/// It needs an outcome word and something that could be a count.
pub fn may_hold_claims(w: &Words<'_>) -> bool {
    let has_outcome = (0..w.len()).any(|i| {
        let word = w.get(i);
        outcome_after(word).is_some()
            || outcome_before(word).is_some()
            || matches!(
                word,
                "toll"
                    | "tolls"
                    | "lives"
                    | "victims"
                    | "casualty"
                    | "destroyed"
                    | "destroying"
                    | "annihilated"
                    | "annihilating"
                    | "bodies"
                    | "corpses"
                    | "siege"
                    | "flee"
                    | "homes"
                    | "martyrs"
                    | "martyr"
                    | "hostages"
                    // ("Mortar shells claim 7 civilians".)
                    | "claim"
            )
            // ("the execution of 20 prisoners", see `measure_before`.)
            || is_killing_noun(word)
            // ("suffered suffocation", "treated for asphyxiation"; "have
            // taken out seven commanders", see `measure_before`.)
            || is_harm_noun(word)
            || is_taken_out(w, i)
    });
    has_outcome
        && (0..w.len()).any(|i| {
            matches!(w.kind(i), Some(TokenKind::Number | TokenKind::Mixed))
                || matches!(w.get(i), "no" | "any")
                || count_at(w, i).is_some()
        })
}

/// Date expressions of the sentence, less those inside page furniture.
pub(crate) fn event_dates(input: &SentenceInput<'_>) -> Vec<DateMention> {
    let w = &input.words;
    let mut dates = find_dates(w, input.article_date);
    // A dateline or other furniture dates the page, not the event.
    dates.retain(|d| {
        let span = match (w.tokens.get(d.first), w.tokens.get(d.end.saturating_sub(1))) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => return false,
        };
        !(input.furniture)(span)
    });
    dates
}

/// The claims of one sentence.
pub fn sentence_claims(input: &SentenceInput<'_>) -> Vec<SentenceClaim> {
    let dates = &event_dates(input);
    let w = &input.words;
    let in_date = |i: usize| dates.iter().any(|d| d.first <= i && i < d.end);
    let in_party = |i: usize| input.parties.iter().any(|p| p.first <= i && i < p.end);

    // Every count with its noun phrase.
    let mut counts: Vec<(Count, NounPhrase)> = Vec::new();
    let mut i = 0;
    while i < w.len() {
        if in_date(i) || in_party(i) {
            i += 1;
            continue;
        }
        // Ages are no counts of people.
        if let Some(end) = age_phrase_end(w, i) {
            i = end;
            continue;
        }
        match count_at(w, i) {
            Some(c) => {
                let mut np = noun_phrase(w, &c, input.parties);
                np.direct = direct_outcome_after(w, np.end);
                i = c.end.max(i + 1);
                counts.push((c, np));
            }
            None => i += 1,
        }
    }
    if counts.is_empty() && !(0..w.len()).any(|k| matches!(w.get(k), "any" | "no")) {
        return Vec::new();
    }

    // Ends of count phrases that take their outcome from the word after them
    // ("57 civilians killed"), unlike headline lists ("Kills 3 Wounds 20").
    let phrase_ends: Vec<usize> = counts
        .iter()
        .filter(|(c, np)| measure_before(w, c, np, &[]).is_none())
        .map(|(c, np)| np.end.max(c.end))
        .collect();
    // (first, end, whether it counts people by a noun of its own).
    let victim_phrases: Vec<(usize, usize, bool)> = counts
        .iter()
        .map(|(c, np)| {
            (
                c.first,
                np.end.max(c.end),
                np.victims.is_some() && !np.not_people && np.end > c.end,
            )
        })
        .collect();
    let stance = stance_of_sentence(w);
    let first_count = counts.first().map_or(0, |(c, _)| c.first);
    let cumulative_cue = has_cumulative_cue(w, input.parties, dates, first_count);
    // "the Houla massacre in 2012" is one event even though its date is a year.
    // ("barrel bomb attacks" are many.)
    let one_event = (0..w.len()).any(|k| {
        is_single_event_noun(w.get(k))
            && !matches!(w.get(k + 1), "attacks" | "strikes" | "raids" | "bombings")
            // ("six days of heavy bombing": many.)
            && !(k.saturating_sub(3)..k).any(|j| {
                w.get(j) == "of" && matches!(w.get(j.wrapping_sub(1)), "days" | "weeks" | "months")
            })
    });
    let mut out: Vec<SentenceClaim> = Vec::new();
    // (noun phrase end, measure, victims) of the last claim, for lists and breakdowns.
    let mut previous: Option<(usize, Measure, Victims)> = None;
    for (c, np) in &counts {
        // Where the count's phrase ends ("45 civilians|").
        let phrase_end = np.end.max(c.end);
        // More people than any war has touched is money or some other
        // quantity ("the toll on the economy has risen to 13 billion").
        if c.min.or(c.max).is_some_and(|n| n > MAX_PEOPLE) {
            continue;
        }
        let span = match (w.tokens.get(c.first), w.tokens.get(c.end.saturating_sub(1))) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => continue,
        };
        if (input.furniture)(span) || np.not_people || is_not_a_people_count(w, c) {
            continue;
        }
        // "killing four civilians, two residents said": a few witnesses
        // speak (not "among the dead were nine women said the monitor", nor
        // "killed 3 doctors said the monitor": the comma sets them apart).
        // (Also where they are: ", a doctor in Saraqib said".)
        let says = |k: usize| matches!(w.get(k), "said" | "says" | "told" | "tell");
        let speaker_noun = |k: usize| is_witness_noun(w.get(k));
        // (Past one word of what they do: ", an aid worker said".)
        let noun = if !speaker_noun(c.end)
            && w.kind(c.end) == Some(TokenKind::Word)
            && speaker_noun(c.end + 1)
        {
            c.end + 1
        } else {
            c.end
        };
        if c.max.is_some_and(|n| n <= 10)
            && w.get(c.first.wrapping_sub(1)) == ","
            && (says(noun + 1)
                || (matches!(
                    w.get(noun + 1),
                    "in" | "at" | "from" | "inside" | "with" | "of"
                ) && (noun + 2..(noun + 8).min(w.len()))
                    .take_while(|&k| w.kind(k) == Some(TokenKind::Word))
                    .any(says)))
            && speaker_noun(noun)
        {
            continue;
        }
        let mut victims = np.victims;
        // "his son was injured": a kin count is a claim as the subject of its
        // outcome; "killing the driver and injuring his son" restates a victim
        // the article has mostly counted already.
        let kin = c.is_bare_one && matches!(w.get(c.first), "his" | "her" | "their");
        let mut measure = if kin {
            np.direct
        } else {
            np.measure
                .or_else(|| outcome_in_their_count(w, c))
                .or_else(|| measure_before(w, c, np, &phrase_ends))
                .or(np.direct)
                // "the army destroyed over 60 terrorists": fighters destroyed
                // are killed (not "destroyed 10 of their vehicles").
                // (The phrase ends on its people, not "6 terrorist dens" or
                // "8 terrorists' vehicles".)
                .or_else(|| {
                    let head = w.get(np.end.wrapping_sub(1));
                    let next = w.get(np.end);
                    (np.victims == Some(Victims::Combatants)
                        && victim_noun(head).is_some()
                        && (head.ends_with('s') || head.ends_with("men"))
                        && (w.kind(np.end) != Some(TokenKind::Word)
                            || crate::lexicon::is_np_stop(next)
                            || is_clause_break(next)
                            || matches!(next, "near" | "east" | "west" | "north" | "south")
                            // ("destroyed some 120 militants trying to escape".)
                            || (next.len() > 4 && next.ends_with("ing")))
                        && !matches!(next, "'" | "’")
                        && matches!(
                            w.get(c.first.wrapping_sub(1)),
                            "destroyed" | "destroying" | "annihilated" | "annihilating"
                        ))
                    .then_some(Measure::Killed)
                })
        };
        // "As well as those killed at least 160 people were injured": "those
        // killed" names other people; the count's own passive verb tells
        // what became of it.
        if np.measure.is_none()
            && outcome_before(w.get(c.first.wrapping_sub(1))).is_some()
            && matches!(w.get(c.first.wrapping_sub(2)), "those" | "the")
            && let Some(own) = passive_outcome_at(w, np.end)
        {
            measure = Some(own);
        }
        if kin && measure.is_none() {
            continue;
        }
        // A breakdown ("including 19 children") or a list ("14 jihadists and five
        // civilians") after an earlier claim takes that claim's outcome; not
        // a count with a verb of its own ("and 2000 refugees returned").
        // ("23 wounded, two of whom later died": the part's own outcome.)
        // ("300 detained, of which 40 were later released": the part's own verb.)
        let part_of = matches!(w.get(c.first.wrapping_sub(1)), "which" | "whom")
            && matches!(w.get(c.first.wrapping_sub(2)), "of" | "among");
        let own_verb = ((w.get(c.first.wrapping_sub(1)) == "and" || part_of)
            && verb_of_its_own(w, phrase_end))
            || (is_part_of_earlier(w, c)
                && (c.end + 2..c.end + 5).any(|k| outcome_after(w.get(k)).is_some()));
        if measure.is_none()
            && !own_verb
            && let Some((prev_end, m, prev_victims)) = previous
            && c.first >= prev_end
            && c.first > 0
            && (c.first - prev_end <= 8
                || (c.first - prev_end <= 16 && is_part_of_earlier(w, c))
                || (c.first - prev_end <= 20 && is_explicit_breakdown(w, c.first))
                // "30 were killed around Shadadi and another five outside Kobane".
                // (Of the dead and wounded: not "600000 are living in
                // besieged areas and another four million in hard-to-reach
                // areas".)
                // (Only with no verb of its own: not "and another 3 went
                // missing".)
                || (c.first - prev_end <= 20
                    && w.ends_before(c.first, &["and", "another"])
                    && matches!(m, Measure::Killed | Measure::Injured | Measure::Casualties)
                    && {
                        w.kind(phrase_end) != Some(TokenKind::Word)
                            || matches!(
                                w.get(phrase_end),
                                "in" | "near" | "outside" | "around" | "at" | "on" | "inside"
                                    | "across" | "elsewhere" | "during"
                            )
                    }))
            && (c.first == prev_end || is_breakdown_joiner(w, c.first) || is_part_of_earlier(w, c))
            && (prev_end..c.first).all(|k| {
                let x = w.get(k);
                // The earlier claim's own cue may stand in between ("Three killed including 2 women").
                let same_cue = outcome_after(x) == Some(m) || outcome_before(x) == Some(m);
                // "were killed, the network claimed, including 192 children":
                // a saying verb just before the breakdown only interrupts it.
                // ("a monitoring group said on Monday including 29 in one
                // neighbourhood": past the day of speech too.)
                let aside = is_explicit_breakdown(w, c.first)
                    && (k + 1..c.first).all(|j| {
                        let x = w.get(j);
                        matches!(x, "," | "including" | "on" | "yesterday" | "today")
                            || is_weekday(x).is_some()
                    });
                (same_cue || aside || (outcome_after(x).is_none() && outcome_before(x).is_none()))
                    // ("killed 1102 people said the Observatory adding that
                    // 234 of them were children": "of them" points back past it.)
                    && (!is_saying_verb(x) || aside || is_part_of_earlier(w, c))
                    && w.kind(k) != Some(TokenKind::Number)
            })
        {
            // "a woman was killed and 25 others on a bus were wounded": the
            // list's last member has an outcome of its own further on.
            // (A passive verb of its own, past no other list member: not
            // "killed a man and a woman and injuring others", "two women
            // and nine others were injured".)
            // ("and 12 others including women and children were wounded":
            // past the "and" of its own breakdown.)
            let own = (w.get(c.first - 1) == "and")
                .then(|| {
                    let breakdown = |k: usize| (np.end..k).any(|j| w.get(j) == "including");
                    (np.end..(np.end + 10).min(w.len()))
                        .take_while(|&k| {
                            // (A count of the breakdown may be in digits.)
                            (w.kind(k) == Some(TokenKind::Word)
                                || (breakdown(k) && count_at(w, k).is_some()))
                                && (w.get(k) != "and" || breakdown(k))
                                && !matches!(
                                    w.get(k),
                                    "or" | "who" | "which" | "that" | "while" | "as"
                                )
                                && !is_clause_break(w.get(k))
                                && (count_at(w, k).is_none() || breakdown(k))
                                && outcome_before(w.get(k)).is_none()
                        })
                        .find_map(|k| {
                            outcome_after(w.get(k + 1))
                                .filter(|_| matches!(w.get(k), "were" | "was" | "been"))
                        })
                })
                .flatten()
                .filter(|&own| own != m);
            measure = Some(own.unwrap_or(m));
            // "including 105 who died": no noun of its own, so the listed group's.
            if own.is_none() && victims.is_none() && prev_victims != Victims::People {
                victims = Some(prev_victims);
            }
        }
        // "the Observatory says 180000 have been killed, while the UN puts
        // the figure at 191000": another's toll of the count before.
        if measure.is_none()
            && let Some((_, m, prev_victims)) = previous
            && w.get(c.first.wrapping_sub(1)) == "at"
            && matches!(
                w.get(c.first.wrapping_sub(2)),
                "figure" | "number" | "total"
            )
            && w.get(c.first.wrapping_sub(3)) == "the"
            && matches!(
                w.get(c.first.wrapping_sub(4)),
                "puts" | "put" | "putting" | "places" | "placed" | "placing"
            )
        {
            measure = Some(m);
            victims = victims.or(Some(prev_victims));
        }
        // "the death toll rose to 12 people", "Death toll from attacks on Aleppo
        // rises to 12 with over 200 injured": the toll names the outcome,
        // whatever follows, when nothing between them counts or tells an outcome.
        let cue_before = measure_from_cue_before(w, c);
        if measure.is_none()
            && let Some((Measure::Killed, _)) = cue_before
            && let Some(toll) = (c.first.saturating_sub(16)..c.first)
                .rev()
                .find(|&k| matches!(w.get(k), "toll" | "tolls"))
            && (toll + 1..c.first).all(|k| {
                // A day of a date is no count: "the March 13 bombing".
                (w.kind(k) != Some(TokenKind::Number) || is_day_of_date(w, k))
                    && outcome_after(w.get(k)).is_none()
                    && outcome_before(w.get(k)).is_none()
            })
        {
            measure = Some(Measure::Killed);
        }
        // "The death toll from air strikes on a town in a de-escalation zone
        // has risen to 61": a toll's rise names its count however long the
        // toll's own phrase is, and before any outcome after the count ("has
        // reached 20 people in addition to tens of others injured"; not "has
        // reached 3,000 people, most of them detained", which says what the
        // toll counts).
        let told_of_them = (phrase_end..phrase_end + 5).any(|k| of_them_at(w, k));
        if measure.is_none() && c.first >= 2 && !told_of_them {
            let (verb, risen) = if matches!(w.get(c.first - 1), "reached" | "hit") {
                (c.first - 1, true)
            } else {
                let verb = c.first - 2;
                let risen = matches!(w.get(c.first - 1), "to" | "at")
                    && matches!(
                        w.get(verb),
                        "risen"
                            | "rose"
                            | "rises"
                            | "climbed"
                            | "jumped"
                            | "increased"
                            | "stands"
                            | "stood"
                            | "reached"
                    );
                (verb, risen)
            };
            let toll = (c.first.saturating_sub(32)..verb)
                .rev()
                .take_while(|&k| {
                    let x = w.get(k);
                    // ("the besieged town of": an adjective, no outcome; "the
                    // toll the siege is taking on families, whose number has
                    // risen": another clause; "in the past 24 hours": a date.)
                    (w.kind(k) != Some(TokenKind::Number) || is_day_of_date(w, k) || in_date(k))
                        && (outcome_after(x).is_none() || is_adjective_of_things(w, k))
                        && outcome_before(x).is_none()
                        && !matches!(x, "." | ";" | "whose" | "while" | "but")
                })
                .find(|&k| matches!(w.get(k), "toll" | "tolls"));
            if risen && let Some(t) = toll {
                measure = Some(if w.get(t.wrapping_sub(1)) == "casualty" {
                    Measure::Casualties
                } else {
                    Measure::Killed
                });
            }
        }
        // "six wounded soldiers later died of their wounds", "20 displaced
        // civilians were killed", "five civilians who fled to Turkey died":
        // the verb tells what became of them.
        let became = if np.adjective_outcome {
            (measure == np.measure)
                .then(|| {
                    passive_outcome_at(w, np.end)
                        .or_else(|| later_died(w, np.end).then_some(Measure::Killed))
                })
                .flatten()
        } else if np.measure.is_none() {
            // ("86 members of government forces and its allies who ...": the
            // relative clause may open past the phrase's "of" part.)
            let relative = (np.end..(np.end + 8).min(w.len()))
                .take_while(|&k| {
                    let x = w.get(k);
                    w.kind(k) == Some(TokenKind::Word)
                        && outcome_after(x).is_none()
                        && outcome_before(x).is_none()
                        && !is_clause_break(x)
                })
                .find(|&k| matches!(w.get(k), "who" | "that"))
                .unwrap_or(np.end);
            outcome_past_relative_clause(w, relative)
        } else {
            None
        };
        // (What befell them, not where they went: "seven injured children
        // were evacuated", "20 wounded civilians were trapped under the rubble".)
        if let Some(m) = became.filter(|&m| is_a_fate(m)) {
            measure = Some(m);
        }
        // "A doctor receiving the casualties": one person is a claim only when the
        // outcome is bound to them directly.
        let bound_loosely_ok = !c.is_bare_one;
        if measure.is_none() && bound_loosely_ok {
            measure = measure_after(
                w,
                input.text,
                np.end,
                &counts,
                np.victims == Some(Victims::Combatants),
            );
        }
        if measure.is_none() && bound_loosely_ok {
            measure = measure_of_group_after(w, c);
            if measure.is_some() {
                victims = victims.or_else(|| victims_after_were(w, c.end));
            }
        }
        if measure.is_none()
            && bound_loosely_ok
            && let Some((m, civilian)) = cue_before
        {
            measure = Some(m);
            if civilian && victims.is_none() {
                victims = Some(Victims::Civilians);
            }
            // "the number of civilians displaced reached 5000".
            if victims.is_none() {
                victims = victims_of_number_of(w, c.first);
            }
        }
        // A list or breakdown after an earlier claim inherits its outcome.
        if measure.is_none()
            && !own_verb
            && let Some((prev_end, m, prev_victims)) = previous
            && c.first >= prev_end
            && c.first - prev_end <= 4
            && (prev_end..c.first).all(|k| is_list_joiner(w.get(k)))
        {
            measure = Some(m);
            if victims.is_none() && prev_victims != Victims::People {
                victims = Some(prev_victims);
            }
        }
        // "the 5 million Syrian refugees who have left", "Turkey hosts 3
        // million refugees": refugees are the displaced when the sentence
        // says they left or are hosted (not "shot 12 refugees", "deported").
        if measure.is_none()
            && np.end > c.end
            && w.get(np.end - 1) == "refugees"
            && ((c.first.saturating_sub(3)..c.first).any(|k| {
                matches!(
                    w.get(k),
                    "hosts" | "hosting" | "hosted" | "host" | "sheltering" | "shelters"
                ) || (w.get(k) == "to" && w.get(k.wrapping_sub(1)) == "home")
                    || (w.get(k) == "in" && w.get(k.wrapping_sub(1)) == "taken")
                    || w.get(k + 1) == "registered"
            }) || (np.end..np.end + 4).any(|k| matches!(w.get(k), "left" | "fled")))
        {
            measure = Some(Measure::Displaced);
        }
        // "He was killed along with two other people": one more list member
        // of the passive outcome just before (whatever a verb after says:
        // "... and 5 were wounded").
        if np.measure.is_none()
            && c.first >= 4
            && outcome_after(w.get(c.first - 3)).is_some()
            && (w.ends_before(c.first, &["along", "with"])
                || w.ends_before(c.first, &["together", "with"]))
            && matches!(w.get(c.first - 4), "was" | "were" | "been")
        {
            measure = outcome_after(w.get(c.first - 3));
        }
        let Some(measure) = measure else { continue };
        // ("Two of the victims were minors": what they were says more than
        // "victims".)
        let part_of_the = w.get(c.end) == "of" && matches!(w.get(c.end + 1), "the" | "those");
        if (victims.is_none() || (part_of_the && victims == Some(Victims::People)))
            && let Some(v) = victims_after_were(w, c.end)
        {
            victims = Some(v);
        }
        // "fighting that has left dozens dead on both sides": fighters.
        if victims.is_none_or(|v| v == Victims::People) && on_both_sides(w, c.first) {
            victims = Some(Victims::Combatants);
        }
        // "putting the number of civilians killed at 13".
        if victims.is_none() && the_number_of_reaches(w, c.first) {
            victims = victims_of_number_of(w, c.first);
        }
        // "132 civilians ..., including 105 who died": a breakdown without a
        // noun of its own counts the group it breaks down.
        if victims.is_none()
            && c.first > 0
            && is_explicit_breakdown(w, c.first)
            && let Some((prev_end, _, prev_victims)) = previous
            && prev_victims != Victims::People
            && c.first >= prev_end
            && c.first - prev_end <= 16
        {
            victims = Some(prev_victims);
        }
        // "Suicide bomber kills one in Syria": one person, the whole object
        // of a killing verb (not "killed one of the leaders", "one by one").
        let one_killed = c.is_bare_one
            && matches!(
                w.get(c.first.wrapping_sub(1)),
                "kills" | "killed" | "killing" | "kill"
            )
            && matches!(
                w.get(c.end),
                "in" | "on" | "near" | "and" | "," | "." | "" | "when" | "during"
            )
            // (Not a ratio: "kills one in 10 children", "one in every five".)
            && !(w.get(c.end) == "in"
                && (count_at(w, c.end + 1).is_some()
                    || matches!(w.get(c.end + 1), "every" | "each")));
        if c.is_bare_one && np.victims.is_none() && !one_killed {
            continue;
        }
        // "11 members of one family": a family's members are no fighters.
        if matches!(w.get(c.end), "members" | "member")
            && w.get(c.end + 1) == "of"
            && (c.end + 2..c.end + 4).any(|k| matches!(w.get(k), "family" | "families"))
        {
            victims = Some(Victims::People);
        }
        // "seven people of a local armed group", "12 members of a militia":
        // fighters.
        if matches!(w.get(c.end), "people" | "persons" | "members" | "men")
            && w.get(c.end + 1) == "of"
            && (c.end + 2..c.end + 6)
                .take_while(|&k| !is_clause_break(w.get(k)) && outcome_after(w.get(k)).is_none())
                .any(|k| {
                    matches!(
                        w.get(k),
                        "militia" | "militias" | "faction" | "factions" | "brigade" | "battalion"
                    ) || (w.get(k) == "group" && w.get(k.wrapping_sub(1)) == "armed")
                })
        {
            victims = Some(Victims::Combatants);
        }
        // "15 members of medical staff", "6 members of the civil defence":
        // rescuers' and medics' members are civilians.
        if matches!(w.get(c.end), "members" | "member")
            && w.get(c.end + 1) == "of"
            && (c.end + 2..c.end + 5)
                .take_while(|&k| {
                    w.kind(k) == Some(TokenKind::Word)
                        && (matches!(w.get(k), "the" | "a" | "an") || !is_np_stop(w.get(k)))
                })
                .any(|k| {
                    let x = w.get(k);
                    victim_noun(x) == Some(Victims::Civilians) || is_rescue_work(x) || x == "civil"
                })
        {
            victims = Some(Victims::Civilians);
        }
        // "six of them children": the noun after; "16 of them": the group
        // named just before.
        if w.get(c.end) == "of" && w.get(c.end + 1) == "them" {
            if let Some(v) = victim_noun(w.get(c.end + 2)).filter(|&v| v != Victims::People) {
                victims = Some(v);
            } else if victims.is_none() {
                victims = (0..c.first).rev().find_map(|k| victim_noun(w.get(k)));
            }
        }
        // "killing 5 fighters and injuring 15 others": the others are fighters too.
        if w.get(np.end.wrapping_sub(1)) == "others"
            && let Some((_, _, Victims::Combatants)) = previous
        {
            victims = Some(Victims::Combatants);
        }
        // "twenty-eight heads of the Ahrar al-Sham movement": people counted as
        // part of an armed group.
        if victims.is_none()
            && matches!(w.get(c.end), "heads" | "leaders" | "chiefs" | "cadres")
            && w.get(c.end + 1) == "of"
            && input.parties.iter().any(|p| {
                p.party.kind == PartyKind::Belligerent && (c.end + 2..c.end + 4).contains(&p.first)
            })
        {
            victims = Some(Victims::Combatants);
        }
        // "had killed 28 and wounded 30 Daesh militants": the count with no
        // noun of its own shares the next verb's. (Not back: "killed four
        // civilians and wounded three others" wounded people.)
        if victims.is_none() && np.end == c.end {
            let next_count = (w.get(c.end) == "and" && outcome_before(w.get(c.end + 1)).is_some())
                .then(|| count_at(w, c.end + 2))
                .flatten();
            // (Only fighters: "killed 3 and wounded 20 children" need not
            // have killed children.)
            victims = next_count
                .and_then(|next| victim_noun(w.get(noun_past_party(w, input.parties, next.end))))
                .filter(|&v| v == Victims::Combatants);
        }
        let victims = victims.unwrap_or(Victims::People);
        let date = nearest_date(w, dates, c.first);
        let scope = if date.is_some_and(|d| d.since || (d.is_period() && !one_event))
            || (cumulative_cue && !date.is_some_and(|d| !d.is_period() && d.range.is_some()))
            // Thousands dead with no event date is a war's toll, not one attack's.
            // ("as high as 470000": a bound alone is as much a count.)
            || (c.min.or(c.max).unwrap_or(0) >= 1000 && date.is_none() && !one_event)
            // "The battle in Latakia has killed some 300 fighters", "IS has
            // executed around 367 people in the town": hundreds by a present
            // perfect with no day are a toll run up over time.
            // (Not one day's news: "air strikes on a market have killed more
            // than 100 people, a monitor said on Sunday", with a day even of
            // speech; and of a long fight, or hundreds.)
            || (c.min.or(c.max).unwrap_or(0) >= 100
                && dates.is_empty()
                && !one_event
                && (c.max.or(c.min).unwrap_or(0) >= 300 || tells_a_long_fight(w))
                && (perfect_before(w, c.first) || perfect_after(w, phrase_end)))
            || (matches!(
                measure,
                Measure::Displaced | Measure::Trapped | Measure::Detained
            ) && date.is_none_or(|d| d.is_period()))
        {
            Scope::Cumulative
        } else {
            Scope::Incident
        };
        previous = Some((phrase_end, measure, victims));
        // "125 terrorists at least were killed": the qualifier after the noun.
        let at_least_after = c.qualifier == Qualifier::Exact
            && w.get(phrase_end) == "at"
            && w.get(phrase_end + 1) == "least";
        let (count_max, qualifier) = if at_least_after {
            (None, Qualifier::AtLeast)
        } else {
            (c.max, c.qualifier)
        };
        out.push(SentenceClaim {
            count_span: span,
            count_min: c.min,
            count_max,
            qualifier,
            measure,
            victims,
            scope,
            stance: if stance == Stance::Denied {
                Stance::Reported
            } else {
                stance
            },
            token: c.number,
            // "the conflict that began in March 2011 ... has since killed
            // 300000": a running toll from that start (not "the war, which
            // began in 2011, has killed", whose toll names no start).
            date: date.and_then(|d| d.range).or_else(|| {
                // ("since" of the count's own verb, just before the count.)
                let since = (c.first.saturating_sub(4)..c.first).any(|k| {
                    w.get(k) == "since"
                        && (outcome_before(w.get(k + 1)).is_some()
                            || outcome_after(w.get(k + 1)).is_some()
                            || w.get(k + 1) == "been")
                });
                (date.is_none() && scope == Scope::Cumulative && since)
                    .then(|| dates.iter().find_map(|d| d.conflict_start))
                    .flatten()
            }),
            date_unresolved: date.is_some_and(|d| d.range.is_none()),
            date_is_earlier_event: date.is_some_and(|d| d.dates_what_follows),
            actor: None,
            claimant: None,
        });
    }
    // Zero claims of a denial ("denied any civilian casualties").
    for (first, end, measure, victims) in zero_claims(w, stance) {
        let (Some(a), Some(b)) = (w.tokens.get(first), w.tokens.get(end - 1)) else {
            continue;
        };
        let span = Span::new(a.span.start, b.span.end);
        if (input.furniture)(span) || out.iter().any(|c| c.count_span.overlaps(span)) {
            continue;
        }
        let date = nearest_date(w, dates, first);
        out.push(SentenceClaim {
            count_span: span,
            count_min: Some(0),
            count_max: Some(0),
            qualifier: Qualifier::Exact,
            measure,
            victims,
            scope: Scope::Incident,
            stance,
            token: first,
            date: date.and_then(|d| d.range),
            date_unresolved: date.is_some_and(|d| d.range.is_none()),
            date_is_earlier_event: date.is_some_and(|d| d.dates_what_follows),
            actor: None,
            claimant: None,
        });
    }
    let candidates = claimant_candidates(w, input.text, input.parties);
    // Unnamed armies go after the named parties, so that the claimant's index
    // into the parties still holds.
    let armies = unnamed_armies(w, input.parties);
    let with_armies: Vec<PartyInSentence>;
    let actor_parties = if armies.is_empty() {
        input.parties
    } else {
        with_armies = input.parties.iter().cloned().chain(armies).collect();
        &with_armies
    };
    for claim in &mut out {
        let (claimant, claimant_index) = claimant_of(&candidates, claim.token);
        claim.claimant = claimant;
        claim.actor = actor_of(
            w,
            actor_parties,
            claimant_index,
            claim.token,
            &victim_phrases,
            !matches!(
                claim.victims,
                Victims::Civilians | Victims::Children | Victims::Women
            ),
        );
        // "the coalition, which has admitted to killing 220": who admits it did it.
        if claim.actor.is_none()
            && let Some(party) = claimant_index.and_then(|pi| input.parties.get(pi))
            && party.party.kind == PartyKind::Belligerent
            && (party.end..claim.token).any(|k| {
                matches!(
                    w.get(k),
                    "admitted" | "admits" | "acknowledged" | "acknowledges"
                ) && matches!(w.get(k + 1), "to" | "killing")
            })
        {
            claim.actor = Some(party.party.clone());
        }
        // "the ministry said it had killed 120", "Turkey said its jets killed
        // 30", a headline's "Russia says kills 7": the speaker tells what it did.
        if claim.actor.is_none()
            && let Some(party) = claimant_index.and_then(|pi| input.parties.get(pi))
            && party.party.kind == PartyKind::Belligerent
            && party.end <= claim.token
            && speaks_of_itself(w, party.end, claim.token)
        {
            claim.actor = Some(party.party.clone());
        }
    }
    // "The rebel barrage killed 10 people including a child while government
    // strikes killed 82": a breakdown's actor is its whole's, whatever the
    // clause after it names.
    for i in 1..out.len() {
        // The count's first token, its qualifier's ("including at least 5").
        let Some(first) = w
            .tokens
            .iter()
            .position(|t| t.span.start == out[i].count_span.start)
        else {
            continue;
        };
        // (Only right after its whole's phrase, in one clause, and not a
        // breakdown with an agent of its own: "including 25 militants killed
        // by coalition air strikes".)
        let whole = out[i - 1].token;
        let own_agent = (out[i].token + 1..out[i].token + 6)
            .any(|k| w.get(k) == "by" && outcome_after(w.get(k - 1)).is_some());
        if first > 0
            && is_explicit_breakdown(w, first)
            && whole < first
            && first - whole <= 8
            && (whole + 1..first).all(|k| {
                let x = w.get(k);
                outcome_after(x).is_none()
                    && outcome_before(x).is_none()
                    && !matches!(x, "while" | "as" | "and" | "but" | "when" | ";")
            })
            && !own_agent
            && out[i - 1].measure == out[i].measure
        {
            out[i].actor = out[i - 1].actor.clone();
        }
    }
    out
}

/// Does the speaker whose name ends at `from` say, before the count at
/// `token`, that it did it: "said (on Monday) (that) it (had) killed",
/// "said its jets killed", "says kills"?
fn speaks_of_itself(w: &Words<'_>, from: usize, token: usize) -> bool {
    let Some(said) = (from..(from + 3).min(token)).find(|&k| is_saying_verb(w.get(k))) else {
        return false;
    };
    let mut k = said + 1;
    while k < token
        && (matches!(w.get(k), "that" | "on" | "in" | "a" | "statement" | ",")
            || is_weekday(w.get(k)).is_some())
    {
        k += 1;
    }
    // The count is that verb's own: no other outcome or clause comes between
    // ("said it had killed 30 militants and that 12 soldiers were killed",
    // "... in retaliation for a car bomb that killed 12", "but it lost 2").
    let counts_own = |v: usize| {
        token > v
            && token - v <= 8
            && (v + 1..token).all(|j| {
                let x = w.get(j);
                outcome_before(x).is_none() && outcome_after(x).is_none() && !ends_own_clause(x)
            })
    };
    // The verb is the last outcome before the count ("said it killed 40 and
    // wounded 60": wounded), and the clause runs on from `j` to it.
    let verb_at = |j: usize| {
        let starts = (j..(j + 3).min(token))
            .any(|v| outcome_before(w.get(v)).is_some() && !is_weak_outcome_verb(w.get(v)));
        let last = (j..token)
            .rev()
            .find(|&v| outcome_before(w.get(v)).is_some() && !is_weak_outcome_verb(w.get(v)));
        // ("it had injured a leader with an air strike that also killed 12":
        // a relative clause of its own attack runs on.)
        let own_attack = |x: usize| {
            matches!(w.get(x), "that" | "which")
                && (x.saturating_sub(3)..x).any(|a| {
                    is_attack_noun(w.get(a)) && (a.saturating_sub(3)..a).any(|b| w.get(b) == "with")
                })
        };
        starts
            && last.is_some_and(|v| {
                counts_own(v) && (j..v).all(|x| !ends_own_clause(w.get(x)) || own_attack(x))
            })
    };
    match w.get(k) {
        // "it had killed", "it has killed", "it killed".
        "it" => verb_at(k + 1),
        // "its jets killed", "its forces have killed".
        "its" => is_attack_noun(w.get(k + 1)) && verb_at(k + 2),
        // A headline drops the pronoun: "Russia says kills 7" (not "says
        // wounded 3 servicemen evacuated").
        _ => {
            k == said + 1
                && matches!(
                    w.get(k),
                    "kills" | "kill" | "killed" | "executes" | "executed" | "execute"
                )
                && counts_own(k)
        }
    }
}

/// Words that end the clause a speaker's "it killed" opens ("... after",
/// "but it lost", "adding that").
fn ends_own_clause(x: &str) -> bool {
    matches!(
        x,
        "after"
            | "but"
            | "when"
            | "while"
            | "as"
            | "because"
            | "for"
            | "before"
            | "following"
            | "adding"
            | "that"
            | "which"
            | "lost"
    )
}

/// The date expression nearest the count, ignoring dates of speech, and
/// "a day after" when the count comes before it or the clause after it has a
/// date of its own ("a day after ... reported 3000 killed during the past month").
fn nearest_date(w: &Words<'_>, dates: &[DateMention], token: usize) -> Option<DateMention> {
    let stands_for_what_follows = |d: &DateMention| {
        d.first <= token
            && !dates
                .iter()
                .any(|o| !o.speech && !o.dates_what_follows && o.first > d.first)
    };
    // "killed two civilians in the city that has been divided since July
    // 2012": the start of what a relative clause after the count says.
    let of_relative_clause = |d: &DateMention| d.since && in_relative_clause(w, token, d.first);
    let nearest = dates
        .iter()
        .filter(|d| !d.speech && (!d.dates_what_follows || stands_for_what_follows(d)))
        .filter(|d| !of_relative_clause(d))
        .min_by_key(|d| {
            // Prefer a date after the count ("killed ... on Tuesday") at equal distance.
            let dist = if d.first >= token {
                d.first - token
            } else {
                token - d.end + 1
            };
            (dist, d.first < token)
        })
        .copied()?;
    // "Earlier this month ... were killed ... on Friday": the day the
    // sentence names within its vague span, in the count's own clause (not
    // "12 were killed last week, and on Friday another 5 died", "...; the
    // bodies were recovered on Thursday").
    if nearest.within
        && let Some((start, end)) = nearest.range
        && let Some(day) = dates.iter().find(|d| {
            !d.speech
                && !d.within
                && !d.coarse
                && !d.dates_what_follows
                && d.range
                    .is_some_and(|(a, b)| a == b && start <= a && b <= end)
                && d.first > token
                && !(token + 1..d.first).any(|k| {
                    matches!(
                        w.get(k),
                        ";" | "and" | "but" | "while" | "whereas" | "whose" | "which" | "who"
                    ) || count_at(w, k).is_some()
                })
        })
    {
        return Some(*day);
    }
    Some(nearest)
}

/// Is token `at`, after the count at `token`, in a relative clause with no
/// outcome of its own ("killed two in the city that has been divided since")?
fn in_relative_clause(w: &Words<'_>, token: usize, at: usize) -> bool {
    // (Of a running toll the clause's "since" is the toll's start: "has
    // killed 60 people in Douma, which has been pounded since Sunday".)
    let running = (0..token).any(|k| matches!(w.get(k), "has" | "have"))
        || (token..at).any(|k| {
            // ("65 people have been killed", "have died", "have starved to death".)
            let verb = if w.get(k + 1) == "been" { k + 2 } else { k + 1 };
            matches!(w.get(k), "has" | "have")
                && (outcome_after(w.get(verb)).is_some()
                    || matches!(w.get(verb), "died" | "starved" | "perished"))
        });
    !running
        && at > token
        && (token..at).any(|k| {
            matches!(w.get(k), "that" | "which")
                && matches!(
                    w.get(k + 1),
                    "has" | "have" | "had" | "is" | "was" | "were" | "are"
                )
                && !(k + 1..at).any(|j| {
                    outcome_after(w.get(j)).is_some() || outcome_before(w.get(j)).is_some()
                })
        })
}

/// What kills when it "claims" people: a weapon, an attack, fighting,
/// disease ("Car bomb claims 11 children", "clashes claim 20 fighters").
fn is_deadly_thing(x: &str) -> bool {
    matches!(
        x,
        "bomb"
            | "bombs"
            | "blast"
            | "blasts"
            | "explosion"
            | "explosions"
            | "bombing"
            | "bombings"
            | "attack"
            | "attacks"
            | "strike"
            | "strikes"
            | "airstrike"
            | "airstrikes"
            | "raid"
            | "raids"
            | "shelling"
            | "bombardment"
            | "barrage"
            | "shell"
            | "shells"
            | "rocket"
            | "rockets"
            | "mortar"
            | "mortars"
            | "missile"
            | "missiles"
            | "fire"
            | "fighting"
            | "clashes"
            | "war"
            | "conflict"
            | "violence"
            | "massacre"
            | "disease"
            | "hunger"
            | "starvation"
            | "cholera"
            | "crash"
            | "mine"
            | "mines"
            | "landmine"
            | "landmines"
            | "battle"
            | "battles"
    )
}

/// Is the claim verb at `k` one of killing: a weapon, an attack or a killing
/// event its subject ("the car bomb claimed", "Mortar Attack Targets School
/// Claims", "a rocket attack on the district of Sheikh Maqsoud claimed"), with
/// no comma or clause between ("After the attack, the army claimed" is
/// speech), and the people counted its object, not the subject of a clause
/// of their own ("claims 500 militants surrendered", "claims 3 million
/// refugees are living")? A participle hangs on its whole clause ("twin
/// blasts targeted a checkpoint on the highway near Damascus claiming 4").
fn kills_by_claiming(w: &Words<'_>, k: usize, object_end: usize) -> bool {
    let next = w.get(object_end);
    let reported_clause =
        matches!(
            next,
            "were" | "was" | "are" | "is" | "had" | "have" | "has" | "would" | "will"
        ) || (next.len() > 3 && next.ends_with("ed") && outcome_after(next).is_none());
    if reported_clause {
        return false;
    }
    let reach = if w.get(k) == "claiming" { 20 } else { 12 };
    // Back from the verb to a comma or a clause of its own, whichever first.
    (k.saturating_sub(reach)..k)
        .rev()
        .map(|j| w.get(j))
        .take_while(|&x| {
            !matches!(x, "," | ";" | "who" | "which" | "that")
                && !is_clause_break(x)
                && !is_saying_verb(x)
        })
        .any(is_deadly_thing)
}

#[cfg(test)]
mod cue_tests {
    use crate::lexicon::{OUTCOME_STEMS, outcome_after, outcome_before};

    /// Every outcome word the rules accept must contain a prefilter stem, or
    /// sentences holding only that word would be skipped unseen.
    #[test]
    fn every_outcome_word_has_a_prefilter_stem() {
        let words = "killed dead died die perished slain massacred executed martyred deaths \
            death fatalities lost murdered assassinated beheaded eliminated neutralized \
            neutralised burned drowned shot kill kills injured wounded hurt injuries injures \
            wounds wounding injuring casualties displaced fled uprooted homeless \
            evacuated refugees trapped besieged stuck stranded detained arrested imprisoned \
            jailed captured held missing disappeared kidnapped abducted hostage killing \
            executing executes execute slew slaying eliminating eliminate eliminates claimed \
            claiming wound injure displacing displaces displace uprooting detaining detains \
            detain arresting arrests arrest holding capturing rounded kidnapping kidnaps \
            kidnap abducting abducts abduct trapping besieging toll tolls lives victims \
            bodies corpses claims";
        let killing_nouns = "elimination execution executions murder murders slaughter \
            assassination beheading beheadings decapitation martyrdom";
        for word in "burns suffocation asphyxiation asphyxia fractures breathing".split_whitespace()
        {
            assert!(super::is_harm_noun(word), "{word}: update this list");
            assert!(
                OUTCOME_STEMS.iter().any(|s| format!("{word} ").contains(s)),
                "no prefilter stem for {word}"
            );
        }
        // "claiming the life of one person": no outcome word but the phrase.
        assert!(OUTCOME_STEMS.iter().any(|s| "the life of ".contains(s)));
        for word in killing_nouns.split_whitespace() {
            assert!(
                crate::lexicon::is_killing_noun(word),
                "{word}: update this list"
            );
            assert!(
                OUTCOME_STEMS.iter().any(|s| format!("{word} ").contains(s)),
                "no prefilter stem for {word}"
            );
        }
        for word in words.split_whitespace() {
            let word_padded = format!("{word} ");
            let cue = outcome_after(word).is_some()
                || outcome_before(word).is_some()
                || matches!(
                    word,
                    "toll" | "tolls" | "lives" | "victims" | "bodies" | "corpses"
                );
            assert!(
                cue,
                "{word} is not an outcome word any more: update this list"
            );
            if word == "claimed" || word == "claiming" {
                continue; // only a claim with "lives", which has a stem
            }
            assert!(
                OUTCOME_STEMS.iter().any(|s| word_padded.contains(s)),
                "no prefilter stem for {word}"
            );
        }
    }
}
