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

use super::{Change, Edit, EvidenceDraft, Journal, NoteDraft, ValueDraft, JOURNAL_VERSION};
use crate::plan::dates::parse_iso_date;
use crate::plan::json::{self, Entries, Json};
use crate::plan::{Moment, Status};

/// A journal from its stored text; `None` for a journal of another version
/// and for anything that is not a journal.
pub fn read_journal(text: &str) -> Option<Journal> {
    let mut fields = json::parse(text.as_bytes()).ok()?.into_object()?;
    let version = fields.required("version", |v| u32::try_from(v.as_u64()?).ok())?;
    if version != JOURNAL_VERSION {
        return None;
    }
    Some(Journal {
        version,
        plan_id: fields.required("plan_id", Json::into_string)?,
        edits: fields.required("edits", |v| v.into_list(edit))?,
        exported_through: fields.optional("exported_through", Json::into_string)?,
        last_export: fields.optional("last_export", moment)?,
    })
}

/// An edit's own fields, with its change flattened in beside them.
fn edit(value: Json) -> Option<Edit> {
    let mut fields = value.into_object()?;
    let id = fields.required("id", Json::into_string)?;
    let at = fields.required("at", moment)?;
    let by = fields.required("by", Json::into_string)?;
    let batch = fields.optional("batch", Json::into_string)?;
    let change = change(fields)?;
    Some(Edit { id, at, by, batch, change })
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
        value: fields.optional("value", |v| v.as_f64())?,
        text: fields.optional("text", Json::into_string)?,
        date: fields.optional("date", iso_date)?,
    })
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
