//! Updating an action or activity: status with large controls, percent
//! complete, and a dated note with optional evidence. Problems are listed
//! GOV.UK style and linked to their fields; nothing is saved until all is well.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::browser::clock;
use crate::plan::dates::long_moment;
use crate::plan::{human_size, Progress, Status, MAX_TEXT_BYTES};
use crate::progress::{is_followable_link, parse_percent, Change, EvidenceDraft, NoteDraft};
use crate::ui::shared::error_summary::{
    error_id, ErrorSummary, FieldError, FieldProblem, FormProblems, SummaryPlace,
};
use crate::ui::shared::in_place::{focus_on_arrival, focus_once_drawn};
use crate::ui::shared::on_demand::{on_demand, PartNotLoaded};
use crate::ui::shared::person_form::PersonForm;
use crate::ui::use_state;

/// "Update progress", which opens the form in its place and comes back when
/// the form is saved or cancelled, with focus (`shared::in_place`).
#[component]
pub fn UpdateProgress(
    item_id: String,
    item_title: String,
    /// Said after "Update progress" to screen readers: "for activity …".
    button_for: String,
    #[prop(into)] current: Signal<Option<Progress>>,
    /// The smaller button, for actions listed inside an activity.
    #[prop(optional)]
    small: bool,
) -> impl IntoView {
    let editing = RwSignal::new(false);
    // Where focus comes back to when the form closes (`in_place`).
    let opener = format!("update-{item_id}");
    let class = if small {
        "button button--secondary button--small"
    } else {
        "button button--secondary"
    };
    move || {
        if editing.get() {
            let (item_id, item_title, opener) =
                (item_id.clone(), item_title.clone(), opener.clone());
            let on_done = Callback::new(move |_| editing.set(false));
            on_demand(move || {
                progress_form(
                    item_id.clone(),
                    item_title.clone(),
                    opener.clone(),
                    current,
                    on_done,
                )
            })
            .into_any()
        } else {
            view! {
                <button type="button" class=class id=opener.clone() on:click=move |_| editing.set(true)>
                    "Update progress"<span class="visually-hidden">{format!(" {button_for}")}</span>
                </button>
            }
            .into_any()
        }
    }
}

/// The form is downloaded the first time anyone updates progress.
#[wasm_split(progress_form, wasm_split_path = ::leptos::wasm_split, fallible)]
fn progress_form(
    item_id: String,
    item_title: String,
    opener: String,
    current: Signal<Option<Progress>>,
    on_done: Callback<()>,
) -> Result<AnyView, PartNotLoaded> {
    Ok(view! { <ProgressForm item_id item_title opener current on_done/> }.into_any())
}

#[component]
pub fn ProgressForm(
    item_id: String,
    item_title: String,
    /// The id of the control the form replaced, which takes focus back.
    opener: String,
    #[prop(into)] current: Signal<Option<Progress>>,
    on_done: Callback<()>,
) -> impl IntoView {
    let state = use_state();
    let opener = StoredValue::new(opener);
    let on_done = Callback::new(move |()| {
        on_done.run(());
        focus_once_drawn(opener.get_value());
    });
    // Copy, so every closure below can name fields.
    let key = StoredValue::new(item_id.replace(|c: char| !c.is_alphanumeric(), "-"));
    let field = move |name: &str| key.with_value(|k| format!("{name}-{k}"));
    let start = current.get_untracked();
    let status = RwSignal::new(start.as_ref().and_then(|p| p.status));
    let percent = RwSignal::new(
        start
            .as_ref()
            .and_then(|p| p.percent)
            .map(|p| p.to_string())
            .unwrap_or_default(),
    );
    let note = RwSignal::new(String::new());
    let evidence_title = RwSignal::new(String::new());
    let evidence_source = RwSignal::new(String::new());
    let evidence_url = RwSignal::new(String::new());
    let corrects = RwSignal::new(String::new());
    let problems = FormProblems::new();
    let earlier_notes: Vec<(String, String)> = start
        .as_ref()
        .map(|p| {
            p.notes()
                .iter()
                .rev()
                .map(|n| {
                    let words: String = n.text.chars().take(60).collect();
                    (n.id.clone(), format!("{}: {words}", long_moment(&n.at)))
                })
                .collect()
        })
        .unwrap_or_default();
    let has_earlier = !earlier_notes.is_empty();

    let (f_status, f_percent, f_note, f_url) = (
        field("status"),
        field("percent"),
        field("note"),
        field("evidence-url"),
    );
    let item = item_id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found: Vec<FieldProblem> = Vec::new();
        let new_percent = parse_percent(&percent.get_untracked())
            .map_err(|m| found.push(FieldProblem::at(&f_percent, m)))
            .ok()
            .flatten();
        let text = note.get_untracked().trim().to_owned();
        let url = evidence_url.get_untracked().trim().to_owned();
        let evidence_given = !evidence_title.get_untracked().trim().is_empty()
            || !evidence_source.get_untracked().trim().is_empty()
            || !url.is_empty();
        if !url.is_empty() && !is_followable_link(&url) {
            found.push(FieldProblem::at(
                &f_url,
                "Enter a link starting with https://, http:// or mailto:",
            ));
        }
        // A note the plan reader would refuse would make the export unopenable.
        if text.len() > MAX_TEXT_BYTES {
            found.push(FieldProblem::at(
                &f_note,
                format!(
                    "The note is {}; a note can be up to {}",
                    human_size(text.len()),
                    human_size(MAX_TEXT_BYTES)
                ),
            ));
        }
        if evidence_given && text.is_empty() {
            found.push(FieldProblem::at(
                &f_note,
                "Write a note to go with the evidence",
            ));
        }
        let before = current.get_untracked();
        let mut changes = Vec::new();
        let chosen = status.get_untracked();
        if chosen != before.as_ref().and_then(|p| p.status) {
            changes.push(Change::SetStatus {
                item: item.clone(),
                status: chosen,
            });
        }
        if new_percent.is_some() && new_percent != before.as_ref().and_then(|p| p.percent) {
            changes.push(Change::SetPercent {
                item: item.clone(),
                percent: new_percent,
            });
        }
        if !text.is_empty() {
            let opt = |s: String| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
            let evidence = evidence_given
                .then(|| EvidenceDraft {
                    title: opt(evidence_title.get_untracked()),
                    source: opt(evidence_source.get_untracked()),
                    url: opt(url.clone()),
                })
                .into_iter()
                .collect();
            changes.push(Change::AddNote {
                item: item.clone(),
                note: NoteDraft {
                    id: clock::new_id("n"),
                    text,
                    status: chosen,
                    evidence,
                    corrects: opt(corrects.get_untracked()),
                },
            });
        }
        if found.is_empty() && changes.is_empty() {
            found.push(FieldProblem::at(
                &f_status,
                "Change the status or percent complete, or write a note",
            ));
        }
        if !found.is_empty() {
            problems.set(found);
            return;
        }
        if state.record(changes) {
            problems.clear();
            on_done.run(());
        }
    };
    let field_error = move |name: &str| {
        let id = field(name);
        view! { <FieldError error_id=error_id(&id) message=problems.message_for(&id)/> }
    };
    let has_error = move |name: &str| {
        let message = problems.message_for(&field(name));
        move || message.with(Option::is_some)
    };

    let heading = NodeRef::new();
    focus_on_arrival(heading);
    view! {
        <Show when=move || state.person.with(Option::is_some) fallback=|| view! { <PersonForm take_focus=true/> }>
            <form class="progress-form" on:submit=save.clone() novalidate>
                <h4 class="heading-s" tabindex="-1" node_ref=heading>{format!("Update progress: {item_title}")}</h4>
                <ErrorSummary id=field("problems") problems=problems.list() place=SummaryPlace::Within/>
                <fieldset class="fieldset" id=field("status") aria-describedby=problems.described_by(&field("status"))>
                    <legend class="legend-s">"Status"</legend>
                    {field_error("status")}
                    <div class="radios radios--large">
                        {Status::ALL.into_iter().map(|s| {
                            let id = format!("{}-{}", field("status"), s.code());
                            view! {
                                <div class="radio">
                                    <input class="radio__input" type="radio" id=id.clone() name=field("status")
                                        prop:checked=move || status.get() == Some(s) on:change=move |_| status.set(Some(s))/>
                                    <label class=format!("radio__label radio__label--{}", s.code()) for=id>{s.label()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <div class="form-group" class:form-group--error=has_error("percent")>
                    <label class="label-s" for=field("percent")>"Percent complete"</label>
                    <p class="hint">"A whole number from 0 to 100"</p>
                    {field_error("percent")}
                    <input class="input input--width-4" type="text" inputmode="numeric" id=field("percent") prop:value=percent
                        aria-describedby=problems.described_by(&field("percent"))
                        on:input=move |ev| percent.set(event_target_value(&ev))/>
                </div>
                <div class="form-group" class:form-group--error=has_error("note")>
                    <label class="label-s" for=field("note")>"Add a note (optional)"</label>
                    <p class="hint">"What has happened since the last update. It is dated and signed with your name, and kept with the status you chose."</p>
                    {field_error("note")}
                    <textarea class="textarea" id=field("note") rows="4" prop:value=note aria-describedby=problems.described_by(&field("note"))
                        on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </div>
                {has_earlier.then(|| view! {
                    <div class="form-group">
                        <label class="label-s" for=field("corrects")>"Does this note correct or withdraw an earlier one?"</label>
                        <select class="select" id=field("corrects") on:change=move |ev| corrects.set(event_target_value(&ev))>
                            <option value="">"No"</option>
                            {earlier_notes.clone().into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                        </select>
                    </div>
                })}
                <details class="details">
                    <summary class="details__summary">"Add evidence (optional)"</summary>
                    <div class="details__text">
                        <div class="form-group">
                            <label class="label-s" for=field("evidence-title")>"What the evidence is"</label>
                            <input class="input" type="text" id=field("evidence-title") prop:value=evidence_title on:input=move |ev| evidence_title.set(event_target_value(&ev))/>
                        </div>
                        <div class="form-group">
                            <label class="label-s" for=field("evidence-source")>"Where it comes from"</label>
                            <input class="input" type="text" id=field("evidence-source") prop:value=evidence_source on:input=move |ev| evidence_source.set(event_target_value(&ev))/>
                        </div>
                        <div class="form-group" class:form-group--error=has_error("evidence-url")>
                            <label class="label-s" for=field("evidence-url")>"Link (optional)"</label>
                            {field_error("evidence-url")}
                            <input class="input" type="url" id=field("evidence-url") prop:value=evidence_url
                                aria-describedby=problems.described_by(&field("evidence-url"))
                                on:input=move |ev| evidence_url.set(event_target_value(&ev))/>
                        </div>
                    </div>
                </details>
                <div class="button-group">
                    <button type="submit" class="button">"Save update"</button>
                    <button type="button" class="link-button" on:click=move |_| on_done.run(())>"Cancel"</button>
                </div>
            </form>
        </Show>
    }
}
