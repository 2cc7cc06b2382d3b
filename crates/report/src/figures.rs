//! Numbers as people read them: ranges, the killed/injured figure chosen for
//! an incident, and the headline sums.

use ledger_types::{Date, Incident, Measure, Tally, Victims};

/// A range of counts in words-light form: `58-100`, `300`, `47+`, `up to 30`, `unknown`.
pub fn range(min: Option<u64>, max: Option<u64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}-{b}"),
        (Some(a), None) => format!("{a}+"),
        (None, Some(b)) => format!("up to {b}"),
        (None, None) => "unknown".to_owned(),
    }
}

/// The optional `(min, max)` pair of a tally's official or independent side.
pub fn side(pair: Option<(Option<u64>, Option<u64>)>) -> String {
    pair.map_or_else(String::new, |(min, max)| range(min, max))
}

/// The tally that stands for an incident's `measure`: the civilians tally if
/// there is one, else the people tally (other groups are parts of these or
/// combatants, and adding them would count people twice).
pub fn headline_tally(incident: &Incident, measure: Measure) -> Option<&Tally> {
    let find = |victims| {
        incident
            .tallies
            .iter()
            .find(|t| t.measure == measure && t.victims == victims)
    };
    find(Victims::Civilians).or_else(|| find(Victims::People))
}

/// The civilians-killed tally alone (for the headline sum).
pub fn civilians_killed(incident: &Incident) -> Option<&Tally> {
    incident
        .tallies
        .iter()
        .find(|t| t.measure == Measure::Killed && t.victims == Victims::Civilians)
}

/// Every tally of an incident as compact text: `killed civilians 58-100; injured people 300`.
pub fn tallies_text(incident: &Incident) -> String {
    incident
        .tallies
        .iter()
        .map(|t| format!("{} {} {}", t.measure, t.victims, range(t.min, t.max)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The civilians-killed tallies of all incidents, added up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CiviliansKilled {
    /// Incidents with a civilians-killed tally.
    pub incidents: usize,
    /// Sum of their lowest figures (a tally without one adds 0).
    pub low: u64,
    /// Sum of the highest figures of the tallies that have one.
    pub high_known: u64,
    /// Tallies without a highest figure (open-ended, "at least").
    pub open: usize,
}

impl CiviliansKilled {
    /// The sum as a range: open-ended when any tally is.
    pub fn range(&self) -> String {
        range(Some(self.low), (self.open == 0).then_some(self.high_known))
    }
}

pub fn civilians_killed_sum(incidents: &[Incident]) -> CiviliansKilled {
    let mut sum = CiviliansKilled::default();
    for tally in incidents.iter().filter_map(civilians_killed) {
        sum.incidents += 1;
        sum.low = sum.low.saturating_add(tally.min.unwrap_or(0));
        match tally.max {
            Some(max) => sum.high_known = sum.high_known.saturating_add(max),
            None => sum.open += 1,
        }
    }
    sum
}

/// A date as `YYYY-MM-DD`, empty when unknown.
pub fn date(date: Option<Date>) -> String {
    date.map_or_else(String::new, |d| d.to_string())
}

/// A month (any of its days) in words: "April 2017"; "undated" for none.
pub fn month(day: Option<Date>) -> String {
    day.map_or_else(|| "undated".to_owned(), |d| d.strftime("%B %Y").to_string())
}

/// A period as `YYYY-MM-DD` or `YYYY-MM-DD to YYYY-MM-DD`.
pub fn period(start: Option<Date>, end: Option<Date>) -> String {
    match (start, end) {
        (Some(s), Some(e)) if s != e => format!("{s} to {e}"),
        (Some(s), _) => s.to_string(),
        (None, Some(e)) => format!("until {e}"),
        (None, None) => "date unknown".to_owned(),
    }
}

/// "1 incident", "2 incidents": `n` and a noun that takes an s.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A coordinate with 4 decimals, empty when not a finite number.
///
/// Written from the value in ten-thousandths: `format!("{:.4}")` takes the
/// exact path of float formatting, which was a twentieth of a rebuild's time
/// with every claim's coordinates in the exports.
pub fn coordinate(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let scaled = (value * 10_000.0).round();
    if scaled.abs() >= 1e15 {
        return format!("{value:.4}");
    }
    // The standard formatting keeps the sign of a value that rounds to zero.
    let sign = if value.is_sign_negative() { "-" } else { "" };
    let units = (scaled as i64).unsigned_abs();
    format!("{sign}{}.{:04}", units / 10_000, units % 10_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_like_the_text() {
        assert_eq!(range(Some(58), Some(100)), "58-100");
        assert_eq!(range(Some(3), Some(3)), "3");
        assert_eq!(range(Some(47), None), "47+");
        assert_eq!(range(None, Some(30)), "up to 30");
        assert_eq!(range(None, None), "unknown");
        assert_eq!(coordinate(35.95), "35.9500");
        assert_eq!(coordinate(-0.00004), "-0.0000");
        assert_eq!(coordinate(-0.0), format!("{:.4}", -0.0));
        assert_eq!(coordinate(-12.34567), "-12.3457");
        // The same text as the standard formatting for coordinates as the
        // gazetteer writes them (up to 4 decimals), and for many others.
        for i in (-1_800_000i64..=1_800_000).step_by(7) {
            let value = i as f64 / 10_000.0;
            assert_eq!(coordinate(value), format!("{value:.4}"), "{value}");
            let value = i as f64 / 1_000.0 + 0.000_37;
            assert_eq!(coordinate(value), format!("{value:.4}"), "{value}");
        }
        assert_eq!(coordinate(f64::NAN), "");
    }
}
