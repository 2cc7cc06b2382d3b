//! Date expressions in a sentence ("on Tuesday", "21 August 2013", "in March",
//! "in the past 24 hours"), resolved against the article's publication date.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::lexicon::{
    is_attack_noun, is_fighting_noun, is_saying_verb, is_weekday, month_number, outcome_after,
    outcome_before,
};
use crate::numbers::{Words, parse_digits, small_number_word};
use crate::tokens::TokenKind;

/// A date expression found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub first: usize,
    pub end: usize,
    /// None when the expression cannot be resolved (no article date, say).
    pub range: Option<(Date, Date)>,
    /// Says when something was said ("said on Wednesday"), not when it happened.
    pub speech: bool,
    /// "since ...": the start of a running total.
    pub since: bool,
    /// "the conflict that began in March 2011": when a conflict began, from
    /// that start to the article's date, for a toll it "has since" taken.
    pub conflict_start: Option<(Date, Date)>,
    /// Names a month, a year or a week rather than a day.
    pub coarse: bool,
    /// One unnamed day within the range ("last week", "earlier this month"):
    /// vague, but still one event.
    pub within: bool,
    /// "the past 24 hours": days back from the day it counts from.
    pub days_back: Option<i64>,
    /// "a day after bombardments killed 24": dates only what follows it, the
    /// earlier event, counted back from the sentence's other day (or the
    /// article's date).
    pub dates_what_follows: bool,
}

impl DateMention {
    /// Longer than three days: a period, so whatever it dates is a running total.
    /// A month or year without a day is a period even when it cannot be resolved.
    pub fn is_period(&self) -> bool {
        if self.within {
            return false;
        }
        self.since
            || self.coarse
            || self
                .range
                .is_some_and(|(a, b)| a.until(b).map(|s| s.get_days() > 2).unwrap_or(false))
    }
}

/// "a", "three", "24": how many hours, days or weeks.
fn small_value(w: &str) -> Option<i64> {
    if matches!(w, "a" | "an") {
        return Some(1);
    }
    small_number_word(w)
        .or_else(|| parse_digits(w))
        .filter(|v| *v < 10_000)
        .map(|v| v as i64)
}

fn year_at(w: &Words<'_>, i: usize) -> Option<i16> {
    if w.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let s = w.get(i);
    if s.len() != 4 {
        return None;
    }
    let y = parse_digits(s)? as i16;
    (1900..=2100).contains(&y).then_some(y)
}

fn day_at(w: &Words<'_>, i: usize) -> Option<i8> {
    let s = w.get(i);
    let digits = s
        .strip_suffix("th")
        .or_else(|| s.strip_suffix("st"))
        .or_else(|| s.strip_suffix("nd"))
        .or_else(|| s.strip_suffix("rd"))
        .unwrap_or(s);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d = parse_digits(digits)? as i8;
    (1..=31).contains(&d).then_some(d)
}

/// A part of a month glued to its name: "mid-August", "early-March".
const PART_OF_MONTH_PREFIXES: [&str; 3] = ["mid-", "early-", "late-"];

/// A month name that is a month here: "may" only next to a number or after "in".
fn month_at(w: &Words<'_>, i: usize) -> Option<i8> {
    // "mid-August", "early-March": one token, the month all the same.
    let word = PART_OF_MONTH_PREFIXES
        .iter()
        .find_map(|p| w.get(i).strip_prefix(p))
        .unwrap_or(w.get(i));
    let m = month_number(word)?;
    let full = word.len() > 3 || word == "may";
    let next_is_number = day_at(w, i + 1).is_some() || year_at(w, i + 1).is_some();
    let prev = if i > 0 { w.get(i - 1) } else { "" };
    let prev_is_day = i > 0 && day_at(w, i - 1).is_some();
    let after_preposition = matches!(
        prev,
        "in" | "since"
            | "of"
            | "early"
            | "late"
            | "mid"
            | "until"
            | "during"
            | "last"
            | "this"
            | "next"
    );
    if word == "may" || word == "march" {
        return (next_is_number || prev_is_day || after_preposition).then_some(m);
    }
    (full || next_is_number || prev_is_day).then_some(m)
}

fn before_or_on(d: Date, reference: Option<Date>) -> Date {
    match reference {
        Some(r) if d > r => d.checked_sub(1.year()).unwrap_or(d),
        _ => d,
    }
}

fn month_range(y: i16, m: i8) -> Option<(Date, Date)> {
    let first = Date::new(y, m, 1).ok()?;
    Some((first, first.last_of_month()))
}

/// Is token `i` a date said to be when something was *said*?
fn is_speech_date(w: &Words<'_>, i: usize) -> bool {
    // "said shelling on Sunday hit several areas": the day of the attack it
    // follows.
    let before_on = if w.get(i.wrapping_sub(1)) == "on" {
        i.wrapping_sub(2)
    } else {
        i.wrapping_sub(1)
    };
    if is_attack_noun(w.get(before_on)) {
        return false;
    }
    // "said Russian air strikes on Thursday night killed 14": an outcome right
    // after the date makes it the event's.
    if (i + 1..(i + 5).min(w.len()))
        .any(|k| outcome_after(w.get(k)).is_some() || outcome_before(w.get(k)).is_some())
    {
        return false;
    }
    let lo = i.saturating_sub(6);
    for k in (lo..i).rev() {
        let word = w.get(k);
        // ("a monitor said that on Wednesday ...": the date opens what was
        // said.)
        if outcome_after(word).is_some() || outcome_before(word).is_some() || word == "that" {
            return false;
        }
        // ("a video released on Friday": when it was published; not
        // "detainees were released on Thursday".)
        let published = matches!(
            word,
            "released" | "published" | "posted" | "aired" | "broadcast"
        ) && (k.saturating_sub(3)..k).any(|j| {
            matches!(
                w.get(j),
                "video"
                    | "videos"
                    | "statement"
                    | "release"
                    | "footage"
                    | "report"
                    | "recording"
                    | "images"
                    | "photos"
                    | "pictures"
                    | "communique"
                    | "tape"
            )
        });
        if is_saying_verb(word) || published {
            return true;
        }
    }
    false
}

/// Finds the date expressions of a sentence's tokens.
pub fn find_dates(w: &Words<'_>, article_date: Option<Date>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let word = w.get(i);
        let prev = if i > 0 { w.get(i - 1) } else { "" };
        let since = prev == "since";
        let mut push = |first: usize, end: usize, range: Option<(Date, Date)>, speech: bool| {
            out.push(DateMention {
                first,
                end,
                range,
                speech,
                since,
                conflict_start: None,
                coarse: false,
                within: false,
                days_back: None,
                dates_what_follows: false,
            });
        };
        // "a day after X killed 24", "two days after": X happened that many
        // days before the sentence's own day (resolved after the loop).
        if let Some(n) = small_value(word).filter(|n| (1..=7).contains(n))
            && let Some(n) = match w.get(i + 1) {
                "day" | "days" => Some(n),
                "week" | "weeks" => Some(7 * n),
                _ => None,
            }
            && w.get(i + 2) == "after"
        {
            let range = article_date
                .and_then(|d| d.checked_sub(n.days()).ok())
                .map(|d| (d, d));
            push(i, i + 3, range, false);
            if let Some(m) = out.last_mut() {
                m.days_back = Some(n);
                m.dates_what_follows = true;
            }
            i += 3;
            continue;
        }
        // "days after a bombing killed 120": some days before the article's date.
        if word == "days"
            && w.get(i + 1) == "after"
            && small_value(prev).is_none()
            && !matches!(prev, "few" | "several" | "many")
        {
            let range = article_date
                .and_then(|d| Some((d.checked_sub(7.days()).ok()?, d.checked_sub(2.days()).ok()?)));
            push(i, i + 2, range, false);
            if let Some(m) = out.last_mut() {
                m.within = true;
                m.dates_what_follows = true;
            }
            i += 2;
            continue;
        }
        // Weekdays: the latest such day on or before the article date.
        if let Some(wd) = is_weekday(word) {
            let range = article_date.and_then(|d| {
                let back = (d.weekday().to_monday_one_offset() - wd).rem_euclid(7);
                let day = d.checked_sub(i64::from(back).days()).ok()?;
                Some((day, day))
            });
            let mut end = i + 1;
            if matches!(w.get(i + 1), "night" | "morning" | "evening" | "afternoon") {
                end += 1;
            }
            push(i, end, range, is_speech_date(w, i));
            i = end;
            continue;
        }
        match word {
            // "over the weekend": the latest Saturday and Sunday on or before
            // the article's date (a Saturday's article: that day); "last
            // weekend" in a weekend's article, the one before. (Not "the
            // weekend market".)
            "weekend"
                if matches!(prev, "the" | "this" | "last" | "past")
                    && (w.kind(i + 1) != Some(TokenKind::Word)
                        || crate::lexicon::is_np_stop(w.get(i + 1)))
                    // ("the weekend before last": another weekend.)
                    && !matches!(w.get(i + 1), "before" | "after") =>
            {
                let range = article_date.and_then(|d| {
                    // 0 on a Sunday, 6 on a Saturday.
                    let since_sunday = i64::from(d.weekday().to_sunday_zero_offset());
                    let back_to_sunday = match (prev, since_sunday) {
                        ("last", 6) => 6,
                        ("last", 0) => 7,
                        (_, 6) => return Some((d, d)),
                        (_, n) => n,
                    };
                    let sunday = d.checked_sub(back_to_sunday.days()).ok()?;
                    Some((sunday.checked_sub(1.day()).ok()?, sunday))
                });
                push(i.saturating_sub(1), i + 1, range, false);
                i += 1;
                continue;
            }
            "yesterday" | "today" | "tonight" => {
                let back = if word == "yesterday" { 1 } else { 0 };
                let range = article_date
                    .and_then(|d| d.checked_sub(back.days()).ok())
                    .map(|d| (d, d));
                push(i, i + 1, range, is_speech_date(w, i));
                i += 1;
                continue;
            }
            "last" | "this" | "earlier" | "past" | "previous" => {
                // "last week", "earlier this month", "past 24 hours", "the past three days".
                let mut j = i + 1;
                if word == "earlier" && w.get(j) == "this" {
                    j += 1;
                }
                let unit = w.get(j);
                let relative = article_date.and_then(|d| {
                    // "the past week", "over the past year": the span up to
                    // the article's day, not the calendar unit before it.
                    if word == "past" {
                        let start = match unit {
                            "week" => d.checked_sub(6.days()).ok()?,
                            "month" => d.checked_sub(1.month()).ok()?,
                            "year" => d.checked_sub(1.year()).ok()?,
                            _ => return None,
                        };
                        return Some((start, d));
                    }
                    let this = word != "last" && word != "previous";
                    match unit {
                        "night" if word == "last" => d.checked_sub(1.day()).ok().map(|x| (x, x)),
                        // "this morning", "this evening": the article's day.
                        "morning" | "afternoon" | "evening" if word == "this" => Some((d, d)),
                        "week" if this => Some((d.checked_sub(6.days()).ok()?, d)),
                        "week" => {
                            Some((d.checked_sub(7.days()).ok()?, d.checked_sub(1.day()).ok()?))
                        }
                        "month" if this => Some((d.first_of_month(), d)),
                        "month" => {
                            let p = d.first_of_month().checked_sub(1.day()).ok()?;
                            Some((p.first_of_month(), p))
                        }
                        "year" if this => Some((d.first_of_year(), d)),
                        "year" => {
                            let p = d.first_of_year().checked_sub(1.day()).ok()?;
                            Some((p.first_of_year(), p))
                        }
                        _ => None,
                    }
                });
                let part_of_today =
                    word == "this" && matches!(unit, "morning" | "afternoon" | "evening");
                if matches!(unit, "week" | "month" | "year" | "night") || part_of_today {
                    push(i, j + 1, relative, false);
                    if unit != "night"
                        && !part_of_today
                        && let Some(m) = out.last_mut()
                    {
                        m.coarse = true;
                        // "last week", "earlier this month": some day in it.
                        m.within = unit == "week" && word != "past"
                            || (unit == "month" && word == "earlier");
                    }
                    i = j + 1;
                    continue;
                }
                // "past 24 hours", "last three days", "past two weeks".
                if matches!(word, "past" | "last" | "previous")
                    && let Some(n) = small_value(unit)
                {
                    let u = w.get(j + 1);
                    let days_back = match u.trim_end_matches('s') {
                        "hour" => Some((n + 23) / 24),
                        "day" => Some(n - 1),
                        "week" => Some(7 * n - 1),
                        "month" => Some(30 * n),
                        "year" => Some(365 * n),
                        _ => None,
                    };
                    if let Some(back) = days_back {
                        let range = article_date
                            .and_then(|d| Some((d.checked_sub(back.max(0).days()).ok()?, d)));
                        push(i, j + 2, range, false);
                        if let Some(m) = out.last_mut() {
                            m.days_back = Some(back.max(0));
                            // "the past two weeks" is a period even without an article date.
                            m.coarse = back > 2;
                        }
                        i = j + 2;
                        continue;
                    }
                }
            }
            _ => {}
        }
        // "killed 84 in three days", "over two days": a span ending on the article date.
        if matches!(word, "in" | "over" | "within" | "during")
            && let Some(n) = small_value(w.get(i + 1)).filter(|n| *n > 1)
            && matches!(w.get(i + 2), "days" | "hours")
        {
            let back = if w.get(i + 2) == "days" {
                n - 1
            } else {
                (n + 23) / 24
            };
            let range = article_date.and_then(|d| Some((d.checked_sub(back.days()).ok()?, d)));
            push(i, i + 3, range, false);
            i += 3;
            continue;
        }
        // "seven days of airstrikes have killed 150": the days up to the
        // article's, like "the past seven days".
        // (Of attacks or fighting: not "the seven days of mourning".)
        if let Some(n) = small_value(word).filter(|n| *n > 1)
            && w.get(i + 1) == "days"
            && w.get(i + 2) == "of"
            && (i + 3..(i + 7).min(w.len())).any(|k| {
                let x = w.get(k);
                is_attack_noun(x) || is_fighting_noun(x) || x == "violence"
            })
        {
            let range = article_date.and_then(|d| Some((d.checked_sub((n - 1).days()).ok()?, d)));
            push(i, i + 2, range, false);
            if let Some(m) = out.last_mut() {
                m.coarse = n > 3;
            }
            i += 2;
            continue;
        }
        // "21 August 2013", "March 17", "March 17, 2017", "in March", "March 2011".
        let day_first = day_at(w, i).filter(|_| month_at(w, i + 1).is_some());
        let month_i = if day_first.is_some() { i + 1 } else { i };
        if let Some(m) = month_at(w, month_i) {
            let mut end = month_i + 1;
            let mut day = day_first;
            // "in late June 12 people were killed": a part of a month has no
            // day after it.
            let month_word = w.get(month_i);
            let part_of_month = matches!(w.get(month_i.wrapping_sub(1)), "early" | "late" | "mid")
                || PART_OF_MONTH_PREFIXES
                    .iter()
                    .any(|p| month_word.starts_with(p));
            if day.is_none()
                && !part_of_month
                && let Some(d) = day_at(w, end)
            {
                day = Some(d);
                end += 1;
            }
            let mut year = None;
            let mut k = end;
            if w.get(k) == "," {
                k += 1;
            }
            if let Some(y) = year_at(w, k) {
                year = Some(y);
                end = k + 1;
            } else if let Some(a) = article_date
                && matches!(w.get(k), "last" | "this")
                && w.get(k + 1) == "year"
            {
                // "in August last year", "in March this year".
                year = Some(if w.get(k) == "last" {
                    a.year() - 1
                } else {
                    a.year()
                });
                end = k + 2;
            }
            let first = if day_first.is_some() { i } else { month_i };
            let range = match (day, year, article_date) {
                (Some(d), Some(y), _) => Date::new(y, m, d).ok().map(|x| (x, x)),
                (Some(d), None, Some(a)) => Date::new(a.year(), m, d)
                    .ok()
                    .map(|x| before_or_on(x, article_date))
                    .map(|x| (x, x)),
                (None, Some(y), _) => month_range(y, m),
                (None, None, Some(a)) => month_range(a.year(), m).map(|(s, e)| {
                    if s > a {
                        month_range(a.year() - 1, m).unwrap_or((s, e))
                    } else {
                        (s, e)
                    }
                }),
                _ => None,
            };
            let speech = day.is_some() && is_speech_date(w, first);
            push(first, end, range, speech);
            if day.is_none()
                && let Some(m) = out.last_mut()
            {
                m.coarse = true;
            }
            i = end;
            continue;
        }
        // "in 2012", "since 2011".
        if matches!(prev, "in" | "since" | "during" | "of")
            && let Some(y) = year_at(w, i)
        {
            let range = Date::new(y, 1, 1).ok().map(|s| (s, s.last_of_year()));
            push(i, i + 1, range, false);
            if let Some(m) = out.last_mut() {
                m.coarse = true;
            }
            i += 1;
            continue;
        }
        i += 1;
    }
    // "in its April report", "Tuesday's statement": when a document came out.
    for m in &mut out {
        if matches!(
            w.get(m.end),
            "report" | "reports" | "statement" | "briefing" | "bulletin" | "update"
        ) {
            m.speech = true;
        }
    }
    // "since the conflict began in March 2011": the start of a running total;
    // "the war, which began in 2011": background, not the event's date.
    for m in &mut out {
        let lo = m.first.saturating_sub(10);
        for k in (lo..m.first).rev() {
            match w.get(k) {
                // ("the first explosion to hit the town since the outbreak of
                // the war in 2011", "the deadliest attack since 2013": what
                // the superlative is measured against, no date of the event.)
                "since" if since_of_a_first(w, k) => {
                    m.speech = true;
                    break;
                }
                "since" => {
                    m.since = true;
                    m.speech = false;
                    break;
                }
                "began" | "begun" | "started" | "erupted" | "broke" | "begins" | "start" => {
                    m.speech = true;
                    m.conflict_start = match (m.range, article_date) {
                        (Some((s, _)), Some(a)) if s <= a => Some((s, a)),
                        _ => None,
                    };
                }
                _ => {}
            }
        }
    }
    // "over the past 24 hours, the monitor said on Saturday": counted back from
    // the day of speech.
    if let Some(said) = out
        .iter()
        .find(|m| m.speech && !m.coarse && !m.since)
        .and_then(|m| m.range)
        .map(|r| r.1)
    {
        for m in out.iter_mut().filter(|m| !m.dates_what_follows) {
            if let Some(back) = m.days_back {
                m.range = said.checked_sub(back.days()).ok().map(|d| (d, said));
            }
        }
    }
    // "on Thursday, a day after ...": counted back from the sentence's day.
    for k in 0..out.len() {
        let (Some(m), Some(back)) = (out.get(k), out.get(k).and_then(|m| m.days_back)) else {
            continue;
        };
        if !m.dates_what_follows {
            continue;
        }
        let anchor = out[..k]
            .iter()
            .rev()
            .find(|d| !d.speech && !d.dates_what_follows && !d.is_period())
            .and_then(|d| d.range)
            .map(|r| r.0);
        if let (Some(anchor), Some(m)) = (anchor, out.get_mut(k)) {
            m.range = anchor.checked_sub(back.days()).ok().map(|d| (d, d));
        }
    }
    // "since X" runs from X to the article date.
    for m in &mut out {
        if m.since {
            m.range = match (m.range, article_date) {
                (Some((s, _)), Some(a)) if s <= a => Some((s, a)),
                _ => None,
            };
        }
    }
    merge_spans(w, &mut out);
    // "April 7th Street", "the 8 March Square": a place named for a day of a
    // month (not "said Sunday hospital officials").
    out.retain(|m| {
        !((m.first..m.end).any(|k| matches!(w.kind(k), Some(TokenKind::Number | TokenKind::Mixed)))
            && is_named_for_a_day(w.get(m.end)))
    });
    out
}

/// Nouns of places named for a day ("April 7th Street", "8 March Square").
fn is_named_for_a_day(next: &str) -> bool {
    matches!(
        next,
        "street"
            | "st"
            | "square"
            | "avenue"
            | "road"
            | "bridge"
            | "hospital"
            | "school"
            | "stadium"
            | "park"
            | "roundabout"
            | "highway"
            | "neighborhood"
            | "neighbourhood"
    )
}

/// Does the "since" at `k` measure a first or a superlative ("the first
/// attack on the town since 2011", "the deadliest day since March")?
pub fn since_of_a_first(w: &Words<'_>, k: usize) -> bool {
    (k.saturating_sub(10)..k).any(|j| {
        let x = w.get(j);
        (x == "first"
            || (x.len() > 5 && x.ends_with("iest"))
            || matches!(x, "worst" | "biggest" | "largest" | "highest"))
            // Heading the phrase "since" ends: no count or verb between
            // (not "the worst week of the war, 400 people have been killed
            // since Friday", "the deadliest strike killed 30, bringing the
            // toll since Friday to 120", "most of them children, since").
            && (j + 1..k).all(|i| {
                let y = w.get(i);
                w.kind(i) == Some(TokenKind::Word)
                    && small_number_word(y).is_none()
                    // (Nouns of the toll may stand between: "the first deaths
                    // in areas covered by the truce since Monday".)
                    && !(outcome_after(y).is_some() && y.ends_with("ed"))
                    && outcome_before(y).is_none()
                    && !matches!(
                        y,
                        "have" | "has" | "had" | "were" | "was" | "been" | "is" | "are"
                            | "bringing" | "toll" | "dozens" | "hundreds" | "thousands"
                    )
            })
    })
}

/// "from Friday March 27 2015 to Friday April 10 2015", "between May 1 and
/// May 5", "on Tuesday and Wednesday": two mentions that bound one span
/// become one, from the first's
/// start to the second's end (a day named twice, "Friday March 27", is one
/// mention of it first).
fn merge_spans(w: &Words<'_>, out: &mut Vec<DateMention>) {
    // Mentions that touch are one: "Friday" then "March 27 2015" (the
    // second, the more precise, gives the range).
    let mut k = 0;
    while k + 1 < out.len() {
        let (a, b) = (&out[k], &out[k + 1]);
        if a.end == b.first && a.range.is_some() && b.range.is_some() && !a.since && !b.since {
            let (first, range) = (a.first, b.range);
            out.remove(k);
            if let Some(m) = out.get_mut(k) {
                m.first = first;
                m.range = range;
            }
        } else {
            k += 1;
        }
    }
    let mut k = 0;
    while k + 1 < out.len() {
        let (a, b) = (&out[k], &out[k + 1]);
        let opener = w.get(a.first.wrapping_sub(1));
        let joiner = (b.first == a.end + 1).then(|| w.get(a.end));
        // "postponed from Thursday to Monday" moves a day, it spans none.
        let moved = matches!(
            w.get(a.first.wrapping_sub(2)),
            "postponed" | "moved" | "delayed" | "rescheduled" | "back" | "forward" | "changed"
        );
        // "on Tuesday and Wednesday": two days named together are the span
        // of both.
        let two_days = joiner == Some("and")
            && a.end == a.first + 1
            && b.end == b.first + 1
            && is_weekday(w.get(a.first)).is_some()
            && is_weekday(w.get(b.first)).is_some();
        let bounds = !moved
            && (two_days
                || matches!(
                    (opener, joiner),
                    ("from", Some("to" | "until" | "till")) | ("between", Some("and"))
                ));
        let spans = match (a.range, b.range) {
            (Some((lo, _)), Some((_, hi))) => {
                let (lo, hi) = same_year_as_written(w, a, b, lo, hi);
                // "from Sunday to Wednesday" read on a Tuesday: last Sunday.
                let lo = if lo > hi && is_weekday(w.get(a.first)).is_some() {
                    lo.checked_sub(7.days()).unwrap_or(lo)
                } else {
                    lo
                };
                (lo <= hi).then_some((lo, hi))
            }
            _ => None,
        };
        if let (true, Some((lo, hi))) = (bounds, spans) {
            let (first, speech) = (a.first, a.speech && b.speech);
            out.remove(k);
            if let Some(m) = out.get_mut(k) {
                m.first = first;
                m.range = Some((lo, hi));
                m.speech = speech;
                m.coarse = false;
                m.within = false;
            }
        }
        k += 1;
    }
}

/// The span `lo..hi` of mentions `a` and `b` with a year written on one side
/// only ("from March 27 2015 to April 10"): the other side is in that year.
fn same_year_as_written(
    w: &Words<'_>,
    a: &DateMention,
    b: &DateMention,
    lo: Date,
    hi: Date,
) -> (Date, Date) {
    let written = |m: &DateMention| (m.first..m.end).find_map(|k| year_at(w, k));
    let in_year = |d: Date, y: i16| Date::new(y, d.month(), d.day()).unwrap_or(d);
    match (written(a), written(b)) {
        (Some(y), None) => (lo, in_year(hi, y)),
        (None, Some(y)) => (in_year(lo, y), hi),
        _ => (lo, hi),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;
    use ledger_types::Span;

    fn find_dates_of(s: &str, article: &str) -> Vec<DateMention> {
        let lower = s.to_ascii_lowercase();
        let mut toks = Vec::new();
        tokenize(&lower, Span::new(0, s.len()), &mut toks);
        let w = Words {
            lower: &lower,
            tokens: &toks,
        };
        find_dates(&w, article.parse().ok())
    }

    fn dates(s: &str, article: &str) -> Vec<(Option<(String, String)>, bool)> {
        find_dates_of(s, article)
            .into_iter()
            .map(|m| {
                (
                    m.range.map(|(x, y)| (x.to_string(), y.to_string())),
                    m.speech,
                )
            })
            .collect()
    }

    fn one(s: &str, article: &str) -> (String, String) {
        dates(s, article)
            .into_iter()
            .find_map(|(r, speech)| r.filter(|_| !speech))
            .unwrap_or_default()
    }

    #[test]
    fn a_hyphenated_part_of_a_month_is_the_month() {
        assert_eq!(
            one("a mid-August suicide attack", "2016-10-06"),
            ("2016-08-01".into(), "2016-08-31".into())
        );
    }

    #[test]
    fn days_after_dates_what_follows_some_days_back() {
        let d = "2016-10-27";
        assert_eq!(
            dates("resumed on Wednesday, days after a bombing killed 120", d),
            [
                (Some(("2016-10-26".into(), "2016-10-26".into())), false),
                (Some(("2016-10-20".into(), "2016-10-25".into())), false),
            ]
        );
    }

    #[test]
    fn two_dates_bounding_a_span_are_one_mention() {
        let d = "2017-06-03"; // a Saturday
        for (text, from, to) in [
            (
                "from Friday March 27 2015 to Friday April 10 2015",
                "2015-03-27",
                "2015-04-10",
            ),
            ("between May 1 and May 5", "2017-05-01", "2017-05-05"),
            ("on Tuesday and Wednesday", "2017-05-30", "2017-05-31"),
            ("on Friday and Saturday", "2017-06-02", "2017-06-03"),
            // A year written on one side only dates both.
            ("from March 27 2015 to April 10", "2015-03-27", "2015-04-10"),
            (
                "between March 27 and April 10 2015",
                "2015-03-27",
                "2015-04-10",
            ),
            ("from Friday until Saturday", "2017-06-02", "2017-06-03"),
            // Monday is the 29th: the Friday is the one before it.
            ("from Friday to Monday", "2017-05-26", "2017-05-29"),
        ] {
            assert_eq!(find_dates_of(text, d).len(), 1, "{text}");
            assert_eq!(one(text, d), (from.into(), to.into()), "{text}");
        }
        // A day moved to another is no span.
        assert_eq!(
            dates("the trial was postponed from Thursday to Monday", d).len(),
            2
        );
        // A merged mention is the span of days it bounds, not a month.
        let merged = find_dates_of("between January 2017 and March 2017", d);
        assert_eq!(merged.len(), 1);
        assert!(
            merged
                .iter()
                .all(|m| !m.coarse && !m.within && m.is_period())
        );
    }

    #[test]
    fn resolves_relative_dates_against_the_article() {
        let d = "2017-06-03"; // a Saturday
        assert_eq!(
            one("During Tuesday's airstrikes", d),
            ("2017-05-30".into(), "2017-05-30".into())
        );
        assert_eq!(one("on Saturday night", d), (d.into(), d.into()));
        assert_eq!(
            one("yesterday", d),
            ("2017-06-02".into(), "2017-06-02".into())
        );
        assert_eq!(
            one("in March", d),
            ("2017-03-01".into(), "2017-03-31".into())
        );
        // A report's month says when it came out, not when anything happened.
        assert_eq!(
            dates("in its April report", d),
            [(Some(("2017-04-01".into(), "2017-04-30".into())), true)]
        );
        assert_eq!(
            one("on March 17", d),
            ("2017-03-17".into(), "2017-03-17".into())
        );
        assert_eq!(
            one("in December", d),
            ("2016-12-01".into(), "2016-12-31".into())
        );
        assert_eq!(
            one("21 August 2013", d),
            ("2013-08-21".into(), "2013-08-21".into())
        );
        assert_eq!(
            one("in the last 24 hours", d),
            ("2017-06-02".into(), d.into())
        );
        assert_eq!(
            one("during the past three days", d),
            ("2017-06-01".into(), d.into())
        );
        assert_eq!(
            one("earlier this month", d),
            ("2017-06-01".into(), d.into())
        );
        assert_eq!(one("since March 2011", d), ("2011-03-01".into(), d.into()));
        assert_eq!(
            one("over the past 24 hours, the monitor said on Friday", d),
            ("2017-06-01".into(), "2017-06-02".into())
        );
        assert_eq!(
            one("in August last year", d),
            ("2016-08-01".into(), "2016-08-31".into())
        );
        assert_eq!(
            one("in 2012", d),
            ("2012-01-01".into(), "2012-12-31".into())
        );
    }

    #[test]
    fn speech_dates_and_missing_article_dates() {
        assert!(dates("a monitor said on Wednesday", "2016-06-22")[0].1);
        assert!(!dates("a monitor said that on Wednesday", "2016-06-22")[0].1);
        assert!(!dates("killed on Wednesday", "2016-06-22")[0].1);
        assert_eq!(dates("on Wednesday", "")[0].0, None);
        assert_eq!(dates("they may come", "2016-06-22").len(), 0);
    }
}
