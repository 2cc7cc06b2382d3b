//! The gazetteer: place names and spellings resolved to coordinates, with the
//! hierarchy (district in city in province in country) reconcile relies on.
//!
//! Loaded from `data/gazetteer.tsv` (embedded) plus any user file in the same
//! format; see `data/README.md`.

use std::collections::HashMap;

use ledger_types::{Place, Precision, Span};

use crate::phrases::{FoldedText, PhraseMatcher, split_aliases, tsv_rows};

/// The gazetteer shipped with the tool.
pub const BUILTIN_GAZETTEER: &str = include_str!("../data/gazetteer.tsv");

#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_name: HashMap<String, usize>,
    matcher: PhraseMatcher,
}

/// A place named in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceMention {
    pub span: Span,
    pub place: usize,
    /// End of the name as written, without a possessive "s".
    pub name_end: usize,
}

impl Gazetteer {
    /// Parses gazetteer files, later ones adding to (or overriding rows of) earlier
    /// ones. Errors name the source and line.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Gazetteer, String> {
        struct Row {
            name: String,
            precision: Precision,
            parent: String,
            country: String,
            lat: f64,
            lon: f64,
            aliases: Vec<String>,
        }
        let mut rows: Vec<Row> = Vec::new();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for (source, text) in sources {
            for (n, cols) in tsv_rows(text) {
                let err = |what: &str| format!("{source}:{n}: {what}");
                if cols.len() < 6 {
                    return Err(err(
                        "expected name, precision, parent, country, lat, lon, aliases separated by tabs",
                    ));
                }
                let precision = Precision::parse(cols[1].trim()).ok_or_else(|| {
                    err("precision must be country, province, city, district or village")
                })?;
                let lat: f64 = cols[4]
                    .trim()
                    .parse()
                    .map_err(|_| err("latitude is not a number"))?;
                let lon: f64 = cols[5]
                    .trim()
                    .parse()
                    .map_err(|_| err("longitude is not a number"))?;
                if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                    return Err(err("coordinates out of range"));
                }
                let name = cols[0].trim().to_string();
                if name.is_empty() {
                    return Err(err("empty name"));
                }
                let row = Row {
                    precision,
                    parent: cols[2].trim().to_string(),
                    country: cols[3].trim().to_string(),
                    lat,
                    lon,
                    aliases: cols
                        .get(6)
                        .map(|c| split_aliases(c).map(String::from).collect())
                        .unwrap_or_default(),
                    name: name.clone(),
                };
                match by_name.get(&name) {
                    Some(&i) => rows[i] = row,
                    None => {
                        by_name.insert(name, rows.len());
                        rows.push(row);
                    }
                }
            }
        }
        let mut places = Vec::with_capacity(rows.len());
        for row in &rows {
            let mut parents = Vec::new();
            let mut parent = row.parent.as_str();
            while !parent.is_empty() && parents.len() < 8 {
                let Some(&p) = by_name.get(parent) else {
                    break;
                };
                if parents.iter().any(|x: &String| x == parent) || parent == row.name {
                    break;
                }
                parents.push(parent.to_string());
                parent = rows[p].parent.as_str();
            }
            places.push(Place {
                name: row.name.clone(),
                parents,
                country: row.country.clone(),
                lat: row.lat,
                lon: row.lon,
                precision: row.precision,
            });
        }
        let aliases = rows.iter().enumerate().flat_map(|(i, r)| {
            std::iter::once((r.name.as_str(), i))
                .chain(r.aliases.iter().map(move |a| (a.as_str(), i)))
        });
        let matcher = PhraseMatcher::new(aliases, true)?;
        Ok(Gazetteer {
            places,
            by_name,
            matcher,
        })
    }

    /// The place with this canonical name.
    pub fn by_name(&self, name: &str) -> Option<&Place> {
        self.places.get(*self.by_name.get(name)?)
    }

    /// The capital city of `country` (by the capitals `lexicon::is_capital` knows).
    pub fn capital_of(&self, country: &str) -> Option<&Place> {
        self.places.iter().find(|p| {
            p.country == country
                && p.precision == Precision::City
                && crate::lexicon::is_capital(&p.name)
        })
    }

    pub fn place(&self, i: usize) -> Option<&Place> {
        self.places.get(i)
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Every place named in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<PlaceMention> {
        self.find_in(&FoldedText::new(text), Span::new(0, text.len()))
    }

    /// Every place named in `span` of a folded text, in order, with offsets into the text.
    /// A name two places share ("al-Midan", a quarter of Aleppo and of Damascus)
    /// reads as the place inside one the same text names unambiguously ("in
    /// Aleppo"), else as the first row.
    pub fn find_in(&self, text: &FoldedText, span: Span) -> Vec<PlaceMention> {
        let hits = self.matcher.find_in(text, span);
        let mention = |h: &crate::phrases::Hit| PlaceMention {
            span: h.span,
            place: h.entry,
            name_end: h.name_end,
        };
        // Most text names no shared name: nothing to choose.
        if hits.windows(2).all(|w| w[0].span != w[1].span) {
            return hits.iter().map(mention).collect();
        }
        let groups: Vec<&[crate::phrases::Hit]> = hits.chunk_by(|a, b| a.span == b.span).collect();
        let named: Vec<&str> = groups
            .iter()
            .filter(|g| g.len() == 1)
            .filter_map(|g| self.places.get(g[0].entry))
            .map(|p| p.name.as_str())
            .collect();
        groups
            .iter()
            .filter_map(|g| {
                let within_named = g.iter().find(|h| {
                    self.places
                        .get(h.entry)
                        .is_some_and(|p| p.parents.iter().any(|a| named.contains(&a.as_str())))
                });
                within_named.or(g.first()).map(mention)
            })
            .collect()
    }
}

/// How precise a place is, for choosing the most specific one.
pub fn precision_rank(p: Precision) -> u8 {
    match p {
        Precision::Country => 0,
        Precision::Province => 1,
        Precision::City => 2,
        Precision::District | Precision::Village => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# name\tprecision\tparent\tcountry\tlat\tlon\taliases\n\
        Syria\tcountry\t\tSyria\t35\t38\t\n\
        Aleppo Governorate\tprovince\tSyria\tSyria\t36.2\t37.6\tAleppo province\n\
        Aleppo\tcity\tAleppo Governorate\tSyria\t36.2\t37.16\tHalab\n";

    #[test]
    fn builds_the_hierarchy_and_finds_spellings() {
        let g = Gazetteer::from_sources(&[("sample", SAMPLE)]).expect("valid");
        let hits = g.find("shelling in Aleppo province and Halab, Syria's north");
        let names: Vec<&str> = hits
            .iter()
            .filter_map(|h| g.place(h.place))
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["Aleppo Governorate", "Aleppo", "Syria"]);
    }

    #[test]
    fn a_shared_name_reads_as_the_place_in_the_city_named() {
        let two = format!(
            "{SAMPLE}Damascus\tcity\t\tSyria\t33.5\t36.3\t\n             Midan\tdistrict\tDamascus\tSyria\t33.49\t36.29\tal-Midan\n\
             Midan (Aleppo)\tdistrict\tAleppo\tSyria\t36.21\t37.16\tal-Midan\n"
        );
        let g = Gazetteer::from_sources(&[("sample", &two)]).expect("valid");
        let name = |text: &str| -> Vec<String> {
            g.find(text)
                .iter()
                .filter_map(|h| g.place(h.place))
                .map(|p| p.name.clone())
                .collect()
        };
        assert_eq!(
            name("shells on al-Midan in Aleppo"),
            ["Midan (Aleppo)", "Aleppo"]
        );
        assert_eq!(name("shells on al-Midan"), ["Midan"]);
        assert_eq!(
            name("shells on al-Midan in Damascus"),
            ["Midan", "Damascus"]
        );
        let aleppo = g.place(2).expect("row");
        assert_eq!(aleppo.parents, ["Aleppo Governorate", "Syria"]);
    }

    #[test]
    fn bad_rows_name_the_line() {
        let err = Gazetteer::from_sources(&[("mine.tsv", "Foo\tcity\t\tX\tnorth\t3\n")])
            .expect_err("bad latitude");
        assert!(err.contains("mine.tsv:1"), "{err}");
    }

    #[test]
    fn the_builtin_gazetteer_loads() {
        let g = Gazetteer::from_sources(&[("builtin", BUILTIN_GAZETTEER)]).expect("valid");
        assert!(g.len() > 100, "only {} places", g.len());
    }
}
