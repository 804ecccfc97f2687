//! Roll-up: how an activity's or priority's actions stand, counted by status.

use crate::plan::{Progress, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rollup {
    /// Actions with each status, in [`Status::ALL`] order.
    pub by_status: [usize; 6],
    pub no_status: usize,
    /// Mean percent over actions that have one.
    pub average_percent: Option<u8>,
    pub actions: usize,
    percent_sum: u32,
    percent_count: u32,
}

impl Rollup {
    pub fn add(&mut self, progress: Option<&Progress>) {
        self.actions += 1;
        match progress.and_then(|p| p.status) {
            Some(status) => {
                if let Some(slot) = Status::ALL
                    .iter()
                    .position(|s| *s == status)
                    .and_then(|i| self.by_status.get_mut(i))
                {
                    *slot += 1;
                }
            }
            None => self.no_status += 1,
        }
        if let Some(percent) = progress.and_then(|p| p.percent) {
            self.percent_sum += u32::from(percent.min(100));
            self.percent_count += 1;
            self.average_percent =
                Some((self.percent_sum as f64 / self.percent_count as f64).round() as u8);
        }
    }

    pub fn combine(&mut self, other: &Rollup) {
        for (mine, theirs) in self.by_status.iter_mut().zip(other.by_status) {
            *mine += theirs;
        }
        self.no_status += other.no_status;
        self.actions += other.actions;
        self.percent_sum += other.percent_sum;
        self.percent_count += other.percent_count;
        self.average_percent = (self.percent_count > 0)
            .then(|| (self.percent_sum as f64 / self.percent_count as f64).round() as u8);
    }

    pub fn count(&self, status: Status) -> usize {
        Status::ALL
            .iter()
            .position(|s| *s == status)
            .and_then(|i| self.by_status.get(i))
            .copied()
            .unwrap_or(0)
    }

    /// "3 actions: 1 on track, 1 off track, 1 no status yet. Average 45% complete."
    pub fn summary(&self) -> String {
        self.summary_of(self.actions)
    }

    /// The same, for the actions a filter shows of `of` in all: "28 of 91
    /// actions shown: 3 off track, 25 on track."
    pub fn summary_of(&self, of: usize) -> String {
        if of == 0 {
            return "No actions.".to_owned();
        }
        let mut parts: Vec<String> = Status::ALL
            .iter()
            .filter_map(|s| {
                let n = self.count(*s);
                (n > 0).then(|| format!("{n} {}", s.label().to_ascii_lowercase()))
            })
            .collect();
        if self.no_status > 0 {
            parts.push(format!("{} no status yet", self.no_status));
        }
        let noun = if of == 1 { "action" } else { "actions" };
        let mut text = if self.actions == of {
            format!("{of} {noun}")
        } else {
            format!("{} of {of} {noun} shown", self.actions)
        };
        if !parts.is_empty() {
            text.push_str(": ");
            text.push_str(&parts.join(", "));
        }
        text.push('.');
        if let Some(avg) = self.average_percent {
            text.push_str(&format!(" Average {avg}% complete."));
        }
        text
    }
}
