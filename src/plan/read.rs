//! Reading a plan file: bytes in, a [`Plan`] or every problem out.
//!
//! Reading never stops at the first problem. The file is parsed once into a
//! JSON tree; a single walk then checks every field and moves it into the typed
//! plan, so the problems come out in file order, each with a readable place
//! ("Priority 2 › Activity 3 › Action 1"). What the walk does not know stays in
//! `extra`, in order. Nothing here panics, whatever the bytes.

mod fields;
mod ids;
mod measures;
mod progress;
mod unparsed;

use foldhash::HashMap;

use super::json::{self, field, Entries, Json, Key};
use super::model::*;
use super::place::{Label, Place};
use super::problem::{Problem, ReadError};
use fields::{kind, short, take, Fields};

/// The largest file opened. Plans of 20,000 actions are about 20 MB.
pub const MAX_FILE_BYTES: usize = 64 * 1000 * 1000;

/// The longest single text a plan may hold (a title, a note, a name). The
/// samples' longest, a note of evidence, is about 4 KB.
pub const MAX_TEXT_BYTES: usize = 1000 * 1000;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Opens a plan file.
pub fn read_plan(bytes: &[u8]) -> Result<Plan, ReadError> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len() });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    // JSON that parses is text, so a file is only checked for being binary
    // when it does not parse: a 20 MB plan is not scanned twice more.
    let tree = json::parse(bytes).map_err(|error| unparsed::why(bytes, error))?;
    read_tree(tree)
}

/// Checks a parsed JSON tree and turns it into a plan.
fn read_tree(tree: Json) -> Result<Plan, ReadError> {
    let Json::Object(map) = tree else {
        return Err(ReadError::NotAPlan);
    };
    if field(&map, "format").and_then(Json::as_str) != Some(FORMAT) {
        return Err(ReadError::NotAPlan);
    }
    if let Some(version) = field(&map, "format_version").and_then(Json::as_u64) {
        if version > FORMAT_VERSION {
            return Err(ReadError::NewerVersion { version });
        }
    }
    let mut walk = Walk::default();
    // Sized once: growing the map as ids arrive re-hashes every id seen so far.
    walk.ids
        .reserve(map.iter().map(|(_, value)| ids::ids_within(value)).sum());
    let plan = walk.plan(map);
    walk.check_references(&plan);
    if walk.problems.is_empty() {
        Ok(plan)
    } else {
        Err(ReadError::Invalid(walk.problems))
    }
}

#[derive(Default)]
struct Walk {
    problems: Vec<Problem>,
    /// Every id seen, with where it was first seen.
    ids: HashMap<String, Place>,
    /// (place, measure id) for every `measure_ids` entry, checked at the end.
    measure_refs: Vec<(Place, String)>,
    /// (place, priority id) for every measure's priority link.
    priority_refs: Vec<(Place, String)>,
}

impl Walk {
    fn problem(&mut self, place: &Place, message: String) {
        self.problems.push(Problem {
            place: place.to_string(),
            message,
        });
    }

    fn plan(&mut self, map: Vec<(Key, Json)>) -> Plan {
        let mut f = Fields {
            map: Entries(map),
            place: Place::PLAN,
            prefix: "",
        };
        let format = self.req_text(&mut f, "format");
        let format_version = match f.map.remove("format_version") {
            Some(Json::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => FORMAT_VERSION,
            Some(other) => {
                self.problem(
                    &Place::PLAN,
                    format!("format_version is {}; it must be 1", short(&other)),
                );
                FORMAT_VERSION
            }
            None => {
                self.problem(
                    &Place::PLAN,
                    "format_version is missing; add \"format_version\": 1".to_owned(),
                );
                FORMAT_VERSION
            }
        };
        let id = self.req_text(&mut f, "id");
        self.check_id_characters(&Place::PLAN, &id);
        if !id.trim().is_empty() {
            self.ids.insert(id.clone(), Place::PLAN);
        }
        let title = self.req_text(&mut f, "title");
        let subtitle = self.opt_text(&mut f, "subtitle");
        let organisation = self.opt_text(&mut f, "organisation");
        let document_status = self.opt_text(&mut f, "document_status");
        let revision = self.opt_text(&mut f, "revision");
        let period = self
            .opt_object(&mut f, "period", Some(Label::PlanPeriod))
            .map(|mut p| {
                let start = self.opt_date(&mut p, "start");
                let end = self.opt_date(&mut p, "end");
                if let (Some(s), Some(e)) = (start, end) {
                    if e < s {
                        self.problem(
                            &p.place,
                            format!("the period ends ({e}) before it starts ({s})"),
                        );
                    }
                }
                Period {
                    start,
                    end,
                    extra: p.map.into_extra(),
                }
            });
        let published = self.opt_date(&mut f, "published");
        let description = self.opt_text(&mut f, "description");
        let priorities = match f.map.remove("priorities") {
            Some(Json::Array(items)) => {
                if items.is_empty() {
                    self.problem(
                        &Place::PLAN,
                        "the plan has no priorities; it needs at least one".to_owned(),
                    );
                }
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    if let Some(mut p) = self.object(item, Place::PLAN.item(Label::Priority, i + 1))
                    {
                        out.push(self.priority(&mut p));
                    }
                }
                out
            }
            Some(other) => {
                self.problem(
                    &Place::PLAN,
                    format!("priorities must be a list, not {}", kind(&other)),
                );
                Vec::new()
            }
            None => {
                self.problem(
                    &Place::PLAN,
                    "priorities are missing; a plan needs at least one priority".to_owned(),
                );
                Vec::new()
            }
        };
        let measures = self.opt_list(&mut f, "measures", Label::Measure, |w, p| w.measure(p));
        let exported = self
            .opt_object(&mut f, "exported", Some(Label::PlanExported))
            .map(|mut e| Exported {
                at: self.req_moment(&mut e, "at"),
                by: self.opt_text(&mut e, "by"),
                app_version: self.opt_text(&mut e, "app_version"),
                extra: e.map.into_extra(),
            });
        let orphaned_edits =
            self.opt_list(&mut f, "orphaned_edits", Label::OrphanedEdit, |w, e| {
                if !matches!(field(&e.map.0, "id"), Some(Json::String(id)) if !id.trim().is_empty())
                {
                    w.problem(&e.place, "an orphaned edit must have an \"id\"".to_owned());
                }
                take(e)
            });
        Plan {
            format,
            format_version,
            id,
            title,
            subtitle,
            organisation,
            document_status,
            revision,
            period,
            published,
            description,
            priorities,
            measures,
            exported,
            orphaned_edits,
            extra: f.map.into_extra(),
        }
    }

    fn priority(&mut self, f: &mut Fields) -> Priority {
        let id = self.id(f);
        let number = self.opt_text(f, "number");
        let title = self.req_text(f, "title");
        let summary = self.opt_text(f, "summary");
        let outcomes = self.opt_texts(f, "outcomes");
        let success = self.opt_texts(f, "success");
        let activities = self.opt_list(f, "activities", Label::Activity, |w, a| w.activity(a));
        Priority {
            id,
            number,
            title,
            summary,
            outcomes,
            success,
            activities,
            extra: take(f),
        }
    }

    fn activity(&mut self, f: &mut Fields) -> Activity {
        let id = self.id(f);
        let number = self.opt_text(f, "number");
        let title = self.req_text(f, "title");
        let strategic_plan = self.opt_text(f, "strategic_plan");
        let governance_group = self.opt_text(f, "governance_group");
        let lead = self.lead(f);
        let partners = self.opt_texts(f, "partners");
        let remarks = self.opt_text(f, "remarks");
        let actions = self.opt_list(f, "actions", Label::Action, |w, a| w.action(a));
        let measure_ids = self.measure_ids(f);
        let progress = self.progress(f);
        Activity {
            id,
            number,
            title,
            strategic_plan,
            governance_group,
            lead,
            partners,
            remarks,
            actions,
            measure_ids,
            progress,
            extra: take(f),
        }
    }

    fn action(&mut self, f: &mut Fields) -> Action {
        let id = self.id(f);
        let number = self.opt_text(f, "number");
        let title = self.req_text(f, "title");
        let due = self.opt_object(f, "due", None).map(|mut d| {
            d.prefix = "due ";
            let label = self.opt_text(&mut d, "label");
            let start = self.opt_date(&mut d, "start");
            let date = self.opt_date(&mut d, "date");
            if let (Some(s), Some(e)) = (start, date) {
                if e < s {
                    self.problem(
                        &d.place,
                        format!("the due date ({e}) is before the start ({s})"),
                    );
                }
            }
            Due {
                label,
                start,
                date,
                extra: d.map.into_extra(),
            }
        });
        let lead = self.lead(f);
        let remarks = self.opt_text(f, "remarks");
        let measure_ids = self.measure_ids(f);
        let progress = self.progress(f);
        Action {
            id,
            number,
            title,
            due,
            lead,
            remarks,
            measure_ids,
            progress,
            extra: take(f),
        }
    }

    fn lead(&mut self, f: &mut Fields) -> Option<Lead> {
        self.opt_object(f, "lead", Some(Label::Lead))
            .map(|mut l| Lead {
                organisation: self.req_text(&mut l, "organisation"),
                team: self.opt_text(&mut l, "team"),
                officer: self.opt_text(&mut l, "officer"),
                extra: l.map.into_extra(),
            })
    }

    fn measure_ids(&mut self, f: &mut Fields) -> Option<Vec<String>> {
        let ids = self.opt_texts(f, "measure_ids")?;
        for id in &ids {
            self.measure_refs.push((f.place, id.clone()));
        }
        Some(ids)
    }
}
