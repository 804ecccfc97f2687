//! Why a file did not parse, in words a person can act on: text saved as
//! UTF-16, a file that is not text at all, or JSON broken at a place.

use super::json;
use super::ReadError;

/// Why `bytes` did not parse, given the parser's `error`.
pub(super) fn why(bytes: &[u8], error: serde_json::Error) -> ReadError {
    if let Some(utf16) = utf16(bytes) {
        utf16
    } else if bytes.contains(&0) || std::str::from_utf8(bytes).is_err() {
        ReadError::NotText
    } else {
        syntax_error(error)
    }
}

/// A file of UTF-16 text: one with a UTF-16 byte order mark, or whose first
/// characters are ASCII, each with a zero byte beside it (some editors
/// write UTF-16 without a mark).
fn utf16(bytes: &[u8]) -> Option<ReadError> {
    let (big_endian, byte_order_mark) = match bytes {
        [0xFF, 0xFE, ..] => (false, true),
        [0xFE, 0xFF, ..] => (true, true),
        _ => {
            let pairs: Vec<(u8, u8)> = (bytes.iter().step_by(2).copied())
                .zip(bytes.iter().skip(1).step_by(2).copied())
                .take(8)
                .collect();
            let ascii = |b: u8| b != 0 && b.is_ascii();
            if pairs.len() < 2 {
                return None;
            } else if pairs
                .iter()
                .all(|&(first, second)| ascii(first) && second == 0)
            {
                (false, false)
            } else if pairs
                .iter()
                .all(|&(first, second)| first == 0 && ascii(second))
            {
                (true, false)
            } else {
                return None;
            }
        }
    };
    Some(ReadError::Utf16 {
        big_endian,
        byte_order_mark,
    })
}

fn syntax_error(error: serde_json::Error) -> ReadError {
    use serde_json::error::Category;
    let text = error.to_string();
    // serde_json appends " at line L column C"; we say where in our own words.
    let core = text.split(" at line ").next().unwrap_or(&text).to_owned();
    let message = match error.classify() {
        Category::Eof => {
            "the file ends before the plan does; it may have been cut short".to_owned()
        }
        _ if core.contains("recursion limit") => {
            return ReadError::TooDeep {
                line: error.line(),
                column: error.column(),
            };
        }
        // serde_json's words for a lone surrogate escape ("\ud800") say
        // nothing to a person who has never met one.
        _ if core == "unexpected end of hex escape"
            || core == "lone leading surrogate in hex escape" =>
        {
            "a \\u escape here stands for half of a character (a lone surrogate, such as \\ud800), which text cannot hold; write the character itself instead".to_owned()
        }
        _ if core == json::TOO_MANY_VALUES => {
            return ReadError::TooManyValues {
                limit: json::MAX_VALUES,
            };
        }
        _ => core.replace('`', "'"),
    };
    ReadError::Syntax {
        line: error.line(),
        column: error.column(),
        message,
    }
}
