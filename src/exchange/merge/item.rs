//! Merging one returned item's progress: its notes by id, and its status
//! and percent three ways (see the parent module), into edits, conflicts
//! and what is not merged.

use foldhash::{HashMap, HashSet};

use crate::plan::{Moment, Plan, Progress, Status};
use crate::progress::{
    current_progress, Change, Edit, EvidenceDraft, Location, Locator, NoteDraft,
};

use super::review::{Conflict, Field, MergePlan, NotMerged, NotMergedReason, Side};
use super::{count_words, push_once};

/// What merging one returned file needs to know.
pub(super) struct Context<'a> {
    pub(super) base: &'a Plan,
    pub(super) ours_by_item: &'a HashMap<&'a str, Vec<&'a Edit>>,
    pub(super) current: &'a Plan,
    pub(super) locator: &'a Locator,
    pub(super) sent: Option<&'a Moment>,
    /// When a change the return does not stamp was made, as best known.
    pub(super) unstamped: &'a Moment,
    pub(super) file: &'a str,
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

pub(super) fn merge_item(
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
