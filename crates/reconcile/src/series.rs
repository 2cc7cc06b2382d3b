//! Series: running totals (scope `cumulative`) of one claimant about one actor,
//! outcome and victim group, as points in date order.

use std::collections::{BTreeMap, HashMap};

use ledger_types::{Article, Claim, Date, Measure, Party, Scope, Series, SeriesPoint, Victims};

type SeriesKey<'c> = (Option<&'c str>, Option<&'c str>, Measure, Victims);
/// (claimant, actor, points) of one series being built.
type SeriesParts<'c> = (Option<&'c Party>, Option<&'c Party>, Vec<SeriesPoint>);

/// Builds the series from the cumulative claims; each point is dated by the
/// claim's end date, else its start date, else its article's date.
pub fn series(claims: &[Claim], articles: &[Article]) -> Vec<Series> {
    let article_dates: HashMap<&str, Option<Date>> =
        articles.iter().map(|a| (a.id.as_str(), a.date)).collect();
    let mut groups: BTreeMap<SeriesKey<'_>, SeriesParts<'_>> = BTreeMap::new();
    for c in claims.iter().filter(|c| c.scope == Scope::Cumulative) {
        let key = (
            c.claimant.as_ref().map(|p| p.name.as_str()),
            c.actor.as_ref().map(|p| p.name.as_str()),
            c.measure,
            c.victims,
        );
        let entry =
            groups
                .entry(key)
                .or_insert((c.claimant.as_ref(), c.actor.as_ref(), Vec::new()));
        let date = c
            .date_end
            .or(c.date_start)
            .or_else(|| article_dates.get(c.article.as_str()).copied().flatten());
        entry.2.push(SeriesPoint {
            date,
            count_min: c.count_min,
            count_max: c.count_max,
            claim: c.id.clone(),
        });
    }
    groups
        .into_iter()
        .map(
            |((_, _, measure, victims), (claimant, actor, mut points))| {
                points.sort_by(|a, b| {
                    (a.date.is_none(), a.date, &a.claim).cmp(&(b.date.is_none(), b.date, &b.claim))
                });
                Series {
                    claimant: claimant.cloned(),
                    actor: actor.cloned(),
                    measure,
                    victims,
                    points,
                }
            },
        )
        .collect()
}
