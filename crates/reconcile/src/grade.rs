//! The Airwars-style grade of an incident, and the rule in words for the method page.

use std::collections::{BTreeMap, BTreeSet};

use ledger_types::{Claim, Grade, PartyKind, Stance};

/// The grading rule, first match wins, as shown on the method page.
pub fn grade_rules() -> Vec<(Grade, String)> {
    vec![
        (
            Grade::Contested,
            "Some claim denies the incident (stance denied), or claims name different actors as responsible (competing claims of responsibility).".into(),
        ),
        (
            Grade::Confirmed,
            "Not contested, and a party to the conflict accepted it: some claim has stance admitted and its claimant is a belligerent (or is not named, or is the actor), or a belligerent claimant reports it about its own side (claimant and actor are the same party).".into(),
        ),
        (
            Grade::Fair,
            "Not contested or confirmed, and two or more independent sources report it: each source group (an article and its republished copies) counts once per distinct named claimant it cites, or once if it names none.".into(),
        ),
        (
            Grade::Weak,
            "Anything else: a single source, however many outlets republished it.".into(),
        ),
    ]
}

/// Grades an incident from its claims. `original_of` maps an article id to the
/// original of its source group; articles missing from it are their own source.
/// Returns the grade and a sentence saying why.
pub fn grade(claims: &[&Claim], original_of: &BTreeMap<String, String>) -> (Grade, String) {
    if let Some(denial) = claims.iter().find(|c| c.stance == Stance::Denied) {
        let who = denial
            .claimant
            .as_ref()
            .map_or("A claimant".to_string(), |p| p.name.clone());
        return (Grade::Contested, format!("Contested: {who} denied it."));
    }
    let actors: BTreeSet<&str> = claims
        .iter()
        .filter_map(|c| c.actor.as_ref().map(|a| a.name.as_str()))
        .collect();
    let names = crate::actors::distinct_blamed(actors.iter().copied());
    if names.len() > 1 {
        return (
            Grade::Contested,
            format!(
                "Contested: claims blame different parties ({}).",
                names.join(", ")
            ),
        );
    }
    // A monitor or an outlet cannot admit an attack; only a party to it can.
    let admitted_by_a_party = |c: &&&Claim| {
        c.stance == Stance::Admitted
            && match (&c.claimant, &c.actor) {
                (None, _) => true,
                (Some(claimant), actor) => {
                    claimant.kind == PartyKind::Belligerent
                        || actor.as_ref().is_some_and(|a| a.name == claimant.name)
                }
            }
    };
    if let Some(admission) = claims.iter().find(admitted_by_a_party) {
        let who = admission
            .claimant
            .as_ref()
            .or(admission.actor.as_ref())
            .map_or("The responsible party".to_string(), |p| p.name.clone());
        return (Grade::Confirmed, format!("Confirmed: {who} admitted it."));
    }
    let own_side = claims.iter().find(|c| match (&c.claimant, &c.actor) {
        (Some(claimant), Some(actor)) => {
            claimant.kind == PartyKind::Belligerent
                && claimant.name == actor.name
                && matches!(c.stance, Stance::Reported | Stance::Admitted)
        }
        _ => false,
    });
    if let Some(c) = own_side {
        let who = c.claimant.as_ref().map_or("", |p| p.name.as_str());
        return (
            Grade::Confirmed,
            format!("Confirmed: {who} reported it about its own side."),
        );
    }
    // Source group -> named claimants it cites.
    let mut sources: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for c in claims {
        let group = original_of
            .get(&c.article)
            .map_or(c.article.as_str(), String::as_str);
        let named = sources.entry(group).or_default();
        if let Some(p) = &c.claimant {
            named.insert(p.name.as_str());
        }
    }
    let count: usize = sources.values().map(|named| named.len().max(1)).sum();
    let articles: BTreeSet<&str> = claims.iter().map(|c| c.article.as_str()).collect();
    let stories = sources.len();
    let claimants: BTreeSet<&str> = sources.values().flatten().copied().collect();
    if count >= 2 {
        (
            Grade::Fair,
            format!(
                "Fair: {count} independent sources ({stories} {}, {} named {}).",
                plural(stories, "story", "stories"),
                claimants.len(),
                plural(claimants.len(), "claimant", "claimants"),
            ),
        )
    } else if articles.len() > 1 {
        (
            Grade::Weak,
            format!(
                "Weak: a single source, carried by {} republished copies.",
                articles.len()
            ),
        )
    } else {
        (Grade::Weak, "Weak: a single source.".to_string())
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
