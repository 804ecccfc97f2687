//! The deadline filter's choices (overdue, due soon, this or next UK
//! financial quarter, no date) and the date windows they stand for.

use chrono::{Days, NaiveDate};

use super::index::Row;
use crate::plan::due::{financial_quarter_of, quarter_bounds};
use crate::plan::Status;

/// A deadline choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueChoice {
    /// The due date has passed and the work is not complete or cancelled.
    Overdue,
    Next30Days,
    Next90Days,
    /// This UK financial quarter (Q1 is April to June).
    ThisQuarter,
    NextQuarter,
    /// Undated, including "to be confirmed".
    NoDate,
}

impl DueChoice {
    pub const ALL: [DueChoice; 6] = [
        DueChoice::Overdue,
        DueChoice::Next30Days,
        DueChoice::Next90Days,
        DueChoice::ThisQuarter,
        DueChoice::NextQuarter,
        DueChoice::NoDate,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DueChoice::Overdue => "overdue",
            DueChoice::Next30Days => "30d",
            DueChoice::Next90Days => "90d",
            DueChoice::ThisQuarter => "this-quarter",
            DueChoice::NextQuarter => "next-quarter",
            DueChoice::NoDate => "none",
        }
    }

    pub fn from_code(code: &str) -> Option<DueChoice> {
        DueChoice::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            DueChoice::Overdue => "Overdue",
            DueChoice::Next30Days => "Due in the next 30 days",
            DueChoice::Next90Days => "Due in the next 90 days",
            DueChoice::ThisQuarter => "Due this quarter",
            DueChoice::NextQuarter => "Due next quarter",
            DueChoice::NoDate => "No date set",
        }
    }

    pub(super) fn matches(self, row: &Row, status: Option<Status>, windows: &DueWindows) -> bool {
        let date = row.deadline.date;
        let within = |range: Option<(NaiveDate, NaiveDate)>| match (date, range) {
            (Some(d), Some((first, last))) => d >= first && d <= last,
            _ => false,
        };
        match self {
            DueChoice::Overdue => {
                date.is_some_and(|d| d < windows.today) && !status.is_some_and(Status::is_closed)
            }
            DueChoice::Next30Days => within(windows.next_30_days),
            DueChoice::Next90Days => within(windows.next_90_days),
            DueChoice::ThisQuarter => within(windows.this_quarter),
            DueChoice::NextQuarter => within(windows.next_quarter),
            DueChoice::NoDate => date.is_none(),
        }
    }
}

/// The date windows the deadline choices stand for, worked out once per run
/// rather than once per row.
pub(super) struct DueWindows {
    today: NaiveDate,
    next_30_days: Option<(NaiveDate, NaiveDate)>,
    next_90_days: Option<(NaiveDate, NaiveDate)>,
    this_quarter: Option<(NaiveDate, NaiveDate)>,
    next_quarter: Option<(NaiveDate, NaiveDate)>,
}

impl DueWindows {
    pub(super) fn new(today: NaiveDate) -> DueWindows {
        let days_ahead = |days: u64| {
            today
                .checked_add_days(Days::new(days))
                .map(|last| (today, last))
        };
        let (fy, q) = financial_quarter_of(today);
        let (next_fy, next_q) = if q == 4 { (fy + 1, 1) } else { (fy, q + 1) };
        DueWindows {
            today,
            next_30_days: days_ahead(30),
            next_90_days: days_ahead(90),
            this_quarter: quarter_bounds(fy, q),
            next_quarter: quarter_bounds(next_fy, next_q),
        }
    }
}
