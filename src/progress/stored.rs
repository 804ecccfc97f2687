//! Reading a journal back from browser storage.
//!
//! Journals are written by serde's derived `Serialize` and read here by hand,
//! through the plan reader's JSON tree: a derived `Deserialize` for these
//! types (a flattened, internally tagged enum among them) cost about 15 KB of
//! the compressed download. The reader takes what the derive took: unknown
//! fields are ignored, `Option` fields may be absent or null, fields with a
//! default may be absent, and anything else amiss refuses the whole journal,
//! which storage then sets aside. Only forms serde never writes are read
//! differently: a field written twice reads as its last value (the tree keeps
//! one) and a change's `kind` must be its name, not a variant number.

use chrono::NaiveDate;

use super::journal::{Withdrawal, Withdrawn};
use super::structure::{Level, ListField, TextField};
use super::{Change, Edit, EvidenceDraft, Journal, NoteDraft, ValueDraft, JOURNAL_VERSION};
use crate::plan::dates::parse_iso_date;
use crate::plan::json::{self, Entries, Json};
use crate::plan::{Moment, Status};

/// A journal from its stored text; `None` for a journal of another version
/// and for anything that is not a journal.
///
/// Version 1 (before withdrawals) is upgraded: its export mark was the id of
/// the last edit exported, counting every edit recorded before it.
pub fn read_journal(text: &str) -> Option<Journal> {
    let mut fields = json::parse(text.as_bytes()).ok()?.into_object()?;
    let version = fields.required("version", |v| u32::try_from(v.as_u64()?).ok())?;
    let plan_id = fields.required("plan_id", Json::into_string)?;
    let edits: Vec<Edit> = fields.required("edits", |v| v.into_list(edit))?;
    let last_export = fields.optional("last_export", moment)?;
    let made_here = fields.or_default("made_here", |v| match v {
        Json::Bool(made_here) => Some(made_here),
        _ => None,
    })?;
    let (withdrawn, exported) = match version {
        1 => {
            let through = fields.optional("exported_through", Json::into_string)?;
            let upto = through
                .and_then(|id| edits.iter().position(|e| e.id == id))
                .map_or(0, |at| at + 1);
            (
                Vec::new(),
                edits.iter().take(upto).map(|e| e.id.clone()).collect(),
            )
        }
        JOURNAL_VERSION => (
            fields.or_default("withdrawn", |v| v.into_list(withdrawal))?,
            fields.or_default("exported", |v| v.into_list(Json::into_string))?,
        ),
        _ => return None,
    };
    // Added one by one, so that the lists are in order whatever the text
    // says, and an edit also taken back is taken back.
    let mut journal = Journal {
        version: JOURNAL_VERSION,
        plan_id,
        edits,
        last_export,
        made_here,
        ..Journal::default()
    };
    for withdrawal in withdrawn {
        journal.add_withdrawal(withdrawal);
    }
    journal.add_exported(exported);
    Some(journal)
}

/// Why this tab's journal cannot be written where one is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotSaved {
    /// What is stored there is not a journal of this plan that this version
    /// can read (a newer version wrote it, or it is damaged): writing would
    /// destroy it.
    StoredUnreadable,
}

/// What to write to storage for `ours`: the journal already stored there (if
/// any, perhaps written by another tab since this one last looked) merged
/// with ours, so two tabs saving at once never overwrite each other's
/// changes. Stored text that cannot be read is never overwritten.
pub fn journal_to_store(stored: Option<&str>, ours: &Journal) -> Result<Journal, NotSaved> {
    let Some(text) = stored else {
        return Ok(ours.clone());
    };
    let theirs = read_journal(text)
        .filter(|j| j.plan_id == ours.plan_id)
        .ok_or(NotSaved::StoredUnreadable)?;
    let mut merged = ours.clone();
    merged.merge(&theirs);
    Ok(merged)
}

/// An edit's own fields, with its change flattened in beside them.
fn edit(value: Json) -> Option<Edit> {
    let mut fields = value.into_object()?;
    let id = fields.required("id", Json::into_string)?;
    let at = fields.required("at", moment)?;
    let by = fields.required("by", Json::into_string)?;
    let batch = fields.optional("batch", Json::into_string)?;
    let session = fields.optional("session", Json::into_string)?;
    let change = change(fields)?;
    Some(Edit {
        id,
        at,
        by,
        batch,
        session,
        change,
    })
}

/// The rest of an edit's fields: `kind` names the change, in snake case.
fn change(mut fields: Entries) -> Option<Change> {
    let kind = fields.remove("kind")?;
    Some(match kind.as_str()? {
        "set_status" => Change::SetStatus {
            item: fields.required("item", Json::into_string)?,
            status: fields.optional("status", status)?,
        },
        "set_percent" => Change::SetPercent {
            item: fields.required("item", Json::into_string)?,
            percent: fields.optional("percent", |v| u8::try_from(v.as_u64()?).ok())?,
        },
        "add_note" => Change::AddNote {
            item: fields.required("item", Json::into_string)?,
            note: fields.required("note", note)?,
        },
        "add_measure_value" => Change::AddMeasureValue {
            measure: fields.required("measure", Json::into_string)?,
            value: fields.required("value", measure_value)?,
        },
        "add_item" => Change::AddItem {
            item: fields.required("item", Json::into_string)?,
            level: fields.required("level", |v| Level::from_code(v.as_str()?))?,
            parent: fields.optional("parent", Json::into_string)?,
            title: fields.required("title", Json::into_string)?,
        },
        "set_text" => Change::SetText {
            item: fields.required("item", Json::into_string)?,
            field: fields.required("field", |v| TextField::from_code(v.as_str()?))?,
            text: fields.optional("text", Json::into_string)?,
        },
        "set_list" => Change::SetList {
            item: fields.required("item", Json::into_string)?,
            field: fields.required("field", |v| ListField::from_code(v.as_str()?))?,
            items: fields.required("items", |v| v.into_list(Json::into_string))?,
        },
        "move_item" => Change::MoveItem {
            item: fields.required("item", Json::into_string)?,
            parent: fields.optional("parent", Json::into_string)?,
            before: fields.optional("before", Json::into_string)?,
        },
        "delete_item" => Change::DeleteItem {
            item: fields.required("item", Json::into_string)?,
        },
        _ => return None,
    })
}

fn note(value: Json) -> Option<NoteDraft> {
    let mut fields = value.into_object()?;
    Some(NoteDraft {
        id: fields.required("id", Json::into_string)?,
        text: fields.required("text", Json::into_string)?,
        status: fields.optional("status", status)?,
        evidence: fields.or_default("evidence", |v| v.into_list(evidence))?,
        corrects: fields.optional("corrects", Json::into_string)?,
    })
}

fn evidence(value: Json) -> Option<EvidenceDraft> {
    let mut fields = value.into_object()?;
    Some(EvidenceDraft {
        title: fields.optional("title", Json::into_string)?,
        source: fields.optional("source", Json::into_string)?,
        url: fields.optional("url", Json::into_string)?,
    })
}

fn measure_value(value: Json) -> Option<ValueDraft> {
    let mut fields = value.into_object()?;
    Some(ValueDraft {
        period: fields.optional("period", Json::into_string)?,
        value: fields.optional("value", Json::into_figure)?,
        text: fields.optional("text", Json::into_string)?,
        date: fields.optional("date", iso_date)?,
    })
}

fn withdrawal(value: Json) -> Option<Withdrawal> {
    let mut fields = value.into_object()?;
    let edit = fields.required("edit", Json::into_string)?;
    let at = fields.required("at", moment)?;
    let why = match fields.required("why", Json::into_string)?.as_str() {
        "undone" => Withdrawn::Undone,
        "discarded" => Withdrawn::Discarded,
        _ => return None,
    };
    Some(Withdrawal { edit, at, why })
}

fn moment(value: Json) -> Option<Moment> {
    Moment::parse(value.as_str()?)
}

/// A status by the code serde writes for it.
fn status(value: Json) -> Option<Status> {
    Status::from_code(value.as_str()?)
}

/// "2017-03-31", as `plan::dates::optional_iso_date` writes it.
fn iso_date(value: Json) -> Option<NaiveDate> {
    parse_iso_date(value.as_str()?)
}
