//! The plan file, format version 1, as Rust types.
//!
//! These types are the contract with files that travel by email
//! (`../shared/plan-format.md`). Field names never change within version 1.
//! Every struct carries `extra`: the fields this version does not know, kept in
//! their original order so that an exported file gives them back unchanged.
//! Reading goes through [`crate::plan::read_plan`], which collects every problem;
//! these types only serialise (and describe themselves for the JSON Schema).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{Map, Value};

use super::Moment;

mod measures;
pub use measures::*;

/// Fields a file carries that this version of the app does not know.
pub type Extra = Map<String, Value>;

/// The value of the `format` field that marks a file as a plan.
pub const FORMAT: &str = "plan-tracker/plan";
/// The format version this app reads and writes.
pub const FORMAT_VERSION: u64 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Plan {
    /// Always `"plan-tracker/plan"`.
    #[schemars(extend("const" = "plan-tracker/plan"))]
    pub format: String,
    /// Always `1` for this version.
    #[schemars(extend("const" = 1))]
    pub format_version: u64,
    /// Stable identifier of the plan; the key for local edits.
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// At least one.
    #[schemars(length(min = 1))]
    pub priorities: Vec<Priority>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measures: Option<Vec<Measure>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exported: Option<Exported>,
    /// Changes recorded in Plan Tracker to items this version of the plan
    /// does not have, exported so that none is lost; each as the app's
    /// journal records it, with at least an `id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orphaned_edits: Option<Vec<Extra>>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Period {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Exported {
    pub at: Moment,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_version: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Priority {
    pub id: String,
    /// The label people use: "1", "3.2", "2a".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub title: String,
    /// "Why this matters".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcomes: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activities: Option<Vec<Activity>>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Activity {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strategic_plan: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub governance_group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<Lead>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partners: Option<Vec<String>>,
    /// What the plan itself says of the activity that fits no other field,
    /// as written: "Key actions: to be confirmed."
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<Action>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure_ids: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Lead {
    pub organisation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub officer: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Action {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Due>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<Lead>,
    /// What the plan itself says of the action that fits no other field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure_ids: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A deadline as the plan words it, with the dates when they are known.
#[derive(Debug, Clone, PartialEq, Default, Serialize, JsonSchema)]
pub struct Due {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    OnTrack,
    AtRisk,
    OffTrack,
    Complete,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::NotStarted,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::Complete,
        Status::Cancelled,
    ];

    /// The word written in files and URLs.
    pub fn code(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::OffTrack => "off_track",
            Status::Complete => "complete",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// What people read on a tag.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::OnTrack => "On track",
            Status::AtRisk => "At risk",
            Status::OffTrack => "Off track",
            Status::Complete => "Complete",
            Status::Cancelled => "Cancelled",
        }
    }

    /// Sort key for "off track first": what needs attention comes first.
    pub fn urgency(self) -> u8 {
        match self {
            Status::OffTrack => 0,
            Status::AtRisk => 1,
            Status::NotStarted => 2,
            Status::OnTrack => 3,
            Status::Complete => 4,
            Status::Cancelled => 5,
        }
    }

    /// Work that is finished one way or another is never overdue.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Complete | Status::Cancelled)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, JsonSchema)]
pub struct Progress {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// 0 to 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 100))]
    pub percent: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<Moment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
    /// Oldest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Vec<Note>>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Note {
    pub id: String,
    pub at: Moment,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Vec<Evidence>>,
    /// The id of an earlier note this one corrects or withdraws. Notes are
    /// history: the earlier note stays, marked as corrected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrects: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, JsonSchema)]
pub struct Evidence {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Text that is absent, null or empty counts as absent (format rule).
pub fn present(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

impl Plan {
    pub fn measures(&self) -> &[Measure] {
        self.measures.as_deref().unwrap_or_default()
    }

    /// The activity at a place: priority, then activity, counting from 0.
    pub fn activity(&self, priority: usize, activity: usize) -> Option<&Activity> {
        self.priorities.get(priority)?.activities().get(activity)
    }

    /// The action at a place: priority, activity, then action.
    pub fn action(&self, priority: usize, activity: usize, action: usize) -> Option<&Action> {
        self.activity(priority, activity)?.actions().get(action)
    }

    pub fn activity_mut(&mut self, priority: usize, activity: usize) -> Option<&mut Activity> {
        self.priorities
            .get_mut(priority)?
            .activities
            .as_mut()?
            .get_mut(activity)
    }

    pub fn action_mut(
        &mut self,
        priority: usize,
        activity: usize,
        action: usize,
    ) -> Option<&mut Action> {
        self.activity_mut(priority, activity)?
            .actions
            .as_mut()?
            .get_mut(action)
    }
}

impl Priority {
    pub fn activities(&self) -> &[Activity] {
        self.activities.as_deref().unwrap_or_default()
    }
}

impl Activity {
    pub fn actions(&self) -> &[Action] {
        self.actions.as_deref().unwrap_or_default()
    }
    pub fn partners(&self) -> &[String] {
        self.partners.as_deref().unwrap_or_default()
    }
    pub fn measure_ids(&self) -> &[String] {
        self.measure_ids.as_deref().unwrap_or_default()
    }
}

impl Progress {
    pub fn notes(&self) -> &[Note] {
        self.notes.as_deref().unwrap_or_default()
    }
}
