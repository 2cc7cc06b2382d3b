//! Bytes to text: BOM, UTF-8, a Windows-1252 fallback, and the checks that skip a file.

use ledger_types::Problem;

/// What the bytes of a file turned out to be.
#[derive(Debug)]
pub(crate) enum Decoded {
    /// Text, with a problem when it had to be read as Windows-1252.
    Text(String, Option<Problem>),
    /// Not worth reading: empty, binary.
    Skipped(Problem),
}

pub(crate) fn problem(kind: &str, message: impl Into<String>) -> Problem {
    Problem {
        kind: kind.to_string(),
        message: message.into(),
    }
}

/// Windows-1252's printable characters in 0x80..=0x9F; the five holes map to
/// the C1 control of the same number, as browsers do.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn cp1252_char(byte: u8) -> char {
    match byte {
        0x80..=0x9F => CP1252_HIGH
            .get(usize::from(byte - 0x80))
            .copied()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(byte),
    }
}

/// Control bytes that do not occur in text files (tab, newlines and form feed do).
fn is_binary_control(byte: u8) -> bool {
    byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0C) || byte == 0x7F
}

/// Decides what the bytes are. The BOM must already be stripped.
pub(crate) fn decode(bytes: &[u8]) -> Decoded {
    if bytes.is_empty() {
        return Decoded::Skipped(problem("empty", "the file is empty"));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Decoded::Skipped(problem("empty", "the file holds only whitespace"));
    }
    if bytes.contains(&0) {
        return Decoded::Skipped(problem(
            "binary",
            "the file looks binary (it contains NUL bytes), not like text",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded::Text(text.to_string(), None),
        Err(error) => {
            let head = bytes.get(..1024).unwrap_or(bytes);
            let controls = head.iter().filter(|&&b| is_binary_control(b)).count();
            // Text has next to no control bytes; a few stray ones are tolerated.
            if controls * 20 > head.len() {
                return Decoded::Skipped(problem(
                    "binary",
                    "the file looks binary (many control bytes in its first kilobyte), not like text",
                ));
            }
            let text: String = bytes.iter().map(|&b| cp1252_char(b)).collect();
            Decoded::Text(
                text,
                Some(problem(
                    "not_utf8",
                    format!(
                        "the file is not valid UTF-8 (first bad byte at offset {}); it was read as Latin-1 (Windows-1252)",
                        error.valid_up_to()
                    ),
                )),
            )
        }
    }
}
