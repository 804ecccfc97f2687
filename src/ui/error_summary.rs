//! The GOV.UK error summary: "There is a problem", every problem listed with
//! where it is, and focus moved to it so screen readers announce it.

use leptos::html;
use leptos::prelude::*;

use super::state;

/// More than this many problems are summarised in a count.
const MAX_LISTED: usize = 100;

#[component]
pub fn ErrorSummary() -> impl IntoView {
    let state = state();
    let summary: NodeRef<html::Div> = NodeRef::new();
    // Focus follows each new report.
    Effect::new(move |_| {
        if state.problems.with(Option::is_some) {
            if let Some(el) = summary.get() {
                let _ = el.focus();
            }
        }
    });
    move || {
        state.problems.get().map(|report| {
            let more = report.problems.len().saturating_sub(MAX_LISTED);
            view! {
                <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" node_ref=summary>
                    <h2 class="error-summary__title" id="error-summary-title">"There is a problem"</h2>
                    <p class="error-summary__intro">{report.intro}</p>
                    <ul class="error-summary__list">
                        {report
                            .problems
                            .into_iter()
                            .take(MAX_LISTED)
                            .map(|p| {
                                let place = (!p.place.is_empty()).then(|| view! { <strong class="error-summary__place">{p.place}": "</strong> });
                                view! { <li>{place}{p.message}</li> }
                            })
                            .collect_view()}
                        {(more > 0).then(|| view! { <li>{format!("and {more} more problems")}</li> })}
                    </ul>
                    <p>
                        <button type="button" class="button button--secondary" on:click=move |_| state.problems.set(None)>
                            "Dismiss"
                        </button>
                    </p>
                </div>
            }
        })
    }
}
