//! The matching actions: grouped under their priority and activity in plan
//! order, or as one flat list. Only a first screen is drawn before the page
//! is painted and the rest of a page just after, then a page more as the
//! list is scrolled or on request, so a 20,000-action plan opens and filters
//! as fast as a small one. Lists are keyed, so a form someone is filling in
//! survives changes elsewhere.

use leptos::prelude::*;

use super::action_item::ActionItem;
use super::priority_section::PrioritySection;
use crate::browser::visibility;
use crate::query::{plan_groups, Sort};
use crate::ui::state::PAGE_SIZE;
use crate::ui::use_state;

#[component]
pub fn ResultsList() -> impl IntoView {
    let state = use_state();
    let view = state.view;
    let sort = Memo::new(move |_| view.filter.with(|f| f.sort));
    let shown_rows = Memo::new(move |_| {
        let shown = view.shown.get();
        view.results
            .with(|r| r.rows.iter().take(shown).copied().collect::<Vec<_>>())
    });
    let groups = Memo::new(move |_| {
        let shown = view.shown.get();
        state.plan.opened.with(|opened| match opened {
            Some(opened) => view
                .results
                .with(|results| plan_groups(&opened.index, results, shown)),
            None => Vec::new(),
        })
    });
    // A plan with no actions at all says so in its count: no filter is to blame.
    let nothing = move || {
        view.results.with(|r| r.total > 0)
            && match sort.get() {
                Sort::Plan => groups.with(Vec::is_empty),
                _ => shown_rows.with(Vec::is_empty),
            }
    };
    let remaining = move || {
        view.results
            .with(|r| r.rows.len())
            .saturating_sub(view.shown.get())
    };
    view! {
        <Show when=nothing>
            <div class="empty">
                <h3 class="heading-s">"No actions match these filters"</h3>
                <p>"Remove a filter, or clear them all, to see more."</p>
            </div>
        </Show>
        {move || match sort.get() {
            Sort::Plan => view! {
                <For each=move || groups.get() key=|g| g.priority let:group>
                    <PrioritySection priority=group.priority
                        activities=Signal::derive(move || groups.with(|gs| gs.iter().find(|g| g.priority == group.priority).map(|g| g.activities.clone()).unwrap_or_default()))/>
                </For>
            }.into_any(),
            _ => view! {
                <ol class="action-list action-list--flat">
                    <For each=move || shown_rows.get() key=|r| *r let:row>
                        <ActionItem row=row with_context=true/>
                    </For>
                </ol>
            }.into_any(),
        }}
        <Show when=move || { remaining() > 0 }>
            <ShowMore remaining=Signal::derive(remaining)/>
        </Show>
    }
}

/// "Show 10 more actions", which also draws the next page by itself as it
/// comes into view, so scrolling down a long list just carries on.
#[component]
fn ShowMore(#[prop(into)] remaining: Signal<usize>) -> impl IntoView {
    let state = use_state();
    let show_more = move || state.view.show_more();
    let area: NodeRef<leptos::html::Div> = NodeRef::new();
    area.on_load(move |element| {
        // Kept with this component, and dropped (no longer watching) with it.
        StoredValue::new_local(visibility::watch(&element, show_more));
    });
    view! {
        <div class="show-more" node_ref=area>
            <button type="button" class="button button--secondary" on:click=move |_| show_more()>
                {move || format!("Show {} more actions", remaining.get().min(PAGE_SIZE))}
            </button>
            <p class="hint">{move || format!("{} more match these filters", remaining.get())}</p>
        </div>
    }
}
