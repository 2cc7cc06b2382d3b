//! The index page's pictures, drawn at build time: a timeline of incidents and
//! a map (equirectangular, framed to the data, no tiles). Every text is
//! escaped and every mark has a `<title>` for screen readers and tooltips.

use std::fmt::Write as _;

use ledger_types::Date;

use crate::escape::html;
use crate::figures;

/// One incident as drawn.
#[derive(Debug, Clone)]
pub struct Dot {
    /// Relative link to the incident page.
    pub href: String,
    /// Tooltip text.
    pub label: String,
    pub date: Option<Date>,
    /// Size or height: the killed figure (highest known bound).
    pub value: Option<u64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Whether the place is known to a city or finer.
    pub precise: bool,
}

/// Days since 1970-01-01 (proleptic Gregorian), for distances on the time axis.
fn day_number(date: Date) -> i64 {
    let (y, m, d) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn push_dot(out: &mut String, dot: &Dot, x: f64, y: f64, r: f64) {
    let _ = write!(
        out,
        "<a href=\"{}\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\"><title>{}</title></circle></a>",
        html(&dot.href),
        html(&dot.label)
    );
}

/// Timeline: x is the incident's first day, y its killed figure on a
/// logarithmic scale (one massacre must not flatten every other incident).
/// Incidents without a date or a killed figure are left out; empty when
/// none is left.
pub fn timeline(dots: &[Dot]) -> String {
    let dated: Vec<(&Dot, i64)> = dots
        .iter()
        .filter(|d| d.value.is_some())
        .filter_map(|d| d.date.map(|date| (d, day_number(date))))
        .collect();
    let (Some(first), Some(last)) = (
        dated.iter().map(|(_, n)| *n).min(),
        dated.iter().map(|(_, n)| *n).max(),
    ) else {
        return String::new();
    };
    let date_of = |day: i64| {
        dated
            .iter()
            .find(|(_, n)| *n == day)
            .and_then(|(d, _)| d.date)
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let top = dated
        .iter()
        .filter_map(|(d, _)| d.value)
        .max()
        .unwrap_or(0)
        .max(1);
    let log_top = (top as f64 + 1.0).log10();
    let height_of = |value: f64| (value + 1.0).log10() / log_top;
    let (width, height, left, right, upper, lower) = (800.0, 260.0, 64.0, 16.0, 16.0, 36.0);
    let plot_w = width - left - right;
    let plot_h = height - upper - lower;
    let base = upper + plot_h;
    let span = (last - first).max(1) as f64;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"timeline\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"timeline-title\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"timeline-title\">Timeline of {} from {} to {}: date against number killed (highest figure, logarithmic scale)</title>\
<rect class=\"frame\" x=\"{left}\" y=\"{upper}\" width=\"{plot_w}\" height=\"{plot_h}\"/>\
<text x=\"{:.1}\" y=\"{base:.1}\" text-anchor=\"end\">0</text>",
        figures::count(dated.len(), "incident"),
        date_of(first),
        date_of(last),
        left - 6.0
    );
    // Dots and ticks stay inside the frame: a 6-unit inset on every side.
    let inset = 6.0;
    // Below 100 the tick at 1 is readable; above, it would sit on the 0.
    let mut tick: u64 = if top < 100 { 1 } else { 10 };
    while tick <= top {
        let y = base - inset - height_of(tick as f64) * (plot_h - 2.0 * inset);
        let _ = write!(
            out,
            "<line class=\"tick\" x1=\"{left}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{tick}</text>",
            left + plot_w,
            left - 6.0,
            y + 4.0
        );
        match tick.checked_mul(10) {
            Some(next) => tick = next,
            None => break,
        }
    }
    let _ = write!(
        out,
        "<text x=\"{left}\" y=\"{:.1}\">{}</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
        base + 20.0,
        date_of(first),
        left + plot_w,
        base + 20.0,
        date_of(last)
    );
    for (dot, n) in &dated {
        let x = if last == first {
            left + plot_w / 2.0
        } else {
            left + inset + (n - first) as f64 / span * (plot_w - 2.0 * inset)
        };
        let y = base - inset - height_of(dot.value.unwrap_or(0) as f64) * (plot_h - 2.0 * inset);
        push_dot(&mut out, dot, x, y, 5.0);
    }
    out.push_str("</svg>");
    out
}

/// Map: incidents whose place is known to a city or finer, at their
/// coordinates (a country's or province's centre would put a point where
/// nothing happened), circle area growing with the killed figure, framed to
/// the bounding box of the data. Empty when there is nothing to draw.
pub fn map(dots: &[Dot]) -> String {
    let placed: Vec<(&Dot, f64, f64)> = dots
        .iter()
        .filter(|d| d.precise)
        .filter_map(|d| match (d.lat, d.lon) {
            (Some(lat), Some(lon)) if lat.is_finite() && lon.is_finite() => Some((d, lat, lon)),
            _ => None,
        })
        .collect();
    // Largest circles first, so that smaller ones at the same spot stay on top
    // and can be clicked.
    let mut placed = placed;
    placed.sort_by_key(|p| std::cmp::Reverse(p.0.value));
    if placed.is_empty() {
        return String::new();
    }
    let lats = || placed.iter().map(|p| p.1);
    let lons = || placed.iter().map(|p| p.2);
    let (min_lat, max_lat) = (
        lats().fold(f64::INFINITY, f64::min),
        lats().fold(f64::NEG_INFINITY, f64::max),
    );
    let (min_lon, max_lon) = (
        lons().fold(f64::INFINITY, f64::min),
        lons().fold(f64::NEG_INFINITY, f64::max),
    );
    let pad_lat = ((max_lat - min_lat) * 0.1).max(0.5);
    let pad_lon = ((max_lon - min_lon) * 0.1).max(0.5);
    let (south, north) = (
        (min_lat - pad_lat).max(-90.0),
        (max_lat + pad_lat).min(90.0),
    );
    let (west, east) = (min_lon - pad_lon, max_lon + pad_lon);
    // Equirectangular: a degree of longitude is cos(latitude) of a degree of latitude.
    let shrink = ((south + north) / 2.0).to_radians().cos().clamp(0.1, 1.0);
    let (max_w, max_h) = (760.0, 480.0);
    let scale = (max_w / ((east - west) * shrink)).min(max_h / (north - south));
    let width = (east - west) * shrink * scale + 2.0;
    let height = (north - south) * scale + 2.0;
    let top = placed
        .iter()
        .filter_map(|(d, _, _)| d.value)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"map\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.1} {height:.1}\" role=\"img\" aria-labelledby=\"map-title\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"map-title\">Map of {} between latitudes {south:.2} and {north:.2} and longitudes {west:.2} and {east:.2}; larger circles, more killed</title>\
<rect class=\"frame\" x=\"0\" y=\"0\" width=\"{width:.1}\" height=\"{height:.1}\"/>\
<text x=\"4\" y=\"14\">{north:.2}°N {west:.2}°E</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{south:.2}°N {east:.2}°E</text>",
        figures::count(placed.len(), "incident"),
        width - 4.0,
        height - 4.0
    );
    for (dot, lat, lon) in &placed {
        let x = 1.0 + (lon - west) * shrink * scale;
        let y = 1.0 + (north - lat) * scale;
        let r = 3.0 + 17.0 * (dot.value.unwrap_or(0) as f64 / top).sqrt();
        push_dot(&mut out, dot, x, y, r);
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(day_number(Date::constant(1970, 1, 1)), 0);
        assert_eq!(
            day_number(Date::constant(2017, 3, 1)) - day_number(Date::constant(2017, 2, 28)),
            1
        );
        assert_eq!(
            day_number(Date::constant(2016, 3, 1)) - day_number(Date::constant(2016, 2, 28)),
            2
        );
    }

    #[test]
    fn pictures_escape_labels_and_skip_when_empty() {
        let dot = Dot {
            href: "incidents/a.html".into(),
            label: "<script>".into(),
            date: Some(Date::constant(2017, 1, 2)),
            value: Some(4),
            lat: Some(36.0),
            lon: Some(38.0),
            precise: true,
        };
        assert!(timeline(std::slice::from_ref(&dot)).contains("&lt;script&gt;"));
        assert!(map(std::slice::from_ref(&dot)).contains("<title>&lt;script&gt;</title>"));
        assert_eq!(map(&[]), "");
        assert_eq!(timeline(&[]), "");
    }
}
