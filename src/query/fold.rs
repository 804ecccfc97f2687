//! Text folded for searching: lower case, accents removed, spaces collapsed,
//! so "Café" finds "cafe" and "CAFE".

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds text for case- and accent-insensitive matching.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    append_folded(&mut out, text);
    out
}

/// Appends folded text to a haystack, with a separator so that words from
/// two fields never join into one.
pub fn fold_into(haystack: &mut String, text: &str) {
    if !haystack.is_empty() {
        haystack.push('\u{1f}');
    }
    append_folded(haystack, text);
}

fn append_folded(out: &mut String, text: &str) {
    if text.is_ascii() {
        // The common case, without decomposition.
        let start = out.len();
        out.push_str(text);
        if let Some(appended) = out.get_mut(start..) {
            appended.make_ascii_lowercase();
        }
        return;
    }
    for c in text.nfd() {
        if !is_combining_mark(c) {
            out.extend(c.to_lowercase());
        }
    }
}

/// The words of a query, folded; empty words dropped.
pub fn query_terms(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_owned).collect()
}
