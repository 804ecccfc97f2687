//! Deadlines as plans word them.
//!
//! Plans say "March 2017", "Begins May 2016", "Between October 2016 and end
//! March 2017", "Q3 2017/18" or "To be confirmed". A label is read into a
//! [`Deadline`] when it names a time; relative words ("ongoing", "over the
//! coming year") leave the action undated rather than guessing. Dates given in
//! the file always win over what a label says.

use chrono::{Datelike, NaiveDate};

use super::dates::{parse_iso_date, parse_uk_date};
use super::model::Due;

/// When something is due: `date` is the deadline itself (a month means its
/// last day); `start` is when a window or a start-only piece of work begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Deadline {
    pub start: Option<NaiveDate>,
    pub date: Option<NaiveDate>,
}

/// Where the dates of a deadline came from, so the page can say "the date the
/// app understood" apart from dates the file states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    File,
    Label,
    None,
}

/// The deadline of an action: the file's dates where given, else the label's.
pub fn resolve(due: Option<&Due>) -> (Deadline, DateSource) {
    let Some(due) = due else {
        return (Deadline::default(), DateSource::None);
    };
    if due.date.is_some() || due.start.is_some() {
        return (
            Deadline {
                start: due.start,
                date: due.date,
            },
            DateSource::File,
        );
    }
    match due.label.as_deref().and_then(read_label) {
        Some(deadline) => (deadline, DateSource::Label),
        None => (Deadline::default(), DateSource::None),
    }
}

/// Reads a deadline label. `None` when the words name no time.
pub fn read_label(label: &str) -> Option<Deadline> {
    let text = normalise(label);
    let mut text = text.as_str();
    for prefix in [
        "between ",
        "from ",
        "begins ",
        "beginning ",
        "starting ",
        "starts ",
        "commencing ",
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            if prefix == "between " || prefix == "from " {
                if let Some((a, b)) = rest
                    .split_once(" and ")
                    .or_else(|| rest.split_once(" to "))
                    .or_else(|| rest.split_once(" until "))
                {
                    if let (Some(first), Some(last)) =
                        (read_span(a), read_span(strip_deadline_words(b)))
                    {
                        return Some(Deadline {
                            start: Some(first.0),
                            date: Some(last.1),
                        });
                    }
                }
            }
            let rest = rest
                .trim_end_matches(" onwards")
                .trim_end_matches(" and beyond")
                .trim_end_matches(" onward");
            return read_span(rest).map(|(first, _)| Deadline {
                start: Some(first),
                date: None,
            });
        }
    }
    text = strip_deadline_words(text);
    if let Some(rest) = text.strip_suffix(" onwards") {
        return read_span(rest).map(|(first, _)| Deadline {
            start: Some(first),
            date: None,
        });
    }
    read_span(text).map(|(_, last)| Deadline {
        start: None,
        date: Some(last),
    })
}

/// Lower case, single spaces, no trailing full stop or commas. The words
/// read are English, so ASCII lower case serves (and keeps Unicode's case
/// tables out of this code path).
fn normalise(label: &str) -> String {
    let lower = label.to_ascii_lowercase().replace([',', '–', '—'], " ");
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.join(" ").trim_end_matches('.').to_owned()
}

/// "by the end of March 2017" says the same as "March 2017".
fn strip_deadline_words(mut text: &str) -> &str {
    loop {
        let before = text;
        for prefix in [
            "by ",
            "before ",
            "due ",
            "until ",
            "no later than ",
            "the ",
            "end of ",
            "end ",
            "in ",
            "during ",
        ] {
            if let Some(rest) = text.strip_prefix(prefix) {
                text = rest;
            }
        }
        if text == before {
            return text;
        }
    }
}

/// A named stretch of time: (first day, last day).
fn read_span(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [one] => single_word_span(one),
        [q, year] if quarter_number(q).is_some() => financial_quarter(quarter_number(q)?, year),
        ["quarter", n, year] => financial_quarter(n.parse().ok()?, year),
        [month, year] => {
            let m = month_number(month)?;
            let y = full_year(year)?;
            Some((NaiveDate::from_ymd_opt(y, m, 1)?, last_day_of_month(y, m)?))
        }
        [day, month, year] => {
            let day: u32 = day
                .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse()
                .ok()?;
            let date = NaiveDate::from_ymd_opt(full_year(year)?, month_number(month)?, day)?;
            Some((date, date))
        }
        _ => None,
    }
}

fn single_word_span(word: &str) -> Option<(NaiveDate, NaiveDate)> {
    if let Some(date) = parse_iso_date(word).or_else(|| parse_uk_date(word)) {
        return Some((date, date));
    }
    if let Some(span) = financial_year(word) {
        return Some(span);
    }
    if word.len() == 4 {
        let y: i32 = word.parse().ok()?;
        if (1900..=2200).contains(&y) {
            return Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ));
        }
    }
    None
}

/// "2017/18", "2017-18" or "2017/2018": 1 April 2017 to 31 March 2018.
fn financial_year(word: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (a, b) = word.split_once(['/', '-'])?;
    if a.len() != 4 {
        return None;
    }
    let first: i32 = a.parse().ok()?;
    let second: i32 = match b.len() {
        2 => (first / 100) * 100 + b.parse::<i32>().ok()?,
        4 => b.parse().ok()?,
        _ => return None,
    };
    if second != first + 1 {
        return None;
    }
    Some((
        NaiveDate::from_ymd_opt(first, 4, 1)?,
        NaiveDate::from_ymd_opt(second, 3, 31)?,
    ))
}

/// UK financial quarters: Q1 is April to June, Q4 January to March.
fn financial_quarter(quarter: u32, year_word: &str) -> Option<(NaiveDate, NaiveDate)> {
    if !(1..=4).contains(&quarter) {
        return None;
    }
    let (fy_start, _) = financial_year(year_word)?;
    let first_month = fy_start.month() + (quarter - 1) * 3; // 4, 7, 10, 13
    let (y, m) = if first_month > 12 {
        (fy_start.year() + 1, first_month - 12)
    } else {
        (fy_start.year(), first_month)
    };
    Some((
        NaiveDate::from_ymd_opt(y, m, 1)?,
        last_day_of_month(y, m + 2)?,
    ))
}

fn quarter_number(word: &str) -> Option<u32> {
    let n = word.strip_prefix('q')?;
    n.parse().ok()
}

fn full_year(word: &str) -> Option<i32> {
    let y: i32 = word.parse().ok()?;
    (word.len() == 4 && (1900..=2200).contains(&y)).then_some(y)
}

fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if word.len() < 3 {
        return None;
    }
    let word = if word == "sept" { "sep" } else { word };
    MONTHS
        .iter()
        .position(|m| m.starts_with(word))
        .map(|i| i as u32 + 1)
}

/// A deadline as the plan words it, with the date the app understood beside
/// it: "March 2017 (31 March 2017)", the label alone when no date is
/// understood, or the date alone when the plan gives no words.
pub fn deadline_text(
    label: Option<&str>,
    date: Option<NaiveDate>,
    start: Option<NaiveDate>,
) -> String {
    use super::dates::long_date;
    let understood = match (start, date) {
        (Some(s), Some(d)) => Some(format!("{} to {}", long_date(s), long_date(d))),
        (None, Some(d)) => Some(long_date(d)),
        (Some(s), None) => Some(format!("starts {}", long_date(s))),
        (None, None) => None,
    };
    match (label, understood) {
        (Some(l), Some(u)) => format!("{l} ({u})"),
        (Some(l), None) => format!("{l} (no date set)"),
        (None, Some(u)) => u,
        (None, None) => "No date set".to_owned(),
    }
}

pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// The UK financial quarter a day falls in: (financial year's first calendar
/// year, quarter 1 to 4).
pub fn financial_quarter_of(day: NaiveDate) -> (i32, u32) {
    let m = day.month();
    if m >= 4 {
        (day.year(), (m - 4) / 3 + 1)
    } else {
        (day.year() - 1, 4)
    }
}

/// First and last day of a financial quarter.
pub fn quarter_bounds(fy_start_year: i32, quarter: u32) -> Option<(NaiveDate, NaiveDate)> {
    financial_quarter(
        quarter,
        &format!("{}/{:02}", fy_start_year, (fy_start_year + 1) % 100),
    )
}
