//! What a board reviews: the dashboard's figures and charts add up to what
//! the filter shows; the exception report picks out what needs attention;
//! the snapshot is inert, escaped HTML.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use chrono::NaiveDate;
use plan_tracker::generate::generate_plan;
use plan_tracker::plan::figure::Figure;
use plan_tracker::plan::{read_plan, Direction, Measure, MeasureValue, Moment, Plan, Status};
use plan_tracker::progress::{Change, Edit, Locator};
use plan_tracker::query::{
    run, DueChoice, Filter, Index, Overlay, Results, SearchText, StatusChoice,
};
use plan_tracker::report::charts::{measure, status_charts};
use plan_tracker::report::exceptions::{
    exception_report, exceptions_csv, measure_exception, ItemKind, Reason,
};
use plan_tracker::report::figures::{dashboard, Choice};
use plan_tracker::report::snapshot::{exceptions_snapshot, view_snapshot, Heading};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 11, 22).expect("date")
}

fn sample() -> Plan {
    read_plan(&std::fs::read("public/samples/notts-cypf-2016-18.json").expect("sample"))
        .expect("opens")
}

fn results(plan: &Plan, index: &Index, overlay: &Overlay, filter: &Filter) -> Results {
    let text = SearchText::build(plan);
    run(index, || &text, overlay, filter, today())
}

fn edit(id: &str, change: Change) -> Edit {
    Edit::new(
        id.into(),
        Moment::parse("2016-11-21T10:00:00Z").expect("moment"),
        "Tester".into(),
        change,
    )
}

/// Statuses set since opening on a few actions, as the app lays them over.
fn edits(plan: &Plan) -> HashMap<String, Vec<Edit>> {
    let ids: Vec<String> = plan
        .priorities
        .iter()
        .flat_map(|p| p.activities())
        .flat_map(|a| a.actions())
        .map(|a| a.id.clone())
        .collect();
    let mut map = HashMap::new();
    for (n, (id, status)) in ids
        .iter()
        .step_by(3)
        .zip(Status::ALL.iter().cycle())
        .enumerate()
    {
        let change = Change::SetStatus {
            item: id.clone(),
            status: Some(*status),
        };
        map.insert(id.clone(), vec![edit(&format!("e{n}"), change)]);
    }
    map
}

/// The sum of every number in every series' data.
fn series_total(chart: &charming::Chart) -> i64 {
    let json = serde_json::to_value(chart).expect("json");
    // No series at all when nothing is shown.
    json["series"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .flat_map(|s| s["data"].as_array().cloned().unwrap_or_default())
        .map(|d| {
            d.as_i64()
                .or_else(|| d["value"].as_i64())
                .or_else(|| d.get(0).and_then(|v| v.as_i64()))
                .unwrap_or(0)
        })
        .sum()
}

fn filters(plan: &Plan) -> Vec<Filter> {
    vec![
        Filter::default(),
        Filter {
            priorities: [plan.priorities[0].id.clone()].into(),
            ..Filter::default()
        },
        Filter {
            leads: ["Nottinghamshire County Council".to_owned()].into(),
            ..Filter::default()
        },
        Filter {
            due: [DueChoice::Overdue].into(),
            ..Filter::default()
        },
        Filter {
            statuses: [StatusChoice::NoStatus].into(),
            ..Filter::default()
        },
        Filter {
            words: "safeguarding".into(),
            ..Filter::default()
        },
    ]
}

#[test]
fn every_chart_adds_up_to_the_actions_the_filter_shows() {
    for plan in [sample(), generate_plan(600, 3)] {
        let index = Index::build(&plan);
        let edits = edits(&plan);
        let overlay = Overlay::from_edits(&plan, &index, &Locator::new(&plan), &edits);
        for filter in filters(&plan) {
            let results = results(&plan, &index, &overlay, &filter);
            let shown = results.rows.len();
            let figures = dashboard(&plan, &index, &overlay, &results, today());
            assert_eq!(
                (figures.shown, figures.overall.actions),
                (shown, shown),
                "{filter:?}"
            );
            assert_eq!(
                figures
                    .by_priority
                    .iter()
                    .map(|b| b.rollup.actions)
                    .sum::<usize>(),
                shown
            );
            assert_eq!(
                figures
                    .by_lead
                    .iter()
                    .map(|b| b.rollup.actions)
                    .sum::<usize>(),
                shown
            );
            assert_eq!(
                figures.by_month.iter().map(|m| m.due()).sum::<usize>() + figures.undated,
                shown
            );
            let charts = status_charts(&figures);
            for chart in &charts {
                // ECharts is given no nulls and no empty list of patterns.
                let options = plan_tracker::report::charts::options_json(&chart.chart);
                assert!(
                    !options.contains("null") && !options.contains("\"decals\":[]"),
                    "{options}"
                );
                // Patterns as well as colours; no description of a picture
                // that screen readers are not given.
                let aria: serde_json::Value = serde_json::from_str(&options).expect("json");
                assert_eq!(aria["aria"]["decal"]["show"], true, "{}", chart.title);
                assert_eq!(aria["aria"]["label"]["enabled"], false, "{}", chart.title);
                // The percent chart draws percents; every other one counts
                // actions, the deadlines chart those with a deadline.
                let undated = if chart.title.starts_with("Deadlines") {
                    figures.undated as i64
                } else {
                    0
                };
                if !chart.title.starts_with("Average percent") {
                    assert_eq!(
                        series_total(&chart.chart) + undated,
                        shown as i64,
                        "{}: {filter:?}",
                        chart.title
                    );
                }
                // A choice for every category, and a table row for each too.
                let categories = serde_json::to_value(&chart.chart).expect("json");
                let named = categories["yAxis"]["data"]
                    .as_array()
                    .or(categories["xAxis"]["data"].as_array())
                    .map(Vec::len);
                if let Some(named) = named {
                    assert_eq!(chart.choices.len(), named, "{}", chart.title);
                    assert_eq!(chart.table.rows.len(), named, "{}", chart.title);
                }
            }
            // The table says the same as the bars.
            let by_priority = charts
                .iter()
                .find(|c| c.title == "Actions by status in each priority")
                .expect("chart");
            let all_column = by_priority.table.head.len() - 2;
            let table_total: usize = by_priority
                .table
                .rows
                .iter()
                .map(|(_, cells)| cells[all_column].parse::<usize>().expect("a count"))
                .sum();
            assert_eq!(table_total, shown);
        }
    }
}

#[test]
fn the_dashboard_of_the_sample_says_what_it_should() {
    let plan = sample();
    let index = Index::build(&plan);
    let results = results(&plan, &index, &Overlay::default(), &Filter::default());
    let figures = dashboard(&plan, &index, &Overlay::default(), &results, today());
    assert_eq!(figures.overall.no_status, 44, "the sample is unscored");
    assert_eq!(figures.by_priority.len(), 4);
    assert!(matches!(&figures.by_priority[0].choice, Choice::Priority(id) if id == "p1"));
    let overdue: usize = figures.by_month.iter().map(|m| m.overdue).sum();
    let overdue_filter = Filter {
        due: [DueChoice::Overdue].into(),
        ..Filter::default()
    };
    assert_eq!(
        overdue,
        run(
            &index,
            || unreachable!(),
            &Overlay::default(),
            &overdue_filter,
            today()
        )
        .rows
        .len()
    );
    assert!(
        figures.by_month.windows(2).all(|w| w[0].from < w[1].from),
        "months in date order"
    );
    assert!(figures.activities.len() <= 40);
}

#[test]
fn a_measure_is_charted_against_its_target_baseline_and_comparators() {
    let figure = |v: f64| Figure::new(v);
    let value = |period: &str, v: f64| MeasureValue {
        period: Some(period.into()),
        value: figure(v),
        ..MeasureValue::default()
    };
    let m = Measure {
        id: "m1".into(),
        number: None,
        title: "Referrals leading to an intervention".into(),
        description: None,
        unit: Some("%".into()),
        direction: Some(Direction::Up),
        frequency: None,
        responsible: None,
        baseline: Some(value("2015/16", 40.0)),
        targets: Some(vec![value("Q2", 50.0)]),
        values: Some(vec![value("Q1", 45.0), value("Q2", 41.5)]),
        comparators: Some(vec![plan_tracker::plan::Comparator {
            name: "England average".into(),
            value: figure(47.0),
            text: None,
            period: None,
            extra: Default::default(),
        }]),
        priorities: None,
        extra: Default::default(),
    };
    let chart = measure(&m).expect("a chart");
    let json = serde_json::to_value(&chart.chart).expect("json");
    assert_eq!(chart.note.as_deref(), Some("Higher is better"));
    assert!(
        json.get("title").is_none(),
        "the title is the page's heading, not drawn twice"
    );
    assert_eq!(json["xAxis"]["data"], serde_json::json!(["Q1", "Q2"]));
    assert_eq!(json["series"][0]["data"], serde_json::json!([45.0, 41.5]));
    assert_eq!(
        json["series"][1]["data"],
        serde_json::json!(["-", 50.0]),
        "the target where it has one"
    );
    let across: Vec<&str> = json["series"][0]["markLine"]["data"]
        .as_array()
        .expect("lines")
        .iter()
        .filter_map(|l| l["name"].as_str())
        .collect();
    assert_eq!(across, ["Baseline", "England average"]);
    assert_eq!(
        chart.table.rows[1],
        ("Q2".to_owned(), vec!["41.5%".to_owned(), "50%".to_owned()])
    );

    let exception = measure_exception(&m).expect("an exception");
    assert_eq!(exception.why.len(), 2, "{:?}", exception.why);
    assert!(exception.why[0].starts_with("Moving the wrong way: 41.5%, Q2 after 45%, Q1"));
    assert!(exception.why[1].starts_with("Behind target: 41.5%, Q2 against a target of 50%, Q2"));
    let improving = Measure {
        values: Some(vec![value("Q1", 45.0), value("Q2", 55.0)]),
        ..m.clone()
    };
    assert_eq!(measure_exception(&improving), None);
    let no_numbers = Measure {
        values: Some(vec![MeasureValue {
            text: Some("Not yet published".into()),
            ..MeasureValue::default()
        }]),
        ..m
    };
    assert!(measure(&no_numbers).is_none());
}

#[test]
fn the_exception_report_picks_out_what_needs_attention() {
    let plan = sample();
    let index = Index::build(&plan);
    let mut edits = HashMap::new();
    let mash = &plan.priorities[0].activities()[2];
    let (off, done) = (mash.actions()[0].id.clone(), mash.actions()[1].id.clone());
    edits.insert(
        off.clone(),
        vec![edit(
            "e1",
            Change::SetStatus {
                item: off.clone(),
                status: Some(Status::OffTrack),
            },
        )],
    );
    edits.insert(
        done.clone(),
        vec![edit(
            "e2",
            Change::SetStatus {
                item: done.clone(),
                status: Some(Status::Complete),
            },
        )],
    );
    edits.insert(
        mash.id.clone(),
        vec![edit(
            "e3",
            Change::SetStatus {
                item: mash.id.clone(),
                status: Some(Status::AtRisk),
            },
        )],
    );
    let overlay = Overlay::from_edits(&plan, &index, &Locator::new(&plan), &edits);
    let results = results(&plan, &index, &overlay, &Filter::default());
    let report = exception_report(&plan, &index, &overlay, &results, &edits, today());
    let items: Vec<_> = report.groups.iter().flat_map(|g| &g.items).collect();
    // Every open action is there (the sample is unscored); the finished one is not.
    assert_eq!(
        items.iter().filter(|i| i.kind == ItemKind::Action).count(),
        43
    );
    assert!(items.iter().all(|i| i.id != done));
    let first = &report.groups[0].items;
    assert_eq!(first[0].id, off, "off track comes first");
    assert_eq!(first[0].reasons[0], Reason::OffTrack);
    assert!(first
        .iter()
        .any(|i| i.id == mash.id && i.kind == ItemKind::Activity && i.reasons == [Reason::AtRisk]));
    // Overdue on 22 November 2016: the deadlines already passed.
    let overdue = items
        .iter()
        .filter(|i| i.reasons.contains(&Reason::Overdue))
        .count();
    let overdue_filter = Filter {
        due: [DueChoice::Overdue].into(),
        ..Filter::default()
    };
    assert_eq!(
        overdue,
        run(
            &index,
            || unreachable!(),
            &overlay,
            &overdue_filter,
            today()
        )
        .rows
        .len()
    );
    // Activities with no actions and no status are reported; the rest are
    // reported through their actions.
    let activities: Vec<&str> = items
        .iter()
        .filter(|i| i.kind == ItemKind::Activity)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(activities.len(), 4, "{activities:?}");

    let csv = exceptions_csv(&report);
    assert!(csv.starts_with("\u{feff}Priority,Kind,Title,"));
    assert_eq!(
        csv.matches("\r\n").count(),
        1 + report.item_count() + report.measures.len()
    );
}

#[test]
fn a_snapshot_is_inert_escaped_html_of_exactly_the_view() {
    let mut plan = sample();
    let hostile = "<script>alert('x')</script> & <img src=x onerror=alert(1)>";
    plan.title = hostile.to_owned();
    plan.priorities[0].activities.as_mut().expect("activities")[2]
        .actions
        .as_mut()
        .expect("actions")[0]
        .title = hostile.to_owned();
    let index = Index::build(&plan);
    let filter = Filter {
        priorities: [plan.priorities[0].id.clone()].into(),
        ..Filter::default()
    };
    let results = results(&plan, &index, &Overlay::default(), &filter);
    let heading = Heading {
        plan: &plan,
        what: "Actions",
        filters: "Priority: 1. <b>Safe</b>",
        made: today(),
    };
    let html = view_snapshot(
        &heading,
        &index,
        &results,
        &Overlay::default(),
        &HashMap::new(),
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.to_lowercase().contains("<script"), "no script at all");
    assert!(!html.contains("<img") && !html.contains("<b>"));
    assert!(html.contains(
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;"
    ));
    assert!(
        html.contains("default-src 'none'"),
        "and a policy that would refuse any that got in"
    );
    // Every shown action, and nothing else.
    for &r in &results.rows {
        let row = &index.rows[r];
        let title =
            &plan.priorities[row.priority].activities()[row.activity].actions()[row.action].title;
        assert!(
            html.contains(&plan_tracker::report::snapshot::escape(title)),
            "{title}"
        );
    }
    let other = &plan.priorities[1].activities()[0].actions()[0].title;
    assert!(!html.contains(&plan_tracker::report::snapshot::escape(other)));

    let report = exception_report(
        &plan,
        &index,
        &Overlay::default(),
        &results,
        &HashMap::new(),
        today(),
    );
    let html = exceptions_snapshot(
        &Heading {
            what: "Exception report",
            ..heading
        },
        &report,
    );
    assert!(!html.to_lowercase().contains("<script"));
    assert!(html.contains("<h2>1. Children and young people are safe in Nottinghamshire</h2>"));
}
