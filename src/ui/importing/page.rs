//! The import page: where the table comes from, the plan's title, the
//! columns' fields, the preview, and "Create plan"; or, with a plan open,
//! "Add to this plan", which adds what the open plan lacks as edits.

use leptos::prelude::*;

use super::columns::ColumnChoices;
use super::preview::Preview;
use crate::browser::pasted::{pasted, Pasted};
use crate::browser::{address, clock, files};
use std::sync::Arc;

use crate::import::into_open::additions;
use crate::import::{
    build_plan, decode, guess_uses, headings, workbook, Encoding, NewPlan, Table, Use,
};
use crate::plan::read_plan;
use crate::ui::shared::error_summary::{ErrorSummary, FieldProblem};
use crate::ui::shared::in_place::focus_once_named;
use crate::ui::shared::person_form::PersonForm;
use crate::ui::state::{Origin, Page};
use crate::ui::use_state;

/// A table read, and where from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub table: Table,
    /// "actions.csv", or "the table you pasted".
    pub name: String,
    pub encoding: Encoding,
}

/// A workbook's sheets, and the one read.
#[derive(Debug, Clone, PartialEq)]
struct Sheets {
    bytes: Arc<Vec<u8>>,
    names: Vec<String>,
    chosen: usize,
}

/// A file's name without its extension, as a first title for its plan.
fn title_from(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    stem.replace(['_', '-'], " ").trim().to_owned()
}

/// The fields a read that fails points to, and what a pasted table is called.
const FILE_FIELD: &str = "import-file";
const PASTE_FIELD: &str = "import-paste";
const PASTED: &str = "the table you pasted";

#[component]
pub fn ImportPage() -> impl IntoView {
    let state = use_state();
    // Adding rows to the open plan asks who is adding them first: once
    // answered, back to the choice that asked.
    focus_once_named("import-into-open");
    let source = RwSignal::new(None::<Source>);
    let uses = RwSignal::new(Vec::<Use>::new());
    let title = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let read_problems = RwSignal::new(Vec::<FieldProblem>::new());
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let reading = RwSignal::new(false);
    let sheets = RwSignal::new(None::<Sheets>);
    // Text in the paste box that no paste event brought: typed, dropped, or
    // put there by a phone's keyboard from its clipboard.
    let typed = RwSignal::new(String::new());

    // `field`: where a read that fails is put right, the file or the paste box.
    let take = move |read: Result<Table, String>,
                     name: String,
                     encoding: Encoding,
                     field: &'static str| match read {
        Ok(table) => {
            let (_, heads) = headings(&table);
            uses.set(guess_uses(&heads));
            if title.with_untracked(String::is_empty) {
                title.set(title_from(&name));
            }
            problems.set(Vec::new());
            read_problems.set(Vec::new());
            source.set(Some(Source {
                table,
                name,
                encoding,
            }));
        }
        Err(why) => read_problems.set(vec![FieldProblem::at(
            field,
            format!("{name} could not be read: {why} Nothing has been imported."),
        )]),
    };
    let choose_sheet = move |chosen: usize| {
        let bytes = sheets.with_untracked(|s| s.as_ref().map(|s| s.bytes.clone()));
        let file = source.with_untracked(|s| s.as_ref().map(|s| s.name.clone()));
        let (Some(bytes), Some(file)) = (bytes, file) else {
            return;
        };
        sheets.update(|s| {
            if let Some(s) = s {
                s.chosen = chosen;
            }
        });
        take(
            workbook::sheet_table(&bytes, chosen).map_err(|e| e.to_string()),
            file,
            Encoding::Utf8,
            FILE_FIELD,
        );
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        reading.set(true);
        leptos::task::spawn_local(async move {
            let name = file.name();
            sheets.set(None);
            match files::read_file(&file).await {
                // A workbook is a zip file, whatever its name says.
                Ok(bytes) if bytes.starts_with(b"PK\x03\x04") => {
                    let bytes = Arc::new(bytes.to_vec());
                    match workbook::sheet_names(&bytes) {
                        Ok(names) => {
                            let chosen = workbook::likely_plan_sheet(&bytes, names.len());
                            let read =
                                workbook::sheet_table(&bytes, chosen).map_err(|e| e.to_string());
                            sheets.set(Some(Sheets {
                                bytes,
                                names,
                                chosen,
                            }));
                            take(read, name, Encoding::Utf8, FILE_FIELD);
                        }
                        Err(e) => take(Err(e.to_string()), name, Encoding::Utf8, FILE_FIELD),
                    }
                }
                Ok(bytes) => {
                    let (text, encoding) = decode(&bytes);
                    take(
                        Table::from_delimited(&text).map_err(|e| e.to_string()),
                        name,
                        encoding,
                        FILE_FIELD,
                    );
                }
                Err(e) => take(Err(e.to_string()), name, Encoding::Utf8, FILE_FIELD),
            }
            reading.set(false);
        });
    };
    let take_pasted = move |read: Result<Table, String>| {
        sheets.set(None);
        take(read, PASTED.to_owned(), Encoding::Utf8, PASTE_FIELD);
    };
    let on_paste = move |ev: web_sys::ClipboardEvent| match pasted(&ev) {
        Pasted::Cells(cells) => {
            ev.prevent_default();
            take_pasted(Table::from_spans(cells).map_err(|e| e.to_string()));
        }
        Pasted::Text(text) => {
            ev.prevent_default();
            take_pasted(Table::from_delimited(&text).map_err(|e| e.to_string()));
        }
        Pasted::Nothing => {}
    };
    let read_typed = move |_| {
        let text = typed.get_untracked();
        take_pasted(Table::from_delimited(&text).map_err(|e| e.to_string()));
    };
    // With a plan open, the rows are added to it unless the person chooses
    // to make a new plan.
    let open_title = state
        .plan
        .opened
        .with_untracked(|o| o.as_ref().map(|o| o.plan.title.clone()));
    let adding = RwSignal::new(open_title.is_some());
    if open_title.is_some() {
        state.plan.prepare_for_structure_changes();
    }
    let add = move || {
        let made = source.with_untracked(|s| {
            let s = s.as_ref()?;
            let plan = NewPlan {
                title: "Imported rows".to_owned(),
                organisation: String::new(),
                source: s.name.clone(),
                by: state.signature(),
                at: clock::now().as_str().to_owned(),
            };
            Some(uses.with_untracked(|u| build_plan(&s.table, u, &plan)))
        });
        let made = match made {
            None => return,
            Some(Err(list)) => {
                problems.set(
                    list.into_iter()
                        .map(|p| FieldProblem::general(p.to_string()))
                        .collect(),
                );
                return;
            }
            Some(Ok(made)) => made,
        };
        let Ok(made) = read_plan(made.json.as_bytes()) else {
            problems.set(vec![FieldProblem::general(
                "The rows could not be read as a plan. Nothing was added.",
            )]);
            return;
        };
        let Some(added) = state.plan.opened.with_untracked(|o| {
            o.as_ref()
                .map(|o| additions(&o.plan, &made, &mut |prefix| clock::new_id(prefix)))
        }) else {
            return;
        };
        problems.set(Vec::new());
        if added.changes.is_empty() || state.record(added.changes.clone()) {
            state.set_page(Page::Plan);
            state.messages.success(format!(
                "From {}: {}",
                source.with_untracked(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default()),
                added.summary()
            ));
            address::scroll_to_top();
        }
    };
    let create = move |_| {
        if adding.get_untracked() {
            add();
            return;
        }
        let plan = NewPlan {
            title: title.get_untracked(),
            organisation: organisation.get_untracked(),
            source: source
                .with_untracked(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default()),
            by: state.signature(),
            at: clock::now().as_str().to_owned(),
        };
        let made = source.with_untracked(|s| {
            let s = s.as_ref()?;
            Some(uses.with_untracked(|u| build_plan(&s.table, u, &plan)))
        });
        match made {
            None => {}
            Some(Ok(made)) => {
                problems.set(Vec::new());
                state.set_page(Page::Plan);
                state.open_bytes(made.json.as_bytes(), plan.title.trim(), Origin::MadeHere);
                address::scroll_to_top();
            }
            Some(Err(list)) => problems.set(
                list.into_iter()
                    .map(|p| {
                        let target =
                            if p.row.is_none() && p.column.is_none() && p.text.contains("title") {
                                Some("import-title".to_owned())
                            } else {
                                None
                            };
                        FieldProblem {
                            text: p.to_string(),
                            place: None,
                            target,
                        }
                    })
                    .collect(),
            ),
        }
    };
    view! {
        <div class="import">
            <a href="?" class="back-link" on:click=move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                state.set_page(Page::Plan);
            }>"Back"</a>
            <h1 class="heading-xl">"Import a plan from a spreadsheet"</h1>
            <p class="lead">"One row per key action, with columns such as Priority, Key activity, Lead organisation, Partners, Governance group, Action, Deadline, Status and Latest note. Nothing is made until you choose \"Create plan\"."</p>
            <ErrorSummary id="import-read-problems" problems=read_problems/>
            <div class="form-group">
                <label class="label-m" for="import-file">"Choose a spreadsheet file"</label>
                <p class="hint" id="import-file-hint">"An Excel workbook (.xlsx), or a CSV or tab-separated file as Excel saves them (\"CSV UTF-8\", \"CSV\", \"Text (tab delimited)\")."</p>
                <input class="file-upload" id="import-file" type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain"
                    aria-describedby="import-file-hint" on:change=on_file/>
            </div>
            <div class="form-group">
                <label class="label-m" for="import-paste">"Or paste the table"</label>
                <p class="hint" id="import-paste-hint">"Copy the table in Word or the cells in Excel, then paste here (Ctrl+V, or Cmd+V on a Mac). Merged cells and line breaks in cells are kept."</p>
                <textarea class="textarea" id="import-paste" rows="3" aria-describedby="import-paste-hint"
                    on:paste=on_paste on:input=move |ev| typed.set(event_target_value(&ev))
                    placeholder="Paste the table here"></textarea>
                // A paste is read at once; other text waits to be asked for.
                <button type="button" class="button button--secondary" on:click=read_typed
                    hidden=move || typed.with(|t| t.trim().is_empty())>"Read the table"</button>
            </div>
            <Show when=move || reading.get()>
                <p class="loading" role="status">"Reading the file…"</p>
            </Show>
            {move || source.with(|s| s.as_ref().map(|s| (s.name.clone(), s.encoding))).map(|(name, encoding)| {
                view! {
                    <section class="import__preview" aria-labelledby="import-preview-title">
                        <h2 class="heading-l" id="import-preview-title">"Check the plan before it is made"</h2>
                        <p class="body" role="status">
                            {format!("Read the table from {name}")}
                            {(encoding != Encoding::Utf8).then(|| format!(", read as {} text as older Excel saves it", encoding.name()))}
                            "."
                        </p>
                        <ErrorSummary id="import-problems" problems=problems/>
                        {move || sheets.with(|s| s.as_ref().filter(|s| s.names.len() > 1).map(|s| (s.names.clone(), s.chosen))).map(|(names, chosen)| view! {
                            <div class="form-group">
                                <label class="label-s" for="import-sheet">"Sheet"</label>
                                <p class="hint" id="import-sheet-hint">"The workbook has more than one sheet: choose the one with the plan."</p>
                                <select class="select input--width-10" id="import-sheet" aria-describedby="import-sheet-hint"
                                    on:change=move |ev| choose_sheet(event_target_value(&ev).parse().unwrap_or(0))>
                                    {names.into_iter().enumerate().map(|(i, n)| view! {
                                        <option value=i.to_string() selected=i == chosen>{n}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                        })}
                        {open_title.clone().map(|open| view! {
                            <fieldset class="fieldset">
                                <legend class="legend-s">"What to do with the rows"</legend>
                                <div class="radio">
                                    <input class="radio__input" type="radio" id="import-into-open" name="import-into"
                                        prop:checked=move || adding.get() on:change=move |_| adding.set(true)/>
                                    <label class="radio__label" for="import-into-open">{format!("Add them to the open plan, \"{open}\": what it lacks is added, and rows it already has are left as they are")}</label>
                                </div>
                                <div class="radio">
                                    <input class="radio__input" type="radio" id="import-as-new" name="import-into"
                                        prop:checked=move || !adding.get() on:change=move |_| adding.set(false)/>
                                    <label class="radio__label" for="import-as-new">"Make a new plan from them"</label>
                                </div>
                            </fieldset>
                        })}
                        <Show when=move || adding.get() && state.person.with(Option::is_none)>
                            <PersonForm/>
                        </Show>
                        <Show when=move || !adding.get()>
                            <div class="form-group">
                                <label class="label-s" for="import-title">"Plan title"</label>
                                <input class="input" id="import-title" type="text" prop:value=move || title.get()
                                    on:input=move |ev| title.set(event_target_value(&ev))/>
                            </div>
                            <div class="form-group">
                                <label class="label-s" for="import-organisation">"Organisation (optional)"</label>
                                <p class="hint" id="import-organisation-hint">"Who owns the plan, such as the partnership or council."</p>
                                <input class="input" id="import-organisation" type="text" aria-describedby="import-organisation-hint"
                                    prop:value=move || organisation.get() on:input=move |ev| organisation.set(event_target_value(&ev))/>
                            </div>
                        </Show>
                        <ColumnChoices source=source uses=uses/>
                        <Preview source=source uses=uses/>
                        <button type="button" class="button" on:click=create>
                            {move || if adding.get() { "Add to this plan" } else { "Create plan" }}
                        </button>
                    </section>
                }
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::title_from;

    #[test]
    fn a_title_from_a_file_name() {
        assert_eq!(title_from("Children_Plan-2019.csv"), "Children Plan 2019");
        assert_eq!(title_from("plan"), "plan");
    }
}
