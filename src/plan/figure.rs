//! Measure figures: as a file writes them, and as people type and read them
//! ("41.5", "1,200", "12%").
//!
//! A [`Figure`] keeps the number as the file wrote it, so that an export
//! gives back `233.33333333333334` or `994.819562949742703` digit for digit
//! (serde_json spells an exponent one way: `1e2` comes back as `1e+2`). It
//! is read as a double only when a sum, a chart or a comparison needs one,
//! and then exactly (serde_json's `float_roundtrip`): opening and showing a
//! plan needs no float parser, which keeps its code out of the main part.
//!
//! Numbers are read and written by serde_json's own routines, which the plan
//! file needs anyway, rather than by `str::parse` and `Display`: each of
//! those brings its own tables of powers of ten, about 15 KB of download.

use std::borrow::Cow;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Serialize, Serializer};
use serde_json::Number;

/// A number, as it was written. Two figures are equal when they are
/// written alike; [`Figure::same_number`] compares what they mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure(Number);

impl Figure {
    /// A number the app worked out or a person typed; `None` if not finite.
    pub fn new(value: f64) -> Option<Figure> {
        Number::from_f64(value).map(Figure)
    }

    /// A number as a file wrote it, whatever its size.
    pub fn from_number(written: Number) -> Figure {
        Figure(written)
    }

    /// The nearest double; `None` beyond a double's range (`1e400`).
    pub fn value(&self) -> Option<f64> {
        serde_json::from_str::<f64>(self.0.as_str())
            .ok()
            .filter(|v| v.is_finite())
    }

    /// The number as it was written.
    pub fn as_written(&self) -> &str {
        self.0.as_str()
    }

    /// For people: as written, less a trailing ".0" ("12.0" reads "12").
    pub fn text(&self) -> &str {
        let written = self.as_written();
        written.strip_suffix(".0").unwrap_or(written)
    }

    /// The same number however written ("1e2" and "100").
    pub fn same_number(&self, other: &Figure) -> bool {
        self == other || matches!((self.value(), other.value()), (Some(a), Some(b)) if a == b)
    }
}

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl JsonSchema for Figure {
    fn schema_name() -> Cow<'static, str> {
        f64::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        f64::json_schema(generator)
    }

    fn inline_schema() -> bool {
        true
    }
}

/// A reported figure for people: "76.9% (2009/10)" as the plan wrote it,
/// else the number with its unit ("41.5%", "12 weeks"), then the period.
pub fn value_text(value: &super::MeasureValue, unit: Option<&str>) -> String {
    let main = match (
        super::present(&value.text),
        value.value.as_ref().map(Figure::text),
    ) {
        (Some(text), _) => text.to_owned(),
        (None, Some(n)) => match unit {
            Some("%") => format!("{n}%"),
            Some(u) => format!("{n} {u}"),
            None => n.to_owned(),
        },
        (None, None) => "No figure".to_owned(),
    };
    match super::present(&value.period) {
        Some(period) => format!("{main}, {period}"),
        None => main,
    }
}

/// A number's text, as JSON writes it, into a number; `None` if it is not one.
pub(crate) fn number(text: &str) -> Option<Number> {
    Number::from_str(text).ok()
}

/// Reads a figure typed by a person: thousands separators, a trailing `%`,
/// a leading `+` and a bare decimal point (".5", "5.") are all accepted.
/// `None` when the text is not a finite number.
pub fn parse_figure(typed: &str) -> Option<f64> {
    let mut text: String = typed.trim().chars().filter(|&c| c != ',').collect();
    if text.ends_with('%') {
        text.pop();
    }
    let mut text = text
        .trim()
        .strip_prefix('+')
        .unwrap_or(text.trim())
        .to_owned();
    // JSON needs a digit on both sides of the point; people do not.
    let point_first = text.starts_with('.') || text.starts_with("-.");
    if point_first {
        text.insert(text.find('.').unwrap_or(0), '0');
    }
    if text.ends_with('.') {
        text.push('0');
    }
    if text.is_empty()
        || !text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'e' | b'E' | b'+'))
    {
        return None;
    }
    serde_json::from_str::<f64>(&text)
        .ok()
        .filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_read_as_people_type_them() {
        assert_eq!(parse_figure("41.5"), Some(41.5));
        assert_eq!(parse_figure(" 1,200 "), Some(1200.0));
        assert_eq!(parse_figure("12%"), Some(12.0));
        assert_eq!(parse_figure("12 %"), Some(12.0));
        assert_eq!(parse_figure("+3"), Some(3.0));
        assert_eq!(parse_figure(".5"), Some(0.5));
        assert_eq!(parse_figure("-.5"), Some(-0.5));
        assert_eq!(parse_figure("5."), Some(5.0));
        assert_eq!(parse_figure("-2.25"), Some(-2.25));
        assert_eq!(parse_figure("1e3"), Some(1000.0));
    }

    #[test]
    fn words_are_not_figures() {
        for text in [
            "", "%", "about 40", "NaN", "inf", "1e999", "--1", "1.2.3", "0x10", "[1]", "\"1\"",
        ] {
            assert_eq!(parse_figure(text), None, "{text}");
        }
    }

    fn figure(v: f64) -> Figure {
        Figure::new(v).expect("finite")
    }

    #[test]
    fn figures_are_written_the_short_way() {
        assert_eq!(figure(41.5).text(), "41.5");
        assert_eq!(figure(12.0).text(), "12");
        assert_eq!(figure(-0.25).text(), "-0.25");
        assert_eq!(figure(0.1 + 0.2).text(), "0.30000000000000004");
        assert_eq!(figure(1_200_000.0).text(), "1200000");
        assert_eq!(Figure::new(f64::NAN), None);
    }

    #[test]
    fn written_figures_read_back_the_same() {
        for value in [0.0, 1.0, 41.5, -3.75, 1e-7, 123456789.125, 0.1 + 0.2] {
            assert_eq!(parse_figure(figure(value).text()), Some(value));
            assert_eq!(figure(value).value(), Some(value));
        }
    }

    #[test]
    fn figures_from_files_keep_their_digits_and_read_exactly() {
        let written = |text: &str| Figure::from_number(number(text).expect("a number"));
        assert_eq!(
            written("994.819562949742703").as_written(),
            "994.819562949742703"
        );
        assert_eq!(
            written("994.819562949742703").value(),
            Some(994.8195629497427), // the nearest double, written shortest
        );
        assert_eq!(written("233.33333333333334").value(), Some(700.0 / 3.0));
        assert_eq!(written("1e400").value(), None);
        assert!(written("1e2").same_number(&written("100")));
        assert_ne!(written("1e2"), written("100"));
        assert!(!written("1e400").same_number(&written("1e401")));
    }
}
