//! "Start a new plan": its title, organisation, period and first priority.
//! The plan is made, opened like any other (kept in this browser for a
//! reload) and shown in "Edit the plan" to add activities and actions.

use leptos::prelude::*;

use crate::browser::{address, clock};
use crate::import::blank::{start_plan, PlanStart, StartField};
use crate::ui::shared::error_summary::{
    error_id, ErrorSummary, FieldError, FieldProblem, FormProblems,
};
use crate::ui::state::{Origin, Page};
use crate::ui::use_state;

fn field_id(field: StartField) -> &'static str {
    match field {
        StartField::Title => "new-title",
        StartField::Start => "new-start",
        StartField::End => "new-end",
        StartField::FirstPriority => "new-priority",
    }
}

#[component]
pub fn NewPlanForm() -> impl IntoView {
    let state = use_state();
    let form = RwSignal::new(PlanStart::default());
    let problems = FormProblems::new();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Unique in this browser: changes are stored by the plan's id.
        let unique = clock::new_id("n")
            .rsplit('-')
            .next()
            .unwrap_or("new")
            .to_owned();
        match form.with_untracked(|f| start_plan(f, &unique)) {
            Ok(text) => {
                problems.clear();
                let title = form.with_untracked(|f| f.title.trim().to_owned());
                state.set_page(Page::Edit);
                state.open_bytes(text.as_bytes(), &title, Origin::MadeHere);
                address::scroll_to_top();
            }
            Err(list) => problems.set(
                list.into_iter()
                    .map(|p| FieldProblem::at(field_id(p.field), p.text))
                    .collect(),
            ),
        }
    };
    let text_field = move |id: &'static str,
                           label: &'static str,
                           hint: Option<&'static str>,
                           kind: &'static str,
                           get: fn(&PlanStart) -> &String,
                           set: fn(&mut PlanStart, String)| {
        let hint_id = format!("{id}-hint");
        let described = Signal::derive({
            let hint_id = hint_id.clone();
            let error = problems.described_by(id);
            move || {
                let parts: Vec<String> = hint
                    .map(|_| hint_id.clone())
                    .into_iter()
                    .chain(error.get())
                    .collect();
                (!parts.is_empty()).then(|| parts.join(" "))
            }
        });
        view! {
            <div class="form-group" class:form-group--error=move || problems.message_for(id).with(Option::is_some)>
                <label class="label-s" for=id>{label}</label>
                {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
                <FieldError error_id=error_id(id) message=problems.message_for(id)/>
                <input class="input" class:input--date=kind == "date" type=kind id=id aria-describedby=described
                    prop:value=move || form.with(|f| get(f).clone())
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))/>
            </div>
        }
    };
    view! {
        <div class="new-plan">
            <a href="?" class="back-link" on:click=move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                state.set_page(Page::Plan);
            }>"Back"</a>
            <h1 class="heading-xl">"Start a new plan"</h1>
            <p class="lead">"Give the plan a title and its first priority. Then add its key activities and key actions, with their leads, partners and deadlines, on the next page."</p>
            <ErrorSummary id="new-plan-problems" problems=problems.list()/>
            <form on:submit=create novalidate>
                {text_field("new-title", "Plan title", Some("For example, Community Safety Plan 2026 to 2029"), "text", |f| &f.title, |f, v| f.title = v)}
                {text_field("new-organisation", "Organisation or partnership (optional)", None, "text", |f| &f.organisation, |f, v| f.organisation = v)}
                <fieldset class="fieldset">
                    <legend class="legend-s">"Period the plan covers (optional)"</legend>
                    {text_field("new-start", "Starts", None, "date", |f| &f.start, |f, v| f.start = v)}
                    {text_field("new-end", "Ends", None, "date", |f| &f.end, |f, v| f.end = v)}
                </fieldset>
                {text_field("new-priority", "First priority", Some("A plan needs at least one priority. You can add more, rename or reorder them later."), "text", |f| &f.first_priority, |f, v| f.first_priority = v)}
                <button type="submit" class="button">"Create plan"</button>
            </form>
        </div>
    }
}
