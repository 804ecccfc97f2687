//! Round trips checked on generated inputs: an export reopens as itself with
//! unknown fields everywhere, returns that touch different items merge the
//! same in any order, and a journal read back from storage makes the same
//! plan as the journal it was stored from.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, TimeDelta};
use common::any_json;
use plan_tracker::exchange::{
    export_plan, export_text, partner_pack, plan_as_it_stands, plan_merge, PackChoice,
};
use plan_tracker::generate::{generate_plan, Rng};
use plan_tracker::plan::figure::Figure;
use plan_tracker::plan::{read_plan, write_plan, Moment, Plan, Progress, Status};
use plan_tracker::progress::structure::{Level, ListField, TextField};
use plan_tracker::progress::{
    journal_to_store, read_journal, Change, Edit, EvidenceDraft, Journal, NoteDraft, ValueDraft,
};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Map, Value};

const SAMPLES: [&str; 3] = [
    "public/samples/notts-cypf-2016-18.json",
    "public/samples/notts-cyp-strategy-2019-21.json",
    "public/samples/notts-cypf-2011-14.json",
];

/// The samples, read once for every case.
fn samples() -> &'static [Plan] {
    static SAMPLE_PLANS: OnceLock<Vec<Plan>> = OnceLock::new();
    SAMPLE_PLANS.get_or_init(|| {
        SAMPLES
            .iter()
            .map(|path| read_plan(&std::fs::read(path).expect("sample")).expect("opens"))
            .collect()
    })
}

fn at(text: &str) -> Moment {
    Moment::parse(text).expect("moment")
}

/// A moment `millis` after `start`, written as the app writes its own.
fn after(start: &str, millis: i64) -> Moment {
    Moment::from_instant(at(start).instant() + TimeDelta::milliseconds(millis))
}

/// When every export in these tests is made.
const EXPORT_AT: &str = "2026-11-22T09:30:00Z";

/// The id an index picks from a list; none from an empty one (`Index::get`
/// would panic).
fn pick<'a>(index: &Index, from: &'a [String]) -> Option<&'a String> {
    (!from.is_empty()).then(|| index.get(from))
}

/// The ids of a plan's items, by kind.
#[derive(Default)]
struct Ids {
    priorities: Vec<String>,
    activities: Vec<String>,
    actions: Vec<String>,
    measures: Vec<String>,
    notes: Vec<String>,
}

impl Ids {
    fn of(plan: &Plan) -> Ids {
        let mut ids = Ids::default();
        let notes = |progress: Option<&Progress>| {
            progress
                .map(|p| p.notes().iter().map(|n| n.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        };
        for priority in &plan.priorities {
            ids.priorities.push(priority.id.clone());
            for activity in priority.activities() {
                ids.activities.push(activity.id.clone());
                ids.notes.extend(notes(activity.progress.as_ref()));
                for action in activity.actions() {
                    ids.actions.push(action.id.clone());
                    ids.notes.extend(notes(action.progress.as_ref()));
                }
            }
        }
        ids.measures = plan.measures().iter().map(|m| m.id.clone()).collect();
        ids
    }

    /// Activities and actions: the items that have progress.
    fn items(&self) -> Vec<String> {
        [self.activities.clone(), self.actions.clone()].concat()
    }
}

/// An activity's or action's progress in a plan.
fn progress_of<'p>(plan: &'p Plan, id: &str) -> Option<&'p Progress> {
    plan.priorities
        .iter()
        .flat_map(|p| p.activities())
        .find_map(|a| {
            if a.id == id {
                return Some(a.progress.as_ref());
            }
            a.actions()
                .iter()
                .find(|k| k.id == id)
                .map(|k| k.progress.as_ref())
        })
        .flatten()
}

/// Where two texts first differ, for a failure message shorter than both.
fn first_difference(a: &str, b: &str) -> String {
    match a.lines().zip(b.lines()).position(|(x, y)| x != y) {
        Some(line) => format!(
            "line {}: {:?} / {:?}",
            line + 1,
            a.lines().nth(line).unwrap_or_default(),
            b.lines().nth(line).unwrap_or_default()
        ),
        None => format!("{} lines / {} lines", a.lines().count(), b.lines().count()),
    }
}

// ---------------------------------------------------------------------------
// 1. Export then open, with unknown fields everywhere.

/// The kinds of object format version 1 defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plan,
    Period,
    Exported,
    Priority,
    Activity,
    Action,
    Lead,
    Due,
    Progress,
    Note,
    Evidence,
    Measure,
    Value,
    Comparator,
    PriorityLink,
}

impl Kind {
    /// The fields the format defines for this kind of object.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Kind::Plan => &[
                "format",
                "format_version",
                "id",
                "title",
                "subtitle",
                "organisation",
                "document_status",
                "revision",
                "period",
                "published",
                "description",
                "priorities",
                "measures",
                "exported",
                "orphaned_edits",
            ],
            Kind::Period => &["start", "end"],
            Kind::Exported => &["at", "by", "app_version"],
            Kind::Priority => &[
                "id",
                "number",
                "title",
                "summary",
                "outcomes",
                "success",
                "activities",
            ],
            Kind::Activity => &[
                "id",
                "number",
                "title",
                "strategic_plan",
                "governance_group",
                "lead",
                "partners",
                "remarks",
                "actions",
                "measure_ids",
                "progress",
            ],
            Kind::Action => &[
                "id",
                "number",
                "title",
                "due",
                "lead",
                "remarks",
                "measure_ids",
                "progress",
            ],
            Kind::Lead => &["organisation", "team", "officer"],
            Kind::Due => &["label", "start", "date"],
            Kind::Progress => &["status", "percent", "updated", "updated_by", "notes"],
            Kind::Note => &["id", "at", "by", "text", "status", "evidence", "corrects"],
            Kind::Evidence => &["title", "source", "url"],
            Kind::Measure => &[
                "id",
                "number",
                "title",
                "description",
                "unit",
                "direction",
                "frequency",
                "responsible",
                "baseline",
                "targets",
                "values",
                "comparators",
                "priorities",
            ],
            Kind::Value => &["period", "value", "text", "date", "at", "by"],
            Kind::Comparator => &["name", "value", "text", "period"],
            Kind::PriorityLink => &["id", "role"],
        }
    }

    /// The kind of the object (or objects in the list) a field holds, when
    /// the format defines it (`orphaned_edits` holds the journal's edits as
    /// they were, so it is not among them).
    fn child(self, key: &str) -> Option<Kind> {
        Some(match (self, key) {
            (Kind::Plan, "period") => Kind::Period,
            (Kind::Plan, "exported") => Kind::Exported,
            (Kind::Plan, "priorities") => Kind::Priority,
            (Kind::Plan, "measures") => Kind::Measure,
            (Kind::Priority, "activities") => Kind::Activity,
            (Kind::Activity, "actions") => Kind::Action,
            (Kind::Activity | Kind::Action, "lead") => Kind::Lead,
            (Kind::Activity | Kind::Action, "progress") => Kind::Progress,
            (Kind::Action, "due") => Kind::Due,
            (Kind::Progress, "notes") => Kind::Note,
            (Kind::Note, "evidence") => Kind::Evidence,
            (Kind::Measure, "baseline" | "targets" | "values") => Kind::Value,
            (Kind::Measure, "comparators") => Kind::Comparator,
            (Kind::Measure, "priorities") => Kind::PriorityLink,
            _ => return None,
        })
    }

    /// Items of this kind have an id no other item of the plan has.
    fn has_unique_id(self) -> bool {
        matches!(
            self,
            Kind::Priority | Kind::Activity | Kind::Action | Kind::Note | Kind::Measure
        )
    }

    fn is_known(self, key: &str) -> bool {
        self.fields().contains(&key)
    }
}

const UNKNOWN: &str = "x_unknown_";

/// The objects of the format a field of an object of `kind` holds.
fn children(kind: Kind, fields: &Map<String, Value>) -> Vec<(Kind, &str, Vec<&Value>)> {
    fields
        .iter()
        .filter_map(|(key, value)| {
            let child = kind.child(key)?;
            let objects = match value {
                Value::Array(items) => items.iter().collect(),
                object @ Value::Object(_) => vec![object],
                _ => Vec::new(),
            };
            Some((child, key.as_str(), objects))
        })
        .collect()
}

/// Puts one to three unknown fields into every object of the format in
/// `value` (of kind `kind`), each at a random place among its fields.
fn add_unknown_fields(
    value: &mut Value,
    kind: Kind,
    rng: &mut Rng,
    pool: &[Value],
    next: &mut usize,
) {
    let Value::Object(fields) = value else {
        return;
    };
    for (key, child) in fields.iter_mut() {
        let Some(child_kind) = kind.child(key) else {
            continue;
        };
        match child {
            Value::Array(items) => {
                for item in items {
                    add_unknown_fields(item, child_kind, rng, pool, next);
                }
            }
            object @ Value::Object(_) => add_unknown_fields(object, child_kind, rng, pool, next),
            _ => {}
        }
    }
    let mut entries: Vec<(String, Value)> = std::mem::take(fields).into_iter().collect();
    for _ in 0..1 + rng.below(3) {
        let place = rng.below(entries.len() + 1);
        let value = pool.get(rng.below(pool.len())).cloned().unwrap_or_default();
        entries.insert(place, (format!("{UNKNOWN}{next}"), value));
        *next += 1;
    }
    *fields = entries.into_iter().collect();
}

/// Every object of the format in a plan file, by where it is: priorities,
/// activities, actions, notes and measures by their id, which is unique in
/// the plan (so an item moved is still found, and a note added before
/// another does not shift it), and anything else by its place under them.
fn format_objects<'v>(
    value: &'v Value,
    kind: Kind,
    here: String,
    out: &mut BTreeMap<String, (Kind, &'v Map<String, Value>)>,
) {
    let Value::Object(fields) = value else {
        return;
    };
    for (child, key, objects) in children(kind, fields) {
        for (i, object) in objects.into_iter().enumerate() {
            let place = match object.get("id").and_then(Value::as_str) {
                Some(id) if child.has_unique_id() => format!("#{id}"),
                _ => format!("{here}/{key}[{i}]"),
            };
            format_objects(object, child, place, out);
        }
    }
    out.insert(here, (kind, fields));
}

/// How many unknown fields of ours a JSON value holds, at any depth.
fn count_unknown(value: &Value) -> usize {
    match value {
        Value::Array(items) => items.iter().map(count_unknown).sum(),
        Value::Object(fields) => fields
            .iter()
            .map(|(k, v)| usize::from(k.starts_with(UNKNOWN)) + count_unknown(v))
            .sum(),
        _ => 0,
    }
}

/// What the reader promises of unknown fields (tests/reading.rs): each
/// object keeps its own (ours, and any the file already had), with their
/// values, in their order among themselves, after the object's known
/// fields. Nothing else is promised about their place, so nothing else is
/// checked.
fn check_unknown_fields_kept(file: &Value, export: &Value) -> Result<(), TestCaseError> {
    let mut before = BTreeMap::new();
    format_objects(file, Kind::Plan, String::new(), &mut before);
    let mut after = BTreeMap::new();
    format_objects(export, Kind::Plan, String::new(), &mut after);
    let unknown = |kind: Kind, fields: &Map<String, Value>| -> Vec<(String, Value)> {
        fields
            .iter()
            .filter(|(k, _)| !kind.is_known(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    for (place, (kind, fields)) in &before {
        let Some((_, kept)) = after.get(place) else {
            return Err(TestCaseError::fail(format!(
                "{place:?} is not in the export"
            )));
        };
        prop_assert_eq!(
            unknown(*kind, kept),
            unknown(*kind, fields),
            "at {:?}",
            place
        );
        let keys: Vec<&String> = kept.keys().collect();
        let last_known = keys.iter().rposition(|k| kind.is_known(k));
        let first_unknown = keys.iter().position(|k| !kind.is_known(k));
        if let (Some(last_known), Some(first_unknown)) = (last_known, first_unknown) {
            prop_assert!(
                last_known < first_unknown,
                "at {:?}, unknown fields are not after the known ones: {:?}",
                place,
                keys
            );
        }
    }
    prop_assert_eq!(count_unknown(export), count_unknown(file));
    Ok(())
}

/// An edit to be made on whatever plan a case opens: what kind, which items
/// (picked from the plan's own), a number for the details, and when.
#[derive(Debug, Clone)]
struct EditSeed {
    kind: u8,
    item: Index,
    other: Index,
    n: u8,
    secs: u32,
}

fn edit_seed() -> impl Strategy<Value = EditSeed> {
    (
        0u8..8,
        any::<Index>(),
        any::<Index>(),
        any::<u8>(),
        0u32..400_000_000,
    )
        .prop_map(|(kind, item, other, n, secs)| EditSeed {
            kind,
            item,
            other,
            n,
            secs,
        })
}

/// Text that is never blank: a blank lead or deadline would remove the
/// object (and its unknown fields) on purpose.
const TEXTS: [&str; 5] = [
    "Co-located in November",
    "Line one\nLine \"two\" — café ✓ \u{1F600}",
    "Nottinghamshire Police",
    "<b>not markup</b> & 'quotes'",
    "\u{202E}reversed\u{202C} text",
];
const DEADLINES: [&str; 4] = ["March 2017", "2017-03-31", "Ongoing", "Q3 2016/17"];

fn text(n: u8) -> String {
    TEXTS[usize::from(n) % TEXTS.len()].to_owned()
}

/// Progress edits of every kind, and the structure edits that keep every
/// object of the file (retitling, leads, deadlines, lists, moves, additions;
/// deleting and emptying a lead or deadline remove objects on purpose).
fn edits_for(plan: &Plan, seeds: &[EditSeed]) -> Vec<Edit> {
    let ids = Ids::of(plan);
    let items = ids.items();
    let containers = [ids.priorities.clone(), ids.activities.clone()].concat();
    let anything = [
        vec![plan.id.clone()],
        ids.priorities.clone(),
        items.clone(),
        ids.measures.clone(),
    ]
    .concat();
    seeds
        .iter()
        .enumerate()
        .filter_map(|(i, seed)| {
            let n = seed.n;
            let item = pick(&seed.item, &items)?.clone();
            let change = match seed.kind {
                0 => Change::SetStatus {
                    item,
                    status: Status::ALL.get(usize::from(n) % 7).copied(),
                },
                1 => Change::SetPercent {
                    item,
                    percent: Some(n % 101),
                },
                2 => Change::AddNote {
                    item,
                    note: NoteDraft {
                        id: format!("prop-note-{i}"),
                        text: text(n),
                        status: Status::ALL.get(usize::from(n) % 8).copied(),
                        evidence: (n % 2 == 0)
                            .then(|| EvidenceDraft {
                                title: Some("Audit".into()),
                                source: None,
                                url: Some("https://example.org/a?b=c&d".into()),
                            })
                            .into_iter()
                            .collect(),
                        corrects: pick(&seed.other, &ids.notes).cloned(),
                    },
                },
                // On a plan without measures this is an edit to the wrong
                // kind of item, which the export keeps in `orphaned_edits`.
                3 => Change::AddMeasureValue {
                    measure: pick(&seed.other, &ids.measures).cloned().unwrap_or(item),
                    value: ValueDraft {
                        period: Some(format!("2016/17 Q{}", n % 4 + 1)),
                        value: Figure::new(f64::from(n) / 8.0 - 3.0),
                        text: (n % 3 == 0).then(|| "Not yet published".to_owned()),
                        date: NaiveDate::from_yo_opt(2017, u32::from(n) + 1),
                    },
                },
                4 => {
                    let field = TextField::ALL[usize::from(n) % TextField::ALL.len()];
                    let text = match field {
                        TextField::Deadline => DEADLINES[usize::from(n) % DEADLINES.len()].into(),
                        _ => text(n),
                    };
                    Change::SetText {
                        item: pick(&seed.other, &anything)?.clone(),
                        field,
                        text: Some(text),
                    }
                }
                5 => Change::SetList {
                    item: pick(&seed.other, &containers)?.clone(),
                    field: ListField::ALL[usize::from(n) % ListField::ALL.len()],
                    items: vec![text(n), text(n.wrapping_add(1))],
                },
                6 => Change::MoveItem {
                    item,
                    parent: match n % 3 {
                        0 => None,
                        _ => pick(&seed.other, &containers).cloned(),
                    },
                    before: (n % 2 == 0)
                        .then(|| pick(&seed.other, &items).cloned())
                        .flatten(),
                },
                _ => {
                    let level = Level::ALL[usize::from(n) % Level::ALL.len()];
                    Change::AddItem {
                        item: format!("prop-new-{i}"),
                        level,
                        parent: match level {
                            Level::Activity => pick(&seed.other, &ids.priorities).cloned(),
                            Level::Action => pick(&seed.other, &ids.activities).cloned(),
                            _ => None,
                        },
                        title: text(n),
                    }
                }
            };
            let when = DateTime::from_timestamp(1_450_000_000 + i64::from(seed.secs), 0)?;
            Some(Edit::new(
                format!("e{i}"),
                Moment::from_instant(when.fixed_offset()),
                "Tester (Plan Tracker)".into(),
                change,
            ))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Guards "a file comes back whole": with unknown fields in every
    /// object, opened, edited and exported, a plan reopens as the plan
    /// exported, keeps every unknown field where the reader promises, and
    /// exports again byte for byte.
    #[test]
    fn export_then_open_is_the_identity_with_unknown_fields_everywhere(
        seed in any::<u64>(),
        actions in 1usize..60,
        pool in prop::collection::vec(any_json(), 1..12),
        stamped in any::<bool>(),
        pretty in any::<bool>(),
        seeds in prop::collection::vec(edit_seed(), 0..24),
    ) {
        let plans = std::iter::once(generate_plan(actions, seed)).chain(samples().iter().cloned());
        for (p, plan) in plans.enumerate() {
            let mut file: Value = serde_json::from_str(&write_plan(&plan)).expect("json");
            if stamped {
                // A file exported before, so that the stamp has unknown fields too.
                file["exported"] = json!({"at": "2016-11-20T09:00:00+01:00", "by": "Someone else"});
            }
            let mut rng = Rng::new(seed ^ p as u64);
            let mut next = 0;
            add_unknown_fields(&mut file, Kind::Plan, &mut rng, &pool, &mut next);
            let text = if pretty {
                serde_json::to_string_pretty(&file)
            } else {
                serde_json::to_string(&file)
            }
            .expect("json");
            // The file as any JSON reader sees it, numbers spelt as it spells them.
            let file: Value = serde_json::from_str(&text).expect("json");
            let opened = match read_plan(text.as_bytes()) {
                Ok(plan) => plan,
                Err(e) => return Err(TestCaseError::fail(format!("{e}: {:?}", e.problems()))),
            };

            let mut journal = Journal::new(&opened.id);
            for edit in edits_for(&opened, &seeds) {
                journal.record(edit);
            }
            let export = export_plan(&opened, &journal, at(EXPORT_AT), "Tester");
            let exported = export_text(&export.plan);
            let reopened = read_plan(exported.as_bytes()).expect("an export always opens");
            prop_assert!(
                reopened == export.plan,
                "plan {}: reopened differs: {}",
                p,
                first_difference(&export_text(&reopened), &exported)
            );
            let exported_json: Value = serde_json::from_str(&exported).expect("json");
            check_unknown_fields_kept(&file, &exported_json)?;

            let no_edits = Journal::new(&opened.id);
            let again = export_text(&export_plan(&reopened, &no_edits, at(EXPORT_AT), "Tester").plan);
            prop_assert!(again == exported, "plan {}: {}", p, first_difference(&again, &exported));
        }
    }
}

// ---------------------------------------------------------------------------
// 2. Merging returns that touch different items.

/// When the pack went out, and when the coordinator opens the returns.
const SENT: &str = "2016-11-01T09:00:00Z";
const RECEIVED: &str = "2016-11-25T09:00:00Z";

/// One change a partner makes: of what kind, to which item (the return it
/// is in follows from the item, so returns never share one), and when.
#[derive(Debug, Clone)]
struct Touch {
    kind: u8,
    item: Index,
    n: u8,
    millis: u32,
}

fn touch() -> impl Strategy<Value = Touch> {
    // Within 20 days of the pack going out.
    (0u8..4, any::<Index>(), any::<u8>(), 0u32..1_728_000_000).prop_map(
        |(kind, item, n, millis)| Touch {
            kind,
            item,
            n,
            millis,
        },
    )
}

/// A pack for every lead, so that it holds every led item.
fn pack_for_everyone(plan: &Plan) -> Plan {
    let leads = plan
        .priorities
        .iter()
        .flat_map(|p| p.activities())
        .flat_map(|a| {
            a.lead
                .iter()
                .chain(a.actions().iter().filter_map(|k| k.lead.as_ref()))
                .map(|l| l.organisation.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    let choice = PackChoice {
        leads,
        only_actions: None,
    };
    partner_pack(plan, &choice, &at(SENT), "Coordinator")
}

/// A partner opens the pack, records changes and exports it back as a file.
fn partner_returns(pack: &Plan, edits: &[Edit], partner: usize) -> Plan {
    let mut journal = Journal::new(&pack.id);
    for edit in edits {
        journal.record(edit.clone());
    }
    let when = after("2016-11-24T12:00:00Z", 60_000 * partner as i64);
    let export = export_plan(pack, &journal, when, &format!("Partner {partner}"));
    assert!(export.orphans.is_empty(), "{:?}", export.orphans);
    read_plan(export_text(&export.plan).as_bytes()).expect("the return opens")
}

/// Each partner's edits: item `j` of the pack belongs to the return
/// `owners[j % owners.len()] % returns`, so no two returns touch the same
/// item.
fn partners_edits(
    pack: &Plan,
    returns: usize,
    owners: &[usize],
    touches: &[Touch],
) -> Vec<Vec<Edit>> {
    let ids = Ids::of(pack);
    let items = ids.items();
    let mut edits = vec![Vec::new(); returns];
    for (i, touch) in touches.iter().enumerate() {
        // Items are numbered first, then measures, for `owners`.
        let (from, first) = if touch.kind == 3 {
            (&ids.measures, items.len())
        } else {
            (&items, 0)
        };
        if from.is_empty() {
            continue;
        }
        let j = touch.item.index(from.len());
        let target = &from[j];
        let partner = owners[(first + j) % owners.len()] % returns;
        let n = touch.n;
        let change = match touch.kind {
            0 => Change::SetStatus {
                item: target.clone(),
                status: Status::ALL.get(usize::from(n) % 7).copied(),
            },
            1 => Change::SetPercent {
                item: target.clone(),
                percent: (n < 240).then_some(n % 101),
            },
            2 => Change::AddNote {
                item: target.clone(),
                note: NoteDraft {
                    id: format!("partner-{partner}-note-{i}"),
                    text: text(n),
                    status: Status::ALL.get(usize::from(n) % 8).copied(),
                    ..NoteDraft::default()
                },
            },
            _ => Change::AddMeasureValue {
                measure: target.clone(),
                value: ValueDraft {
                    period: Some(format!("2016/17 Q{}", n % 4 + 1)),
                    value: Figure::new(f64::from(n) / 4.0),
                    text: (n % 3 == 0).then(|| format!("{}%", f64::from(n) / 4.0)),
                    date: NaiveDate::from_ymd_opt(2016, 9, 30),
                },
            },
        };
        let when = after(SENT, 3_600_000 + i64::from(touch.millis));
        edits[partner].push(Edit::new(
            format!("partner-{partner}-e{i}"),
            when,
            format!("Partner {partner}"),
            change,
        ));
    }
    edits
}

fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for shorter in permutations(n - 1) {
        for place in 0..=shorter.len() {
            let mut order = shorter.clone();
            order.insert(place, n - 1);
            out.push(order);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Guards merging against the order returns arrive in: returns that
    /// change different items give the same plan, all at once or one at a
    /// time, in every order, with no conflicts, and every change shows.
    #[test]
    fn merging_returns_that_touch_different_items_gives_the_same_plan_in_any_order(
        returns in 2usize..=4,
        owners in prop::collection::vec(0usize..4, 16),
        touches in prop::collection::vec(touch(), 1..24),
    ) {
        let base = &samples()[0];
        let pack = pack_for_everyone(base);
        let edits = partners_edits(&pack, returns, &owners, &touches);
        let files: Vec<(String, Plan)> = edits
            .iter()
            .enumerate()
            .map(|(r, e)| (format!("partner-{r}.json"), partner_returns(&pack, e, r)))
            .collect();

        // This browser sent the pack, and remembers it.
        let sent_here = [at(SENT)];
        let mut outcomes: Vec<(String, Plan)> = Vec::new();
        for order in permutations(returns) {
            let in_order: Vec<(String, Plan)> = order.iter().map(|&r| files[r].clone()).collect();
            let merge = plan_merge(base, &[], &in_order, &at(RECEIVED), Some(&sent_here));
            prop_assert!(merge.conflicts.is_empty(), "{:?}: {:#?}", order, merge.conflicts);
            prop_assert!(merge.not_merged.is_empty(), "{:?}: {:#?}", order, merge.not_merged);
            prop_assert!(merge.doubtful_packs.is_empty(), "{:?}: {:#?}", order, merge.doubtful_packs);
            let mut journal = Journal::new(&base.id);
            for edit in merge.edits {
                journal.record(edit);
            }
            outcomes.push((format!("all at once, {order:?}"), plan_as_it_stands(base, &journal)));

            // One at a time, each confirmed before the next is opened.
            let mut journal = Journal::new(&base.id);
            for &r in &order {
                let merge = plan_merge(base, &journal.edits, std::slice::from_ref(&files[r]), &at(RECEIVED), Some(&sent_here));
                prop_assert!(merge.conflicts.is_empty(), "{:?}, return {}: {:#?}", order, r, merge.conflicts);
                prop_assert!(merge.not_merged.is_empty(), "{:?}, return {}: {:#?}", order, r, merge.not_merged);
                prop_assert!(merge.doubtful_packs.is_empty(), "{:?}, return {}: {:#?}", order, r, merge.doubtful_packs);
                for edit in merge.edits {
                    journal.record(edit);
                }
            }
            outcomes.push((format!("one at a time, {order:?}"), plan_as_it_stands(base, &journal)));
        }

        let (_, first) = &outcomes[0];
        let first_text = export_text(first);
        for (how, plan) in &outcomes {
            let text = export_text(plan);
            prop_assert!(plan == first && text == first_text, "{}: {}", how, first_difference(&text, &first_text));
        }

        // And what each partner changed is what the merged plan shows.
        for (r, (_, theirs)) in files.iter().enumerate() {
            for edit in &edits[r] {
                let target = edit.change.target();
                if let Change::AddMeasureValue { .. } = edit.change {
                    let values = |plan: &Plan| {
                        plan.measures().iter().find(|m| m.id == target).map(|m| m.values().to_vec()).unwrap_or_default()
                    };
                    let ours = values(first);
                    for value in values(theirs) {
                        prop_assert!(ours.contains(&value), "return {}: {:?} not merged into {}", r, value, target);
                    }
                } else {
                    let empty = Progress::default();
                    let ours = progress_of(first, target).unwrap_or(&empty);
                    let theirs = progress_of(theirs, target).unwrap_or(&empty);
                    prop_assert_eq!((ours.status, ours.percent), (theirs.status, theirs.percent), "return {}, {}", r, target);
                    for note in theirs.notes() {
                        prop_assert!(ours.notes().iter().any(|n| n.id == note.id), "return {}: note {} not merged", r, note.id);
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// 3. A journal read back from storage.

/// A change of any kind the app records, to be made on whatever plan a case
/// opens.
#[derive(Debug, Clone)]
struct ChangeSeed {
    kind: u8,
    item: Index,
    other: Index,
    n: u8,
    text: String,
    figure: f64,
    clear: bool,
}

/// When, as the app or another tab may have written it: UTC or an offset,
/// to the second or a fraction of it.
#[derive(Debug, Clone)]
struct WhenSeed {
    secs: i64,
    millis: u32,
    offset_minutes: i32,
    z: bool,
}

#[derive(Debug, Clone)]
enum Step {
    Record {
        tab: usize,
        batch: bool,
        change: ChangeSeed,
        when: WhenSeed,
    },
    Undo {
        tab: usize,
    },
    Discard,
    Export,
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "",
            "  ",
            "Co-located in November",
            "2017-03-31",
            "March 2017",
            "Line one\nLine \"two\" — café ✓ \u{1F600}",
            "\u{202E}reversed",
            "null",
        ])
        .prop_map(str::to_owned),
        "\\PC{0,10}",
    ]
}

fn change_seed() -> impl Strategy<Value = ChangeSeed> {
    (
        0u8..9,
        any::<Index>(),
        any::<Index>(),
        any::<u8>(),
        any_text(),
        any::<f64>(),
        any::<bool>(),
    )
        .prop_map(|(kind, item, other, n, text, figure, clear)| ChangeSeed {
            kind,
            item,
            other,
            n,
            text,
            figure,
            clear,
        })
}

fn when_seed() -> impl Strategy<Value = WhenSeed> {
    (
        1_450_000_000i64..1_750_000_000,
        prop_oneof![Just(0u32), 0u32..1000],
        prop::sample::select(vec![0, 60, -300, 330, 14 * 60]),
        any::<bool>(),
    )
        .prop_map(|(secs, millis, offset_minutes, z)| WhenSeed {
            secs,
            millis,
            offset_minutes,
            z,
        })
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let tab = 0usize..2;
    let step = prop_oneof![
        8 => (tab.clone(), any::<bool>(), change_seed(), when_seed())
            .prop_map(|(tab, batch, change, when)| Step::Record { tab, batch, change, when }),
        2 => tab.prop_map(|tab| Step::Undo { tab }),
        1 => Just(Step::Discard),
        1 => Just(Step::Export),
    ];
    prop::collection::vec(step, 0..30)
}

fn moment(when: &WhenSeed) -> Moment {
    let offset = FixedOffset::east_opt(when.offset_minutes * 60).expect("offset");
    let instant = DateTime::from_timestamp(when.secs, when.millis * 1_000_000)
        .expect("time")
        .with_timezone(&offset);
    at(&instant.to_rfc3339_opts(SecondsFormat::AutoSi, when.z))
}

/// A change of the seed's kind, to items of the plan, to items added by
/// earlier changes, or to an item no plan has.
fn change_for(plan: &Plan, ids: &Ids, seed: &ChangeSeed, i: usize) -> Change {
    let added: Vec<String> = (0..6).map(|k| format!("new-{k}")).collect();
    let anything = [
        vec![plan.id.clone(), "missing".to_owned()],
        ids.priorities.clone(),
        ids.items(),
        ids.measures.clone(),
        added,
    ]
    .concat();
    let item = seed.item.get(&anything).clone();
    let other = || (!seed.clear).then(|| seed.other.get(&anything).clone());
    let text = || (!seed.clear).then(|| seed.text.clone());
    let n = seed.n;
    match seed.kind {
        0 => Change::SetStatus {
            item,
            status: Status::ALL.get(usize::from(n) % 7).copied(),
        },
        // Stored journals may hold percentages over 100; applying caps them.
        1 => Change::SetPercent {
            item,
            percent: (!seed.clear).then_some(n),
        },
        2 => Change::AddNote {
            item,
            note: NoteDraft {
                id: format!("note-{i}"),
                text: seed.text.clone(),
                status: Status::ALL.get(usize::from(n) % 8).copied(),
                evidence: (0..n % 3)
                    .map(|k| EvidenceDraft {
                        title: (k == 0).then(|| seed.text.clone()),
                        source: text(),
                        url: (k == 1).then(|| "https://example.org/a?b=c&d".to_owned()),
                    })
                    .collect(),
                corrects: (n % 4 == 0).then(|| ids.notes.first().cloned()).flatten(),
            },
        },
        3 => Change::AddMeasureValue {
            measure: item,
            value: ValueDraft {
                period: text(),
                value: Figure::new(seed.figure),
                text: (n % 2 == 0).then(|| seed.text.clone()),
                date: NaiveDate::from_yo_opt(2017, u32::from(n) + 1),
            },
        },
        4 => Change::AddItem {
            item: format!("new-{}", n % 6),
            level: Level::ALL[usize::from(n) % Level::ALL.len()],
            parent: other(),
            title: seed.text.clone(),
        },
        5 => Change::SetText {
            item,
            field: TextField::ALL[usize::from(n) % TextField::ALL.len()],
            text: text(),
        },
        6 => Change::SetList {
            item,
            field: ListField::ALL[usize::from(n) % ListField::ALL.len()],
            items: (0..n % 4).map(|k| format!("{} {k}", seed.text)).collect(),
        },
        7 => Change::MoveItem {
            item,
            parent: other(),
            before: (n % 2 == 0).then(|| seed.other.get(&anything).clone()),
        },
        _ => Change::DeleteItem { item },
    }
}

/// The edits in effect, those taken back and those exported: what a
/// journal holds, whatever order its edits were learnt in.
fn meaning(journal: &Journal) -> (BTreeSet<String>, BTreeSet<String>, BTreeSet<String>) {
    (
        journal.edits.iter().map(|e| e.id.clone()).collect(),
        journal.withdrawn.iter().map(|w| w.edit.clone()).collect(),
        journal.exported.iter().cloned().collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Guards the stored journal: changes of every kind, with undo, discard
    /// and export marks, saved after every step as the app saves it
    /// and read back, makes the same plan and export text as the original.
    #[test]
    fn a_journal_applied_and_read_back_from_storage_gives_the_same_plan(
        use_sample in any::<bool>(),
        seed in any::<u64>(),
        steps in steps(),
    ) {
        let plan = if use_sample { samples()[0].clone() } else { generate_plan(30, seed) };
        let ids = Ids::of(&plan);
        let mut journal = Journal::new(&plan.id);
        let mut stored: Option<String> = None;
        for (i, step) in steps.iter().enumerate() {
            let now = Moment::from_instant(
                DateTime::from_timestamp(1_760_000_000 + i as i64, 0).expect("time").fixed_offset(),
            );
            match step {
                Step::Record { tab, batch, change, when } => {
                    let mut edit = Edit::new(
                        format!("e{i}"),
                        moment(when),
                        format!("Person in tab {tab}"),
                        change_for(&plan, &ids, change, i),
                    );
                    edit.session = Some(format!("tab-{tab}"));
                    edit.batch = batch.then(|| format!("batch-{}", i / 3));
                    journal.record(edit);
                }
                Step::Undo { tab } => {
                    journal.undo(&format!("tab-{tab}"), now);
                }
                Step::Discard => {
                    journal.discard(now);
                }
                Step::Export => {
                    let held = export_plan(&plan, &journal, now.clone(), "Tester").edit_ids;
                    journal.mark_exported(held, now);
                }
            }
            // The app saves after every change, merged with what is stored.
            let to_store = journal_to_store(stored.as_deref(), &journal).expect("what we stored reads back");
            stored = Some(serde_json::to_string(&to_store).expect("json"));
        }
        let stored = serde_json::to_string(&journal_to_store(stored.as_deref(), &journal).expect("reads")).expect("json");
        let back = read_journal(&stored);
        prop_assert!(back.is_some(), "the stored journal does not read back: {}", stored);
        let back = back.unwrap_or_default();
        prop_assert_eq!(meaning(&back), meaning(&journal));
        prop_assert_eq!(&back.last_export, &journal.last_export);

        let ours = export_plan(&plan, &journal, at(EXPORT_AT), "Tester");
        let theirs = export_plan(&plan, &back, at(EXPORT_AT), "Tester");
        let (ours_text, theirs_text) = (export_text(&ours.plan), export_text(&theirs.plan));
        prop_assert!(
            ours.plan == theirs.plan && ours_text == theirs_text,
            "{}",
            first_difference(&theirs_text, &ours_text)
        );
        prop_assert_eq!(theirs.orphans.len(), ours.orphans.len());
    }
}
