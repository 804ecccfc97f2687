//! One item of a meeting's step, an action or the activity itself: its
//! status, deadline and latest note, with big status choices and a note,
//! recorded as they are made.

use leptos::prelude::*;

use crate::browser::clock;
use crate::plan::dates::long_moment;
use crate::plan::{Progress, Status};
use crate::progress::{current_progress, Change, NoteDraft};
use crate::ui::shared::status_tag::StatusTag;
use crate::ui::use_state;

/// An action or the activity itself: its status, deadline and latest note,
/// with big status choices and a note, recorded as they are made.
#[component]
pub fn MeetingItem(
    id: String,
    title: String,
    due: Option<String>,
    base: Option<Progress>,
) -> impl IntoView {
    let state = use_state();
    let item = id.clone();
    let progress = Memo::new(move |_| {
        state
            .plan
            .edits_by_item
            .with(|edits| current_progress(base.as_ref(), edits.get(&item).into_iter().flatten()))
    });
    let key: String = id
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let note = RwSignal::new(String::new());
    let (item_status, item_note) = (id.clone(), id.clone());
    let set_status = move |status: Status| {
        if progress.with_untracked(|p| p.as_ref().and_then(|p| p.status)) != Some(status) {
            state.record(vec![Change::SetStatus {
                item: item_status.clone(),
                status: Some(status),
            }]);
        }
    };
    let add_note = move |_| {
        let text = note.get_untracked().trim().to_owned();
        if text.is_empty() {
            return;
        }
        let status = progress.with_untracked(|p| p.as_ref().and_then(|p| p.status));
        let draft = NoteDraft {
            id: clock::new_id("n"),
            text,
            status,
            ..NoteDraft::default()
        };
        if state.record(vec![Change::AddNote {
            item: item_note.clone(),
            note: draft,
        }]) {
            note.set(String::new());
        }
    };
    let note_id = format!("meeting-note-{key}");
    view! {
        <div class="meeting__item">
            <div class="meeting__item-head">
                <p class="meeting__item-title">{title.clone()}</p>
                {move || view! { <StatusTag status=progress.get().and_then(|p| p.status)/> }}
            </div>
            {due.map(|d| view! { <p class="meeting__due"><strong>"Due: "</strong>{d}</p> })}
            {move || progress.get().and_then(|p| p.notes().last().cloned()).map(|n| view! {
                <p class="latest-note"><span class="caption-m">{format!("Latest note, {}: ", long_moment(&n.at))}</span>{n.text}</p>
            })}
            <fieldset class="fieldset">
                <legend class="legend-s">{format!("Status of {title}")}</legend>
                <div class="radios radios--large">
                    {Status::ALL.into_iter().map(|s| {
                        let radio = format!("meeting-status-{key}-{}", s.code());
                        let set_status = set_status.clone();
                        view! {
                            <div class="radio">
                                <input class="radio__input" type="radio" id=radio.clone() name=format!("meeting-status-{key}")
                                    prop:checked=move || progress.with(|p| p.as_ref().and_then(|p| p.status)) == Some(s)
                                    on:change=move |_| set_status(s)/>
                                <label class=format!("radio__label radio__label--{}", s.code()) for=radio>{s.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="form-group">
                <label class="label-s" for=note_id.clone()>{format!("Add a note to {title}")}</label>
                <textarea class="textarea" id=note_id rows="2" prop:value=note on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                <button type="button" class="button button--secondary" on:click=add_note>
                    "Add note"<span class="visually-hidden">{format!(" to {title}")}</span>
                </button>
            </div>
        </div>
    }
}
