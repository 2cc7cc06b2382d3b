//! The party table: actors and claimants under their many names ("the
//! Observatory", "the Britain-based monitor", "SOHR" are one party).
//!
//! Loaded from `data/parties.tsv` (embedded) plus any user file in that format.

use ledger_types::{Party, PartyKind, Span};

use crate::phrases::{FoldedText, PhraseMatcher, split_aliases, tsv_rows};

/// The party table shipped with the tool.
pub const BUILTIN_PARTIES: &str = include_str!("../data/parties.tsv");

#[derive(Debug)]
pub struct PartyTable {
    parties: Vec<Party>,
    /// Per party, the country whose state army it is (the file's fourth column).
    army_of: Vec<Option<String>>,
    matcher: PhraseMatcher,
}

/// A party named in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartyMention {
    pub span: Span,
    pub party: usize,
}

/// The singular of an alias naming a party by its aircraft or strikes ("Syrian
/// warplanes": "a Syrian warplane"), so that tables need not list both.
fn singular_of(alias: &str) -> Option<String> {
    const PLURALS: [&str; 8] = [
        "warplanes",
        "jets",
        "planes",
        "helicopters",
        "drones",
        "raids",
        "strikes",
        "airstrikes",
    ];
    let alias = alias.trim_end();
    let (_, last) = alias.rsplit_once(' ')?;
    // (The last character is the ASCII "s" of a listed plural.)
    PLURALS
        .iter()
        .any(|p| last.eq_ignore_ascii_case(p))
        .then(|| alias[..alias.len() - 1].to_string())
}

impl PartyTable {
    /// Parses party files; a later row with an existing name adds aliases to it.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<PartyTable, String> {
        let mut parties: Vec<Party> = Vec::new();
        let mut army_of: Vec<Option<String>> = Vec::new();
        let mut aliases: Vec<(String, usize)> = Vec::new();
        for (source, text) in sources {
            for (n, cols) in tsv_rows(text) {
                let err = |what: &str| format!("{source}:{n}: {what}");
                let (Some(name), Some(kind)) = (cols.first(), cols.get(1)) else {
                    return Err(err("expected name, kind and aliases separated by tabs"));
                };
                let kind = PartyKind::parse(kind.trim()).ok_or_else(|| {
                    err("kind must be belligerent, monitor, international, state_media, media, local or other")
                })?;
                let name = name.trim();
                if name.is_empty() {
                    return Err(err("empty name"));
                }
                let index = match parties.iter().position(|p| p.name == name) {
                    Some(i) => {
                        parties[i].kind = kind;
                        i
                    }
                    None => {
                        parties.push(Party {
                            name: name.to_string(),
                            kind,
                        });
                        army_of.push(None);
                        parties.len() - 1
                    }
                };
                if let Some(country) = cols.get(3).map(|c| c.trim()).filter(|c| !c.is_empty())
                    && let Some(slot) = army_of.get_mut(index)
                {
                    *slot = Some(country.to_string());
                }
                aliases.push((name.to_string(), index));
                for alias in cols.get(2).map(|c| split_aliases(c)).into_iter().flatten() {
                    aliases.extend(singular_of(alias).map(|one| (one, index)));
                    aliases.push((alias.to_string(), index));
                }
            }
        }
        // Possessives count: "the coalitions jets" (apostrophes are often lost).
        let matcher = PhraseMatcher::new(aliases.iter().map(|(a, i)| (a.as_str(), *i)), true)?;
        Ok(PartyTable {
            parties,
            army_of,
            matcher,
        })
    }

    pub fn party(&self, i: usize) -> Option<&Party> {
        self.parties.get(i)
    }

    /// Is party `i` a state's army (it has an "army of" country)?
    pub fn is_state_army(&self, i: usize) -> bool {
        self.army_of.get(i).is_some_and(Option::is_some)
    }

    /// The party that is `country`'s state army.
    pub fn army_of_country(&self, country: &str) -> Option<&Party> {
        let i = self
            .army_of
            .iter()
            .position(|c| c.as_deref() == Some(country))?;
        self.parties.get(i)
    }

    /// Every party named in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<PartyMention> {
        self.find_in(&FoldedText::new(text), Span::new(0, text.len()))
    }

    /// Every party named in `span` of a folded text, in order, with offsets into the text.
    pub fn find_in(&self, text: &FoldedText, span: Span) -> Vec<PartyMention> {
        let mut out: Vec<PartyMention> = Vec::new();
        for h in self.matcher.find_in(text, span) {
            // An alias two parties share reads as the first (a user's file comes last).
            if out.last().is_some_and(|last| last.span == h.span) {
                continue;
            }
            out.push(PartyMention {
                span: h.span,
                party: h.entry,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_aircraft_alias_names_its_party_in_the_singular_too() {
        let t = PartyTable::from_sources(&[("builtin", BUILTIN_PARTIES)]).expect("valid");
        let names = |text: &str| -> Vec<String> {
            t.find(text)
                .iter()
                .filter_map(|m| t.party(m.party))
                .map(|p| p.name.clone())
                .collect()
        };
        assert_eq!(names("a Syrian warplane crashed"), ["Syrian government"]);
        // The whole singular is the mention, not only a name inside it.
        let text = "a coalition jet and a US drone";
        let spans: Vec<&str> = t
            .find(text)
            .iter()
            .map(|m| &text[m.span.start..m.span.end])
            .collect();
        assert_eq!(spans, ["coalition jet", "US drone"]);
        assert_eq!(singular_of("Syrian troops"), None);
    }

    #[test]
    fn builtin_table_normalises_aliases() {
        let t = PartyTable::from_sources(&[("builtin", BUILTIN_PARTIES)]).expect("valid");
        let text = "the Britain-based monitor said US-led strikes hit us; SOHR and the Pentagon";
        let names: Vec<&str> = t
            .find(text)
            .iter()
            .filter_map(|m| t.party(m.party))
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Syrian Observatory for Human Rights",
                "US-led coalition",
                "Syrian Observatory for Human Rights",
                "Pentagon"
            ]
        );
    }

    #[test]
    fn the_fourth_column_names_the_country_of_a_state_army() {
        let extra = "Lebanese army\tbelligerent\tLebanese army|Lebanese troops\tLebanon\n";
        let t = PartyTable::from_sources(&[("builtin", BUILTIN_PARTIES), ("extra", extra)])
            .expect("valid");
        let name = |c: &str| t.army_of_country(c).map(|p| p.name.clone());
        assert_eq!(name("Syria").as_deref(), Some("Syrian government"));
        assert_eq!(name("Lebanon").as_deref(), Some("Lebanese army"));
        assert_eq!(name("Yemen"), None);
        let hits = t.find("Lebanese troops and the Observatory");
        let states: Vec<bool> = hits.iter().map(|m| t.is_state_army(m.party)).collect();
        assert_eq!(states, [true, false]);
    }
}
