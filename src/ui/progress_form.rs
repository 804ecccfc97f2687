//! Updating an action or activity: status with large controls, percent
//! complete, and a dated note with optional evidence. Problems are listed
//! GOV.UK style and linked to their fields; nothing is saved until all is well.

use leptos::html;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use super::on_demand::{on_demand, PartNotLoaded};
use super::person_form::PersonForm;
use super::{long_moment, state};
use crate::browser::clock;
use crate::plan::{Progress, Status};
use crate::progress::{is_followable_link, Change, EvidenceDraft, NoteDraft};

/// A problem with a form field: the field's id and what to do.
pub type FieldError = (String, String);

/// Reads the percent field: empty means "no change", else 0 to 100.
pub fn parse_percent(text: &str) -> Result<Option<u8>, String> {
    let text = text.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(p) if p <= 100 => Ok(Some(p)),
        _ => Err("Enter percent complete as a whole number from 0 to 100".to_owned()),
    }
}

/// "Update progress", which opens the form in its place and comes back when
/// the form is saved or cancelled.
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
    let class = if small { "button button--secondary button--small" } else { "button button--secondary" };
    move || {
        if editing.get() {
            let (item_id, item_title) = (item_id.clone(), item_title.clone());
            let on_done = Callback::new(move |_| editing.set(false));
            on_demand(move || progress_form(item_id.clone(), item_title.clone(), current, on_done)).into_any()
        } else {
            view! {
                <button type="button" class=class on:click=move |_| editing.set(true)>
                    "Update progress"<span class="visually-hidden">{format!(" {button_for}")}</span>
                </button>
            }
            .into_any()
        }
    }
}

/// The form is downloaded the first time anyone updates progress.
#[wasm_split(progress_form, wasm_split_path = ::leptos::wasm_split, fallible)]
fn progress_form(item_id: String, item_title: String, current: Signal<Option<Progress>>, on_done: Callback<()>) -> Result<AnyView, PartNotLoaded> {
    Ok(view! { <ProgressForm item_id item_title current on_done/> }.into_any())
}

#[component]
pub fn ProgressForm(
    item_id: String,
    item_title: String,
    #[prop(into)] current: Signal<Option<Progress>>,
    on_done: Callback<()>,
) -> impl IntoView {
    let state = state();
    // Copy, so every closure below can name fields.
    let key = StoredValue::new(item_id.replace(|c: char| !c.is_alphanumeric(), "-"));
    let field = move |name: &str| key.with_value(|k| format!("{name}-{k}"));
    let start = current.get_untracked();
    let status = RwSignal::new(start.as_ref().and_then(|p| p.status));
    let percent = RwSignal::new(start.as_ref().and_then(|p| p.percent).map(|p| p.to_string()).unwrap_or_default());
    let note = RwSignal::new(String::new());
    let evidence_title = RwSignal::new(String::new());
    let evidence_source = RwSignal::new(String::new());
    let evidence_url = RwSignal::new(String::new());
    let corrects = RwSignal::new(String::new());
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(Vec::new());
    let summary: NodeRef<html::Div> = NodeRef::new();
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

    let (f_status, f_percent, f_note, f_url) = (field("status"), field("percent"), field("note"), field("evidence-url"));
    let item = item_id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut problems: Vec<FieldError> = Vec::new();
        let new_percent = parse_percent(&percent.get_untracked()).map_err(|m| problems.push((f_percent.clone(), m))).ok().flatten();
        let text = note.get_untracked().trim().to_owned();
        let url = evidence_url.get_untracked().trim().to_owned();
        let evidence_given = !evidence_title.get_untracked().trim().is_empty() || !evidence_source.get_untracked().trim().is_empty() || !url.is_empty();
        if !url.is_empty() && !is_followable_link(&url) {
            problems.push((f_url.clone(), "Enter a link starting with https://, http:// or mailto:".into()));
        }
        if evidence_given && text.is_empty() {
            problems.push((f_note.clone(), "Write a note to go with the evidence".into()));
        }
        let before = current.get_untracked();
        let mut changes = Vec::new();
        let chosen = status.get_untracked();
        if chosen != before.as_ref().and_then(|p| p.status) {
            changes.push(Change::SetStatus { item: item.clone(), status: chosen });
        }
        if new_percent.is_some() && new_percent != before.as_ref().and_then(|p| p.percent) {
            changes.push(Change::SetPercent { item: item.clone(), percent: new_percent });
        }
        if !text.is_empty() {
            let opt = |s: String| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
            let evidence = evidence_given
                .then(|| EvidenceDraft { title: opt(evidence_title.get_untracked()), source: opt(evidence_source.get_untracked()), url: opt(url.clone()) })
                .into_iter()
                .collect();
            changes.push(Change::AddNote {
                item: item.clone(),
                note: NoteDraft { id: clock::new_id("n"), text, status: chosen, evidence, corrects: opt(corrects.get_untracked()) },
            });
        }
        if problems.is_empty() && changes.is_empty() {
            problems.push((f_status.clone(), "Change the status or percent complete, or write a note".into()));
        }
        if !problems.is_empty() {
            errors.set(problems);
            if let Some(el) = summary.get_untracked() {
                let _ = el.focus();
            }
            return;
        }
        if state.record(changes) {
            errors.set(Vec::new());
            on_done.run(());
        }
    };
    let error_for = move |id: String| move || errors.with(|e| e.iter().find(|(f, _)| *f == id).map(|(_, m)| m.clone()));

    view! {
        <Show when=move || state.person.with(Option::is_some) fallback=|| view! { <PersonForm/> }>
            <form class="progress-form" on:submit=save.clone() novalidate>
                <h4 class="heading-s">{format!("Update progress: {item_title}")}</h4>
                <div class="error-summary" role="alert" tabindex="-1" node_ref=summary hidden=move || errors.with(Vec::is_empty)>
                    <h2 class="error-summary__title">"There is a problem"</h2>
                    <ul class="error-summary__list">
                        {move || errors.get().into_iter().map(|(id, m)| view! { <li><a href=format!("#{id}")>{m}</a></li> }).collect_view()}
                    </ul>
                </div>
                <fieldset class="fieldset" id=field("status")>
                    <legend class="legend-s">"Status"</legend>
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
                <div class="form-group" class:form-group--error=move || error_for(field("percent"))().is_some()>
                    <label class="label-s" for=field("percent")>"Percent complete"</label>
                    <p class="hint">"A whole number from 0 to 100"</p>
                    {move || error_for(field("percent"))().map(|m| view! { <p class="error-message"><span class="visually-hidden">"Error: "</span>{m}</p> })}
                    <input class="input input--width-4" type="text" inputmode="numeric" id=field("percent") prop:value=percent
                        on:input=move |ev| percent.set(event_target_value(&ev))/>
                </div>
                <div class="form-group" class:form-group--error=move || error_for(field("note"))().is_some()>
                    <label class="label-s" for=field("note")>"Add a note (optional)"</label>
                    <p class="hint">"What has happened since the last update. It is dated and signed with your name, and kept with the status you chose."</p>
                    {move || error_for(field("note"))().map(|m| view! { <p class="error-message"><span class="visually-hidden">"Error: "</span>{m}</p> })}
                    <textarea class="textarea" id=field("note") rows="4" prop:value=note on:input=move |ev| note.set(event_target_value(&ev))></textarea>
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
                        <div class="form-group" class:form-group--error=move || error_for(field("evidence-url"))().is_some()>
                            <label class="label-s" for=field("evidence-url")>"Link (optional)"</label>
                            {move || error_for(field("evidence-url"))().map(|m| view! { <p class="error-message"><span class="visually-hidden">"Error: "</span>{m}</p> })}
                            <input class="input" type="url" id=field("evidence-url") prop:value=evidence_url on:input=move |ev| evidence_url.set(event_target_value(&ev))/>
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
