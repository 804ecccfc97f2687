//! The walk's field readers: each takes one field out of an object, checks
//! it, and says what is wrong in words a person can act on, at the object's
//! place.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::{Walk, MAX_TEXT_BYTES};
use crate::plan::dates::{iso_date, parse_iso_date};
use crate::plan::figure::Figure;
use crate::plan::human_size;
use crate::plan::json::{Entries, Json};
use crate::plan::model::*;
use crate::plan::place::{Label, Place};
use crate::plan::Moment;

/// The fields of one JSON object, taken out one by one as they are checked.
pub(super) struct Fields {
    pub(super) map: Entries,
    pub(super) place: Place,
    /// Put before field names in messages ("due " gives "due date").
    pub(super) prefix: &'static str,
}

impl Walk {
    pub(super) fn object(&mut self, value: Json, place: Place) -> Option<Fields> {
        match value {
            Json::Object(map) => Some(Fields {
                map: Entries(map),
                place,
                prefix: "",
            }),
            other => {
                self.problem(
                    &place,
                    format!("must be an object with fields, not {}", kind(&other)),
                );
                None
            }
        }
    }

    /// An optional object field, at its own place inside its parent's, or
    /// at the parent's own place when `label` is `None` (a due date is part
    /// of its action).
    pub(super) fn opt_object(
        &mut self,
        f: &mut Fields,
        key: &str,
        label: Option<Label>,
    ) -> Option<Fields> {
        match f.map.remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Object(map)) => {
                let place = label.map_or(f.place, |label| f.place.child(label));
                Some(Fields {
                    map: Entries(map),
                    place,
                    prefix: "",
                })
            }
            Some(other) => {
                let name = f.name(key);
                self.problem(
                    &f.place,
                    format!("{name} must be an object with fields, not {}", kind(&other)),
                );
                None
            }
        }
    }

    pub(super) fn opt_list<T>(
        &mut self,
        f: &mut Fields,
        key: &str,
        item: Label,
        mut read: impl FnMut(&mut Walk, &mut Fields) -> T,
    ) -> Option<Vec<T>> {
        match f.map.remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, value) in items.into_iter().enumerate() {
                    if let Some(mut fields) = self.object(value, f.place.item(item, i + 1)) {
                        out.push(read(self, &mut fields));
                    }
                }
                Some(out)
            }
            Some(other) => {
                let name = f.name(key);
                self.problem(
                    &f.place,
                    format!("{name} must be a list, not {}", kind(&other)),
                );
                None
            }
        }
    }

    /// A text over [`MAX_TEXT_BYTES`] is a problem at its place: no plan
    /// has one, and drawing it would freeze the page.
    fn text_too_long(&mut self, f: &Fields, key: &str, text: &str) -> bool {
        let too_long = text.len() > MAX_TEXT_BYTES;
        if too_long {
            let name = f.name(key);
            let message = format!(
                "{name} is {} of text, more than the {} one text in a plan can hold; shorten it",
                human_size(text.len()),
                human_size(MAX_TEXT_BYTES)
            );
            self.problem(&f.place, message);
        }
        too_long
    }

    pub(super) fn req_text(&mut self, f: &mut Fields, key: &str) -> String {
        match f.map.remove(key) {
            Some(Json::String(s)) if self.text_too_long(f, key, &s) => String::new(),
            Some(Json::String(s)) if !s.trim().is_empty() => s,
            Some(Json::String(s)) => {
                let name = f.name(key);
                let what = if s.is_empty() {
                    "is empty"
                } else {
                    "has only spaces"
                };
                self.problem(&f.place, format!("{name} {what}; it is required"));
                String::new()
            }
            None | Some(Json::Null) => {
                let name = f.name(key);
                self.problem(&f.place, format!("{name} is missing; it is required"));
                String::new()
            }
            Some(other) => {
                let name = f.name(key);
                self.problem(
                    &f.place,
                    format!("{name} must be text, not {}", kind(&other)),
                );
                String::new()
            }
        }
    }

    pub(super) fn opt_text(&mut self, f: &mut Fields, key: &str) -> Option<String> {
        match f.map.remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::String(s)) if self.text_too_long(f, key, &s) => None,
            Some(Json::String(s)) => Some(s),
            Some(other) => {
                let name = f.name(key);
                self.problem(
                    &f.place,
                    format!("{name} must be text, not {}", kind(&other)),
                );
                None
            }
        }
    }

    pub(super) fn opt_texts(&mut self, f: &mut Fields, key: &str) -> Option<Vec<String>> {
        match f.map.remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    match item {
                        Json::String(s) if self.text_too_long(f, key, &s) => {}
                        Json::String(s) => out.push(s),
                        other => {
                            let name = f.name(key);
                            let message =
                                format!("{name} item {} must be text, not {}", i + 1, kind(&other));
                            self.problem(&f.place, message);
                        }
                    }
                }
                Some(out)
            }
            Some(other) => {
                let name = f.name(key);
                self.problem(
                    &f.place,
                    format!("{name} must be a list of text, not {}", kind(&other)),
                );
                None
            }
        }
    }

    pub(super) fn opt_number(&mut self, f: &mut Fields, key: &str) -> Option<Figure> {
        match f.map.remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) => Some(Figure::from_number(n)),
            Some(other) => {
                let name = f.name(key);
                let message = format!(
                    "{name} must be a number, not {}; put words in \"text\"",
                    kind(&other)
                );
                self.problem(&f.place, message);
                None
            }
        }
    }

    pub(super) fn opt_date(&mut self, f: &mut Fields, key: &str) -> Option<NaiveDate> {
        match f.map.remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::String(s)) if s.trim().is_empty() => None,
            Some(Json::String(s)) => match parse_iso_date(&s) {
                Some(date) => Some(date),
                None => {
                    let name = f.name(key);
                    let hint = match suggest_iso_date(&s) {
                        Some(iso) => format!("write {iso}"),
                        None => "write it as year-month-day, such as 2017-03-31".to_owned(),
                    };
                    self.problem(
                        &f.place,
                        format!("{name} '{}' is not a date; {hint}", clip(&s)),
                    );
                    None
                }
            },
            Some(other) => {
                let name = f.name(key);
                self.problem(
                    &f.place,
                    format!(
                        "{name} must be a date such as \"2017-03-31\", not {}",
                        kind(&other)
                    ),
                );
                None
            }
        }
    }

    pub(super) fn moment(&mut self, f: &Fields, key: &str, value: Json) -> Option<Moment> {
        match value {
            Json::String(s) => match Moment::from_text(s) {
                Ok(m) => Some(m),
                Err(s) => {
                    let name = f.name(key);
                    let message = format!(
                        "{name} '{}' is not a date and time; write it like 2026-11-22T09:30:00Z",
                        clip(&s)
                    );
                    self.problem(&f.place, message);
                    None
                }
            },
            other => {
                let name = f.name(key);
                let message = format!(
                    "{name} must be a date and time such as \"2026-11-22T09:30:00Z\", not {}",
                    kind(&other)
                );
                self.problem(&f.place, message);
                None
            }
        }
    }

    pub(super) fn opt_moment(&mut self, f: &mut Fields, key: &str) -> Option<Moment> {
        match f.map.remove(key) {
            None | Some(Json::Null) => None,
            Some(value) => self.moment(f, key, value),
        }
    }

    pub(super) fn req_moment(&mut self, f: &mut Fields, key: &str) -> Moment {
        let found = match f.map.remove(key) {
            None | Some(Json::Null) => {
                let name = f.name(key);
                self.problem(&f.place, format!("{name} is missing; it is required"));
                None
            }
            Some(value) => self.moment(f, key, value),
        };
        // The plan is refused when this is missing; the placeholder never escapes.
        found.unwrap_or_else(|| Moment::from_instant(chrono::DateTime::UNIX_EPOCH.fixed_offset()))
    }

    pub(super) fn opt_status(&mut self, f: &mut Fields, key: &str) -> Option<Status> {
        let text = self.opt_text(f, key)?;
        if text.is_empty() {
            return None;
        }
        let status = Status::from_code(&text);
        if status.is_none() {
            let codes: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
            let message = format!(
                "status '{}' is not one of {}",
                clip(&text),
                codes.join(", ")
            );
            self.problem(&f.place, message);
        }
        status
    }
}

impl Fields {
    pub(super) fn name(&self, key: &str) -> String {
        format!("{}{}", self.prefix, key.replace('_', " "))
    }
}

pub(super) fn take(f: &mut Fields) -> Map<String, Value> {
    std::mem::take(&mut f.map).into_extra()
}

/// Suggests the ISO form of a date written the British way ("31/03/2017").
fn suggest_iso_date(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.trim().split(['/', '.', '-']).collect();
    if let [d, m, y] = parts.as_slice() {
        let (d, m, y): (u32, u32, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
        let y = if y < 100 { 2000 + y } else { y };
        return NaiveDate::from_ymd_opt(y, m, d).map(iso_date);
    }
    None
}

pub(super) fn kind(value: &Json) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "true or false",
        Json::Number(_) => "a number",
        Json::String(_) => "text",
        Json::Array(_) => "a list",
        Json::Object(_) => "an object",
    }
}

pub(super) fn short(value: &Json) -> String {
    match value {
        Json::String(s) => format!("'{}'", clip(s)),
        Json::Number(n) => n.to_string(),
        other => kind(other).to_owned(),
    }
}

/// Long values are cut in messages so one bad field cannot flood the summary.
fn clip(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    }
}
