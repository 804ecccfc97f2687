//! Deadline labels as the plans word them, read into dates.

#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use plan_tracker::plan::due::{read_label, resolve, DateSource, Deadline};
use plan_tracker::plan::Due;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn due_by(y: i32, m: u32, day: u32) -> Option<Deadline> {
    Some(Deadline {
        start: None,
        date: d(y, m, day),
    })
}

#[test]
fn month_and_year_means_the_last_day_of_the_month() {
    assert_eq!(read_label("March 2017"), due_by(2017, 3, 31));
    assert_eq!(read_label("February 2016"), due_by(2016, 2, 29));
    assert_eq!(read_label("Sept 2016"), due_by(2016, 9, 30));
    assert_eq!(read_label("  december   2011. "), due_by(2011, 12, 31));
}

#[test]
fn end_and_by_say_the_same_as_the_month() {
    assert_eq!(read_label("end March 2017"), due_by(2017, 3, 31));
    assert_eq!(read_label("by April 2018"), due_by(2018, 4, 30));
    assert_eq!(read_label("By September 2011"), due_by(2011, 9, 30));
    assert_eq!(
        read_label("by the end of December 2011"),
        due_by(2011, 12, 31)
    );
}

#[test]
fn begins_and_from_give_a_start_only() {
    assert_eq!(
        read_label("Begins May 2016"),
        Some(Deadline {
            start: d(2016, 5, 1),
            date: None
        })
    );
    assert_eq!(
        read_label("From April 2018"),
        Some(Deadline {
            start: d(2018, 4, 1),
            date: None
        })
    );
    assert_eq!(
        read_label("from 2019 and beyond"),
        Some(Deadline {
            start: d(2019, 1, 1),
            date: None
        })
    );
}

#[test]
fn windows_give_both_ends() {
    assert_eq!(
        read_label("Between October 2016 and end March 2017"),
        Some(Deadline {
            start: d(2016, 10, 1),
            date: d(2017, 3, 31)
        })
    );
}

#[test]
fn uk_financial_years_and_quarters() {
    assert_eq!(read_label("2017/18"), due_by(2018, 3, 31));
    assert_eq!(read_label("2017-18"), due_by(2018, 3, 31));
    assert_eq!(read_label("by 2019/2020"), due_by(2020, 3, 31));
    assert_eq!(read_label("Q3 2017/18"), due_by(2017, 12, 31));
    assert_eq!(read_label("Q4 2017/18"), due_by(2018, 3, 31));
    assert_eq!(read_label("Q1 2017/18"), due_by(2017, 6, 30));
    assert_eq!(read_label("Quarter 2 2016/17"), due_by(2016, 9, 30));
    assert_eq!(read_label("Q5 2017/18"), None);
    assert_eq!(read_label("2017/19"), None, "not a financial year");
}

#[test]
fn bare_years_end_on_the_last_day() {
    assert_eq!(read_label("2020"), due_by(2020, 12, 31));
    assert_eq!(read_label("by 2020"), due_by(2020, 12, 31));
}

#[test]
fn whole_dates() {
    assert_eq!(read_label("2017-03-31"), due_by(2017, 3, 31));
    assert_eq!(read_label("31/03/2017"), due_by(2017, 3, 31));
    assert_eq!(read_label("31 March 2017"), due_by(2017, 3, 31));
    assert_eq!(read_label("1st April 2017"), due_by(2017, 4, 1));
}

#[test]
fn relative_words_stay_undated() {
    for label in [
        "To be confirmed",
        "TBC",
        "ongoing",
        "over the coming year",
        "",
        "Spring",
        "March",
        "31 February 2017",
    ] {
        assert_eq!(read_label(label), None, "{label:?}");
    }
}

#[test]
fn labels_from_the_seed_plans() {
    // Taken as written from the 2016-18, 2019-21 and 2011-14 plans.
    assert_eq!(read_label("July 2016"), due_by(2016, 7, 31));
    assert_eq!(read_label("September 2016"), due_by(2016, 9, 30));
    assert_eq!(read_label("by March 2019"), due_by(2019, 3, 31));
    assert_eq!(read_label("by January 2020"), due_by(2020, 1, 31));
    assert_eq!(
        read_label("by the end of December 2011"),
        due_by(2011, 12, 31)
    );
    assert_eq!(read_label("March 2013"), due_by(2013, 3, 31));
}

#[test]
fn file_dates_win_over_the_label() {
    let due = Due {
        label: Some("March 2017".into()),
        date: d(2017, 4, 15),
        ..Due::default()
    };
    assert_eq!(
        resolve(Some(&due)),
        (
            Deadline {
                start: None,
                date: d(2017, 4, 15)
            },
            DateSource::File
        )
    );
    let due = Due {
        label: Some("March 2017".into()),
        ..Due::default()
    };
    assert_eq!(
        resolve(Some(&due)),
        (
            Deadline {
                start: None,
                date: d(2017, 3, 31)
            },
            DateSource::Label
        )
    );
    let due = Due {
        label: Some("To be confirmed".into()),
        ..Due::default()
    };
    assert_eq!(resolve(Some(&due)).1, DateSource::None);
    assert_eq!(resolve(None).1, DateSource::None);
}
