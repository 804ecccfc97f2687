//! "Start a new plan" and "Edit the plan": a plan made from its title and
//! first priority, and its structure changed in place. Every change is a
//! structure edit in the journal (see `progress::structure`), so it is
//! signed, kept through reloads, undone with "Undo last change", shown in
//! the history and exported. A part of its own, downloaded when first used.

mod add_item;
mod item_form;
mod item_row;
mod new_plan;
mod outline;

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::ui::shared::on_demand::PartNotLoaded;
use crate::ui::state::Page;
use crate::ui::use_state;

#[wasm_split(editing_page, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn editing_page() -> Result<AnyView, PartNotLoaded> {
    let state = use_state();
    Ok(match state.view.page.get_untracked() {
        Page::NewPlan => view! { <new_plan::NewPlanForm/> }.into_any(),
        _ => view! { <outline::PlanOutline/> }.into_any(),
    })
}
