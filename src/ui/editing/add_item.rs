//! "Add a key action" (or priority, activity, measure) in place: a title,
//! then "Add". The form stays open with focus in it, so that several can be
//! added one after another.

use leptos::html;
use leptos::prelude::*;

use crate::browser::clock;
use crate::progress::structure::Level;
use crate::progress::Change;
use crate::ui::shared::error_summary::{error_id, FieldError};
use crate::ui::shared::in_place::focus_once_drawn;
use crate::ui::shared::on_demand::unique_id;
use crate::ui::use_state;

#[component]
pub fn AddItem(level: Level, parent: Option<String>) -> impl IntoView {
    let state = use_state();
    let open = RwSignal::new(false);
    let title = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let input: NodeRef<html::Input> = NodeRef::new();
    let opener = StoredValue::new(unique_id("add-opener"));
    let field_id = unique_id("add");
    let parent = StoredValue::new(parent);
    let noun = level.noun();
    let prefix = match level {
        Level::Priority => "p",
        Level::Activity => "a",
        Level::Action => "k",
        Level::Measure => "m",
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = title.get_untracked().trim().to_owned();
        if text.is_empty() {
            problem.set(Some(format!("Enter the title of the new {noun}")));
            return;
        }
        problem.set(None);
        let change = Change::AddItem {
            item: clock::new_id(prefix),
            level,
            parent: parent.get_value(),
            title: text.clone(),
        };
        if state.record(vec![change]) {
            state.messages.success(format!("Added the {noun} '{text}'"));
            title.set(String::new());
            if let Some(input) = input.get_untracked() {
                let _ = input.focus();
            }
        }
    };
    let show = {
        move |_| {
            open.set(true);
            request_animation_frame(move || {
                if let Some(input) = input.get_untracked() {
                    let _ = input.focus();
                }
            });
        }
    };
    let label = format!("Add a {noun}");
    view! {
        <div class="edit-add">
            <Show when=move || !open.get()>
                <button type="button" class="button button--secondary button--small" id=opener.get_value() on:click=show>{label.clone()}</button>
            </Show>
            <Show when=move || open.get()>
                <form class="edit-form edit-form--add" on:submit=add novalidate>
                    <div class="form-group" class:form-group--error=move || problem.with(Option::is_some)>
                        <label class="label-s" for=field_id.clone()>{format!("Title of the new {noun}")}</label>
                        <FieldError error_id=error_id(&field_id) message=Signal::derive(move || problem.get())/>
                        <input class="input" type="text" id=field_id.clone() node_ref=input
                            aria-describedby={let e = error_id(&field_id); move || problem.with(Option::is_some).then(|| e.clone())}
                            prop:value=title on:input=move |ev| title.set(event_target_value(&ev))/>
                    </div>
                    <div class="button-group">
                        <button type="submit" class="button button--small">{format!("Add {noun}")}</button>
                        <button type="button" class="link-button" on:click=move |_| {
                            open.set(false);
                            problem.set(None);
                            focus_once_drawn(opener.get_value());
                        }>"Done"</button>
                    </div>
                </form>
            </Show>
        </div>
    }
}
