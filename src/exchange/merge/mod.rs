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

use crate::plan::{present, MeasureValue, Moment, Plan, Progress, Status};
use crate::progress::{
    apply_all, current_progress, Change, Edit, EvidenceDraft, Location, Locator, NoteDraft,
    ValueDraft,
};

use super::pack::{trusted_send_time, DoubtfulPack};

mod review;

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

/// What merging one returned file needs to know.
struct Context<'a> {
    base: &'a Plan,
    ours_by_item: &'a HashMap<&'a str, Vec<&'a Edit>>,
    current: &'a Plan,
    locator: &'a Locator,
    sent: Option<&'a Moment>,
    /// When a change the return does not stamp was made, as best known.
    unstamped: &'a Moment,
    file: &'a str,
}

/// "1 note", "2 values".
fn count_words(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// What a returned item's progress holds, in words: "status, 2 notes".
fn progress_words(progress: &Progress) -> String {
    let mut parts = Vec::new();
    if progress.status.is_some() {
        parts.push("status".to_owned());
    }
    if progress.percent.is_some() {
        parts.push("percent complete".to_owned());
    }
    if !progress.notes().is_empty() {
        parts.push(count_words(progress.notes().len(), "note"));
    }
    if parts.is_empty() {
        "progress".to_owned()
    } else {
        parts.join(", ")
    }
}

fn merge_item(
    cx: &Context<'_>,
    id: &str,
    title: &str,
    theirs: Option<&Progress>,
    out: &mut MergePlan,
    taken: &mut HashSet<String>,
) {
    let Some(theirs) = theirs else { return };
    let location = match cx.locator.find(id) {
        Some(location @ (Location::Activity(..) | Location::Action(..))) => location,
        _ => {
            let why = NotMergedReason::NotInPlan {
                id: id.to_owned(),
                changes: progress_words(theirs),
            };
            out.not_merged.push(NotMerged {
                file: cx.file.to_owned(),
                what: title.to_owned(),
                why,
            });
            return;
        }
    };
    let empty = Progress::default();
    let ours = location.progress(cx.current).unwrap_or(&empty);

    // Notes combine by id.
    let known: HashSet<&str> = ours.notes().iter().map(|n| n.id.as_str()).collect();
    for note in theirs.notes() {
        if known.contains(note.id.as_str()) {
            continue;
        }
        let draft = NoteDraft {
            id: note.id.clone(),
            text: note.text.clone(),
            status: note.status,
            evidence: note
                .evidence
                .iter()
                .flatten()
                .map(|e| EvidenceDraft {
                    title: e.title.clone(),
                    source: e.source.clone(),
                    url: e.url.clone(),
                })
                .collect(),
            corrects: note.corrects.clone(),
        };
        let by = note.by.clone().unwrap_or_else(|| cx.file.to_owned());
        let change = Change::AddNote {
            item: id.to_owned(),
            note: draft,
        };
        push_once(
            &mut out.edits,
            taken,
            Edit::new(format!("merge:{}", note.id), note.at.clone(), by, change),
        );
    }

    // Status and percent, three ways: as sent, ours now, theirs now.
    let their_at = theirs
        .updated
        .clone()
        .unwrap_or_else(|| cx.unstamped.clone());
    let item_edits = cx.ours_by_item.get(id).into_iter().flatten().copied();
    // Nothing recorded at the time is an empty progress, not an unknown one.
    let as_sent = cx.sent.map(|sent| {
        current_progress(
            location.progress(cx.base),
            item_edits.clone().filter(|e| e.at <= *sent),
        )
        .unwrap_or_default()
    });
    let we_edited = |field: Field| {
        item_edits.clone().any(|e| {
            let same_field = matches!(
                (&e.change, field),
                (Change::SetStatus { .. }, Field::Status)
                    | (Change::SetPercent { .. }, Field::Percent)
            );
            same_field && cx.sent.is_none_or(|sent| e.at > *sent)
        })
    };
    let fields: [(Field, String, String, Option<String>, Change); 2] = [
        (
            Field::Status,
            status_words(ours.status),
            status_words(theirs.status),
            as_sent.as_ref().map(|p| status_words(p.status)),
            Change::SetStatus {
                item: id.to_owned(),
                status: theirs.status,
            },
        ),
        (
            Field::Percent,
            percent_words(ours.percent),
            percent_words(theirs.percent),
            as_sent.as_ref().map(|p| percent_words(p.percent)),
            Change::SetPercent {
                item: id.to_owned(),
                percent: theirs.percent,
            },
        ),
    ];
    let conflict = |field: Field, our_value: String, their_value: String, take: Change| Conflict {
        item: id.to_owned(),
        item_title: title.to_owned(),
        field,
        ours: Side {
            value: our_value,
            by: ours.updated_by.clone(),
            at: ours.updated.clone(),
        },
        theirs: Side {
            value: their_value,
            by: theirs.updated_by.clone(),
            at: Some(their_at.clone()),
        },
        file: cx.file.to_owned(),
        take,
    };
    let mut candidates: Vec<(Field, String, String, Edit)> = Vec::new();
    for (field, our_value, their_value, sent_value, change) in fields {
        if our_value == their_value {
            continue;
        }
        let (they_changed, we_changed) = match (cx.sent, sent_value) {
            (Some(_), Some(sent_value)) => (their_value != sent_value, our_value != sent_value),
            // Without a send time, their difference is a change, and ours is
            // one only if we edited that field here.
            _ => (true, we_edited(field)),
        };
        if !they_changed {
            continue;
        }
        if we_changed {
            out.conflicts
                .push(conflict(field, our_value, their_value, change));
        } else {
            let by = theirs
                .updated_by
                .clone()
                .unwrap_or_else(|| cx.file.to_owned());
            let key = if field == Field::Status {
                "status"
            } else {
                "percent"
            };
            let edit = Edit::new(
                format!("merge:{id}:{key}:{}", their_at.as_str()),
                their_at.clone(),
                by,
                change,
            );
            candidates.push((field, our_value, their_value, edit));
        }
    }
    if candidates.is_empty() {
        return;
    }
    // A change is only taken if it shows once merged. One stamped earlier
    // than a change already here (the file's own, or ours) would lose to it
    // ("the later change wins"): that is for the person to decide.
    let merged = current_progress(
        location.progress(cx.base),
        item_edits.clone().chain(candidates.iter().map(|(.., e)| e)),
    )
    .unwrap_or_default();
    for (field, our_value, their_value, edit) in candidates {
        let shown = match field {
            Field::Status => status_words(merged.status),
            Field::Percent => percent_words(merged.percent),
        };
        if shown == their_value {
            push_once(&mut out.edits, taken, edit);
        } else {
            out.conflicts
                .push(conflict(field, our_value, their_value, edit.change));
        }
    }
}

fn status_words(status: Option<Status>) -> String {
    status.map_or("No status".to_owned(), |s| s.label().to_owned())
}

fn percent_words(percent: Option<u8>) -> String {
    percent.map_or("None".to_owned(), |p| format!("{p}%"))
}
