//! Escaping: the one place where text becomes HTML, Markdown or inline JSON.

use serde::Serialize;

/// Appends `text` to `out` with every character that could open markup or
/// close an attribute replaced by an entity.
pub fn push_html(out: &mut String, text: &str) {
    // Writing to a String cannot fail.
    let _ = write_html(out, text);
}

/// Writes `text` to `out` escaped as [`push_html`] does: the runs between the
/// five special characters (all ASCII, so byte positions are char boundaries)
/// go out whole.
pub fn write_html<W: std::fmt::Write + ?Sized>(out: &mut W, text: &str) -> std::fmt::Result {
    let mut run_start = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(text.get(run_start..i).unwrap_or(""))?;
        out.write_str(entity)?;
        run_start = i + 1;
    }
    out.write_str(text.get(run_start..).unwrap_or(""))
}

/// `text` as HTML text or attribute value.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_html(&mut out, text);
    out
}

/// `text` made safe for a Markdown table cell or list item: pipes and
/// backslashes escaped, line breaks folded into spaces (a newline would end the
/// table row), angle brackets as entities so no raw HTML gets through.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(' ');
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// JSON safe inside a `<script>` element (used for the entries of
/// `search.js`, so that they stay safe wherever they are pasted): characters
/// that could end the script element or confuse an HTML parser, and the line
/// separators older JavaScript rejects in strings, are `\u` escapes (they can
/// only occur inside JSON strings, where the escape means the same).
pub fn script_json<T: Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    let json = serde_json::to_string(value)?;
    let mut out = String::with_capacity(json.len() + 16);
    // Runs between the characters to escape are copied whole: the search
    // index runs to megabytes.
    let mut copied = 0;
    let special = |c: char| matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}');
    for (at, found) in json.match_indices(special) {
        out.push_str(json.get(copied..at).unwrap_or_default());
        out.push_str(match found {
            "<" => "\\u003c",
            ">" => "\\u003e",
            "&" => "\\u0026",
            "\u{2028}" => "\\u2028",
            _ => "\\u2029",
        });
        copied = at + found.len();
    }
    out.push_str(json.get(copied..).unwrap_or_default());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<img src=x onerror="a('1')">&"#),
            "&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt;&amp;"
        );
    }

    #[test]
    fn markdown_keeps_a_cell_on_one_line() {
        assert_eq!(markdown("a|b\r\nc\nd\\"), "a\\|b c d\\\\");
        assert_eq!(markdown("<b>"), "&lt;b&gt;");
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        let json = script_json(&["</script><!--"]).unwrap_or_default();
        assert!(!json.contains('<'));
        assert_eq!(json, "[\"\\u003c/script\\u003e\\u003c!--\"]");
        let json = script_json(&["a&b\u{2028}c\u{2029}é>"]).unwrap_or_default();
        assert_eq!(json, "[\"a\\u0026b\\u2028c\\u2029é\\u003e\"]");
    }
}
