//! Ids: each one different, none with a character that cannot be seen or
//! typed, and every link to a measure or priority naming one in the plan.
//! Edits and merges are keyed on ids, so these are checked as strictly as
//! the file's shape.

use super::fields::Fields;
use super::Walk;
use crate::plan::json::{field, Json};
use crate::plan::model::Plan;
use crate::plan::place::Place;

/// How many objects with an id a value holds, itself included.
pub(super) fn ids_within(value: &Json) -> usize {
    match value {
        Json::Array(items) => items.iter().map(ids_within).sum(),
        Json::Object(fields) => {
            let own = usize::from(field(fields, "id").is_some());
            own + fields
                .iter()
                .map(|(_, value)| ids_within(value))
                .sum::<usize>()
        }
        _ => 0,
    }
}

impl Walk {
    pub(super) fn id(&mut self, f: &mut Fields) -> String {
        let id = self.req_text(f, "id");
        self.check_id_characters(&f.place, &id);
        if !id.trim().is_empty() {
            if let Some(first) = self.ids.get(&id) {
                let message = format!("id '{id}' is used more than once (first at {first}); every id in a plan must be different");
                self.problem(&f.place, message);
            } else {
                self.ids.insert(id.clone(), f.place);
            }
        }
        id
    }

    /// Edits and merges are keyed on ids, so one that cannot be seen or
    /// typed in full (a tab, a null, any control character) is refused:
    /// "p1" and "p1" plus an invisible character would be two items.
    pub(super) fn check_id_characters(&mut self, place: &Place, id: &str) {
        if let Some(c) = id.chars().find(|c| c.is_control()) {
            // Written out by hand: `escape_debug` would bring Unicode tables
            // into the download for this one message.
            let mut shown = String::new();
            for c in id.chars() {
                if c.is_control() {
                    shown.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
                } else {
                    shown.push(c);
                }
            }
            let message = format!(
                "id '{shown}' has a control character in it (U+{:04X}), which cannot be seen or typed; ids are made of letters, digits and punctuation",
                u32::from(c)
            );
            self.problem(place, message);
        }
    }

    /// Every measure and priority a link names is in the plan.
    pub(super) fn check_references(&mut self, plan: &Plan) {
        let measures: std::collections::HashSet<&str> =
            plan.measures().iter().map(|m| m.id.as_str()).collect();
        let priorities: std::collections::HashSet<&str> =
            plan.priorities.iter().map(|p| p.id.as_str()).collect();
        for (place, id) in std::mem::take(&mut self.measure_refs) {
            if !measures.contains(id.as_str()) {
                self.problem(
                    &place,
                    format!("measure id '{id}' does not match any measure in the plan"),
                );
            }
        }
        for (place, id) in std::mem::take(&mut self.priority_refs) {
            if !priorities.contains(id.as_str()) {
                self.problem(
                    &place,
                    format!("priority id '{id}' does not match any priority in the plan"),
                );
            }
        }
    }
}
