//! The plan's title block: what it is, whose it is, and which version.

use leptos::prelude::*;

use crate::plan::dates::{long_date, long_moment};
use crate::plan::present;
use crate::ui::use_state;

#[component]
pub fn PlanHeader() -> impl IntoView {
    let state = use_state();
    move || {
        state.plan.opened.get().map(|opened| {
            let plan = opened.plan.clone();
            let period = plan.period.as_ref().map(|p| match (p.start, p.end) {
                (Some(s), Some(e)) => format!("{} to {}", long_date(s), long_date(e)),
                (Some(s), None) => format!("From {}", long_date(s)),
                (None, Some(e)) => format!("Until {}", long_date(e)),
                (None, None) => String::new(),
            });
            let mut facts: Vec<(&'static str, String)> = Vec::new();
            if let Some(o) = present(&plan.organisation) {
                facts.push(("Organisation", o.to_owned()));
            }
            if let Some(p) = period.filter(|p| !p.is_empty()) {
                facts.push(("Period", p));
            }
            if let Some(s) = present(&plan.document_status) {
                facts.push(("Document status", s.to_owned()));
            }
            if let Some(r) = present(&plan.revision) {
                facts.push(("Revision", r.to_owned()));
            }
            if let Some(d) = plan.published {
                facts.push(("Published", long_date(d)));
            }
            if let Some(e) = &plan.exported {
                let by = present(&e.by).map(|b| format!(" by {b}")).unwrap_or_default();
                facts.push(("Last exported", format!("{}{by}", long_moment(&e.at))));
            }
            let has_facts = !facts.is_empty();
            let facts_list = move |class: &'static str| {
                let facts = facts.clone();
                view! {
                    <dl class=class>
                        {facts.into_iter().map(|(k, v)| view! { <div class="facts__row"><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                    </dl>
                }
            };
            // On a phone the facts go inside "About this plan", so that the
            // first screen reaches the plan's actions; on wider screens they
            // show beside the title. Each copy is shown at one size only.
            let about = present(&plan.description).map(|d| {
                d.split("\n\n")
                    .map(|p| view! { <p>{p.to_owned()}</p> })
                    .collect_view()
            });
            let narrow_only = about.is_none();
            let has_about = !narrow_only || has_facts;
            view! {
                <div class="plan-header">
                    {present(&plan.organisation).map(|o| view! { <span class="caption-l">{o.to_owned()}</span> })}
                    <h1 class="plan-title">{plan.title.clone()}</h1>
                    {present(&plan.subtitle).map(|s| view! { <p class="lead">{s.to_owned()}</p> })}
                    {has_about.then(|| view! {
                        <details class="details" class:details--narrow-only=narrow_only>
                            <summary class="details__summary">"About this plan"</summary>
                            <div class="details__text">
                                {about}
                                {facts_list("facts facts--narrow")}
                            </div>
                        </details>
                    })}
                    {facts_list("facts facts--wide")}
                </div>
            }
        })
    }
}
