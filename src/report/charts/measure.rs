//! A measure's chart: its values over time against its targets, with its
//! baseline and comparators as lines across.

use charming::component::Axis;
use charming::element::{
    AxisType, ItemStyle, Label, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant,
};
use charming::series::Line;

use super::{axis_chart, ChartView, Table};
use crate::plan::figure::value_text;
use crate::plan::{present, Direction, Measure};

/// A measure's values over time against its targets, with its baseline and
/// comparators as lines across, and which way is better in the subtitle.
/// `None` when it has no value to draw.
pub fn measure(measure: &Measure) -> Option<ChartView> {
    let number = |v: &crate::plan::MeasureValue| v.value.as_ref().and_then(|f| f.value());
    if !measure.values().iter().any(|v| number(v).is_some()) {
        return None;
    }
    // Periods in the order the plan gives them: values first, then targets.
    let mut periods: Vec<String> = Vec::new();
    for v in measure.values().iter().chain(measure.targets()) {
        let period = present(&v.period).unwrap_or("No period").to_owned();
        if !periods.contains(&period) {
            periods.push(period);
        }
    }
    let at = |list: &[crate::plan::MeasureValue], period: &str| -> Option<f64> {
        list.iter()
            .rev()
            .find(|v| present(&v.period).unwrap_or("No period") == period)
            .and_then(number)
    };
    let points = |list: &[crate::plan::MeasureValue]| -> Vec<charming::datatype::DataPoint> {
        periods
            .iter()
            .map(|p| at(list, p).map_or_else(|| "-".into(), Into::into))
            .collect()
    };
    let better = match measure.direction {
        Some(Direction::Up) => Some("Higher is better".to_owned()),
        Some(Direction::Down) => Some("Lower is better".to_owned()),
        None => None,
    };
    let unit = present(&measure.unit)
        .map(|u| format!(" ({u})"))
        .unwrap_or_default();
    let title = format!("{}{unit}", measure.title);
    let mut across: Vec<MarkLineVariant> = Vec::new();
    let mut across_rows: Vec<(String, Vec<String>)> = Vec::new();
    if let Some(baseline) = measure.baseline.as_ref().filter(|b| number(b).is_some()) {
        across.push(MarkLineVariant::Simple(
            MarkLineData::new()
                .name("Baseline")
                .y_axis(number(baseline).unwrap_or_default()),
        ));
        across_rows.push((
            "Baseline".to_owned(),
            vec![value_text(baseline, measure.unit.as_deref())],
        ));
    }
    for comparator in measure.comparators() {
        let Some(value) = comparator.value.as_ref().and_then(|f| f.value()) else {
            continue;
        };
        across.push(MarkLineVariant::Simple(
            MarkLineData::new()
                .name(comparator.name.clone())
                .y_axis(value),
        ));
        across_rows.push((
            comparator.name.clone(),
            vec![comparator
                .value
                .as_ref()
                .map(|f| f.text().to_owned())
                .unwrap_or_default()],
        ));
    }
    let mut reported = Line::new()
        .name("Reported")
        .item_style(ItemStyle::new().color("#1d70b8"))
        .label(Label::new().show(true))
        .data(points(measure.values()));
    if !across.is_empty() {
        reported = reported.mark_line(
            MarkLine::new()
                .line_style(
                    LineStyle::new()
                        .type_(LineStyleType::Dotted)
                        .color("#505a5f"),
                )
                .label(Label::new().show(true).formatter("{b}: {c}"))
                .data(across),
        );
    }
    let mut chart = axis_chart("12%")
        .x_axis(Axis::new().type_(AxisType::Category).data(periods.clone()))
        .y_axis(Axis::new().type_(AxisType::Value).scale(true))
        .series(reported);
    if measure.targets().iter().any(|t| number(t).is_some()) {
        chart = chart.series(
            Line::new()
                .name("Target")
                .item_style(ItemStyle::new().color("#f47738"))
                .line_style(LineStyle::new().type_(LineStyleType::Dashed))
                .data(points(measure.targets())),
        );
    }
    let words = |list: &[crate::plan::MeasureValue], period: &str| {
        list.iter()
            .rev()
            .find(|v| present(&v.period).unwrap_or("No period") == period)
            .map(|v| {
                value_text(
                    &crate::plan::MeasureValue {
                        period: None,
                        ..v.clone()
                    },
                    measure.unit.as_deref(),
                )
            })
            .unwrap_or_default()
    };
    let mut rows: Vec<(String, Vec<String>)> = periods
        .iter()
        .map(|p| {
            (
                p.clone(),
                vec![words(measure.values(), p), words(measure.targets(), p)],
            )
        })
        .collect();
    rows.extend(across_rows.into_iter().map(|(name, mut cells)| {
        cells.push(String::new());
        (name, cells)
    }));
    let table = Table {
        head: ["Period", "Reported", "Target"].map(str::to_owned).to_vec(),
        rows,
    };
    Some(ChartView {
        title,
        chart,
        table,
        choices: Vec::new(),
        row_choices: Vec::new(),
        note: better,
    })
}
