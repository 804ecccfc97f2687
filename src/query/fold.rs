//! Text folded for searching: lower case, accents removed, spaces collapsed,
//! so "Café" finds "cafe" and "CAFE", and "Llyn" finds "Llŷn".
//!
//! Accents are removed by table for the Latin letters, which is what the
//! plans are written in (English, Welsh, Irish and the names of people and
//! places from across Europe). A full Unicode decomposition would carry about
//! 85 KB of tables into every download for letters no plan uses; other
//! scripts are matched by lower case, with their marks kept. Lower case
//! outside ASCII is by rule for the alphabets with case that people in the
//! partnerships write in (Latin, Greek, Cyrillic, Armenian, Georgian, and
//! full-width Latin), tested against the standard library's: its table for
//! every script would add about 4 KB to the download.

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
        // The common case, with nothing to look up.
        let start = out.len();
        out.push_str(text);
        if let Some(appended) = out.get_mut(start..) {
            appended.make_ascii_lowercase();
        }
        return;
    }
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(letters) = latin_base(c) {
            out.push_str(letters);
        } else if !is_combining_mark(c) {
            out.push(lower_case(c));
        }
    }
}

/// The words of a query, folded; empty words dropped. Control characters
/// go too: search text uses them to keep fields and rows apart.
pub fn query_terms(query: &str) -> Vec<String> {
    let printable: String = query
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    fold(&printable)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// Base letters of U+00C0 to U+024F (Latin-1 Supplement, Latin Extended-A
/// and -B), one per code point; '.' where the character is not a letter with
/// a mark. Drawn from the Unicode decomposition of each character, plus the
/// letters with a stroke (ø, đ, ł, ħ, ŧ), which have none but are searched as
/// their base letter all the same.
const LATIN_1_AND_EXTENDED: &[u8; 0x250 - 0xC0] = b"\
aaaaaa.ceeeeiiii.nooooo.ouuuuy..aaaaaa.ceeeeiiii.nooooo.ouuuuy.y\
aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.llllll.\
.llnnnnnn...oooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz.\
b...............................oo.............uu.....z.........\
.............aaiioouuuuuuuuuu.aaaa...gggkkoooo..j...gg..nnaa....\
aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............\
................";

/// Base letters of U+1E00 to U+1EFF (Latin Extended Additional: the Welsh
/// ẁ ẃ ẅ ỳ and the Vietnamese letters).
const LATIN_EXTENDED_ADDITIONAL: &[u8; 0x100] = b"\
aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm\
mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv\
wwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee\
eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

/// The folded letters for a Latin letter with a mark, or a ligature.
fn latin_base(c: char) -> Option<&'static str> {
    match c {
        'ß' | 'ẞ' => return Some("ss"),
        'æ' | 'Æ' => return Some("ae"),
        'œ' | 'Œ' => return Some("oe"),
        _ => {}
    }
    let code = c as usize;
    let letter = match code {
        0xC0..0x250 => LATIN_1_AND_EXTENDED[code - 0xC0],
        0x1E00..0x1F00 => LATIN_EXTENDED_ADDITIONAL[code - 0x1E00],
        _ => return None,
    };
    (letter != b'.').then(|| ascii_letter(letter))
}

/// One lower-case ASCII letter as a string, without allocating.
fn ascii_letter(letter: u8) -> &'static str {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";
    let at = usize::from(letter.wrapping_sub(b'a')).min(25);
    LETTERS.get(at..at + 1).unwrap_or("")
}

/// The lower-case letter of a capital in the alphabets with case that
/// plans are written in; any other character as it is.
fn lower_case(c: char) -> char {
    let code = c as u32;
    let even = code % 2 == 0;
    let lower = match code {
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        0x100..=0x137 | 0x14A..=0x177 if even => code + 1,
        0x139..=0x148 | 0x179..=0x17E if !even => code + 1,
        0x178 => 0xFF,
        // Greek
        0x370..=0x373 if even => code + 1,
        0x376 => 0x377,
        0x37F => 0x3F3,
        0x386 => 0x3AC,
        0x388..=0x38A => code + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => code + 0x3F,
        0x391..=0x3AB if code != 0x3A2 => code + 0x20,
        0x3CF => 0x3D7,
        0x3D8..=0x3EF if even => code + 1,
        0x3F4 => 0x3B8,
        0x3F7 | 0x3FA => code + 1,
        0x3F9 => 0x3F2,
        0x3FD..=0x3FF => code - 0x82,
        // Cyrillic
        0x400..=0x40F => code + 0x50,
        0x410..=0x42F => code + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if even => code + 1,
        0x4C0 => 0x4CF,
        0x4C1..=0x4CE if !even => code + 1,
        // Armenian, Georgian, full-width Latin
        0x531..=0x556 => code + 0x30,
        0x10A0..=0x10C5 | 0x10C7 | 0x10CD => code + 0x1C60,
        0xFF21..=0xFF3A => code + 0x20,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Combining marks, as left by text typed in decomposed form (e + U+0301).
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' // combining diacritical marks
        | '\u{1AB0}'..='\u{1AFF}' // … extended
        | '\u{1DC0}'..='\u{1DFF}' // … supplement
        | '\u{20D0}'..='\u{20FF}' // … for symbols
        | '\u{FE20}'..='\u{FE2F}' // half marks
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_lower_cased() {
        assert_eq!(fold("Road SAFETY Partnership"), "road safety partnership");
    }

    #[test]
    fn accents_are_removed_from_latin_letters() {
        assert_eq!(
            fold("Café CRÈME naïve Łódź Øresund"),
            "cafe creme naive lodz oresund"
        );
        assert_eq!(fold("Llŷn, Ŵyl, ẅ ỳ"), "llyn, wyl, w y");
        assert_eq!(fold("Seán Ó Súilleabháin"), "sean o suilleabhain");
        assert_eq!(fold("Straße Æsir Œuvre"), "strasse aesir oeuvre");
    }

    #[test]
    fn decomposed_marks_are_removed() {
        assert_eq!(fold("Cafe\u{301} cre\u{300}me"), "cafe creme");
    }

    #[test]
    fn the_table_agrees_with_the_letters_it_maps() {
        // Every entry is a letter or '.', so no character folds to punctuation.
        for &b in LATIN_1_AND_EXTENDED.iter().chain(LATIN_EXTENDED_ADDITIONAL) {
            assert!(b == b'.' || b.is_ascii_lowercase(), "{}", b as char);
        }
        assert_eq!(latin_base('À'), Some("a"));
        assert_eq!(latin_base('ÿ'), Some("y"));
        assert_eq!(latin_base('×'), None);
        assert_eq!(latin_base('ỹ'), Some("y"));
    }

    #[test]
    fn other_scripts_are_lower_cased() {
        assert_eq!(fold("ΑΘΗΝΑ Київ"), "αθηνα київ");
    }

    #[test]
    fn lower_case_agrees_with_the_standard_library_in_the_alphabets_it_covers() {
        // Latin Extended-B (U+0180 to U+024F) is left out: it is irregular,
        // and its letters with marks fold by the table.
        let covered = [
            0xC0..0x180,
            0x370..0x530,
            0x531..0x590,
            0x10A0..0x1100,
            0xFF21..0xFF5B,
        ];
        for c in covered.into_iter().flatten().filter_map(char::from_u32) {
            let mut standard = c.to_lowercase();
            let (Some(expected), None) = (standard.next(), standard.next()) else {
                continue; // İ: more than one character; folded by the table
            };
            assert_eq!(lower_case(c), expected, "U+{:04X} {c}", c as u32);
        }
    }

    #[test]
    fn query_terms_split_on_whitespace() {
        assert_eq!(
            query_terms("  Domestic   ABUSE "),
            vec!["domestic", "abuse"]
        );
    }
}
