//! Notification banners: success messages, storage warnings and notices.

use leptos::prelude::*;

use crate::progress::Journal;
use crate::ui::shared::or_nothing;
use crate::ui::sharing::export::export;
use crate::ui::use_state;

#[component]
pub fn Banners() -> impl IntoView {
    let state = use_state();
    let messages = state.messages;
    view! {
        // The status is on the page before any message is put in it: screen
        // readers say what is added to a live region, but not always a
        // region that arrives with its words already in it.
        <div role="status">
            {move || or_nothing(messages.success.get().map(|message| view! {
                <div class="banner banner--success">
                    <p class="banner__heading">{message}</p>
                    <button type="button" class="link-button" on:click=move |_| messages.success.set(None)>"Dismiss"</button>
                </div>
            }))}
        </div>
        {move || {
            // The journal's own saving comes first: it is what loses changes.
            let issue = state.plan.save_problem().or_else(|| messages.storage.get());
            or_nothing(issue.map(|issue| {
                let offers_export = issue.loses_changes() && state.plan.opened.with(Option::is_some);
                view! {
                    <div class="banner banner--warning" role="alert">
                        <h2 class="banner__title">"Important"</h2>
                        <p class="banner__heading">{issue.to_string()}</p>
                        {offers_export.then(|| view! {
                            <button type="button" class="button" on:click=move |_| export(state)>"Export plan now"</button>
                        })}
                    </div>
                }
            }))
        }}
        {move || {
            // Said while there is something to lose, with the way to keep it.
            let waiting = state.plan.journal(Journal::waiting);
            or_nothing((messages.may_be_cleared.get() && waiting.count() > 0).then(|| view! {
                <div class="banner" role="region" aria-label="Changes kept in this browser">
                    <p class="banner__heading">{format!("This browser deletes what websites keep in it after 7 days without a visit. {}: export the plan to keep {}.", waiting.text(), waiting.pronoun())}</p>
                    <button type="button" class="button" on:click=move |_| export(state)>"Export plan now"</button>
                </div>
            }))
        }}
        {move || {
            let notices = messages.notices.get();
            or_nothing((!notices.is_empty()).then(|| view! {
                <div class="banner" role="region" aria-label="Notices">
                    <h2 class="banner__title">"Important"</h2>
                    <ul class="banner__list">
                        {notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                    <button type="button" class="link-button" on:click=move |_| messages.notices.set(Vec::new())>"Dismiss notices"</button>
                </div>
            }))
        }}
    }
}
