//! Plans travelling by email: export with every change applied, return packs
//! for partners, merging their returns, comparing versions, and CSV for Excel.
//! Plain Rust.

mod compare;
mod csv;
mod merge;
mod pack;

pub use compare::{compare, exported_at, Comparison, PriorityChanges};
pub use csv::{actions_csv, csv_file_name, field as csv_field};
pub use merge::{plan_merge, Conflict, Field, MergePlan, MergeRefusal, Side};
pub use pack::{pack_file_name, pack_sent_at, partner_pack, PackChoice, PACK_FIELD};

use chrono::NaiveDate;

use crate::plan::dates::iso_date;
use crate::plan::{write_plan, Exported, Moment, Plan};
use crate::progress::{apply_all, Edit, Journal};

/// The app's version, written into every export.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The plan with every recorded change applied, stamped as exported.
/// Edits whose item the plan lacks are returned so they can be shown.
pub fn export_plan<'j>(base: &Plan, journal: &'j Journal, at: Moment, by: &str) -> (Plan, Vec<&'j Edit>) {
    let mut plan = base.clone();
    let orphans = apply_all(&mut plan, &journal.edits);
    let extra = plan.exported.take().map(|e| e.extra).unwrap_or_default();
    plan.exported = Some(Exported { at, by: Some(by.to_owned()), app_version: Some(APP_VERSION.to_owned()), extra });
    (plan, orphans)
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
        .map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' })
        .collect();
    let safe = safe.trim_matches(['.', '-']).to_owned();
    let safe = if safe.is_empty() { "plan".to_owned() } else { safe };
    format!("{safe}-{}.json", iso_date(day))
}
