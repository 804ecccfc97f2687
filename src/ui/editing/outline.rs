//! "Edit the plan": the plan's details, then every priority with its key
//! activities and their key actions, then the measures, each with controls
//! to edit, move and delete it, and a way to add more in place.

use std::sync::Arc;

use leptos::prelude::*;

use super::add_item::AddItem;
use super::item_form::DetailsForm;
use super::item_row::ItemRow;
use crate::plan::Plan;
use crate::progress::structure::{Level, Outline};
use crate::ui::shared::in_place::focus_once_named;
use crate::ui::shared::person_form::PersonForm;
use crate::ui::state::Page;
use crate::ui::use_state;

/// Activities show their actions from the start in plans up to this size;
/// in larger ones each is opened on demand, so the page stays quick.
const OPEN_UP_TO_ACTIONS: usize = 200;

/// What the outline's rows read: the plan as shown and where each item is.
#[derive(Clone, Copy)]
pub struct Shape {
    pub plan: Memo<Option<Arc<Plan>>>,
    pub outline: Memo<Arc<Outline>>,
}

pub fn use_shape() -> Shape {
    expect_context::<Shape>()
}

#[component]
pub fn PlanOutline() -> impl IntoView {
    let state = use_state();
    let plan = Memo::new_with_compare(
        move |_| {
            state
                .plan
                .opened
                .with(|o| o.as_ref().map(|o| Arc::clone(&o.plan)))
        },
        |a, b| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    let outline = Memo::new(move |_| {
        Arc::new(plan.with(|p| p.as_deref().map(Outline::of).unwrap_or_default()))
    });
    provide_context(Shape { plan, outline });
    state.plan.prepare_for_structure_changes();
    let named = move || state.person.with(Option::is_some);
    // Once the person has said who is editing: the page's heading, above
    // what their form gave way to.
    focus_once_named("edit-heading");
    let open_all = outline.with_untracked(|o| o.actions <= OPEN_UP_TO_ACTIONS);
    view! {
        <div class="editor">
            <h1 class="heading-xl" id="edit-heading" tabindex="-1">"Edit the plan"</h1>
            <p class="lead">"Add, rename, reorder, move and delete priorities, key activities, key actions and measures. Each change is kept in this browser with your name, shows in the item's history, can be taken back with \"Undo last change\", and goes into the next export."</p>
            <p>
                <button type="button" class="button button--secondary" on:click=move |_| state.set_page(Page::Import)>
                    "Add rows from a spreadsheet"
                </button>
            </p>
            <Show when=named fallback=|| view! { <PersonForm/> }>
                <DetailsForm/>
                <h2 class="heading-l">"Priorities"</h2>
                <ol class="edit-list edit-list--priorities">
                    <For each=move || outline.with(|o| o.priorities.clone()) key=|id| id.clone() let:id>
                        <PriorityBlock id=id open_all=open_all/>
                    </For>
                </ol>
                <AddItem level=Level::Priority parent=None/>
                <h2 class="heading-l">"Measures"</h2>
                {move || outline.with(|o| o.measures.is_empty()).then(|| view! { <p class="body">"This plan has no measures yet."</p> })}
                <ol class="edit-list">
                    <For each=move || outline.with(|o| o.measures.clone()) key=|id| id.clone() let:id>
                        <li class="edit-list__item"><ItemRow id=id level=Level::Measure/></li>
                    </For>
                </ol>
                <AddItem level=Level::Measure parent=None/>
            </Show>
        </div>
    }
}

#[component]
fn PriorityBlock(id: String, open_all: bool) -> impl IntoView {
    let shape = use_shape();
    let children = {
        let id = id.clone();
        move || shape.outline.with(|o| o.children(&id).to_vec())
    };
    view! {
        <li class="edit-list__item edit-list__item--priority">
            <ItemRow id=id.clone() level=Level::Priority/>
            <ol class="edit-list edit-list--nested">
                <For each=children key=|id| id.clone() let:child>
                    <ActivityBlock id=child open_all=open_all/>
                </For>
            </ol>
            <AddItem level=Level::Activity parent=Some(id)/>
        </li>
    }
}

#[component]
fn ActivityBlock(id: String, open_all: bool) -> impl IntoView {
    let shape = use_shape();
    let open = RwSignal::new(open_all);
    let count = {
        let id = id.clone();
        move || shape.outline.with(|o| o.children(&id).len())
    };
    let children = {
        let id = id.clone();
        move || shape.outline.with(|o| o.children(&id).to_vec())
    };
    let parent = id.clone();
    view! {
        <li class="edit-list__item">
            <ItemRow id=id.clone() level=Level::Activity/>
            <details class="details edit-actions" prop:open=open_all
                on:toggle=move |ev| {
                    let details: web_sys::HtmlDetailsElement = event_target(&ev);
                    open.set(details.open());
                }>
                <summary class="details__summary">{move || match count() {
                    1 => "1 key action".to_owned(),
                    n => format!("{n} key actions"),
                }}</summary>
                <Show when=move || open.get()>
                    <ol class="edit-list edit-list--nested">
                        <For each=children.clone() key=|id| id.clone() let:child>
                            <li class="edit-list__item"><ItemRow id=child level=Level::Action/></li>
                        </For>
                    </ol>
                    <AddItem level=Level::Action parent=Some(parent.clone())/>
                </Show>
            </details>
        </li>
    }
}
