//! Umbrella actor labels: a vague name for a side ("terrorist groups" in state
//! media, "rebels") that may stand for a group another report names.

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
        for (umbrella, members) in UMBRELLA_ACTORS {
            for name in std::iter::once(umbrella).chain(members.iter()) {
                assert!(names.contains(name), "{name} is not in parties.tsv");
            }
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
