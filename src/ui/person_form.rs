//! Who is making changes: asked once, then every change is signed with it.

use leptos::prelude::*;

use super::state;
use crate::browser::storage::{self, Person};

#[component]
pub fn PersonForm() -> impl IntoView {
    let state = state();
    let name = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if name.get_untracked().trim().is_empty() {
            error.set(Some("Enter your name".into()));
            return;
        }
        let person = Person { name: name.get_untracked().trim().to_owned(), organisation: organisation.get_untracked().trim().to_owned() };
        if let Err(e) = storage::save_person(&person) {
            state.storage_issue.set(Some(e));
        }
        state.person.set(Some(person));
    };
    view! {
        <form class="person-form" on:submit=save novalidate>
            <h4 class="heading-s">"Before you record progress"</h4>
            <p>"Your name and organisation are saved with every change you make, so others can see who updated what. You are asked once on this device."</p>
            {move || error.get().map(|m| view! {
                <div class="error-summary" role="alert">
                    <h2 class="error-summary__title">"There is a problem"</h2>
                    <ul class="error-summary__list"><li><a href="#person-name">{m}</a></li></ul>
                </div>
            })}
            <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
                <label class="label-s" for="person-name">"Your name"</label>
                <input class="input" type="text" id="person-name" autocomplete="name" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <div class="form-group">
                <label class="label-s" for="person-organisation">"Your organisation"</label>
                <input class="input" type="text" id="person-organisation" autocomplete="organization" prop:value=organisation on:input=move |ev| organisation.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button">"Save and continue"</button>
        </form>
    }
}
