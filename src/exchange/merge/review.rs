//! What merging returns would do, for the person to review before anything
//! is applied: the changes taken without question, the conflicts to decide,
//! and what will not be merged, with why.

use crate::exchange::pack::DoubtfulPack;
use crate::plan::Moment;
use crate::progress::{Change, Edit};

/// Something in a returned file that will not be merged.
#[derive(Debug, Clone, PartialEq)]
pub struct NotMerged {
    /// The returned file it is in.
    pub file: String,
    /// What it is, for people: "the whole file", or an item's title.
    pub what: String,
    pub why: NotMergedReason,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NotMergedReason {
    /// The file is another plan.
    OtherPlan { id: String, title: String },
    /// The item is not in this plan (removed, or never in it); `changes`
    /// says what the return holds for it.
    NotInPlan { id: String, changes: String },
}

impl NotMerged {
    /// True when the whole file is refused, not one item in it.
    pub fn is_whole_file(&self) -> bool {
        matches!(self.why, NotMergedReason::OtherPlan { .. })
    }
}

impl std::fmt::Display for NotMerged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let file = &self.file;
        match &self.why {
            NotMergedReason::OtherPlan { id, title } => {
                write!(f, "{file} is a different plan (\"{title}\", id {id}), so it cannot be merged into this one")
            }
            NotMergedReason::NotInPlan { id, changes } => write!(
                f,
                "{file}: \"{}\" (id {id}) is not in this plan, so its {changes} cannot be merged",
                self.what
            ),
        }
    }
}

/// A field that both sides changed since the file was sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub item: String,
    pub item_title: String,
    pub field: Field,
    pub ours: Side,
    pub theirs: Side,
    /// The returned file it came from.
    pub file: String,
    /// What taking their side changes.
    pub(super) take: Change,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Status,
    Percent,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Status => "Status",
            Field::Percent => "Percent complete",
        }
    }
}

/// One side's value of a field, with who set it and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub value: String,
    pub by: Option<String>,
    pub at: Option<Moment>,
}

impl Side {
    /// "On track, Ann (NCC), 10 November 2016 at 10:00": the value, who set
    /// it and when, with `when` saying the moment.
    pub fn describe(&self, when: impl Fn(&Moment) -> String) -> String {
        let who = self
            .by
            .as_deref()
            .map(|b| format!(", {b}"))
            .unwrap_or_default();
        let at = self
            .at
            .as_ref()
            .map(|a| format!(", {}", when(a)))
            .unwrap_or_default();
        format!("{}{who}{at}", self.value)
    }
}

/// What merging some returns would do; nothing is applied until confirmed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergePlan {
    /// Changes taken without question, as edits.
    pub edits: Vec<Edit>,
    pub conflicts: Vec<Conflict>,
    /// What the returns hold that will not be merged, with why.
    pub not_merged: Vec<NotMerged>,
    /// Returns whose pack send time is not trusted.
    pub doubtful_packs: Vec<DoubtfulPack>,
}

impl MergePlan {
    /// Lines for the summary: what changes, item by item, named by `title_of`.
    pub fn summary(&self, title_of: impl Fn(&str) -> Option<String>) -> Vec<String> {
        self.edits
            .iter()
            .map(|e| {
                let item =
                    title_of(e.change.target()).unwrap_or_else(|| e.change.target().to_owned());
                format!("{item}: {} (from {})", e.change.describe(), e.by)
            })
            .collect()
    }
}

impl Conflict {
    /// The edit that takes their side, made now by the person deciding.
    pub fn take_theirs(&self, id: String, at: Moment, decided_by: &str) -> Edit {
        let by = match &self.theirs.by {
            Some(theirs) => format!("{theirs}, merged by {decided_by}"),
            None => format!("merged by {decided_by}"),
        };
        Edit::new(id, at, by, self.take.clone())
    }
}
