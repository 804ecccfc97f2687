//! The walk's reading of a performance measure: its baseline, targets,
//! values and comparators, and the priorities it serves.

use super::fields::{take, Fields};
use super::Walk;
use crate::plan::model::*;
use crate::plan::place::Label;

impl Walk {
    pub(super) fn measure(&mut self, f: &mut Fields) -> Measure {
        let id = self.id(f);
        let number = self.opt_text(f, "number");
        let title = self.req_text(f, "title");
        let description = self.opt_text(f, "description");
        let unit = self.opt_text(f, "unit");
        let direction = match self.opt_text(f, "direction").as_deref() {
            None => None,
            Some("up") => Some(Direction::Up),
            Some("down") => Some(Direction::Down),
            Some(other) => {
                self.problem(
                    &f.place,
                    format!("direction '{other}' must be \"up\" or \"down\""),
                );
                None
            }
        };
        let frequency = self.opt_text(f, "frequency");
        let responsible = self.opt_text(f, "responsible");
        let baseline = self
            .opt_object(f, "baseline", Some(Label::Baseline))
            .map(|mut v| self.value(&mut v));
        let targets = self.opt_list(f, "targets", Label::Target, |w, v| w.value(v));
        let values = self.opt_list(f, "values", Label::Value, |w, v| w.value(v));
        let comparators = self.opt_list(f, "comparators", Label::Comparator, |w, c| Comparator {
            name: w.req_text(c, "name"),
            value: w.opt_number(c, "value"),
            text: w.opt_text(c, "text"),
            period: w.opt_text(c, "period"),
            extra: take(c),
        });
        let priorities = self.opt_list(f, "priorities", Label::PriorityLink, |w, l| {
            let id = w.req_text(l, "id");
            w.priority_refs.push((l.place, id.clone()));
            let role = match w.opt_text(l, "role").as_deref() {
                None => None,
                Some("primary") => Some(MeasureRole::Primary),
                Some("additional") => Some(MeasureRole::Additional),
                Some(other) => {
                    w.problem(
                        &l.place,
                        format!("role '{other}' must be \"primary\" or \"additional\""),
                    );
                    None
                }
            };
            MeasurePriority {
                id,
                role,
                extra: take(l),
            }
        });
        Measure {
            id,
            number,
            title,
            description,
            unit,
            direction,
            frequency,
            responsible,
            baseline,
            targets,
            values,
            comparators,
            priorities,
            extra: take(f),
        }
    }

    fn value(&mut self, f: &mut Fields) -> MeasureValue {
        MeasureValue {
            period: self.opt_text(f, "period"),
            value: self.opt_number(f, "value"),
            text: self.opt_text(f, "text"),
            date: self.opt_date(f, "date"),
            at: self.opt_moment(f, "at"),
            by: self.opt_text(f, "by"),
            extra: take(f),
        }
    }
}
