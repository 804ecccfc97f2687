//! Dates as the plan file writes them ("2017-03-31") and as people read them
//! ("31 March 2017").
//!
//! Written by hand rather than with chrono's `format` and `parse_from_str`:
//! those interpret a pattern at run time, which costs download size for the
//! four fixed shapes used here, and they accept more than the format allows
//! ("2017-3-5", "+2017-03-31").

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Reads a date written exactly as the format asks: four-digit year, two-digit
/// month and day ("2017-03-31").
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    match text.as_bytes() {
        [_, _, _, _, b'-', _, _, b'-', _, _] => {
            let year = digits(text.get(0..4)?)?;
            let month = digits(text.get(5..7)?)?;
            let day = digits(text.get(8..10)?)?;
            NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
        }
        _ => None,
    }
}

/// Reads a date written the British way with a four-digit year: "31/03/2017"
/// or "1/4/2017".
pub fn parse_uk_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('/');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || day.len() > 2 || month.len() > 2 || year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(digits(year)?).ok()?,
        digits(month)?,
        digits(day)?,
    )
}

/// "2017-03-31", as the file writes it.
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// "31 March 2017".
pub fn long_date(date: NaiveDate) -> String {
    let month = MONTH_NAMES
        .get(date.month0() as usize)
        .copied()
        .unwrap_or_default();
    format!("{} {month} {}", date.day(), date.year())
}

/// "31 March 2017 at 09:05".
pub fn long_date_time(moment: NaiveDateTime) -> String {
    format!(
        "{} at {:02}:{:02}",
        long_date(moment.date()),
        moment.hour(),
        moment.minute()
    )
}

/// A moment as the reader says it, in their own time zone: "22 November
/// 2016 at 10:30".
pub fn long_moment(moment: &super::Moment) -> String {
    long_date_time(moment.instant().with_timezone(&chrono::Local).naive_local())
}

/// Writes an optional date as "2017-03-31" for serde, rather than through
/// chrono's general formatter. Storage reads it back with [`parse_iso_date`].
pub mod optional_iso_date {
    use chrono::NaiveDate;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.serialize_str(&super::iso_date(*date)),
            None => serializer.serialize_none(),
        }
    }
}

/// A run of ASCII digits as a number; `None` for anything else, signs included.
fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn iso_dates_are_read_strictly() {
        assert_eq!(parse_iso_date("2017-03-31"), Some(day(2017, 3, 31)));
        assert_eq!(parse_iso_date("2016-02-29"), Some(day(2016, 2, 29)));
        for text in [
            "2017-3-31",
            "2017-02-29",
            "2017-13-01",
            "+017-03-31",
            "2017-03-3x",
            " 2017-03-31",
            "31/03/2017",
            "",
        ] {
            assert_eq!(parse_iso_date(text), None, "{text}");
        }
    }

    #[test]
    fn british_dates_are_read() {
        assert_eq!(parse_uk_date("31/03/2017"), Some(day(2017, 3, 31)));
        assert_eq!(parse_uk_date("1/4/2017"), Some(day(2017, 4, 1)));
        for text in [
            "31/03/17",
            "31/02/2017",
            "31/03/2017/1",
            "+1/03/2017",
            "2017/03/31",
        ] {
            assert_eq!(parse_uk_date(text), None, "{text}");
        }
    }

    #[test]
    fn dates_are_written_for_files_and_for_people() {
        assert_eq!(iso_date(day(2017, 3, 5)), "2017-03-05");
        assert_eq!(long_date(day(2016, 11, 22)), "22 November 2016");
        let moment = day(2017, 1, 2).and_hms_opt(9, 5, 59).unwrap();
        assert_eq!(long_date_time(moment), "2 January 2017 at 09:05");
    }

    #[test]
    fn written_dates_read_back() {
        let mut date = day(2015, 12, 25);
        for _ in 0..800 {
            assert_eq!(parse_iso_date(&iso_date(date)), Some(date));
            date = date.succ_opt().unwrap();
        }
    }
}
