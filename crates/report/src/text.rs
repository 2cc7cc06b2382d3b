//! Article text as HTML: counts highlighted, furniture muted, paragraphs kept.
//! Spans come from other stages and may be wrong; a span that is out of range
//! or not on a character boundary is shown without highlight, never a panic.

use ledger_types::{Claim, Furniture, FurnitureKind, Span};

use crate::escape::{html, push_html};

/// The claim's sentence with its count inside `<mark>`, as HTML.
pub fn highlighted_sentence(claim: &Claim) -> String {
    let sentence = claim.sentence.as_str();
    let relative = claim
        .count_span
        .start
        .checked_sub(claim.sentence_span.start)
        .zip(claim.count_span.end.checked_sub(claim.sentence_span.start));
    let pieces = relative
        .filter(|(start, end)| start < end)
        .and_then(|(start, end)| {
            Some((
                sentence.get(..start)?,
                sentence.get(start..end)?,
                sentence.get(end..)?,
            ))
        });
    match pieces {
        Some((before, count, after)) => {
            format!(
                "{}<mark>{}</mark>{}",
                html(before),
                html(count),
                html(after)
            )
        }
        None => html(sentence),
    }
}

/// A claim to highlight in the article text.
#[derive(Debug, Clone)]
pub struct ClaimMark {
    pub span: Span,
    /// Element id for the mark (the claim's anchor).
    pub anchor: String,
    /// Relative link to the claim's incident page, if it has one.
    pub href: Option<String>,
    /// Tooltip: what the claim says.
    pub title: String,
}

#[derive(Debug)]
enum Mark<'m> {
    Claim(&'m ClaimMark),
    Furniture(FurnitureKind),
}

/// The article body as HTML paragraphs, and for each claim mark whether it
/// was placed (an unplaced claim needs its anchor somewhere else on the page).
pub fn article_body(
    text: &str,
    claims: &[ClaimMark],
    furniture: &[Furniture],
) -> (String, Vec<bool>) {
    let valid = |span: Span| {
        span.start < span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    // (span, order among equal starts, claim position or none, mark)
    let mut candidates: Vec<(Span, u8, Option<usize>, Mark<'_>)> = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        if valid(claim.span) {
            candidates.push((claim.span, 0, Some(i), Mark::Claim(claim)));
        }
    }
    for piece in furniture {
        if valid(piece.span) {
            candidates.push((piece.span, 1, None, Mark::Furniture(piece.kind)));
        }
    }
    candidates.sort_by_key(|(span, order, position, _)| (span.start, *order, *position, span.end));
    let mut placed = vec![false; claims.len()];
    let mut marks: Vec<(Span, Mark<'_>)> = Vec::new();
    let mut taken_until = 0;
    for (span, _, position, mark) in candidates {
        // Overlapping marks cannot nest cleanly; the first one wins.
        if span.start < taken_until {
            continue;
        }
        taken_until = span.end;
        if let Some(flag) = position.and_then(|p| placed.get_mut(p)) {
            *flag = true;
        }
        marks.push((span, mark));
    }

    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut next_mark = 0;
    for paragraph in paragraphs(text) {
        out.push_str("<p>");
        let mut cursor = paragraph.start;
        // Marks are sorted and disjoint: skip those wholly before this paragraph.
        while marks
            .get(next_mark)
            .is_some_and(|(span, _)| span.end <= paragraph.start)
        {
            next_mark += 1;
        }
        let mut i = next_mark;
        while let Some((span, mark)) = marks.get(i) {
            if span.start >= paragraph.end {
                break;
            }
            let start = span.start.max(paragraph.start);
            let end = span.end.min(paragraph.end);
            push_html(&mut out, text.get(cursor..start).unwrap_or(""));
            let inner = text.get(start..end).unwrap_or("");
            // Only the first piece of a mark that spans paragraphs carries the id.
            let first_piece = start == span.start;
            push_mark(&mut out, mark, inner, first_piece);
            cursor = end;
            i += 1;
        }
        push_html(&mut out, text.get(cursor..paragraph.end).unwrap_or(""));
        out.push_str("</p>\n");
    }
    (out, placed)
}

fn push_mark(out: &mut String, mark: &Mark<'_>, inner: &str, first_piece: bool) {
    match mark {
        Mark::Claim(claim) => {
            out.push_str("<mark class=\"claim\"");
            if first_piece {
                out.push_str(" id=\"");
                push_html(out, &claim.anchor);
                out.push('"');
            }
            out.push_str(" title=\"");
            push_html(out, &claim.title);
            out.push_str("\">");
            match &claim.href {
                Some(href) => {
                    out.push_str("<a href=\"");
                    push_html(out, href);
                    out.push_str("\">");
                    push_html(out, inner);
                    out.push_str("</a>");
                }
                None => push_html(out, inner),
            }
            out.push_str("</mark>");
        }
        Mark::Furniture(kind) => {
            out.push_str("<span class=\"furniture\" title=\"page furniture: ");
            out.push_str(furniture_label(*kind));
            out.push_str("\">");
            push_html(out, inner);
            out.push_str("</span>");
        }
    }
}

/// Words for a kind of furniture.
pub fn furniture_label(kind: FurnitureKind) -> &'static str {
    match kind {
        FurnitureKind::DonationAppeal => "donation appeal",
        FurnitureKind::LinkList => "link list",
        FurnitureKind::ShareCounter => "share counter",
        FurnitureKind::PhotoCredit => "photo credit",
        FurnitureKind::Navigation => "navigation",
        FurnitureKind::Byline => "byline",
        FurnitureKind::StrayNumber => "stray number",
    }
}

/// Byte ranges of the paragraphs of `text`: runs of lines separated by blank
/// (whitespace-only) lines, without their trailing line break.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(span) = current.take() {
                out.push(span);
            }
        } else {
            let end = start + content.len();
            current = Some(match current {
                Some(span) => Span::new(span.start, end),
                None => Span::new(start, end),
            });
        }
    }
    if let Some(span) = current {
        out.push(span);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "one\ntwo\n\n  \nthree\r\n";
        let spans = paragraphs(text);
        let got: Vec<&str> = spans
            .iter()
            .filter_map(|s| text.get(s.start..s.end))
            .collect();
        assert_eq!(got, ["one\ntwo", "three"]);
    }

    #[test]
    fn marks_wrap_counts_and_furniture_and_escape_the_rest() {
        let text = "At least 5 <b>died</b>.\n\nShare 12";
        let claim = ClaimMark {
            span: Span::new(0, 10),
            anchor: "claim-1".into(),
            href: Some("../incidents/x.html".into()),
            title: "killed".into(),
        };
        let furniture = [Furniture {
            span: Span::new(25, 33),
            kind: FurnitureKind::ShareCounter,
        }];
        let (body, placed) = article_body(text, &[claim], &furniture);
        assert_eq!(placed, [true]);
        assert!(body.contains(
            "<p><mark class=\"claim\" id=\"claim-1\" title=\"killed\"><a href=\"../incidents/x.html\">At least 5</a></mark> &lt;b&gt;died&lt;/b&gt;.</p>"
        ));
        assert!(body.contains("<p><span class=\"furniture\" title=\"page furniture: share counter\">Share 12</span></p>"));
    }

    #[test]
    fn bad_spans_fall_back_to_plain_text() {
        let text = "é killed";
        let claim = ClaimMark {
            span: Span::new(1, 4),
            anchor: "claim-1".into(),
            href: None,
            title: String::new(),
        };
        let (body, placed) = article_body(text, &[claim], &[]);
        assert_eq!(placed, [false]);
        assert_eq!(body, "<p>é killed</p>\n");
    }
}
