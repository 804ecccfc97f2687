//! The exception report: what a coordinator sends before a board. Of the
//! actions the filter shows, those off track, at risk, overdue, with no
//! status or no date, grouped by priority, most urgent first; activities
//! whose own status is off track or at risk, or that have neither a status
//! nor any action; and measures moving the wrong way or behind target.
//! Finished work (complete or cancelled) is never an exception.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::plan::due::deadline_text;
use crate::plan::figure::value_text;
use crate::plan::{present, Direction, Measure, MeasureValue, Moment, Plan, Progress, Status};
use crate::progress::{current_measure, current_progress, Edit};
use crate::query::{Index, Overlay, Results};

mod csv;

pub use csv::exceptions_csv;

/// Why an item is in the report, in the order of urgency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    OffTrack,
    AtRisk,
    Overdue,
    NoStatus,
    NoDate,
}

impl Reason {
    pub fn label(self) -> &'static str {
        match self {
            Reason::OffTrack => "Off track",
            Reason::AtRisk => "At risk",
            Reason::Overdue => "Overdue",
            Reason::NoStatus => "No status",
            Reason::NoDate => "No date",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Action,
    Activity,
}

/// One action or activity in the report, as it stands with the changes
/// recorded here.
#[derive(Debug, Clone, PartialEq)]
pub struct ExceptionItem {
    pub kind: ItemKind,
    pub id: String,
    pub title: String,
    /// For an action, the activity it belongs to.
    pub activity: Option<String>,
    pub lead: Option<String>,
    /// The deadline as the plan words it, with the date understood.
    pub deadline: String,
    pub status: Option<Status>,
    pub reasons: Vec<Reason>,
    pub latest_note: Option<(Moment, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExceptionGroup {
    pub priority: usize,
    pub title: String,
    pub items: Vec<ExceptionItem>,
}

/// A measure moving the wrong way, or behind its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureException {
    pub id: String,
    pub title: String,
    /// "Moving the wrong way: 41.5%, 2016/17 Q2 after 45%, 2016/17 Q1 (higher is better)".
    pub why: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExceptionReport {
    pub groups: Vec<ExceptionGroup>,
    pub measures: Vec<MeasureException>,
}

impl ExceptionReport {
    pub fn item_count(&self) -> usize {
        self.groups.iter().map(|g| g.items.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.measures.is_empty()
    }
}

/// The report for the rows a filter shows, with the edits recorded here
/// (by item id) laid over the plan.
pub fn exception_report(
    plan: &Plan,
    index: &Index,
    overlay: &Overlay,
    results: &Results,
    edits: &HashMap<String, Vec<Edit>>,
    today: NaiveDate,
) -> ExceptionReport {
    let progress_of = |id: &str, base: Option<&Progress>| {
        current_progress(base, edits.get(id).into_iter().flatten())
    };
    let mut groups: Vec<ExceptionGroup> = Vec::new();
    let group_of = |groups: &mut Vec<ExceptionGroup>, pi: usize| -> usize {
        if let Some(at) = groups.iter().position(|g| g.priority == pi) {
            return at;
        }
        let title = index
            .priorities
            .get(pi)
            .map(|(_, label)| label.clone())
            .unwrap_or_default();
        groups.push(ExceptionGroup {
            priority: pi,
            title,
            items: Vec::new(),
        });
        groups.len() - 1
    };
    // Activities are reported once, from the first of their rows shown.
    let mut activities_seen: Vec<(usize, usize)> = Vec::new();
    let mut rows: Vec<usize> = results.rows.clone();
    rows.sort_unstable();
    for i in rows {
        let Some(row) = index.rows.get(i) else {
            continue;
        };
        let Some(activity) = plan.activity(row.priority, row.activity) else {
            continue;
        };
        let Some(action) = activity.actions().get(row.action) else {
            continue;
        };
        if !activities_seen.contains(&(row.priority, row.activity)) {
            activities_seen.push((row.priority, row.activity));
            let progress = progress_of(&activity.id, activity.progress.as_ref());
            let reasons: Vec<Reason> = own_status_reason(progress.as_ref().and_then(|p| p.status))
                .into_iter()
                .collect();
            if !reasons.is_empty() {
                let at = group_of(&mut groups, row.priority);
                if let Some(group) = groups.get_mut(at) {
                    group
                        .items
                        .push(activity_item(activity, progress.as_ref(), reasons));
                }
            }
        }
        let status = overlay.status(row, i);
        if status.is_some_and(Status::is_closed) {
            continue;
        }
        let mut reasons = Vec::new();
        reasons.extend(own_status_reason(status));
        match row.deadline.date {
            Some(date) if date < today => reasons.push(Reason::Overdue),
            Some(_) => {}
            None => reasons.push(Reason::NoDate),
        }
        if status.is_none() {
            reasons.push(Reason::NoStatus);
        }
        if reasons.is_empty() {
            continue;
        }
        reasons.sort_unstable();
        let progress = progress_of(&action.id, action.progress.as_ref());
        let lead = action
            .lead
            .as_ref()
            .or(activity.lead.as_ref())
            .map(|l| l.organisation.clone());
        let item = ExceptionItem {
            kind: ItemKind::Action,
            id: action.id.clone(),
            title: titled(action.number.as_ref(), &action.title),
            activity: Some(titled(activity.number.as_ref(), &activity.title)),
            lead,
            deadline: deadline_text(
                action.due.as_ref().and_then(|d| present(&d.label)),
                row.deadline.date,
                row.deadline.start,
            ),
            status,
            reasons,
            latest_note: latest_note(progress.as_ref()),
        };
        let at = group_of(&mut groups, row.priority);
        if let Some(group) = groups.get_mut(at) {
            group.items.push(item);
        }
    }
    for &(pi, ai) in &results.actionless {
        let Some(activity) = plan.activity(pi, ai) else {
            continue;
        };
        let progress = progress_of(&activity.id, activity.progress.as_ref());
        let status = progress.as_ref().and_then(|p| p.status);
        if status.is_some_and(Status::is_closed) {
            continue;
        }
        let mut reasons: Vec<Reason> = own_status_reason(status).into_iter().collect();
        if status.is_none() {
            reasons.push(Reason::NoStatus);
        }
        if !reasons.is_empty() {
            let at = group_of(&mut groups, pi);
            if let Some(group) = groups.get_mut(at) {
                group
                    .items
                    .push(activity_item(activity, progress.as_ref(), reasons));
            }
        }
    }
    groups.sort_by_key(|g| g.priority);
    for group in &mut groups {
        // Most urgent first; otherwise plan order (the order they were added).
        group
            .items
            .sort_by_key(|item| item.reasons.first().copied());
    }
    // Measures of the priorities the filter shows.
    let mut shown = vec![false; index.priorities.len()];
    for row in results.rows.iter().filter_map(|&i| index.rows.get(i)) {
        if let Some(flag) = shown.get_mut(row.priority) {
            *flag = true;
        }
    }
    let chosen: Vec<&str> = index
        .priorities
        .iter()
        .zip(&shown)
        .filter(|(_, on)| **on)
        .map(|((id, _), _)| id.as_str())
        .collect();
    let measures = plan
        .measures()
        .iter()
        .filter(|m| {
            m.priorities.as_ref().is_none_or(|links| {
                links.is_empty() || links.iter().any(|l| chosen.contains(&l.id.as_str()))
            })
        })
        .filter_map(|m| {
            measure_exception(&current_measure(m, edits.get(&m.id).into_iter().flatten()))
        })
        .collect();
    ExceptionReport { groups, measures }
}

fn own_status_reason(status: Option<Status>) -> Option<Reason> {
    match status {
        Some(Status::OffTrack) => Some(Reason::OffTrack),
        Some(Status::AtRisk) => Some(Reason::AtRisk),
        _ => None,
    }
}

fn titled(number: Option<&String>, title: &str) -> String {
    match number.map(|n| n.trim()).filter(|n| !n.is_empty()) {
        Some(n) => format!("{n}. {title}"),
        None => title.to_owned(),
    }
}

fn activity_item(
    activity: &crate::plan::Activity,
    progress: Option<&Progress>,
    reasons: Vec<Reason>,
) -> ExceptionItem {
    ExceptionItem {
        kind: ItemKind::Activity,
        id: activity.id.clone(),
        title: titled(activity.number.as_ref(), &activity.title),
        activity: None,
        lead: activity.lead.as_ref().map(|l| l.organisation.clone()),
        deadline: String::new(),
        status: progress.and_then(|p| p.status),
        reasons,
        latest_note: latest_note(progress),
    }
}

fn latest_note(progress: Option<&Progress>) -> Option<(Moment, String)> {
    progress
        .and_then(|p| p.notes().last())
        .map(|n| (n.at.clone(), n.text.clone()))
}

/// Why a measure is an exception, if it is: its last two figures move
/// against its direction, or its latest figure is on the wrong side of its
/// target for that period (else its latest target).
pub fn measure_exception(measure: &Measure) -> Option<MeasureException> {
    let direction = measure.direction?;
    let unit = measure.unit.as_deref();
    let number = |v: &MeasureValue| v.value.as_ref().and_then(|f| f.value());
    let figures: Vec<(&MeasureValue, f64)> = measure
        .values()
        .iter()
        .filter_map(|v| number(v).map(|n| (v, n)))
        .collect();
    let (latest, now) = *figures.last()?;
    let worse = |a: f64, b: f64| match direction {
        Direction::Up => a < b,
        Direction::Down => a > b,
    };
    let better = match direction {
        Direction::Up => "higher is better",
        Direction::Down => "lower is better",
    };
    let mut why = Vec::new();
    if let Some(&(earlier, before)) = figures.len().checked_sub(2).and_then(|i| figures.get(i)) {
        if worse(now, before) {
            why.push(format!(
                "Moving the wrong way: {} after {} ({better})",
                value_text(latest, unit),
                value_text(earlier, unit)
            ));
        }
    }
    let same_period = measure
        .targets()
        .iter()
        .rev()
        .find(|t| t.period.is_some() && t.period == latest.period && number(t).is_some());
    let target =
        same_period.or_else(|| measure.targets().iter().rev().find(|t| number(t).is_some()));
    if let Some(target) = target {
        if number(target).is_some_and(|goal| worse(now, goal)) {
            why.push(format!(
                "Behind target: {} against a target of {} ({better})",
                value_text(latest, unit),
                value_text(target, unit)
            ));
        }
    }
    (!why.is_empty()).then(|| MeasureException {
        id: measure.id.clone(),
        title: measure.title.clone(),
        why,
    })
}
