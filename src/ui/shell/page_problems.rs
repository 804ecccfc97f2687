//! The page's own error summary: a file that could not be opened, an export
//! that failed. Problems in a form are summarised in the form.

use leptos::prelude::*;

use crate::ui::shared::error_summary::{ErrorSummary, FieldProblem};
use crate::ui::use_state;

#[component]
pub fn PageProblems() -> impl IntoView {
    let state = use_state();
    let problems = state.messages.problems;
    view! {
        <ErrorSummary id="page-problems"
            intro=Signal::derive(move || problems.with(|p| p.as_ref().map(|p| p.intro.clone())))
            problems=Signal::derive(move || problems.with(|p| p.iter().flat_map(|p| p.problems.iter().cloned().map(FieldProblem::from)).collect()))
            on_dismiss=Callback::new(move |_| problems.set(None))/>
    }
}
