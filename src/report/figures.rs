//! The figures behind the dashboard: counts of the actions the filter shows,
//! by status and priority, by lead organisation, overall and by month of
//! deadline, and each activity's percent complete. Charts and their tables
//! are both drawn from these, so they always agree.

use chrono::{Datelike, NaiveDate};

use crate::plan::dates::MONTH_NAMES;
use crate::plan::due::last_day_of_month;
use crate::plan::{present, Plan, Status};
use crate::progress::Rollup;
use crate::query::{Index, Overlay, Results, StatusChoice};

/// What choosing a bar or slice filters by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Priority(String),
    Lead(String),
    Status(StatusChoice),
    /// Deadlines from the first to the last day of a month.
    Month {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Priority, then activity.
    Activity(usize, usize),
    /// Several things at once ("Other organisations", "No lead set"), which
    /// no one filter picks out.
    Several,
}

/// One bar of a status chart: what it is, and its actions by status.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusBar {
    pub label: String,
    pub choice: Choice,
    pub rollup: Rollup,
}

/// The actions due in one month, by how they stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthBar {
    /// "Mar 2017".
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub complete: usize,
    pub overdue: usize,
    /// Due and not yet finished, deadline still to come.
    pub to_come: usize,
}

impl MonthBar {
    pub fn due(&self) -> usize {
        self.complete + self.overdue + self.to_come
    }
}

/// An activity's actions, as the filter shows them, and their average percent.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityBar {
    pub label: String,
    pub priority: usize,
    pub activity: usize,
    pub rollup: Rollup,
}

/// Leads beyond this many are summed into "Other organisations".
pub const MAX_LEADS: usize = 12;
/// Activities are charted one by one only up to this many; beyond it, a
/// priority must be chosen first.
pub const MAX_ACTIVITIES: usize = 40;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dashboard {
    /// Actions shown, of all in the plan.
    pub shown: usize,
    pub total: usize,
    pub overall: Rollup,
    pub by_priority: Vec<StatusBar>,
    pub by_lead: Vec<StatusBar>,
    /// Actions with a deadline, by its month, in date order.
    pub by_month: Vec<MonthBar>,
    /// Shown actions with no deadline.
    pub undated: usize,
    /// Each activity with shown actions; empty when there are more than
    /// [`MAX_ACTIVITIES`] (then `too_many_activities` says how many).
    pub activities: Vec<ActivityBar>,
    pub too_many_activities: Option<usize>,
}

/// The dashboard's figures for the rows a filter shows.
pub fn dashboard(
    plan: &Plan,
    index: &Index,
    overlay: &Overlay,
    results: &Results,
    today: NaiveDate,
) -> Dashboard {
    let mut figures = Dashboard {
        shown: results.rows.len(),
        total: results.total,
        ..Dashboard::default()
    };
    let rollups = overlay.rollups_of(index, results.rows.iter().copied());
    let mut leads = vec![Rollup::default(); index.organisations.len()];
    let mut no_lead = Rollup::default();
    let mut months: Vec<MonthBar> = Vec::new();
    for &i in &results.rows {
        let Some(row) = index.rows.get(i) else {
            continue;
        };
        let status = overlay.status(row, i);
        let progress = crate::plan::Progress {
            status,
            percent: overlay.percent(row, i),
            ..Default::default()
        };
        figures.overall.add(Some(&progress));
        match row.lead.and_then(|l| leads.get_mut(l as usize)) {
            Some(r) => r.add(Some(&progress)),
            None => no_lead.add(Some(&progress)),
        }
        match row.deadline.date {
            Some(date) => {
                let at = month_of(&mut months, date);
                if let Some(bar) = months.get_mut(at) {
                    if status.is_some_and(Status::is_closed) {
                        bar.complete += 1;
                    } else if date < today {
                        bar.overdue += 1;
                    } else {
                        bar.to_come += 1;
                    }
                }
            }
            None => figures.undated += 1,
        }
    }
    figures.by_priority = index
        .priorities
        .iter()
        .enumerate()
        .map(|(pi, (id, label))| StatusBar {
            label: label.clone(),
            choice: Choice::Priority(id.clone()),
            rollup: rollups.priority(pi),
        })
        .filter(|bar| bar.rollup.actions > 0)
        .collect();
    let mut by_lead: Vec<StatusBar> = index
        .organisations
        .iter()
        .zip(leads)
        .filter(|(_, r)| r.actions > 0)
        .map(|(org, rollup)| StatusBar {
            label: org.clone(),
            choice: Choice::Lead(org.clone()),
            rollup,
        })
        .collect();
    // Most actions first, then by name; the tail summed so the chart stays readable.
    by_lead.sort_by(|a, b| {
        b.rollup
            .actions
            .cmp(&a.rollup.actions)
            .then_with(|| a.label.cmp(&b.label))
    });
    if by_lead.len() > MAX_LEADS {
        let mut others = Rollup::default();
        for bar in by_lead.drain(MAX_LEADS - 1..) {
            others.combine(&bar.rollup);
        }
        by_lead.push(StatusBar {
            label: "Other organisations".to_owned(),
            choice: Choice::Several,
            rollup: others,
        });
    }
    if no_lead.actions > 0 {
        by_lead.push(StatusBar {
            label: "No lead set".to_owned(),
            choice: Choice::Several,
            rollup: no_lead,
        });
    }
    figures.by_lead = by_lead;
    months.sort_by_key(|m| m.from);
    figures.by_month = months;
    let activities: Vec<ActivityBar> = plan
        .priorities
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| (0..p.activities().len()).map(move |ai| (pi, ai)))
        .map(|(pi, ai)| (pi, ai, rollups.activity(pi, ai)))
        .filter(|(.., rollup)| rollup.actions > 0)
        .map(|(priority, activity, rollup)| {
            let label = plan
                .activity(priority, activity)
                .map(activity_label)
                .unwrap_or_default();
            ActivityBar {
                label,
                priority,
                activity,
                rollup,
            }
        })
        .collect();
    if activities.len() > MAX_ACTIVITIES {
        figures.too_many_activities = Some(activities.len());
    } else {
        figures.activities = activities;
    }
    figures
}

/// "3. MASH", or the title alone.
fn activity_label(activity: &crate::plan::Activity) -> String {
    match present(&activity.number) {
        Some(n) => format!("{n}. {}", activity.title),
        None => activity.title.clone(),
    }
}

/// The position of `date`'s month among the bars, adding it if new.
fn month_of(months: &mut Vec<MonthBar>, date: NaiveDate) -> usize {
    let from = date.with_day(1).unwrap_or(date);
    if let Some(at) = months.iter().position(|m| m.from == from) {
        return at;
    }
    let to = last_day_of_month(date.year(), date.month()).unwrap_or(date);
    let name = MONTH_NAMES
        .get(date.month0() as usize)
        .map_or("", |m| m.get(..3).unwrap_or(m));
    months.push(MonthBar {
        label: format!("{name} {}", date.year()),
        from,
        to,
        complete: 0,
        overdue: 0,
        to_come: 0,
    });
    months.len() - 1
}

impl Choice {
    /// False for what no one filter picks out: several organisations at
    /// once ("Other organisations", "No lead set"), or an activity (filters
    /// choose priorities, not activities).
    pub fn is_filter(&self) -> bool {
        !matches!(self, Choice::Several | Choice::Activity(..))
    }

    /// The filter with this choice made: what choosing a bar shows.
    pub fn apply(&self, filter: &crate::query::Filter) -> crate::query::Filter {
        let mut chosen = filter.clone();
        match self {
            Choice::Priority(id) => chosen.priorities = [id.clone()].into(),
            Choice::Lead(org) => {
                chosen.leads = [org.clone()].into();
                chosen.partners.clear();
            }
            Choice::Status(status) => chosen.statuses = [*status].into(),
            Choice::Month { from, to } => {
                chosen.due.clear();
                chosen.from = Some(*from);
                chosen.to = Some(*to);
            }
            Choice::Activity(..) | Choice::Several => {}
        }
        chosen
    }
}
