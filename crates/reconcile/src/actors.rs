//! Umbrella actor labels: a vague name for a side ("terrorist groups" in state
//! media, "rebels") that may stand for a group another report names; and the
//! sides that fight each other.

/// (umbrella label, the parties it may stand for). Names are the party table's
/// canonical names.
pub const UMBRELLA_ACTORS: &[(&str, &[&str])] = &[
    (
        "terrorist groups",
        &[
            "Islamic State",
            "Al-Nusra Front",
            "Jaysh al-Islam",
            "Ahrar al-Sham",
            "rebels",
            "al-Shabaab",
            "Taliban",
        ],
    ),
    (
        "rebels",
        &["Al-Nusra Front", "Jaysh al-Islam", "Ahrar al-Sham"],
    ),
    (
        "suicide bomber",
        &[
            "Islamic State",
            "Al-Nusra Front",
            "Jund al-Aqsa",
            "terrorist groups",
            "rebels",
            "al-Shabaab",
            "Taliban",
        ],
    ),
    ("US-led coalition", &["United States", "Pentagon"]),
    ("United States", &["Pentagon"]),
];

/// Sides that fight each other: (one side, the other). Names are the party
/// table's canonical names. The attacks of two sides on one city on one day
/// (rebel rockets on its west, the regime's barrel bombs on its east) are two
/// events, however a story tells them together.
pub const OPPOSED_SIDES: &[(&[&str], &[&str])] = &[
    (
        &["Syrian government", "Russia", "Iran", "Hezbollah"],
        &[
            "rebels",
            "terrorist groups",
            "Al-Nusra Front",
            "Jaysh al-Islam",
            "Ahrar al-Sham",
            "Jund al-Aqsa",
            "Islamic State",
        ],
    ),
    (
        &[
            "US-led coalition",
            "United States",
            "Pentagon",
            "Syrian Democratic Forces",
            "YPG",
            "Kurdish forces",
        ],
        &["Islamic State"],
    ),
    (
        &["Turkey"],
        &[
            "Islamic State",
            "Syrian Democratic Forces",
            "YPG",
            "Kurdish forces",
        ],
    ),
    (&["Israel"], &["Hezbollah", "Syrian government", "Iran"]),
];

/// Does the label `umbrella` stand for `actor` too?
pub fn covers(umbrella: &str, actor: &str) -> bool {
    UMBRELLA_ACTORS
        .iter()
        .any(|(u, members)| *u == umbrella && members.contains(&actor))
}

/// The actors blamed, less umbrella labels that another actor of the list makes precise.
pub fn distinct_blamed<'a>(actors: impl IntoIterator<Item = &'a str> + Clone) -> Vec<&'a str> {
    actors
        .clone()
        .into_iter()
        .filter(|&a| !actors.clone().into_iter().any(|b| b != a && covers(a, b)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compatible(a: &str, b: &str) -> bool {
        a == b || covers(a, b) || covers(b, a)
    }

    #[test]
    fn every_name_is_a_party_of_the_built_in_table() {
        let table = include_str!("../../extract/data/parties.tsv");
        let names: Vec<&str> = table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .collect();
        let umbrellas = UMBRELLA_ACTORS
            .iter()
            .flat_map(|(umbrella, members)| std::iter::once(umbrella).chain(members.iter()));
        let sides = OPPOSED_SIDES
            .iter()
            .flat_map(|(one, other)| one.iter().chain(other.iter()));
        for name in umbrellas.chain(sides) {
            assert!(names.contains(name), "{name} is not in parties.tsv");
        }
        for (one, other) in OPPOSED_SIDES {
            assert!(one.iter().all(|a| !other.contains(a)), "{one:?} {other:?}");
        }
    }

    #[test]
    fn umbrellas_are_compatible_with_their_members_only() {
        assert!(compatible("terrorist groups", "Islamic State"));
        assert!(compatible("Al-Nusra Front", "rebels"));
        assert!(compatible("Pentagon", "US-led coalition"));
        assert!(!compatible("rebels", "Islamic State"));
        assert!(!compatible("terrorist groups", "Syrian government"));
        assert!(!compatible("Russia", "Syrian government"));
        assert_eq!(
            distinct_blamed(["rebels", "terrorist groups", "Al-Nusra Front"]),
            ["Al-Nusra Front"]
        );
        assert_eq!(
            distinct_blamed(["rebels", "Ahrar al-Sham", "Al-Nusra Front"]),
            ["Ahrar al-Sham", "Al-Nusra Front"]
        );
    }
}
