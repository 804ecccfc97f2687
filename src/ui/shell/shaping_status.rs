//! What shows while a plan with structure changes waits for the part that
//! applies them: "Opening…", or the problem with "Try again". The plan and
//! its changes stay as they are either way.

use leptos::prelude::*;

use crate::ui::shared::error_summary::{ErrorSummary, FieldProblem};
use crate::ui::state::Shaping;
use crate::ui::use_state;

#[component]
pub fn ShapingStatus() -> impl IntoView {
    let state = use_state();
    let shaping = state.plan.shaping;
    move || match shaping.get() {
        Shaping::Failed => {
            let problem = FieldProblem::general(
                "This plan has changes to its structure, and the part of Plan Tracker that applies them could not be downloaded. Check your connection, then try again; if it still fails, reload the page. Your plan and changes are still here.",
            );
            view! {
                <h1 class="heading-xl">"The plan could not be shown"</h1>
                <ErrorSummary id="shaping-problem" problems=Signal::stored(vec![problem])>
                    <p>
                        <button type="button" class="button" on:click=move |_| shaping.set(Shaping::NotLoaded)>"Try again"</button>
                    </p>
                </ErrorSummary>
            }
            .into_any()
        }
        _ => view! { <p class="loading" role="status">"Opening…"</p> }.into_any(),
    }
}
