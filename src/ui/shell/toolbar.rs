//! The plan's toolbar: its pages, the count of changes not yet exported,
//! export, and a menu (a disclosure, so the plan and its first results are
//! on the first screen of a phone or tablet) with saving to a file, undo,
//! discard, close, and opening another plan file.

use leptos::prelude::*;

use super::opening::{use_opening, Source};
use crate::browser::focus::scroll_to_top;
use crate::plan::dates::long_moment;
use crate::progress::Journal;
use crate::ui::sharing::export::{can_save_to_file, export, save_to_file};
use crate::ui::state::Page;
use crate::ui::use_state;

#[component]
pub fn Toolbar() -> impl IntoView {
    let state = use_state();
    let opening = use_opening();
    let last_export = Memo::new(move |_| state.plan.journal(|j| j.last_export.clone()));
    let recorded = Memo::new(move |_| state.plan.journal(|j| j.edits.len()));
    let confirming_discard = RwSignal::new(false);
    let menu_open = RwSignal::new(false);
    let discard = move |_| {
        state.plan.discard();
        confirming_discard.set(false);
        state.messages.success("Your changes were discarded".into());
    };
    let page_link = move |page: Page, label: &'static str| {
        view! {
            <li>
                <button type="button" class="link-button" aria-current=move || (state.view.page.get() == page).then_some("page")
                    on:click=move |_| {
                        state.set_page(page);
                        scroll_to_top();
                    }>{label}</button>
            </li>
        }
    };
    view! {
        <nav class="toolbar" aria-label="Plan">
            <ul class="toolbar__views">
                {page_link(Page::Plan, "Actions")}
                {page_link(Page::Measures, "Measures")}
                {page_link(Page::Dashboard, "Dashboard")}
                {page_link(Page::Exceptions, "Exception report")}
                {page_link(Page::Exchange, "Share and merge")}
                {page_link(Page::Edit, "Edit the plan")}
            </ul>
            <p class="toolbar__status" role="status">
                {move || state.plan.journal(Journal::waiting).text()}
                {move || last_export.get().map(|at| format!(". Last exported {}", long_moment(&at)))}
            </p>
            <div class="toolbar__actions">
                <button type="button" class="button" on:click=move |_| export(state)>"Export plan"</button>
                <button type="button" class="button button--secondary toolbar__more"
                    aria-controls="plan-menu" aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| menu_open.update(|o| *o = !*o)>
                    "More options"
                </button>
            </div>
            <div class="toolbar__menu" id="plan-menu" hidden=move || !menu_open.get()>
                {can_save_to_file().then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| save_to_file(state)>"Save to a file…"</button>
                })}
                <button type="button" class="button button--secondary" disabled=move || !state.plan.can_undo()
                    on:click=move |_| {
                        state.plan.undo();
                        state.messages.success.set(None);
                    }>"Undo last change"</button>
                <button type="button" class="button button--warning" disabled=move || recorded.get() == 0
                    on:click=move |_| confirming_discard.set(true)>"Discard my changes"</button>
                <button type="button" class="button button--secondary" on:click=move |_| state.close()>"Close plan"</button>
                <div class="toolbar__open">
                    <label class="label-s" for="another-plan-file">"Open another plan file"</label>
                    <input class="file-upload file-upload--small" id="another-plan-file" type="file" accept=".json,application/json"
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                                opening.open(Source::File(file));
                            }
                            input.set_value("");
                        }/>
                </div>
            </div>
            <Show when=move || confirming_discard.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="discard-title">
                    <h2 class="heading-m" id="discard-title">"Discard all your changes to this plan?"</h2>
                    <p>{move || format!("This removes {} recorded changes from this browser. Export first to keep a copy.", recorded.get())}</p>
                    <div class="button-group">
                        <button type="button" class="button" on:click=move |_| export(state)>"Export first"</button>
                        <button type="button" class="button button--warning" on:click=discard>"Yes, discard my changes"</button>
                        <button type="button" class="link-button" on:click=move |_| confirming_discard.set(false)>"Cancel"</button>
                    </div>
                </div>
            </Show>
        </nav>
    }
}
