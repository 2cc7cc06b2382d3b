//! Word classes the claim rules look for: victim nouns, outcome cues, nouns
//! that make a number something other than people, and small function words.
//! All take lowercase words.

use ledger_types::{Measure, Victims};

/// The victim group a noun names ("militants" -> combatants).
pub fn victim_noun(w: &str) -> Option<Victims> {
    Some(match w {
        "civilians" | "civilian" | "journalist" | "doctor" | "medic" | "nurse"
        | "non-combatants" | "noncombatants" | "medics" | "doctors" | "nurses" | "paramedics"
        | "journalists" | "reporters" | "rescuers" | "volunteers" | "aid" | "staff"
        | "teachers" | "students" | "pupils" | "worshippers" | "patients" | "farmers"
        | "shepherds" => Victims::Civilians,
        "children" | "child" | "kid" | "boy" | "girl" | "baby" | "kids" | "minors" | "babies"
        | "infants" | "toddlers" | "schoolchildren" | "girls" | "boys" | "teenagers" => {
            Victims::Children
        }
        "women" | "woman" | "mothers" => Victims::Women,
        "fighters" | "militants" | "soldiers" | "troops" | "terrorists" | "jihadists"
        | "rebels" | "insurgents" | "servicemen" | "gunmen" | "militiamen" | "militia"
        | "attackers" | "assailants" | "militias" | "combatants" | "officers" | "commanders"
        | "leaders" | "personnel" | "guards" | "recruits" | "members" | "comrades"
        | "mercenaries" | "extremists" | "snipers" | "marines" | "pilots" | "army"
        | "conscripts" | "fighter" | "militant" | "soldier" | "terrorist" | "jihadist"
        | "rebel" | "officer" | "commander" | "member" | "serviceman" | "guard" | "gunman"
        | "troopers" | "trooper" | "airmen" | "loyalists" | "peshmerga" => Victims::Combatants,
        // Police are no combatants in the guidelines' list.
        "people" | "persons" | "person" | "police" | "policemen" | "policeman" | "residents"
        | "citizens" | "workers" | "men" | "others" | "individuals" | "inhabitants"
        | "villagers" | "family" | "families" | "victims" | "martyrs" | "migrants" | "refugees"
        | "detainees" | "prisoners" | "hostages" | "passengers" | "pilgrims" | "protesters"
        | "demonstrators" | "syrians" | "iraqis" | "yemenis" | "afghans" | "palestinians"
        | "kurds" | "yazidis" | "christians" | "relatives" | "locals" | "employees"
        | "labourers" | "laborers" | "man" | "citizen" | "resident" | "worker" | "individual"
        | "responders" | "crews" | "villager" | "refugee" | "migrant" | "evacuees" | "son"
        | "sons" | "daughter" | "daughters" | "wife" | "wives" | "husband" | "brother"
        | "brothers" | "sister" | "sisters" | "father" | "mother" => Victims::People,
        _ => return None,
    })
}

/// Stems of every outcome cue the claim rules accept: a sentence holding none of
/// them holds no claim, so the extractor skips it without tokenizing it.
/// Keep in step with `outcome_after`, `outcome_before` and the cues of `claims`.
pub const OUTCOME_STEMS: &[&str] = &[
    "kill",
    "bodies",
    "corpses",
    "dead",
    "died",
    "dies",
    "die ",
    "dying",
    "death",
    "perish",
    "slain",
    "slew",
    "slay",
    "massacr",
    "slaughter",
    "execut",
    "martyr",
    "fatalit",
    "lost",
    "lose",
    "losing",
    "murder",
    "assassinat",
    "behead",
    "eliminat",
    "neutrali",
    "burn",
    "drown",
    "shot",
    "injur",
    "wound",
    "hurt",
    "casualt",
    "displac",
    "fled",
    "flee",
    "uproot",
    "homeless",
    "evacuat",
    "destroy",
    "annihilat",
    "refugee",
    "trap",
    "besieg",
    "siege",
    "unaccounted",
    "homes",
    "stuck",
    "strand",
    "detain",
    "arrest",
    "imprison",
    "jail",
    "captur",
    "held",
    "holding",
    "rounded",
    "missing",
    "disappear",
    "kidnap",
    "abduct",
    "hostage",
    "toll",
    "lives",
    "life of",
    "claim",
    "victim",
    "hospitali",
    "suffocat",
    "asphyxia",
    "decapitat",
    "fractur",
    "breathing",
    "take out",
    "takes out",
    "taken out",
    "taking out",
    "took out",
];

/// The days of the week, lowercase, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A singular noun for one person: "a woman", "a child" are counts of one.
pub fn is_singular_person(w: &str) -> bool {
    matches!(
        w,
        "woman"
            | "child"
            | "man"
            | "girl"
            | "boy"
            | "baby"
            | "infant"
            | "toddler"
            | "teenager"
            | "civilian"
            | "soldier"
            | "fighter"
            | "officer"
            | "policeman"
            | "journalist"
            | "doctor"
            | "medic"
            | "nurse"
            | "person"
            | "resident"
            | "worker"
            | "pilot"
            | "militant"
            | "commander"
            | "volunteer"
            | "paramedic"
            | "photographer"
    )
}

/// A singular kin noun: after "his", "her", "their" it is one person
/// ("his son was injured").
pub fn is_singular_kin(w: &str) -> bool {
    matches!(
        w,
        "son" | "daughter" | "wife" | "husband" | "brother" | "sister" | "father" | "mother"
    )
}

/// An outcome word that can follow the counted people ("... were killed",
/// "... dead", "... fled"), with the measure it signals.
pub fn outcome_after(w: &str) -> Option<Measure> {
    Some(match w {
        "killed" | "dead" | "died" | "die" | "dying" | "perished" | "slain" | "massacred"
        | "executed" | "martyred" | "deaths" | "death" | "fatalities" | "lost" | "murdered"
        | "assassinated" | "beheaded" | "eliminated" | "neutralized" | "neutralised" | "burned"
        | "drowned" | "shot" | "kill" | "kills" => Measure::Killed,
        "injured" | "wounded" | "hurt" | "injuries" | "injures" | "wounds" | "wounding"
        | "injuring" | "hospitalized" | "hospitalised" => Measure::Injured,
        "casualties" => Measure::Casualties,
        // "fleeing" is left out: "three children fleeing across the river" were killed.
        "displaced" | "fled" | "uprooted" | "homeless" | "evacuated" | "refugees" => {
            Measure::Displaced
        }
        "trapped" | "besieged" | "stuck" | "stranded" => Measure::Trapped,
        "detained" | "arrested" | "imprisoned" | "jailed" | "captured" | "held" => {
            Measure::Detained
        }
        "missing" | "disappeared" | "unaccounted" => Measure::Missing,
        "kidnapped" | "abducted" | "hostage" => Measure::Kidnapped,
        _ => return None,
    })
}

/// A unit of time ("in 24 hours", "a day after").
pub fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "hour"
            | "hours"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
    )
}

/// A verb that takes the counted people as its object ("killed 12 civilians").
pub fn outcome_before(w: &str) -> Option<Measure> {
    Some(match w {
        "killed" | "kill" | "kills" | "killing" | "executed" | "executing" | "executes"
        | "execute" | "slew" | "slaying" | "massacred" | "eliminated" | "eliminating"
        | "eliminate" | "eliminates" | "neutralized" | "neutralised" | "murdered" | "claimed"
        | "claiming" | "claims" | "beheaded" => Measure::Killed,
        "wounded" | "wounding" | "wounds" | "wound" | "injured" | "injuring" | "injures"
        | "injure" => Measure::Injured,
        "displaced" | "displacing" | "displaces" | "displace" | "uprooted" | "uprooting" => {
            Measure::Displaced
        }
        "detained" | "detaining" | "detains" | "detain" | "arrested" | "arresting" | "arrests"
        | "arrest" | "holding" | "imprisoned" | "jailed" | "captured" | "capturing" | "rounded" => {
            Measure::Detained
        }
        "kidnapped" | "kidnapping" | "kidnaps" | "kidnap" | "abducted" | "abducting"
        | "abducts" | "abduct" => Measure::Kidnapped,
        // (Not "besieged": "the besieged town of Madaya".)
        "trapping" | "trapped" | "traps" | "trap" | "besieging" | "besieges" | "besiege" => {
            Measure::Trapped
        }
        _ => return None,
    })
}

/// Nouns of a deliberate killing that take its victims after "of" ("the
/// execution of 20 prisoners", "the elimination of 34 militants").
pub fn is_killing_noun(w: &str) -> bool {
    matches!(
        w,
        "elimination"
            | "execution"
            | "executions"
            | "beheading"
            | "beheadings"
            | "decapitation"
            | "martyrdom"
            | "murder"
            | "murders"
            | "slaughter"
            | "assassination"
    )
}

/// Nouns of fighting between two sides: "clashes with", "battles against".
pub fn is_fighting_noun(w: &str) -> bool {
    matches!(
        w,
        "clashes"
            | "clash"
            | "fighting"
            | "battles"
            | "battle"
            | "confrontations"
            | "confrontation"
            | "skirmishes"
            | "firefight"
            | "gunfight"
            | "fight"
            | "combat"
    )
}

/// Words of rescue and care work whose workers or members are civilians
/// ("rescue workers", "White Helmets volunteers", "members of medical staff").
pub fn is_rescue_work(w: &str) -> bool {
    matches!(
        w,
        "rescue"
            | "emergency"
            | "humanitarian"
            | "relief"
            | "helmets"
            | "medical"
            | "health"
            | "aid"
    )
}

/// Nouns that make a number something other than people: strikes, years, money...
pub fn non_victim_noun(w: &str) -> bool {
    matches!(
        w,
        "strikes"
            | "strike"
            | "airstrikes"
            | "airstrike"
            | "raids"
            | "raid"
            | "attacks"
            | "attack"
            | "sorties"
            | "missiles"
            | "missile"
            | "rockets"
            | "rocket"
            | "shells"
            | "bombs"
            | "bomb"
            | "barrels"
            | "mortars"
            | "rounds"
            | "bullets"
            | "explosions"
            | "blasts"
            | "bombings"
            | "bombing"
            | "bombardments"
            | "massacres"
            | "ambushes"
            | "assaults"
            | "offensives"
            | "incidents"
            | "incident"
            | "events"
            | "cases"
            | "operations"
            | "hours"
            | "hour"
            | "days"
            | "day"
            | "weeks"
            | "week"
            | "months"
            | "month"
            | "years"
            | "year"
            | "decades"
            | "minutes"
            | "seconds"
            | "nights"
            | "km"
            | "kilometres"
            | "kilometers"
            | "kilometre"
            | "kilometer"
            | "miles"
            | "mile"
            | "metres"
            | "meters"
            | "meter"
            | "metre"
            | "feet"
            | "percent"
            | "per"
            | "dollars"
            | "dollar"
            | "euros"
            | "pounds"
            | "tons"
            | "tonnes"
            | "kg"
            | "times"
            | "buildings"
            | "houses"
            | "homes"
            | "villages"
            | "towns"
            | "cities"
            | "districts"
            | "neighbourhoods"
            | "neighborhoods"
            | "hospitals"
            | "schools"
            | "tanks"
            | "vehicles"
            | "aircraft"
            | "planes"
            | "jets"
            | "warplanes"
            | "helicopters"
            | "drones"
            | "weapons"
            | "positions"
            | "targets"
            | "sites"
            | "trucks"
            | "boats"
            | "countries"
            | "nations"
            | "states"
            | "groups"
            | "factions"
            | "brigades"
            | "battalions"
            | "units"
            | "points"
            | "votes"
            | "seats"
            | "pages"
            | "articles"
            | "reports"
            | "claims"
            | "allegations"
            | "locations"
            | "areas"
            | "kilograms"
            | "litres"
            | "liters"
            | "barrel"
            | "tunnels"
            | "checkpoints"
            | "facilities"
            | "camps"
            | "lorries"
            | "convoys"
            | "convoy"
            | "clashes"
            | "battles"
            | "fronts"
            | "buses"
            | "cars"
            | "hideouts"
            | "bases"
            | "headquarters"
            | "depots"
            | "warehouses"
            | "launchers"
            | "cannons"
            | "guns"
            | "pieces"
            | "strongpoints"
            | "suvs"
            | "munitions"
            | "shops"
            | "bridges"
            | "cells"
            | "shelters"
            | "mosques"
            | "churches"
            | "centres"
            | "centers"
            | "square"
            | "hectares"
            | "acres"
            | "pm"
            | "am"
            | "gmt"
            | "o'clock"
            | "billion"
            | "percentage"
            | "%"
            | "th"
            | "st"
            | "nd"
            | "rd"
            | "km2"
            | "million-dollar"
            | "minute"
            | "second"
            | "fold"
            // Animals killed beside people are no victims of the guidelines.
            | "cows"
            | "cattle"
            | "sheep"
            | "goats"
            | "livestock"
            | "horses"
            | "camels"
            | "donkeys"
            | "chickens"
            | "animals"
    )
}

/// Words that may stand between a count and its noun ("55 Syrian civilians",
/// "12 IS jihadist militants") without ending the noun phrase.
pub fn is_np_stop(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "and"
            | "or"
            | "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "been"
            | "be"
            | "who"
            | "which"
            | "that"
            | "by"
            | "from"
            | "to"
            | "as"
            | "for"
            | "with"
            | "since"
            | "after"
            | "during"
            | "when"
            | "while"
            | "including"
            | "among"
            | "of"
            | "the"
            | "a"
            | "an"
            | "but"
            | "said"
            | "says"
            | "according"
            | "into"
            | "near"
            | "across"
            | "than"
            | "will"
            | "would"
            | "could"
            | "may"
            | "also"
            | "about"
            | "over"
            | "under"
            | "before"
            | "their"
            | "its"
            | "his"
            | "her"
            | "this"
            | "these"
            | "those"
            | "it"
            | "they"
            | "he"
            | "she"
            | "we"
            | "there"
    )
}

/// Auxiliaries and adverbs that may stand between the noun phrase and an
/// outcome word ("were reportedly killed").
pub fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "been"
            | "being"
            | "be"
            | "also"
            | "reportedly"
            | "all"
            | "allegedly"
            | "already"
            | "now"
            | "still"
            | "later"
            | "since"
            | "both"
            | "subsequently"
            | "initially"
            | "confirmed"
            | "reported"
            // "374 people recorded killed", "civilians documented killed".
            | "recorded"
            | "documented"
            | "believed"
            | "feared"
            | "said"
            | "thought"
            | "to"
            | "left"
            | "got"
            | "get"
            | "just"
            | "either"
            | "more"
            | "likely"
            | "who"
            | "that"
            | "which"
            | "presumed"
            | "found"
            | "seriously"
            | "internally"
            | "identified"
            | "forcibly"
            | "temporarily"
            | "critically"
            | "slightly"
            | "badly"
            | "lightly"
            | "fatally"
            | "mortally"
            | "summarily"
            | "publicly"
            | "brutally"
            | "instantly"
            | "mostly"
            | "not"
            | "recently"
            | "apparently"
            | "officially"
            | "so"
            | "far"
            | "then"
            | "each"
            | "will"
            | "would"
            | "may"
            | "might"
            | "could"
            | "estimated"
            | "become"
            | "became"
            | "becoming"
    )
}

/// Verbs of saying: "X said", "according to X".
pub fn is_saying_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "reported"
            | "reports"
            | "report"
            | "told"
            | "tells"
            | "added"
            | "announced"
            | "announces"
            | "stated"
            | "states"
            | "claimed"
            | "claims"
            | "claim"
            | "confirmed"
            | "confirms"
            | "estimated"
            | "estimates"
            | "documented"
            | "documents"
            | "counted"
            | "listed"
            | "recorded"
            | "noted"
            | "notes"
            | "alleged"
            | "alleges"
            | "denied"
            | "denies"
            | "admitted"
            | "admits"
            | "acknowledged"
            | "acknowledges"
            | "quoted"
            | "cited"
            | "cites"
            | "warned"
            | "insisted"
            | "declared"
            | "revealed"
            | "explained"
            | "wrote"
            | "tweeted"
            | "reporting"
            | "saying"
            | "put"
            | "confirm"
    )
}

/// Nouns of attack that a party word can modify ("US-led airstrikes", "rebel fire").
pub fn is_attack_noun(w: &str) -> bool {
    matches!(
        w,
        "airstrikes"
            | "aviation"
            | "airstrike"
            | "strikes"
            | "strike"
            | "raids"
            | "raid"
            | "air"
            | "shelling"
            | "bombardment"
            | "bombardments"
            | "barrage"
            | "bombing"
            | "bombings"
            | "fire"
            | "attack"
            | "attacks"
            | "jets"
            | "warplanes"
            | "planes"
            | "aircraft"
            | "drones"
            | "drone"
            | "missile"
            | "missiles"
            | "rocket"
            | "rockets"
            | "artillery"
            | "forces"
            | "troops"
            | "army"
            | "military"
            | "offensive"
            | "assault"
            | "shells"
            | "mortar"
            | "mortars"
            | "helicopters"
            | "helicopter"
            | "gunmen"
            | "militants"
            | "snipers"
            | "sniper"
            | "counterattack"
            | "counter-attack"
            | "counteroffensive"
            | "counter-offensive"
            | "barrel"
            | "bombs"
            | "bomb"
            | "operation"
            | "operations"
            | "campaign"
            | "ambush"
            | "car"
            | "suicide"
            | "fires"
            | "shelled"
            | "struck"
            | "targeted"
            | "bombed"
            | "hit"
            | "pounded"
            | "launched"
            | "carried"
            | "fired"
            | "warplane"
            | "cruise"
            | "coalition"
            | "jet"
            | "gunfire"
    )
}

pub fn is_weekday(w: &str) -> Option<i8> {
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w);
    Some(match w {
        "monday" | "mondays" => 1,
        "tuesday" | "tuesdays" => 2,
        "wednesday" | "wednesdays" => 3,
        "thursday" | "thursdays" => 4,
        "friday" | "fridays" => 5,
        "saturday" | "saturdays" => 6,
        "sunday" | "sundays" => 7,
        _ => return None,
    })
}

pub fn month_number(w: &str) -> Option<i8> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Capitals whose name also stands for their government ("Damascus denied",
/// "blamed on Moscow"), by the gazetteer's canonical name.
pub fn is_capital(name: &str) -> bool {
    matches!(
        name,
        "Damascus"
            | "Moscow"
            | "Washington"
            | "Ankara"
            | "Tehran"
            | "Beirut"
            | "Baghdad"
            | "Riyadh"
            | "Amman"
            | "Cairo"
            | "Doha"
            | "Abu Dhabi"
            | "London"
            | "Paris"
            | "Beijing"
            | "Kyiv"
            | "Sanaa"
            | "Kabul"
            | "Jerusalem"
    )
}

/// The country a nationality adjective names ("the Iraqi capital"), by the
/// gazetteer's country names; for the capitals `is_capital` knows.
pub fn country_of_demonym(w: &str) -> Option<&'static str> {
    DEMONYMS.iter().find(|(d, _)| *d == w).map(|(_, c)| *c)
}

/// Demonyms and the countries they name.
const DEMONYMS: &[(&str, &str)] = &[
    ("syrian", "Syria"),
    ("iraqi", "Iraq"),
    ("lebanese", "Lebanon"),
    ("turkish", "Turkey"),
    ("russian", "Russia"),
    ("iranian", "Iran"),
    ("jordanian", "Jordan"),
    ("egyptian", "Egypt"),
    ("saudi", "Saudi Arabia"),
    ("qatari", "Qatar"),
    ("yemeni", "Yemen"),
    ("afghan", "Afghanistan"),
    ("british", "United Kingdom"),
    ("french", "France"),
    ("ukrainian", "Ukraine"),
    ("chinese", "China"),
    ("israeli", "Israel"),
];

/// The country a demonym or a possessive names ("syrian", "syria's",
/// "syrias" with its apostrophe lost), among the countries of
/// [`country_of_demonym`].
pub fn country_of_adjective(w: &str) -> Option<&'static str> {
    if let Some(country) = country_of_demonym(w) {
        return Some(country);
    }
    let stem = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('s'))?;
    DEMONYMS
        .iter()
        .map(|(_, c)| *c)
        .find(|c| c.eq_ignore_ascii_case(stem))
}

/// Verbs a government does by its capital's name: "Moscow denied", "Ankara accused".
pub fn is_government_verb(w: &str) -> bool {
    (is_saying_verb(w) && !matches!(w, "put" | "reporting" | "saying" | "quoted" | "cited"))
        || matches!(
            w,
            "accused"
                | "accuses"
                | "blamed"
                | "blames"
                | "refuted"
                | "refutes"
                | "rejected"
                | "rejects"
                | "condemned"
                | "condemns"
                | "insists"
                | "warns"
                | "urged"
                | "urges"
                | "demanded"
                | "demands"
                | "responded"
                | "retaliated"
                // "Damascus lost 40 troops": the government's losses.
                | "lost"
        )
}

/// Nouns after "Moscow's" that make it the government, not the city: "Damascus's allies".
pub fn is_government_noun(w: &str) -> bool {
    matches!(
        w,
        "government"
            | "regime"
            | "ally"
            | "allies"
            | "backers"
            | "position"
            | "stance"
            | "policy"
            | "support"
            | "backing"
            | "denial"
            | "envoy"
            | "ambassador"
            | "officials"
            | "leadership"
            | "claims"
            | "account"
            | "version"
            | "role"
            | "response"
            | "intervention"
    )
}

/// Words for a state's army, named or not ("the army", "Turkish troops").
pub fn is_army_noun(w: &str) -> bool {
    // ("the armys artillery": a possessive that lost its apostrophe.)
    matches!(w, "army" | "armys" | "troops" | "soldiers" | "military")
}
