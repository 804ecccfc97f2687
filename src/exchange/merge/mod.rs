//! Merging returns: partners' updated files folded back into the plan, item
//! by item, as edit values, so the journal, undo and later exports treat them
//! like any other change.
//!
//! Notes combine by id: none duplicated, none lost. Status and percent are
//! merged three ways: each field as it stood when the pack was sent (the file
//! plus this browser's edits up to then) is compared with both sides now. A
//! field only they changed is taken; one only we changed is kept; one both
//! changed differently is a [`Conflict`] for a person to decide. Without a
//! send time (a plain export, not a pack) every difference they bring is
//! taken unless we changed that field here too. Measure values are added once.
//!
//! A send time is trusted only from a pack this browser sent (when it knows
//! which it sent) and never from the future: a return that claims any other
//! is merged as a plain export and listed in [`MergePlan::doubtful_packs`],
//! so that a wrong or forged time cannot make this browser's changes look
//! older than the pack and be overwritten without a question.
//!
//! Nothing is dropped quietly: a change that is taken is one that shows once
//! merged (each is checked by applying it), a change that would lose to a
//! later one here is a conflict, and everything else a return carries that
//! cannot be merged is listed in [`MergePlan::not_merged`] with the reason.

use foldhash::{HashMap, HashSet};

use crate::plan::{present, MeasureValue, Moment, Plan};
use crate::progress::{apply_all, Change, Edit, Location, Locator, ValueDraft};

use super::pack::{trusted_send_time, DoubtfulPack};

mod item;
mod review;

use item::{merge_item, Context};
pub use review::{Conflict, Field, MergePlan, NotMerged, NotMergedReason, Side};

/// Works out what merging `returns` (file name, plan) would do to the plan
/// opened as `base` with this browser's edits `ours`. `received` stands in
/// for when a change was made where the return does not say. `sent_here`
/// lists when this browser sent packs of this plan, where it keeps a record
/// (`None` when it cannot tell).
pub fn plan_merge(
    base: &Plan,
    ours: &[Edit],
    returns: &[(String, Plan)],
    received: &Moment,
    sent_here: Option<&[Moment]>,
) -> MergePlan {
    let mut current = base.clone();
    apply_all(&mut current, ours);
    let current = &current;
    let locator = Locator::new(current);
    // Our edits by item, and the ids of edits taken so far: a return can
    // hold every action of a large plan, so neither is searched item by item.
    let mut ours_by_item: HashMap<&str, Vec<&Edit>> = HashMap::default();
    for edit in ours {
        ours_by_item
            .entry(edit.change.target())
            .or_default()
            .push(edit);
    }
    let mut taken: HashSet<String> = HashSet::default();
    let mut out = MergePlan::default();
    for (file, theirs) in returns {
        if theirs.id != current.id {
            let why = NotMergedReason::OtherPlan {
                id: theirs.id.clone(),
                title: theirs.title.clone(),
            };
            out.not_merged.push(NotMerged {
                file: file.clone(),
                what: "the whole file".to_owned(),
                why,
            });
            continue;
        }
        let sent = trusted_send_time(theirs, received, sent_here).unwrap_or_else(|why| {
            let file = file.clone();
            out.doubtful_packs.push(DoubtfulPack { file, why });
            None
        });
        // When the return does not say when a change was made: when it was
        // exported, or else now.
        let unstamped = theirs
            .exported
            .as_ref()
            .map_or_else(|| received.clone(), |e| e.at.clone());
        let cx = Context {
            base,
            ours_by_item: &ours_by_item,
            current,
            locator: &locator,
            sent: sent.as_ref(),
            unstamped: &unstamped,
            file,
        };
        for priority in &theirs.priorities {
            for activity in priority.activities() {
                merge_item(
                    &cx,
                    &activity.id,
                    &activity.title,
                    activity.progress.as_ref(),
                    &mut out,
                    &mut taken,
                );
                for action in activity.actions() {
                    merge_item(
                        &cx,
                        &action.id,
                        &action.title,
                        action.progress.as_ref(),
                        &mut out,
                        &mut taken,
                    );
                }
            }
        }
        for measure in theirs.measures() {
            let Some(Location::Measure(mi)) = locator.find(&measure.id) else {
                if !measure.values().is_empty() {
                    let changes = count_words(measure.values().len(), "value");
                    let why = NotMergedReason::NotInPlan {
                        id: measure.id.clone(),
                        changes,
                    };
                    out.not_merged.push(NotMerged {
                        file: file.clone(),
                        what: measure.title.clone(),
                        why,
                    });
                }
                continue;
            };
            let ours = current
                .measures()
                .get(mi)
                .map(|m| m.values())
                .unwrap_or_default();
            for value in measure.values() {
                if ours.iter().any(|v| same_value(v, value)) {
                    continue;
                }
                let at = value.at.clone().unwrap_or_else(|| unstamped.clone());
                let by = value.by.clone().unwrap_or_else(|| file.clone());
                let draft = ValueDraft {
                    period: value.period.clone(),
                    value: value.value.clone(),
                    text: value.text.clone(),
                    date: value.date,
                };
                let id = format!(
                    "merge:{}:{}:{}",
                    measure.id,
                    at.as_str(),
                    value.period.clone().unwrap_or_default()
                );
                let change = Change::AddMeasureValue {
                    measure: measure.id.clone(),
                    value: draft,
                };
                push_once(&mut out.edits, &mut taken, Edit::new(id, at, by, change));
            }
        }
    }
    out
}

/// The same reported figure: same period, number, words and date, and the
/// same entry time when the return gives one.
fn same_value(ours: &MeasureValue, theirs: &MeasureValue) -> bool {
    ours.period == theirs.period
        && match (&ours.value, &theirs.value) {
            (Some(a), Some(b)) => a.same_number(b),
            (a, b) => a.is_none() && b.is_none(),
        }
        && present(&ours.text) == present(&theirs.text)
        && ours.date == theirs.date
        && (theirs.at.is_none() || ours.at == theirs.at)
}

fn push_once(edits: &mut Vec<Edit>, taken: &mut HashSet<String>, edit: Edit) {
    if taken.insert(edit.id.clone()) {
        edits.push(edit);
    }
}

/// "1 note", "2 values".
fn count_words(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
