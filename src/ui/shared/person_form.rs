//! Who is making changes: asked once, then every change is signed with it.

use leptos::prelude::*;

use super::error_summary::{
    error_id, ErrorSummary, FieldError, FieldProblem, FormProblems, SummaryPlace,
};
use super::in_place::focus_on_arrival;
use crate::browser::storage::{self, Person};
use crate::ui::use_state;

#[component]
pub fn PersonForm(
    /// Focus the name field as the form appears: where it opens in place of
    /// the control that asked for it (`in_place`), not on a page's arrival.
    #[prop(optional)]
    take_focus: bool,
) -> impl IntoView {
    let state = use_state();
    let name_field = NodeRef::new();
    if take_focus {
        focus_on_arrival(name_field);
    }
    let name = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let problems = FormProblems::new();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if name.get_untracked().trim().is_empty() {
            problems.set(vec![FieldProblem::at("person-name", "Enter your name")]);
            return;
        }
        problems.clear();
        let person = Person {
            name: name.get_untracked().trim().to_owned(),
            organisation: organisation.get_untracked().trim().to_owned(),
        };
        if let Err(e) = storage::save_person(&person) {
            state.messages.storage.set(Some(e));
        }
        state.person.set(Some(person));
    };
    // A named group, not a heading: the form appears under headings of
    // every level (a page, an activity, an action, a meeting), and a
    // screen reader names the group as the first field is reached.
    view! {
        <form class="person-form" on:submit=save novalidate>
            <ErrorSummary id="person-problems" problems=problems.list() place=SummaryPlace::Within/>
            <fieldset class="fieldset" aria-describedby="person-why">
                <legend class="heading-s">"Before you record progress"</legend>
                <p id="person-why">"Your name and organisation are saved with every change you make, so others can see who updated what. You are asked once on this device."</p>
                <div class="form-group" class:form-group--error=move || problems.message_for("person-name").with(Option::is_some)>
                    <label class="label-s" for="person-name">"Your name"</label>
                    <FieldError error_id=error_id("person-name") message=problems.message_for("person-name")/>
                    <input class="input" type="text" id="person-name" autocomplete="name" node_ref=name_field aria-describedby=problems.described_by("person-name")
                        prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="form-group">
                    <label class="label-s" for="person-organisation">"Your organisation"</label>
                    <input class="input" type="text" id="person-organisation" autocomplete="organization" prop:value=organisation on:input=move |ev| organisation.set(event_target_value(&ev))/>
                </div>
            </fieldset>
            <button type="submit" class="button">"Save and continue"</button>
        </form>
    }
}
