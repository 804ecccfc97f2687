//! One key action: its deadline as written and as understood, its status as
//! a tag, percent complete, the latest note, and "Update progress".

use leptos::prelude::*;

use crate::plan::due::deadline_text;
use crate::plan::present;
use crate::progress::current_progress;
use crate::ui::recording::{History, UpdateProgress};
use crate::ui::shared::or_nothing;
use crate::ui::shared::status_tag::StatusTag;
use crate::ui::use_state;

#[component]
pub fn ActionItem(
    /// The action's row in the search index.
    row: usize,
    /// Say which priority and activity it belongs to (in flat lists).
    with_context: bool,
) -> impl IntoView {
    let state = use_state();
    let Some(opened) = state.plan.opened.get_untracked() else {
        return ().into_any();
    };
    // Borrowed, not cloned: a page of results is drawn on every keystroke.
    let Some(r) = opened.index.rows.get(row) else {
        return ().into_any();
    };
    let Some(priority) = opened.plan.priorities.get(r.priority) else {
        return ().into_any();
    };
    let Some(activity) = priority.activities().get(r.activity) else {
        return ().into_any();
    };
    let Some(action) = activity.actions().get(r.action) else {
        return ().into_any();
    };
    let context = with_context.then(|| {
        let p = present(&priority.number)
            .map(|n| format!("Priority {n}"))
            .unwrap_or_else(|| priority.title.clone());
        format!("{p} › {}", activity.title)
    });
    let due = deadline_text(
        action.due.as_ref().and_then(|d| present(&d.label)),
        r.deadline.date,
        r.deadline.start,
    );
    let own_lead = action.lead.as_ref().map(|l| l.organisation.clone());
    let remarks = present(&action.remarks).map(str::to_owned);
    // Looked up, not cloned: the action's notes are copied once, into the memo.
    let plan = opened.plan.clone();
    let (pi, ai, ki) = (r.priority, r.activity, r.action);
    let item = action.id.clone();
    let progress = Memo::new(move |_| {
        let base = plan.action(pi, ai, ki).and_then(|a| a.progress.as_ref());
        state
            .plan
            .edits_by_item
            .with(|edits| current_progress(base, edits.get(&item).into_iter().flatten()))
    });
    let title = match present(&action.number) {
        Some(n) => format!("{n}. {}", action.title),
        None => action.title.clone(),
    };
    let id = action.id.clone();
    view! {
        <li class="action" id=format!("action-{}", action.id)>
            {context.map(|c| view! { <p class="caption-m">{c}</p> })}
            <div class="action__head">
                <h5 class="action__title">{title}</h5>
                {move || view! { <StatusTag status=progress.get().and_then(|p| p.status)/> }}
            </div>
            <dl class="action__facts">
                <div><dt>"Due"</dt><dd>{due}</dd></div>
                {own_lead.map(|l| view! { <div><dt>"Lead"</dt><dd>{l}</dd></div> })}
                {remarks.map(|r| view! { <div><dt>"Remarks"</dt><dd>{r}</dd></div> })}
                {move || or_nothing(progress.get().and_then(|p| p.percent).map(|p| view! {
                    <div><dt>"Complete"</dt><dd>
                        <span class="percent">{format!("{p}%")}</span>
                        <span class="meter" aria-hidden="true"><span class="meter__bar" prop:style=format!("width: {p}%")></span></span>
                    </dd></div>
                }))}
            </dl>
            <History item_id=id.clone() progress=Signal::derive(move || progress.get())/>
            <UpdateProgress item_id=id button_for=format!("for {}", action.title) item_title=action.title.clone()
                current=Signal::derive(move || progress.get()) small=true/>
        </li>
    }
    .into_any()
}
