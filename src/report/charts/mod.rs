//! The dashboard's charts, as charming option values, each with the table
//! that says the same in words and numbers. Built from [`super::figures`]
//! and tested natively: the bars add up to what the filter shows.
//!
//! Every chart has a title that says what it shows, and its series can be
//! told apart without colour: ECharts' decal patterns are on (aria), the
//! legend names each series, and slices and percent bars carry their own
//! labels. Text from the plan goes in only as data (category names, series
//! names); no formatter builds markup from it, and the browser module draws
//! tooltips as canvas text, never HTML.

use charming::component::{Aria, Axis, Decal, Grid, Legend};
use charming::element::{AxisType, ItemStyle, Label, LabelPosition, Tooltip, Trigger};
use charming::series::{Bar, Pie};
use charming::Chart;

use super::figures::{ActivityBar, Choice, Dashboard, MonthBar, StatusBar};
use crate::plan::Status;
use crate::progress::Rollup;
use crate::query::StatusChoice;

mod measure;
mod options;
pub use measure::measure;
pub use options::options_json;

/// A chart, its title, and its table alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    /// Says what the chart shows; also the table's caption.
    pub title: String,
    pub chart: Chart,
    pub table: Table,
    /// What choosing each category (bar or slice, in chart order) filters by.
    pub choices: Vec<Choice>,
    /// What choosing each table row filters by, in table order.
    pub row_choices: Vec<Choice>,
    /// Said under the title: which way is better, what is left out.
    pub note: Option<String>,
}

/// The same figures as the chart, as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub head: Vec<String>,
    /// A row header, then the row's cells.
    pub rows: Vec<(String, Vec<String>)>,
}

/// The statuses as series, with the colour of their tag. "No status yet"
/// is a series of its own.
const SERIES: [(Option<Status>, &str); 7] = [
    (Some(Status::OffTrack), "#d4351c"),
    (Some(Status::AtRisk), "#f47738"),
    (Some(Status::NotStarted), "#b1b4b6"),
    (Some(Status::OnTrack), "#00703c"),
    (Some(Status::Complete), "#1d70b8"),
    (Some(Status::Cancelled), "#505a5f"),
    (None, "#f3f2f1"),
];

fn series_name(status: Option<Status>) -> &'static str {
    status.map_or("No status yet", Status::label)
}

fn count(rollup: &Rollup, status: Option<Status>) -> usize {
    match status {
        Some(s) => rollup.count(s),
        None => rollup.no_status,
    }
}

/// What every chart shares: patterns for the series, no animation (charts
/// are redrawn as filters change, and printed). The title is the page's own
/// heading, above the chart, so it is not drawn twice.
fn base() -> Chart {
    Chart::new()
        .animation(false)
        .aria(Aria::new().enabled(true).decal(Decal::new().show(true)))
}

/// A chart on axes with its legend below: the tooltip follows the axis, and
/// `right` leaves room for the labels at the end of bars or lines.
fn axis_chart(right: &str) -> Chart {
    base()
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().top("bottom"))
        .grid(
            Grid::new()
                .left("2%")
                .right(right)
                .top(20)
                .bottom(60)
                .contain_label(true),
        )
}

/// A category name short enough to sit beside a bar; the table beside the
/// chart has it in full.
fn short(label: &str) -> String {
    const MOST: usize = 36;
    if label.chars().count() <= MOST {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(MOST - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Actions by status in each group (priority, lead organisation), as
/// stacked horizontal bars, one series per status.
pub fn status_by(title: &str, bars: &[StatusBar]) -> ChartView {
    let labels: Vec<String> = bars.iter().map(|b| b.label.clone()).collect();
    // Categories read top to bottom in the order given.
    let reversed: Vec<String> = labels.iter().rev().map(|l| short(l)).collect();
    let mut chart = axis_chart("4%")
        .x_axis(Axis::new().type_(AxisType::Value).min_interval(1))
        .y_axis(Axis::new().type_(AxisType::Category).data(reversed));
    for (status, colour) in SERIES {
        let data: Vec<i64> = bars
            .iter()
            .rev()
            .map(|b| count(&b.rollup, status) as i64)
            .collect();
        if data.iter().all(|n| *n == 0) {
            continue;
        }
        chart = chart.series(
            Bar::new()
                .name(series_name(status))
                .stack("actions")
                .item_style(ItemStyle::new().color(colour))
                .data(data),
        );
    }
    let table = Table {
        head: std::iter::once("Actions".to_owned())
            .chain(SERIES.iter().map(|(s, _)| series_name(*s).to_owned()))
            .chain(["All".to_owned()])
            .collect(),
        rows: bars
            .iter()
            .map(|b| {
                let cells = SERIES
                    .iter()
                    .map(|(s, _)| count(&b.rollup, *s).to_string())
                    .chain([b.rollup.actions.to_string()])
                    .collect();
                (b.label.clone(), cells)
            })
            .collect(),
    };
    ChartView {
        title: title.to_owned(),
        chart,
        table,
        choices: bars.iter().rev().map(|b| b.choice.clone()).collect(),
        row_choices: bars.iter().map(|b| b.choice.clone()).collect(),
        note: None,
    }
}

/// All the shown actions by status, as a pie whose slices say what they are.
pub fn overall(rollup: &Rollup) -> ChartView {
    let title = format!("All {} shown actions by status", rollup.actions);
    let slices: Vec<(Option<Status>, &str, usize)> = SERIES
        .iter()
        .map(|(s, c)| (*s, *c, count(rollup, *s)))
        .filter(|(.., n)| *n > 0)
        .collect();
    let data: Vec<(i64, &str)> = slices
        .iter()
        .map(|(s, _, n)| (*n as i64, series_name(*s)))
        .collect();
    let chart = base()
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .color(slices.iter().map(|(_, c, _)| *c).collect())
        .series(
            Pie::new()
                .name("Actions")
                .radius(vec!["0%", "62%"])
                .label(Label::new().show(true).formatter("{b}: {c}"))
                .data(data),
        );
    let table = Table {
        head: vec!["Status".to_owned(), "Actions".to_owned()],
        rows: SERIES
            .iter()
            .map(|(s, _)| {
                (
                    series_name(*s).to_owned(),
                    vec![count(rollup, *s).to_string()],
                )
            })
            .collect(),
    };
    let choices = slices
        .iter()
        .map(|(s, ..)| Choice::Status(StatusChoice::of(*s)))
        .collect();
    ChartView {
        title,
        chart,
        table,
        choices,
        row_choices: SERIES
            .iter()
            .map(|(s, _)| Choice::Status(StatusChoice::of(*s)))
            .collect(),
        note: None,
    }
}

/// A part of each month's bar: its name, colour and count.
type MonthPart = (&'static str, &'static str, fn(&MonthBar) -> usize);

/// Deadlines by month: how many fell due each month, and of them how many
/// are complete, overdue or still to come.
pub fn deadlines(months: &[MonthBar], undated: usize) -> ChartView {
    let title = "Deadlines by month: complete, overdue and still to come".to_owned();
    let subtitle = (undated > 0)
        .then(|| format!("{undated} shown actions have no deadline and are not charted"));
    let parts: [MonthPart; 3] = [
        ("Complete", "#1d70b8", |m| m.complete),
        ("Overdue", "#d4351c", |m| m.overdue),
        ("Still to come", "#b1b4b6", |m| m.to_come),
    ];
    let mut chart = axis_chart("4%")
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(months.iter().map(|m| m.label.clone()).collect()),
        )
        .y_axis(Axis::new().type_(AxisType::Value).min_interval(1));
    for (name, colour, part) in parts {
        let data: Vec<i64> = months.iter().map(|m| part(m) as i64).collect();
        chart = chart.series(
            Bar::new()
                .name(name)
                .stack("due")
                .item_style(ItemStyle::new().color(colour))
                .data(data),
        );
    }
    let table = Table {
        head: ["Month", "Due", "Complete", "Overdue", "Still to come"]
            .map(str::to_owned)
            .to_vec(),
        rows: months
            .iter()
            .map(|m| {
                (
                    m.label.clone(),
                    [m.due(), m.complete, m.overdue, m.to_come]
                        .iter()
                        .map(ToString::to_string)
                        .collect(),
                )
            })
            .collect(),
    };
    // A bar and a row of the table are the same month.
    let choices: Vec<Choice> = months
        .iter()
        .map(|m| Choice::Month {
            from: m.from,
            to: m.to,
        })
        .collect();
    ChartView {
        title,
        chart,
        table,
        row_choices: choices.clone(),
        choices,
        note: subtitle,
    }
}

/// Each activity's average percent complete over its shown actions, with
/// the figure on the bar.
pub fn activity_percent(activities: &[ActivityBar]) -> ChartView {
    let title = "Average percent complete by activity".to_owned();
    let reversed: Vec<&ActivityBar> = activities.iter().rev().collect();
    let chart = base()
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(
            Grid::new()
                .left("2%")
                .right("8%")
                .top(20)
                .bottom(20)
                .contain_label(true),
        )
        .x_axis(Axis::new().type_(AxisType::Value).min(0).max(100))
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(reversed.iter().map(|a| short(&a.label)).collect()),
        )
        .series(
            Bar::new()
                .name("Average percent complete")
                .item_style(ItemStyle::new().color("#1d70b8"))
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Right)
                        .formatter("{c}%"),
                )
                .data(
                    reversed
                        .iter()
                        .map(|a| i64::from(a.rollup.average_percent.unwrap_or(0)))
                        .collect(),
                ),
        );
    let table = Table {
        head: ["Activity", "Shown actions", "Average percent complete"]
            .map(str::to_owned)
            .to_vec(),
        rows: activities
            .iter()
            .map(|a| {
                let percent = a
                    .rollup
                    .average_percent
                    .map_or("No percent given".to_owned(), |p| format!("{p}%"));
                (a.label.clone(), vec![a.rollup.actions.to_string(), percent])
            })
            .collect(),
    };
    let choices = reversed
        .iter()
        .map(|a| Choice::Activity(a.priority, a.activity))
        .collect();
    ChartView {
        title,
        chart,
        table,
        choices,
        row_choices: activities
            .iter()
            .map(|a| Choice::Activity(a.priority, a.activity))
            .collect(),
        note: Some("Over the shown actions that give a percent".to_owned()),
    }
}

/// The dashboard's status charts for a filter's figures.
pub fn status_charts(figures: &Dashboard) -> Vec<ChartView> {
    let mut charts = vec![
        overall(&figures.overall),
        status_by("Actions by status in each priority", &figures.by_priority),
        status_by(
            "Actions by status for each lead organisation",
            &figures.by_lead,
        ),
    ];
    if !figures.by_month.is_empty() {
        charts.push(deadlines(&figures.by_month, figures.undated));
    }
    // Percents are charted only where some shown action gives one.
    if figures
        .activities
        .iter()
        .any(|a| a.rollup.average_percent.is_some())
    {
        charts.push(activity_percent(&figures.activities));
    }
    charts
}
