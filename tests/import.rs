//! Importing a plan from a table: the sample plan as a CSV, as Windows-1252
//! CSV and as a Word table with merged cells, made into plans that read back
//! as the sample's structure; and the rules: headings, grouping, deadlines,
//! RAG words, problems with their row and column, ids that do not change.

#![cfg(not(target_arch = "wasm32"))]

use plan_tracker::import::{
    build_plan, decode, guess_uses, headings, read_rows, workbook, DeadlineRead, Encoding, Field,
    NewPlan, SpanCell, Table, Use,
};
use plan_tracker::plan::{read_plan, Plan, Status};

fn new_plan() -> NewPlan {
    NewPlan {
        title: "Children, Young People and Families Plan 2016-2018".to_owned(),
        organisation: "Nottinghamshire Children's Trust".to_owned(),
        source: "test".to_owned(),
        by: "Sam Officer".to_owned(),
        at: "2026-12-01T09:00:00Z".to_owned(),
    }
}

fn import(table: &Table) -> Plan {
    let (_, heads) = headings(table);
    let uses = guess_uses(&heads);
    let made = build_plan(table, &uses, &new_plan()).expect("no problems");
    read_plan(made.json.as_bytes()).expect("the plan made reads back")
}

fn sample() -> Plan {
    read_plan(include_bytes!("../public/samples/notts-cypf-2016-18.json")).unwrap()
}

/// Every action's priority, activity and title, in order.
fn outline(plan: &Plan) -> Vec<(String, String, String)> {
    plan.priorities
        .iter()
        .flat_map(|p| {
            p.activities().iter().flat_map(move |a| {
                a.actions()
                    .iter()
                    .map(move |k| (p.title.clone(), a.title.clone(), k.title.clone()))
            })
        })
        .collect()
}

fn csv_file() -> Table {
    let (text, encoding) = decode(include_bytes!("import-files/notts-cypf-2016-18.csv"));
    assert_eq!(encoding, Encoding::Utf8);
    Table::from_delimited(&text).unwrap()
}

#[test]
fn the_sample_as_csv_imports_as_the_sample() {
    let plan = import(&csv_file());
    let sample = sample();
    assert_eq!(outline(&plan), outline(&sample));
    assert_eq!(plan.priorities.len(), 4);
    assert_eq!(plan.priorities[0].number.as_deref(), Some("1"));
    let first = &plan.priorities[0].activities()[0];
    assert_eq!(
        first.lead.as_ref().unwrap().organisation,
        "Nottinghamshire County Council"
    );
    assert_eq!(
        first.partners(),
        ["Health providers", "Schools", "Post 16 Learning Providers"]
    );
    assert_eq!(
        first.governance_group.as_deref(),
        Some("Looked After Children and Care Leavers Strategy Group and Corporate Parenting Sub Committee")
    );
    // Deadlines are kept as written and dated by the format's rules.
    let due = first.actions()[0].due.as_ref().unwrap();
    assert_eq!(due.label.as_deref(), Some("March 2017"));
}

#[test]
fn windows_1252_csv_reads_the_same() {
    let (text, encoding) = decode(include_bytes!(
        "import-files/notts-cypf-2016-18-windows-1252.csv"
    ));
    assert_eq!(encoding, Encoding::Windows1252);
    let plan = import(&Table::from_delimited(&text).unwrap());
    assert_eq!(outline(&plan), outline(&sample()));
}

/// The cells of the Word file's table, read as the browser's part does
/// (rowspan, colspan, text by paragraph); a plain reader for this test.
fn word_cells(html: &str) -> Vec<Vec<SpanCell>> {
    let rows = html.split("<tr>").skip(1);
    rows.map(|row| {
        row.split("<td")
            .skip(1)
            .map(|cell| {
                let span = cell
                    .split("rowspan=\"")
                    .nth(1)
                    .and_then(|s| s.split('"').next())
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(1);
                let body = cell.split_once('>').map_or("", |(_, b)| b);
                let body = body.split("</td>").next().unwrap_or("");
                let text: Vec<String> = body
                    .split("<p>")
                    .skip(1)
                    .map(|p| {
                        let p = p.split("</p>").next().unwrap_or("");
                        p.replace("<b>", "")
                            .replace("</b>", "")
                            .replace("&nbsp;", " ")
                            .replace("&amp;", "&")
                            .replace("&#x27;", "'")
                            .replace("&quot;", "\"")
                            .replace("&lt;", "<")
                            .replace("&gt;", ">")
                    })
                    .collect();
                SpanCell {
                    text: text.join("\n"),
                    rows_spanned: span,
                    columns_spanned: 1,
                }
            })
            .collect()
    })
    .collect()
}

#[test]
fn the_sample_as_a_word_table_with_merged_cells_imports_as_the_sample() {
    let cells = word_cells(include_str!("import-files/notts-cypf-2016-18-word.html"));
    let plan = import(&Table::from_spans(cells).unwrap());
    assert_eq!(outline(&plan), outline(&sample()));
    // Partners one per line in the cell.
    assert_eq!(
        plan.priorities[0].activities()[0].partners(),
        ["Health providers", "Schools", "Post 16 Learning Providers"]
    );
}

#[test]
fn the_sample_as_an_excel_workbook_imports_from_its_chosen_sheet() {
    let bytes = include_bytes!("import-files/notts-cypf-2016-18.xlsx");
    assert_eq!(
        workbook::sheet_names(bytes).unwrap(),
        ["Notes", "Action plan"]
    );
    assert_eq!(workbook::likely_plan_sheet(bytes, 2), 1);
    let plan = import(&workbook::sheet_table(bytes, 1).unwrap());
    assert_eq!(outline(&plan), outline(&sample()));
    // A deadline that is an Excel date is the date itself.
    let due = plan.priorities[0].activities()[0].actions()[0]
        .due
        .as_ref()
        .unwrap();
    assert_eq!(due.date, chrono::NaiveDate::from_ymd_opt(2017, 3, 31));
    assert_eq!(due.label, None);
}

#[test]
fn a_damaged_or_protected_workbook_is_refused_with_a_reason() {
    let error = workbook::sheet_table(b"PK\x03\x04 not a workbook", 0).unwrap_err();
    assert!(error
        .to_string()
        .contains("damaged, or protected with a password"));
    let error = workbook::sheet_names(b"").unwrap_err();
    assert!(matches!(error, workbook::WorkbookError::Unreadable(_)));
}

#[test]
fn importing_the_same_rows_twice_gives_the_same_ids() {
    let ids = |plan: &Plan| -> Vec<String> {
        plan.priorities
            .iter()
            .flat_map(|p| {
                std::iter::once(p.id.clone()).chain(p.activities().iter().flat_map(|a| {
                    std::iter::once(a.id.clone()).chain(a.actions().iter().map(|k| k.id.clone()))
                }))
            })
            .collect()
    };
    let first = import(&csv_file());
    let again = import(&csv_file());
    assert_eq!(ids(&first), ids(&again));
    assert_eq!(first.id, again.id);
    assert_eq!(
        first.id,
        "children-young-people-and-families-plan-2016-2018"
    );
    // A row added above does not change the ids of the rows below it.
    let mut table = csv_file();
    let mut extra = table.rows[1].clone();
    extra[5] = "A new action added at the top".to_owned();
    table.rows.insert(1, extra);
    let added = import(&table);
    let before: std::collections::HashSet<String> = ids(&first).into_iter().collect();
    let after: std::collections::HashSet<String> = ids(&added).into_iter().collect();
    assert!(before.is_subset(&after));
    assert_eq!(after.len(), before.len() + 1);
}

fn table(rows: &[&[&str]]) -> Table {
    Table {
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect(),
    }
}

#[test]
fn rows_are_grouped_under_the_priority_and_activity_above_or_repeated() {
    let t = table(&[
        &["Priority", "Activity", "Action", "Lead"],
        &["Safe", "MASH", "Co-locate", "NCC"],
        &["", "", "Train staff", "NCC"],
        &["Safe", "MASH", "Audit", "Police"],
        &["Healthy", "Obesity", "Weigh", "NHS, NCC"],
        &["Safe", "MASH", "Review", ""],
    ]);
    let plan = import(&t);
    assert_eq!(plan.priorities.len(), 2);
    let mash = &plan.priorities[0].activities()[0];
    let titles: Vec<&str> = mash.actions().iter().map(|k| k.title.as_str()).collect();
    assert_eq!(titles, ["Co-locate", "Train staff", "Audit", "Review"]);
    // The activity's lead is its first; an action led by another says so.
    assert_eq!(mash.lead.as_ref().unwrap().organisation, "NCC");
    assert!(mash.actions()[0].lead.is_none());
    assert_eq!(
        mash.actions()[2].lead.as_ref().unwrap().organisation,
        "Police"
    );
    // A joint lead: the first leads, the others are partners.
    let obesity = &plan.priorities[1].activities()[0];
    assert_eq!(obesity.lead.as_ref().unwrap().organisation, "NHS");
    assert_eq!(obesity.partners(), ["NCC"]);
}

#[test]
fn statuses_percentages_notes_and_other_columns_are_read() {
    let t = table(&[
        &[
            "Priority",
            "Action",
            "RAG",
            "% complete",
            "Progress update",
            "Budget",
        ],
        &["Safe", "One", "Red", "20%", "Stalled", "£5,000"],
        &["", "Two", "amber", "50", "", ""],
        &["", "Three", "Green", "", "", ""],
        &["", "Four", "Blue", "100", "Done", ""],
    ]);
    let plan = import(&t);
    let actions = plan.priorities[0].activities()[0].actions();
    let status = |i: usize| actions[i].progress.as_ref().and_then(|p| p.status);
    assert_eq!(status(0), Some(Status::OffTrack));
    assert_eq!(status(1), Some(Status::AtRisk));
    assert_eq!(status(2), Some(Status::OnTrack));
    assert_eq!(status(3), Some(Status::Complete));
    let progress = actions[0].progress.as_ref().unwrap();
    assert_eq!(progress.percent, Some(20));
    let note = &progress.notes.as_ref().unwrap()[0];
    assert_eq!(note.text, "Stalled");
    assert_eq!(note.by.as_deref(), Some("Sam Officer"));
    // Nothing is lost: the budget comes back under its heading.
    let exported = plan_tracker::plan::write_plan(&plan);
    assert!(exported.contains("\"imported_columns\""));
    assert!(exported.contains("\"Budget\": \"£5,000\""));
}

#[test]
fn every_problem_is_listed_with_its_row_and_column() {
    let t = table(&[
        &["", "", ""],
        &["Priority", "Action", "By when", "RAG", "Percent"],
        &["Safe", "One", "31/13/2017", "Purple", "120"],
        &["", "Two", "Ongoing", "", ""],
        &["", "Three", "Q3 2017/18", "", ""],
    ]);
    let (_, heads) = headings(&t);
    let uses = guess_uses(&heads);
    let problems: Vec<String> = build_plan(&t, &uses, &new_plan())
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "Row 3, By when: '31/13/2017' is not a date.",
            "Row 3, RAG: 'Purple' is not a status. Use Red, Amber, Green or Blue, or Not started, On track, At risk, Off track, Complete or Cancelled.",
            "Row 3, Percent: '120' is not a percentage from 0 to 100.",
        ]
    );
    let (rows, _) = read_rows(&t, &uses);
    assert_eq!(rows[1].deadline_read, DeadlineRead::Undated);
    assert_eq!(
        rows[2].deadline_read,
        DeadlineRead::Date("31 December 2017".to_owned())
    );
    assert!(rows[1].priority_from_above);
}

#[test]
fn a_sheet_without_actions_or_a_title_says_what_to_do() {
    let t = table(&[&["Priority", "Budget"], &["Safe", "£5"]]);
    let (_, heads) = headings(&t);
    let uses = guess_uses(&heads);
    let problems = build_plan(
        &t,
        &uses,
        &NewPlan {
            title: " ".to_owned(),
            ..new_plan()
        },
    )
    .unwrap_err();
    let words: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        words,
        [
            "Enter the plan's title.",
            "Choose the column that holds the key actions."
        ]
    );
    // Choosing the column fixes it.
    let uses = vec![Use::Field(Field::Priority), Use::Field(Field::Action)];
    assert!(build_plan(&t, &uses, &new_plan()).is_ok());
}

#[test]
fn formulas_and_markup_in_cells_are_text() {
    let t = table(&[
        &["Action", "Deadline"],
        &["=HYPERLINK(\"http://x\",\"Click\")", "2017"],
        &["<script>alert(1)</script>", ""],
    ]);
    let plan = import(&t);
    let actions = plan.priorities[0].activities()[0].actions();
    assert_eq!(actions[0].title, "=HYPERLINK(\"http://x\",\"Click\")");
    assert_eq!(actions[1].title, "<script>alert(1)</script>");
}

#[test]
fn a_hundred_thousand_rows_import_and_more_are_refused() {
    let mut rows = vec![vec!["Priority".to_owned(), "Action".to_owned()]];
    rows.extend(
        (0..100_000).map(|i| vec![format!("Priority {}", i / 5000), format!("Action {i}")]),
    );
    let t = Table { rows };
    let uses = vec![Use::Field(Field::Priority), Use::Field(Field::Action)];
    let made = build_plan(&t, &uses, &new_plan()).unwrap();
    assert_eq!(made.actions, 100_000);
    let mut t = t;
    t.rows
        .push(vec!["Priority 0".to_owned(), "One too many".to_owned()]);
    let problems = build_plan(&t, &uses, &new_plan()).unwrap_err();
    assert!(problems[0].to_string().contains("at most 100000"));
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Cells drawn from what sheets hold, and from what breaks readers.
    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("Red".to_owned()),
            Just("March 2017".to_owned()),
            Just("31/13/2017".to_owned()),
            Just("\"".to_owned()),
            Just("=1+1".to_owned()),
            "\\PC{0,12}",
            "[0-9./% -]{0,8}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// Any bytes: decoded, read as a table, mapped and built without a
        /// panic; a plan made always reads back.
        #[test]
        fn any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let (text, _) = decode(&bytes);
            if let Ok(table) = Table::from_delimited(&text) {
                let (_, heads) = headings(&table);
                let uses = guess_uses(&heads);
                if let Ok(made) = build_plan(&table, &uses, &new_plan()) {
                    prop_assert!(read_plan(made.json.as_bytes()).is_ok());
                }
            }
            let _ = workbook::sheet_names(&bytes);
        }

        /// Any table under any choice of columns: problems or a plan that
        /// reads back, never a panic.
        #[test]
        fn any_table_and_columns(
            rows in proptest::collection::vec(proptest::collection::vec(cell(), 0..6), 1..12),
            choices in proptest::collection::vec(0usize..12, 0..6),
        ) {
            let table = Table { rows };
            let uses: Vec<Use> = choices
                .into_iter()
                .map(|c| Field::ALL.get(c).copied().map_or(if c == 10 { Use::Keep } else { Use::Ignore }, Use::Field))
                .collect();
            if let Ok(made) = build_plan(&table, &uses, &new_plan()) {
                let read = read_plan(made.json.as_bytes());
                prop_assert!(read.is_ok(), "{:?}\n{}", read.err(), made.json);
            }
        }

        /// Any spans in a pasted table are spread without a panic.
        #[test]
        fn any_spans(spans in proptest::collection::vec(proptest::collection::vec((0usize..5, 0usize..5), 0..5), 0..8)) {
            let cells = spans
                .into_iter()
                .map(|row| row.into_iter().map(|(r, c)| SpanCell { text: "x".to_owned(), rows_spanned: r, columns_spanned: c }).collect())
                .collect();
            let _ = Table::from_spans(cells);
        }
    }
}

mod new_plan {
    use plan_tracker::import::blank::*;
    use plan_tracker::plan::read_plan;

    fn form() -> PlanStart {
        PlanStart {
            title: " Community Safety Plan 2026-29 ".into(),
            organisation: "Rushcliffe Community Safety Partnership".into(),
            start: "2026-04-01".into(),
            end: "2029-03-31".into(),
            first_priority: "Reduce anti-social behaviour".into(),
        }
    }

    #[test]
    fn a_new_plan_reads_as_a_plan_with_its_first_priority() {
        let text = start_plan(&form(), "k3x9").expect("made");
        let plan = read_plan(text.as_bytes()).expect("reads");
        assert_eq!(plan.id, "community-safety-plan-2026-29-k3x9");
        assert_eq!(plan.title, "Community Safety Plan 2026-29");
        assert_eq!(plan.priorities.len(), 1);
        assert_eq!(plan.priorities[0].title, "Reduce anti-social behaviour");
        let period = plan.period.expect("period");
        assert_eq!(
            (
                period.start.unwrap().to_string(),
                period.end.unwrap().to_string()
            ),
            ("2026-04-01".into(), "2029-03-31".into())
        );
    }

    #[test]
    fn every_problem_with_the_form_is_listed() {
        let blank = PlanStart {
            start: "2029-01-01".into(),
            end: "2026-01-01".into(),
            ..PlanStart::default()
        };
        let fields: Vec<StartField> = start_plan(&blank, "x")
            .unwrap_err()
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(
            fields,
            [
                StartField::Title,
                StartField::End,
                StartField::FirstPriority
            ]
        );
        let bad_date = PlanStart {
            start: "2026-02-30".into(),
            ..form()
        };
        assert_eq!(
            start_plan(&bad_date, "x").unwrap_err()[0].field,
            StartField::Start
        );
        let no_period = PlanStart {
            start: String::new(),
            end: String::new(),
            organisation: String::new(),
            ..form()
        };
        let plan = read_plan(start_plan(&no_period, "x").unwrap().as_bytes()).unwrap();
        assert!(plan.period.is_none() && plan.organisation.is_none());
    }
}

mod into_the_open_plan {
    use super::*;
    use plan_tracker::exchange::plan_as_it_stands;
    use plan_tracker::import::into_open::additions;
    use plan_tracker::plan::Moment;
    use plan_tracker::progress::{Edit, Journal};

    fn ids() -> impl FnMut(&str) -> String {
        let mut n = 0;
        move |prefix: &str| {
            n += 1;
            format!("{prefix}-new-{n}")
        }
    }

    fn applied(open: &Plan, changes: Vec<plan_tracker::progress::Change>) -> Plan {
        let mut journal = Journal::new(&open.id);
        let at = Moment::parse("2026-12-01T10:00:00Z").unwrap();
        for (n, change) in changes.into_iter().enumerate() {
            journal.record(Edit::new(
                format!("e{n:04}"),
                at.clone(),
                "Sam".into(),
                change,
            ));
        }
        plan_as_it_stands(open, &journal)
    }

    #[test]
    fn the_same_rows_add_nothing() {
        let open = sample();
        let added = additions(&open, &import(&csv_file()), &mut ids());
        assert!(added.changes.is_empty(), "{:?}", added.changes.first());
        assert_eq!(added.already_there, 44);
        assert_eq!(
            added.summary(),
            "0 key actions added; 44 rows were already in the plan and left as they were."
        );
    }

    #[test]
    fn new_rows_are_added_under_the_items_they_name_with_their_progress() {
        let open = sample();
        let mut rows = csv_file().rows;
        let heads = rows[0].clone();
        let row = |values: &[(&str, &str)]| -> Vec<String> {
            heads
                .iter()
                .map(|h| {
                    values
                        .iter()
                        .find(|(k, _)| h.eq_ignore_ascii_case(k))
                        .map_or(String::new(), |(_, v)| (*v).to_owned())
                })
                .collect()
        };
        let first_priority = open.priorities[0].title.clone();
        let first_activity = open.priorities[0].activities()[0].title.clone();
        rows.truncate(1);
        rows.push(row(&[
            ("Priority", &first_priority),
            ("Key activity", &first_activity),
            ("Key actions", "Audit care plans each quarter"),
            ("By when", "Q4 2017/18"),
            ("RAG", "Amber"),
        ]));
        rows.push(row(&[
            ("Priority", "Young carers are supported"),
            ("Key activity", "Identify young carers"),
            ("Lead", "Nottinghamshire County Council"),
            ("Key actions", "Run a census in schools"),
        ]));
        let made = import(&Table { rows });
        let added = additions(&open, &made, &mut ids());
        assert_eq!(
            (added.priorities, added.activities, added.actions),
            (1, 1, 2)
        );
        assert_eq!(
            added.summary(),
            "1 priority, 1 key activity and 2 key actions added."
        );
        let now = applied(&open, added.changes);
        let first = &now.priorities[0].activities()[0];
        let audit = first.actions().last().unwrap();
        assert_eq!(audit.title, "Audit care plans each quarter");
        assert_eq!(
            audit.due.as_ref().unwrap().label.as_deref(),
            Some("Q4 2017/18")
        );
        assert_eq!(
            audit.progress.as_ref().unwrap().status,
            Some(Status::AtRisk)
        );
        let carers = now.priorities.last().unwrap();
        assert_eq!(carers.title, "Young carers are supported");
        let activity = &carers.activities()[0];
        assert_eq!(
            activity.lead.as_ref().unwrap().organisation,
            "Nottinghamshire County Council"
        );
        assert_eq!(activity.actions()[0].title, "Run a census in schools");
        // Everything else is as it was.
        assert_eq!(now.priorities[1..4], open.priorities[1..4]);
    }
}
