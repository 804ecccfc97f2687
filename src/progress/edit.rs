//! A person's change to a plan, as a value.
//!
//! Edits are what the journal stores, what other tabs replay and what merging
//! compares. Each carries its own id, the moment it was made and who made it,
//! so that replaying, merging and "the later change wins" need nothing else.

use chrono::NaiveDate;
use serde::Serialize;

use super::structure::{Level, ListField, TextField};
use crate::plan::figure::Figure;
use crate::plan::{Evidence, Extra, MeasureValue, Moment, Note, Status};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edit {
    /// Unique across every tab and person: the journal merges on it.
    pub id: String,
    pub at: Moment,
    /// "Name (Organisation)".
    pub by: String,
    /// Edits made together (one update form, one merge) share a batch, so
    /// that undo takes them back together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<String>,
    /// The browser tab it was made in, so that undo in one tab never takes
    /// back another's change. Kept across reloads of the tab; never exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    #[serde(flatten)]
    pub change: Change,
}

impl Edit {
    /// An edit on its own: in no batch, from no particular tab.
    pub fn new(id: String, at: Moment, by: String, change: Change) -> Edit {
        Edit {
            id,
            at,
            by,
            batch: None,
            session: None,
            change,
        }
    }
}

/// Edits sorted by when they were made, then id: the order to apply them in.
pub fn in_time_order<'e>(edits: impl IntoIterator<Item = &'e Edit>) -> Vec<&'e Edit> {
    let mut sorted: Vec<&Edit> = edits.into_iter().collect();
    // Keys are unique (an id is), so an unstable sort gives the one order;
    // it also keeps the stable sort's code out of the download.
    sorted.sort_unstable_by(|a, b| (&a.at, &a.id).cmp(&(&b.at, &b.id)));
    sorted
}

/// What changed. Items are actions or activities, found by id.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    SetStatus {
        item: String,
        status: Option<Status>,
    },
    SetPercent {
        item: String,
        percent: Option<u8>,
    },
    AddNote {
        item: String,
        note: NoteDraft,
    },
    AddMeasureValue {
        measure: String,
        value: ValueDraft,
    },
    // Structure changes (see `super::structure`).
    /// A new priority (no parent), activity (in a priority), action (in an
    /// activity) or measure (no parent), at the end; `item` is its new id.
    AddItem {
        item: String,
        level: Level,
        #[serde(skip_serializing_if = "Option::is_none")]
        parent: Option<String>,
        title: String,
    },
    /// A field of one piece of text; `None` empties it (never a title).
    SetText {
        item: String,
        field: TextField,
        text: Option<String>,
    },
    /// A field of lines.
    SetList {
        item: String,
        field: ListField,
        items: Vec<String>,
    },
    /// Moves an item before a sibling (or to the end), in another parent
    /// when one is given: an action to another activity, for one.
    MoveItem {
        item: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        parent: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        before: Option<String>,
    },
    /// Deletes an item and everything in it.
    DeleteItem {
        item: String,
    },
}

impl Change {
    /// The action, activity or measure the change is to.
    pub fn target(&self) -> &str {
        match self {
            Change::SetStatus { item, .. }
            | Change::SetPercent { item, .. }
            | Change::AddNote { item, .. }
            | Change::AddItem { item, .. }
            | Change::SetText { item, .. }
            | Change::SetList { item, .. }
            | Change::MoveItem { item, .. }
            | Change::DeleteItem { item } => item,
            Change::AddMeasureValue { measure, .. } => measure,
        }
    }

    /// True for a change to the plan's structure rather than its progress.
    pub fn is_structural(&self) -> bool {
        matches!(
            self,
            Change::AddItem { .. }
                | Change::SetText { .. }
                | Change::SetList { .. }
                | Change::MoveItem { .. }
                | Change::DeleteItem { .. }
        )
    }

    /// What the change did, in words, for history lists and summaries.
    pub fn describe(&self) -> String {
        match self {
            Change::SetStatus {
                status: Some(s), ..
            } => format!("Status set to {}", s.label()),
            Change::SetStatus { status: None, .. } => "Status cleared".to_owned(),
            Change::SetPercent {
                percent: Some(p), ..
            } => format!("Percent complete set to {p}%"),
            Change::SetPercent { percent: None, .. } => "Percent complete cleared".to_owned(),
            Change::AddNote { note, .. } if note.corrects.is_some() => {
                "Correction added".to_owned()
            }
            Change::AddNote { .. } => "Note added".to_owned(),
            Change::AddMeasureValue { value, .. } => match &value.period {
                Some(period) if !period.is_empty() => format!("Value added for {period}"),
                _ => "Value added".to_owned(),
            },
            Change::AddItem { level, title, .. } => {
                let noun = level.noun();
                let mut noun = noun.to_owned();
                noun[..1].make_ascii_uppercase();
                format!("{noun} '{title}' added")
            }
            Change::SetText {
                field, text: None, ..
            } => format!("{} cleared", field.label()),
            Change::SetText {
                field,
                text: Some(text),
                ..
            } => format!("{} set to '{text}'", field.label()),
            Change::SetList { field, items, .. } if items.is_empty() => {
                format!("{} cleared", field.label())
            }
            Change::SetList { field, items, .. } => {
                format!("{} set to '{}'", field.label(), items.join("', '"))
            }
            Change::MoveItem {
                parent: Some(_), ..
            } => "Moved to another place".to_owned(),
            Change::MoveItem { .. } => "Moved".to_owned(),
            Change::DeleteItem { .. } => "Deleted".to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct NoteDraft {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceDraft>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrects: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EvidenceDraft {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ValueDraft {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Figure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::plan::dates::optional_iso_date"
    )]
    pub date: Option<NaiveDate>,
}

impl NoteDraft {
    pub fn to_note(&self, at: &Moment, by: &str) -> Note {
        Note {
            id: self.id.clone(),
            at: at.clone(),
            by: Some(by.to_owned()),
            text: self.text.clone(),
            status: self.status,
            evidence: (!self.evidence.is_empty()).then(|| {
                self.evidence
                    .iter()
                    .map(|e| Evidence {
                        title: e.title.clone(),
                        source: e.source.clone(),
                        url: e.url.clone(),
                        extra: Extra::new(),
                    })
                    .collect()
            }),
            corrects: self.corrects.clone(),
            extra: Extra::new(),
        }
    }
}

impl ValueDraft {
    pub fn to_value(&self, at: &Moment, by: &str) -> MeasureValue {
        MeasureValue {
            period: self.period.clone(),
            value: self.value.clone(),
            text: self.text.clone(),
            date: self.date,
            at: Some(at.clone()),
            by: Some(by.to_owned()),
            extra: Extra::new(),
        }
    }
}

/// Reads a typed percent complete: empty means "no change", else a whole
/// number from 0 to 100 (a trailing "%" is allowed).
pub fn parse_percent(text: &str) -> Result<Option<u8>, String> {
    let text = text.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(p) if p <= 100 => Ok(Some(p)),
        _ => Err("Enter percent complete as a whole number from 0 to 100".to_owned()),
    }
}

/// Only links a person can safely follow: http, https and mailto.
pub fn is_followable_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}
