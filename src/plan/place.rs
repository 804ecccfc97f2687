//! Where an object is in a plan file, for problem messages: "Priority 2 ›
//! Activity 3 › Action 1".
//!
//! A large plan has a hundred thousand objects and, usually, no problems, so
//! a place is kept as a few labels and numbers (copied, never allocated) and
//! only put into words when a problem is found.

use std::fmt;

/// The kinds of object a place can pass through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Priority,
    Activity,
    Action,
    Lead,
    Progress,
    Note,
    Evidence,
    Measure,
    Baseline,
    Target,
    Value,
    Comparator,
    PriorityLink,
    PlanPeriod,
    PlanExported,
    OrphanedEdit,
}

impl Label {
    fn text(self) -> &'static str {
        match self {
            Label::Priority => "Priority",
            Label::Activity => "Activity",
            Label::Action => "Action",
            Label::Lead => "Lead",
            Label::Progress => "Progress",
            Label::Note => "Note",
            Label::Evidence => "Evidence",
            Label::Measure => "Measure",
            Label::Baseline => "Baseline",
            Label::Target => "Target",
            Label::Value => "Value",
            Label::Comparator => "Comparator",
            Label::PriorityLink => "Priority link",
            Label::PlanPeriod => "Plan › Period",
            Label::PlanExported => "Plan › Exported",
            Label::OrphanedEdit => "Orphaned edit",
        }
    }
}

/// The deepest the format nests: Priority › Activity › Action › Progress ›
/// Note › Evidence.
const MAX_DEPTH: usize = 6;

/// A place in the plan; the plan itself when empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Each step's label and its number in its list (0 when not in a list).
    steps: [(Label, u32); MAX_DEPTH],
    depth: u8,
}

impl Place {
    /// The plan itself.
    pub const PLAN: Place = Place {
        steps: [(Label::Priority, 0); MAX_DEPTH],
        depth: 0,
    };

    /// A single object inside this one ("… › Progress").
    pub fn child(&self, label: Label) -> Place {
        self.step(label, 0)
    }

    /// The `number`th object (from 1) of a list inside this one ("… › Note 2").
    pub fn item(&self, label: Label, number: usize) -> Place {
        self.step(label, u32::try_from(number).unwrap_or(u32::MAX))
    }

    fn step(&self, label: Label, number: u32) -> Place {
        let mut place = *self;
        // The walk never goes deeper than the format does; were it to, the
        // place would stop at the deepest step rather than fail.
        if let Some(step) = place.steps.get_mut(usize::from(place.depth)) {
            *step = (label, number);
            place.depth += 1;
        }
        place
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let steps = self
            .steps
            .get(..usize::from(self.depth))
            .unwrap_or_default();
        if steps.is_empty() {
            return f.write_str("Plan");
        }
        for (i, (label, number)) in steps.iter().enumerate() {
            if i > 0 {
                f.write_str(" › ")?;
            }
            f.write_str(label.text())?;
            if *number > 0 {
                write!(f, " {number}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_a_path() {
        assert_eq!(Place::PLAN.to_string(), "Plan");
        let note = Place::PLAN
            .item(Label::Priority, 2)
            .item(Label::Activity, 3)
            .item(Label::Action, 1)
            .child(Label::Progress)
            .item(Label::Note, 4);
        assert_eq!(
            note.to_string(),
            "Priority 2 › Activity 3 › Action 1 › Progress › Note 4"
        );
        assert_eq!(
            Place::PLAN.child(Label::PlanPeriod).to_string(),
            "Plan › Period"
        );
        assert_eq!(
            Place::PLAN
                .item(Label::Measure, 1)
                .item(Label::PriorityLink, 2)
                .to_string(),
            "Measure 1 › Priority link 2"
        );
    }

    #[test]
    fn a_place_deeper_than_the_format_stops_at_its_deepest_step() {
        let mut place = Place::PLAN;
        for n in 1..=10 {
            place = place.item(Label::Note, n);
        }
        assert_eq!(
            place.to_string(),
            "Note 1 › Note 2 › Note 3 › Note 4 › Note 5 › Note 6"
        );
    }
}
