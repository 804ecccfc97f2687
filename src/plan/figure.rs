//! Measure figures as people type and read them: "41.5", "1,200", "12%".
//!
//! Numbers are read and written by serde_json's own routines, which the plan
//! file needs anyway, rather than by `str::parse` and `Display`: each of
//! those brings its own tables of powers of ten, about 15 KB of download.

/// Reads a figure typed by a person: thousands separators, a trailing `%`,
/// a leading `+` and a bare decimal point (".5", "5.") are all accepted.
/// `None` when the text is not a finite number.
pub fn parse_figure(typed: &str) -> Option<f64> {
    let mut text: String = typed.trim().chars().filter(|&c| c != ',').collect();
    if text.ends_with('%') {
        text.pop();
    }
    let mut text = text.trim().strip_prefix('+').unwrap_or(text.trim()).to_owned();
    // JSON needs a digit on both sides of the point; people do not.
    let point_first = text.starts_with('.') || text.starts_with("-.");
    if point_first {
        text.insert(text.find('.').unwrap_or(0), '0');
    }
    if text.ends_with('.') {
        text.push('0');
    }
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'e' | b'E' | b'+')) {
        return None;
    }
    serde_json::from_str::<f64>(&text).ok().filter(|v| v.is_finite())
}

/// Writes a figure the short way: "41.5", "12", "-0.25", "1200000".
pub fn figure_text(value: f64) -> String {
    let mut text = serde_json::to_string(&value).unwrap_or_default();
    if let Some(whole) = text.strip_suffix(".0") {
        text.truncate(whole.len());
    }
    text
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
        for text in ["", "%", "about 40", "NaN", "inf", "1e999", "--1", "1.2.3", "0x10", "[1]", "\"1\""] {
            assert_eq!(parse_figure(text), None, "{text}");
        }
    }

    #[test]
    fn figures_are_written_the_short_way() {
        assert_eq!(figure_text(41.5), "41.5");
        assert_eq!(figure_text(12.0), "12");
        assert_eq!(figure_text(-0.25), "-0.25");
        assert_eq!(figure_text(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(figure_text(1_200_000.0), "1200000");
    }

    #[test]
    fn written_figures_read_back_the_same() {
        for value in [0.0, 1.0, 41.5, -3.75, 1e-7, 123456789.125, 0.1 + 0.2] {
            assert_eq!(parse_figure(&figure_text(value)), Some(value));
        }
    }
}
