//! Text from a file's bytes: UTF-8 (with or without its byte order mark),
//! UTF-16 as Excel's "Unicode text" writes it, or Windows-1252 as older
//! Excel writes CSV. Bytes that are not UTF-8 are read as Windows-1252, the
//! one other encoding a CSV from an English-speaking office is found in, and
//! the preview says so.

/// How the bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16 => "UTF-16",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Reads text from bytes, never failing: see the module's rules.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(rest, u16::from_le_bytes), Encoding::Utf16);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(rest, u16::from_be_bytes), Encoding::Utf16);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), Encoding::Utf8),
        Err(_) => (
            bytes.iter().map(|&b| windows_1252(b)).collect(),
            Encoding::Windows1252,
        ),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Windows-1252 differs from Latin-1 only in 0x80 to 0x9F, where it has
/// the curly quotes, dashes, the euro sign and a few letters.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_its_mark() {
        assert_eq!(
            decode("Café".as_bytes()),
            ("Café".to_owned(), Encoding::Utf8)
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFCaf\xC3\xA9"),
            ("Café".to_owned(), Encoding::Utf8)
        );
    }

    #[test]
    fn windows_1252_from_older_excel() {
        // "Children’s – £5 café" as Excel 2010 saves CSV.
        let bytes = b"Children\x92s \x96 \xA35 caf\xE9";
        assert_eq!(
            decode(bytes),
            ("Children’s – £5 café".to_owned(), Encoding::Windows1252)
        );
    }

    #[test]
    fn utf16_as_excel_unicode_text() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Lead\tRAG".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&bytes), ("Lead\tRAG".to_owned(), Encoding::Utf16));
    }
}
