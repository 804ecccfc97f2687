//! Words for people, table by table: what the app says of deadlines,
//! roll-ups, figures, merge sides, percents, counts, exports and the
//! import's preview.

#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use plan_tracker::exchange::{Delivered, ExportFile, Side};
use plan_tracker::import::rows_read_text;
use plan_tracker::plan::due::deadline_text;
use plan_tracker::plan::figure::{value_text, Figure};
use plan_tracker::plan::{read_plan, MeasureValue, Moment, Progress, Status};
use plan_tracker::progress::{parse_percent, waiting_text, Change, Edit, Journal, Rollup};
use plan_tracker::query::results_text;

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A deadline as written, its date and start, and what the app says.
type DeadlineCase = (
    Option<&'static str>,
    Option<NaiveDate>,
    Option<NaiveDate>,
    &'static str,
);

#[test]
fn deadlines_say_the_plans_words_and_the_date_understood() {
    let table: [DeadlineCase; 6] = [
        (
            Some("March 2017"),
            day(2017, 3, 31),
            None,
            "March 2017 (31 March 2017)",
        ),
        (
            Some("Between October 2016 and end March 2017"),
            day(2017, 3, 31),
            day(2016, 10, 1),
            "Between October 2016 and end March 2017 (1 October 2016 to 31 March 2017)",
        ),
        (
            Some("Begins May 2016"),
            None,
            day(2016, 5, 1),
            "Begins May 2016 (starts 1 May 2016)",
        ),
        (Some("Ongoing"), None, None, "Ongoing (no date set)"),
        (None, day(2017, 3, 31), None, "31 March 2017"),
        (None, None, None, "No date set"),
    ];
    for (label, date, start, said) in table {
        assert_eq!(deadline_text(label, date, start), said);
    }
}

#[test]
fn roll_ups_count_each_status_and_the_average() {
    let progress = |status: Option<Status>, percent: Option<u8>| Progress {
        status,
        percent,
        ..Progress::default()
    };
    let rollup = |items: &[Progress]| {
        let mut r = Rollup::default();
        items.iter().for_each(|p| r.add(Some(p)));
        r
    };
    let table = [
        (rollup(&[]), "No actions."),
        (
            rollup(&[progress(None, None)]),
            "1 action: 1 no status yet.",
        ),
        (
            rollup(&[
                progress(Some(Status::OnTrack), Some(50)),
                progress(Some(Status::OffTrack), Some(20)),
                progress(None, None),
            ]),
            "3 actions: 1 on track, 1 off track, 1 no status yet. Average 35% complete.",
        ),
        (
            rollup(&[
                progress(Some(Status::Complete), Some(100)),
                progress(Some(Status::Complete), None),
            ]),
            "2 actions: 2 complete. Average 100% complete.",
        ),
    ];
    for (r, said) in table {
        assert_eq!(r.summary(), said);
    }
}

#[test]
fn figures_say_the_plans_words_else_the_number_with_its_unit() {
    let value = |text: Option<&str>, number: Option<f64>, period: Option<&str>| MeasureValue {
        text: text.map(str::to_owned),
        value: number.and_then(Figure::new),
        period: period.map(str::to_owned),
        ..MeasureValue::default()
    };
    let table = [
        (
            value(Some("76.9% (2009/10)"), Some(76.9), None),
            Some("%"),
            "76.9% (2009/10)",
        ),
        (
            value(None, Some(41.5), Some("2016/17 Q2")),
            Some("%"),
            "41.5%, 2016/17 Q2",
        ),
        (value(None, Some(12.0), None), Some("weeks"), "12 weeks"),
        (value(None, Some(1200.0), None), None, "1200"),
        (
            value(Some("  "), None, Some("2015/16")),
            Some("%"),
            "No figure, 2015/16",
        ),
    ];
    for (v, unit, said) in table {
        assert_eq!(value_text(&v, unit), said);
    }
}

#[test]
fn a_merge_side_says_what_who_and_when() {
    let at = Moment::parse("2016-11-10T10:00:00Z").expect("moment");
    let when = |m: &Moment| m.date().to_string();
    let table = [
        (
            Side {
                value: "On track".into(),
                by: Some("Ann (NCC)".into()),
                at: Some(at.clone()),
            },
            "On track, Ann (NCC), 2016-11-10",
        ),
        (
            Side {
                value: "50%".into(),
                by: None,
                at: Some(at),
            },
            "50%, 2016-11-10",
        ),
        (
            Side {
                value: "No status".into(),
                by: None,
                at: None,
            },
            "No status",
        ),
    ];
    for (side, said) in table {
        assert_eq!(side.describe(when), said);
    }
}

#[test]
fn percents_are_read_as_people_type_them() {
    let table: [(&str, Result<Option<u8>, ()>); 9] = [
        ("", Ok(None)),
        ("  ", Ok(None)),
        ("40", Ok(Some(40))),
        ("40%", Ok(Some(40))),
        (" 100 % ", Ok(Some(100))),
        ("0", Ok(Some(0))),
        ("101", Err(())),
        ("-5", Err(())),
        ("forty", Err(())),
    ];
    for (typed, read) in table {
        assert_eq!(parse_percent(typed).map_err(|_| ()), read, "{typed}");
    }
    assert_eq!(
        parse_percent("150"),
        Err("Enter percent complete as a whole number from 0 to 100".to_owned())
    );
}

#[test]
fn counts_are_said_in_words() {
    assert_eq!(waiting_text(0), "No changes waiting to be exported");
    assert_eq!(waiting_text(1), "1 change not exported yet");
    assert_eq!(waiting_text(3), "3 changes not exported yet");
    assert_eq!(results_text(44, 44), "Showing all 44 actions");
    assert_eq!(results_text(9, 44), "Showing 9 of 44 actions");
    assert_eq!(results_text(1, 1), "Showing 1 action");
    assert_eq!(results_text(0, 1), "Showing 0 of 1 action");
    assert_eq!(results_text(0, 0), "This plan has no key actions yet");
    assert_eq!(results_text(0, 44), "Showing 0 of 44 actions");
}

#[test]
fn an_export_is_named_by_the_plan_and_day_and_says_what_it_carries() {
    let plan = read_plan(&std::fs::read("public/samples/notts-cypf-2016-18.json").expect("sample"))
        .expect("opens");
    let mut journal = Journal::new(&plan.id);
    let at = Moment::parse("2026-11-22T09:30:00Z").expect("moment");
    journal.record(Edit::new(
        "e1".into(),
        at.clone(),
        "Sam".into(),
        Change::SetStatus {
            item: "p1-a3-k1".into(),
            status: Some(Status::AtRisk),
        },
    ));
    let file = ExportFile::new(&plan, &journal, at.clone(), "Sam");
    assert_eq!(file.name, "notts-cypf-2016-18-2026-11-22.json");
    assert_eq!(file.edit_ids, ["e1"]);
    assert_eq!(file.orphans, 0);
    assert!(file.text.ends_with("}\n"));
    assert_eq!(
        file.done_message(&Delivered::Downloaded),
        "Plan exported as notts-cypf-2016-18-2026-11-22.json"
    );
    assert_eq!(
        file.done_message(&Delivered::SavedTo("our-plan.json".into())),
        "Plan saved to our-plan.json"
    );

    journal.record(Edit::new(
        "e2".into(),
        at.clone(),
        "Sam".into(),
        Change::SetStatus {
            item: "gone-1".into(),
            status: None,
        },
    ));
    journal.record(Edit::new(
        "e3".into(),
        at.clone(),
        "Sam".into(),
        Change::SetStatus {
            item: "gone-2".into(),
            status: None,
        },
    ));
    let file = ExportFile::new(&plan, &journal, at, "Sam");
    assert_eq!(file.orphans, 2);
    assert_eq!(
        file.done_message(&Delivered::Downloaded),
        "Plan exported as notts-cypf-2016-18-2026-11-22.json. It also carries 2 changes to items this version of the plan does not have, so that they are not lost"
    );
}

/// Priorities, activities, actions, rows and problems read, and what the
/// import's preview says of them.
type PreviewCase = ((usize, usize, usize, usize, usize), &'static str);

#[test]
fn the_import_preview_counts_one_and_many() {
    let table: [PreviewCase; 4] = [
        ((1, 1, 1, 1, 0), "1 priority, 1 key activity and 1 key action from 1 row."),
        (
            (4, 19, 44, 47, 0),
            "4 priorities, 19 key activities and 44 key actions from 47 rows.",
        ),
        (
            (2, 3, 0, 3, 1),
            "2 priorities, 3 key activities and 0 key actions from 3 rows. 1 problem to put right before the plan can be made: choose \"Create plan\" to see it.",
        ),
        (
            (1, 2, 5, 6, 3),
            "1 priority, 2 key activities and 5 key actions from 6 rows. 3 problems to put right before the plan can be made: choose \"Create plan\" to see them.",
        ),
    ];
    for ((priorities, activities, actions, rows, problems), said) in table {
        assert_eq!(
            rows_read_text(priorities, activities, actions, rows, problems),
            said
        );
    }
}
