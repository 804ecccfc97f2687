//! Asked before closing a plan, or opening another, would lose changes that
//! are saved nowhere: not exported, and not in browser storage because it is
//! full, blocked or failing. Export first is the first choice offered.

use leptos::html;
use leptos::prelude::*;

use crate::ui::shared::{effect, or_nothing};
use crate::ui::sharing::export::export;
use crate::ui::state::Replacement;
use crate::ui::use_state;

#[component]
pub fn UnsavedChanges() -> impl IntoView {
    let state = use_state();
    let dialog = NodeRef::<html::Div>::new();
    // Focus moves to the question when it is asked, so that a keyboard or
    // screen reader user meets it first.
    effect(move || {
        if state.pending_replacement.with(Option::is_some) {
            if let Some(dialog) = dialog.get() {
                let _ = dialog.focus();
            }
        }
    });
    let question = move || {
        let closing = state
            .pending_replacement
            .with(|r| r.as_ref().map(|r| matches!(r, Replacement::Close)))?;
        let unsaved = state.plan.unsaved_changes();
        let (goal, go_ahead) = match (closing, unsaved) {
            (true, 0) => ("close this plan", "Close the plan".to_owned()),
            (true, n) => ("close this plan", format!("Close and lose {}", changes(n))),
            (false, 0) => ("open the other plan", "Open the other plan".to_owned()),
            (false, n) => (
                "open the other plan",
                format!("Open it and lose {}", changes(n)),
            ),
        };
        let question = if unsaved == 0 {
            "Your changes are exported".to_owned()
        } else {
            format!(
                "You have {} that {} not saved",
                changes(unsaved),
                if unsaved == 1 { "is" } else { "are" }
            )
        };
        let explanation = if unsaved == 0 {
            format!("You can now {goal}.")
        } else {
            format!("This browser is not saving changes at the moment, so they are kept only in this page. If you {goal} now, they will be lost. Export the plan first to keep them in a file.")
        };
        Some(view! {
            <div class="confirm" role="alertdialog" aria-labelledby="unsaved-title" aria-describedby="unsaved-text" tabindex="-1" node_ref=dialog>
                <h2 class="heading-m" id="unsaved-title">{question}</h2>
                <p id="unsaved-text">{explanation}</p>
                <div class="button-group">
                    {(unsaved > 0).then(|| view! {
                        <button type="button" class="button" on:click=move |_| export(state)>"Export plan"</button>
                    })}
                    <button type="button" class={if unsaved > 0 { "button button--warning" } else { "button" }}
                        on:click=move |_| state.go_ahead_with_replacement()>{go_ahead}</button>
                    <button type="button" class="link-button" on:click=move |_| state.pending_replacement.set(None)>"Cancel"</button>
                </div>
            </div>
        })
    };
    move || or_nothing(question())
}

/// "1 change", "3 changes".
fn changes(n: usize) -> String {
    if n == 1 {
        "1 change".to_owned()
    } else {
        format!("{n} changes")
    }
}
