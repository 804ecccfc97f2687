//! How results are listed: in plan order, by deadline, or by status.

use chrono::NaiveDate;

use super::index::{Index, Overlay};
use crate::plan::Status;

/// How results are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Grouped under priority and activity, in plan order.
    #[default]
    Plan,
    /// A flat list, earliest deadline first, undated last.
    Deadline,
    /// A flat list, off track first.
    Status,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Plan, Sort::Deadline, Sort::Status];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Plan => "plan",
            Sort::Deadline => "deadline",
            Sort::Status => "status",
        }
    }

    pub fn from_code(code: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Plan => "Plan order, grouped",
            Sort::Deadline => "Deadline, earliest first",
            Sort::Status => "Status, off track first",
        }
    }
}

/// Puts `rows` in the order `sort` asks for; plan order is theirs already.
pub(super) fn sort_rows(index: &Index, overlay: &Overlay, sort: Sort, rows: &mut [usize]) {
    if sort == Sort::Plan {
        return;
    }
    // Each row's sort key is worked out once, ending in its place in the
    // plan, so equals keep plan order without a stable sort, and both orders
    // share one sort of plain values.
    let mut keyed: Vec<(u8, bool, Option<NaiveDate>, usize)> = rows
        .iter()
        .filter_map(|&i| {
            let row = index.rows.get(i)?;
            let urgency = if sort == Sort::Status {
                overlay.status(row, i).map_or(2, Status::urgency)
            } else {
                0
            };
            Some((urgency, row.deadline.date.is_none(), row.deadline.date, i))
        })
        .collect();
    keyed.sort_unstable();
    for (slot, (.., i)) in rows.iter_mut().zip(keyed) {
        *slot = i;
    }
}
