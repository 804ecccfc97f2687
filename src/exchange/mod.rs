//! Plans travelling by email: export with every change applied, return packs
//! for partners, merging their returns, comparing versions, and CSV for Excel.
//! Plain Rust.

mod compare;
mod csv;
mod merge;
mod pack;

pub use compare::{compare, exported_at, Comparison, PriorityChanges};
pub use csv::{actions_csv, csv_file_name, field as csv_field, push_row as push_csv_row};
pub use merge::{plan_merge, Conflict, Field, MergePlan, NotMerged, NotMergedReason, Side};
pub use pack::{
    pack_claim, pack_file_name, pack_sent_at, packs_sent_text, partner_pack, read_packs_sent,
    trusted_send_time, DoubtfulPack, PackChoice, PackClaim, PackDoubt, PACK_FIELD,
};

use chrono::NaiveDate;

use crate::plan::dates::iso_date;
use crate::plan::{write_plan, Exported, Extra, Moment, Plan};
use crate::progress::{apply_all, Edit, Journal};

/// The app's version, written into every export.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A plan ready to export, with what went into it.
pub struct Export<'j> {
    pub plan: Plan,
    /// The journal's edits the file holds: every one in effect, applied to
    /// its item or, where the plan lacks the item, kept in `orphaned_edits`.
    pub edit_ids: Vec<String>,
    /// The edits whose item the plan does not have, now in `orphaned_edits`.
    pub orphans: Vec<&'j Edit>,
}

/// The plan with every recorded change applied, stamped as exported. An edit
/// to an item this plan does not have is never dropped: it goes into the
/// file's `orphaned_edits` (once, by id), so the export still holds it.
pub fn export_plan<'j>(base: &Plan, journal: &'j Journal, at: Moment, by: &str) -> Export<'j> {
    let mut plan = base.clone();
    let orphans = apply_all(&mut plan, &journal.edits);
    if !orphans.is_empty() {
        let kept = plan.orphaned_edits.get_or_insert_with(Vec::new);
        for orphan in &orphans {
            let already = kept
                .iter()
                .any(|e| e.get("id").and_then(|id| id.as_str()) == Some(orphan.id.as_str()));
            if !already {
                kept.push(orphan_record(orphan));
            }
        }
    }
    let extra = plan.exported.take().map(|e| e.extra).unwrap_or_default();
    plan.exported = Some(Exported {
        at,
        by: Some(by.to_owned()),
        app_version: Some(APP_VERSION.to_owned()),
        extra,
    });
    let edit_ids = journal.edits.iter().map(|e| e.id.clone()).collect();
    Export {
        plan,
        edit_ids,
        orphans,
    }
}

/// An edit as the journal stores it, less the tab it was made in, which
/// means nothing outside this browser.
fn orphan_record(edit: &Edit) -> Extra {
    let mut record = match serde_json::to_value(edit) {
        Ok(serde_json::Value::Object(map)) => map,
        // An edit always serialises to an object; keep at least its id.
        _ => Extra::from_iter([("id".to_owned(), serde_json::Value::String(edit.id.clone()))]),
    };
    record.shift_remove("session");
    record
}

/// The plan as it stands here: the file with every recorded change applied,
/// for comparing and for partner packs (no export stamp, no orphaned edits).
pub fn plan_as_it_stands(base: &Plan, journal: &Journal) -> Plan {
    let mut plan = base.clone();
    apply_all(&mut plan, &journal.edits);
    plan
}

/// A plan file ready to hand to the browser, and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFile {
    /// `<plan id>-<YYYY-MM-DD>.json`.
    pub name: String,
    pub text: String,
    pub at: Moment,
    /// The journal's edits the file holds, to count as exported once it is saved.
    pub edit_ids: Vec<String>,
    /// How many of them are to items the plan lacks, kept in `orphaned_edits`.
    pub orphans: usize,
}

/// How an export reached the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivered {
    Downloaded,
    /// Saved through the browser's file picker, to the file named.
    SavedTo(String),
}

impl ExportFile {
    pub fn new(base: &Plan, journal: &Journal, at: Moment, by: &str) -> ExportFile {
        let export = export_plan(base, journal, at.clone(), by);
        let name = export_file_name(&base.id, at.instant().date_naive());
        ExportFile {
            name,
            text: export_text(&export.plan),
            at,
            edit_ids: export.edit_ids,
            orphans: export.orphans.len(),
        }
    }

    /// What to tell the person once the file is theirs.
    pub fn done_message(&self, delivered: &Delivered) -> String {
        let done = match delivered {
            Delivered::Downloaded => format!("Plan exported as {}", self.name),
            Delivered::SavedTo(file) => format!("Plan saved to {file}"),
        };
        let kept = match self.orphans {
            0 => String::new(),
            1 => ". It also carries 1 change to an item this version of the plan does not have, so that it is not lost".to_owned(),
            n => format!(". It also carries {n} changes to items this version of the plan does not have, so that they are not lost"),
        };
        format!("{done}{kept}")
    }
}

/// The exported file's text.
pub fn export_text(plan: &Plan) -> String {
    let mut text = write_plan(plan);
    text.push('\n');
    text
}

/// `<plan id>-<YYYY-MM-DD>.json`, with characters that file systems refuse replaced.
pub fn export_file_name(plan_id: &str, day: NaiveDate) -> String {
    let safe: String = plan_id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let safe = safe.trim_matches(['.', '-']).to_owned();
    let safe = if safe.is_empty() {
        "plan".to_owned()
    } else {
        safe
    };
    format!("{safe}-{}.json", iso_date(day))
}
