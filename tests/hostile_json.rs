//! Plan files made to hurt: past every limit the reader sets (nesting,
//! size, values), numbers no double holds, broken escapes and encodings,
//! nothing at all. Each is refused with a message a person can act on, or
//! read, never a panic or a stack overflow. The limits are those src/lib.rs
//! promises: 128 levels of nesting, 64 MB, 4 million values.

#![cfg(not(target_arch = "wasm32"))]

use plan_tracker::plan::{read_plan, write_plan, ReadError, MAX_FILE_BYTES};

/// A small valid plan whose one measure value is `VALUE`.
const PLAN: &str = r#"{"format":"plan-tracker/plan","format_version":1,"id":"example","title":"Example plan","priorities":[{"id":"p1","title":"Safe","activities":[{"id":"p1-a1","title":"MASH","measure_ids":["m1"],"actions":[{"id":"p1-a1-k1","title":"Co-locate"}]}]}],"measures":[{"id":"m1","title":"Referrals","values":[{"period":"Q1","value":VALUE}]}]}"#;

fn plan_with_value(value: &str) -> String {
    PLAN.replace("VALUE", value)
}

/// What a person is shown when `bytes` do not open.
fn refusal(bytes: &[u8]) -> (ReadError, String) {
    let error = read_plan(bytes).expect_err("refused");
    let message = error.to_string();
    (error, message)
}

#[test]
fn nesting_past_128_levels_is_refused_with_a_message() {
    let nested = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
    assert_eq!(refusal(nested(127).as_bytes()).0, ReadError::NotAPlan);
    let (error, message) = refusal(nested(129).as_bytes());
    assert_eq!(
        error,
        ReadError::TooDeep {
            line: 1,
            column: 128
        }
    );
    assert!(message.contains("more than 128 levels deep"), "{message}");
    assert!(message.contains("line 1, column 128"), "{message}");
    assert!(
        !message.contains("not valid JSON"),
        "deep JSON is JSON: {message}"
    );
}

#[test]
fn a_hundred_thousand_levels_of_lists_or_objects_do_not_overflow_the_stack() {
    for open in ["[", r#"{"a":"#] {
        let deep = open.repeat(100_000);
        let (error, message) = refusal(deep.as_bytes());
        assert!(
            matches!(error, ReadError::TooDeep { .. }),
            "{open}: {error:?}"
        );
        assert!(message.contains("128 levels"), "{message}");
    }
}

#[test]
fn a_file_over_64_mb_is_refused_saying_how_large() {
    let (error, message) = refusal(&vec![b' '; MAX_FILE_BYTES + 1]);
    assert_eq!(
        error,
        ReadError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        }
    );
    assert!(
        message.starts_with("The file is 64.0 MB, more than Plan Tracker opens")
            && message.contains("up to 64.0 MB"),
        "{message}"
    );
    // The limit is on the file, not its content: at the limit it is read.
    let mut at_limit = plan_with_value("1").into_bytes();
    at_limit.resize(MAX_FILE_BYTES, b' ');
    assert!(read_plan(&at_limit).is_ok());
}

#[test]
fn more_than_4_million_values_are_refused_with_what_to_do() {
    let values = format!("[{}0]", "0,".repeat(4_000_000));
    let (error, message) = refusal(values.as_bytes());
    assert_eq!(error, ReadError::TooManyValues { limit: 4_000_000 });
    assert!(message.contains("more than 4 million values"), "{message}");
    assert!(
        message.contains("Check that this is a plan file"),
        "{message}"
    );
    // Exactly 4 million (the list itself is one) reads as JSON.
    let under = format!("[{}0]", "0,".repeat(3_999_998));
    assert_eq!(refusal(under.as_bytes()).0, ReadError::NotAPlan);
}

#[test]
fn numbers_no_double_holds_are_kept_as_written() {
    for (written, kept) in [
        ("1e400", "1e+400"),
        ("-1e400", "-1e+400"),
        ("-0", "-0"),
        ("18446744073709551616", "18446744073709551616"),
        ("0.1e-999", "0.1e-999"),
    ] {
        let as_value = plan_with_value(written);
        let plan = read_plan(as_value.as_bytes()).expect("a measure value");
        let figure = plan.measures()[0].values()[0].value.clone().expect("kept");
        assert_eq!(figure.as_written(), kept);
        let as_unknown = plan_with_value("1").replacen('{', &format!(r#"{{"extra":{written},"#), 1);
        let plan = read_plan(as_unknown.as_bytes()).expect("an unknown field");
        let written_back = write_plan(&plan);
        assert!(
            written_back.contains(&format!(r#""extra": {kept}"#)),
            "{written_back}"
        );
    }
}

#[test]
fn a_lone_surrogate_escape_is_refused_saying_what_it_is() {
    for escape in [r"\ud800", r"\udfaa", r"\ud800\u0041", r"\ud800\n"] {
        let text = plan_with_value("1").replace("Safe", escape);
        let (error, message) = refusal(text.as_bytes());
        assert!(
            matches!(error, ReadError::Syntax { line: 1, .. }),
            "{escape}: {error:?}"
        );
        assert!(
            message.contains("half of a character (a lone surrogate"),
            "{message}"
        );
    }
    // A pair is one character.
    let pair = plan_with_value("1").replace("Safe", r"\ud83d\ude00");
    let plan = read_plan(pair.as_bytes()).expect("a surrogate pair");
    assert_eq!(plan.priorities[0].title, "\u{1F600}");
}

#[test]
fn text_that_is_not_utf8_is_refused_as_not_text() {
    // "Säfe" as Windows-1252 writes it.
    let text = plan_with_value("1");
    let (before, after) = text.split_once("Safe").expect("the title");
    let latin = [before.as_bytes(), b"S\xE4fe", after.as_bytes()].concat();
    let (error, message) = refusal(&latin);
    assert_eq!(error, ReadError::NotText);
    assert!(message.contains("not text saved as UTF-8"), "{message}");
    // A cut-off sequence at the very end.
    let (error, _) = refusal(&[plan_with_value("1").as_bytes(), b"\xE2\x82"].concat());
    assert_eq!(error, ReadError::NotText);
}

#[test]
fn utf16_files_are_named_as_such_with_or_without_a_byte_order_mark() {
    let text = plan_with_value("1");
    let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (bytes, big_endian, byte_order_mark, words) in [
        (
            [&[0xFF, 0xFE][..], &little].concat(),
            false,
            true,
            "(little-endian, with a byte order mark)",
        ),
        (
            little.clone(),
            false,
            false,
            "(little-endian, without a byte order mark)",
        ),
        (
            [&[0xFE, 0xFF][..], &big].concat(),
            true,
            true,
            "(big-endian, with a byte order mark)",
        ),
        (
            big.clone(),
            true,
            false,
            "(big-endian, without a byte order mark)",
        ),
    ] {
        let (error, message) = refusal(&bytes);
        assert_eq!(
            error,
            ReadError::Utf16 {
                big_endian,
                byte_order_mark
            }
        );
        assert!(
            message.contains("saved as UTF-16") && message.contains(words),
            "{message}"
        );
        assert!(message.contains("save it as UTF-8"), "{message}");
    }
}

#[test]
fn an_empty_file_says_so() {
    for empty in [&b""[..], b"\xEF\xBB\xBF", b" \r\n\t"] {
        let (error, message) = refusal(empty);
        assert_eq!(error, ReadError::Empty);
        assert!(message.starts_with("The file is empty."), "{message}");
    }
}

#[test]
fn a_text_over_a_megabyte_is_refused_at_its_place_and_one_at_the_limit_opens() {
    use plan_tracker::plan::MAX_TEXT_BYTES;
    let at_limit = format!("\"{}\"", "é".repeat(MAX_TEXT_BYTES / 2));
    let plan = read_plan(plan_with_text(&at_limit).as_bytes()).expect("a megabyte of text");
    assert_eq!(plan.title.len(), MAX_TEXT_BYTES);
    for (length, said) in [(MAX_TEXT_BYTES + 1, "1.0 MB"), (1_500_000, "1.5 MB")] {
        let over = format!("\"{}\"", "x".repeat(length));
        let (error, _) = refusal(plan_with_text(&over).as_bytes());
        let problems: Vec<String> = error.problems().iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [format!("Plan: title is {said} of text, more than the 1.0 MB one text in a plan can hold; shorten it")]
        );
    }
}

/// A plan whose title is `text` (JSON, quotes included).
fn plan_with_text(text: &str) -> String {
    format!(
        r#"{{"format": "plan-tracker/plan", "format_version": 1, "id": "t", "title": {text}, "priorities": [{{"id": "p1", "title": "One"}}]}}"#
    )
}
