//! Counts that change as people filter, said once they settle: a screen
//! reader hears "Showing 12 of 44 actions" when the typing pauses, not a
//! count for every letter typed or box ticked on the way.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;

/// How long a text must stay the same before it is said.
const SETTLE: Duration = Duration::from_millis(900);

/// A visually hidden status that says `text` each time it changes and then
/// stays the same for a moment. Not what the page first shows: that is
/// read with the page. Nor the same text again: `text` is worked out anew
/// whenever the plan changes (a progress update, say), and a screen reader
/// heard the same count after every update saved.
#[component]
pub fn SettledAnnouncement(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let waiting: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let stop_waiting = move || {
        if let Some(timer) = waiting.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    };
    // The text as it last changed: none before the page's first.
    let last = Cell::new(None::<String>);
    super::effect(move || {
        let now = text.get();
        stop_waiting();
        if last
            .replace(Some(now.clone()))
            .is_some_and(|last| last != now)
        {
            waiting.set_value(set_timeout_with_handle(move || said.set(now), SETTLE).ok());
        }
    });
    on_cleanup(stop_waiting);
    view! { <p class="visually-hidden" role="status">{said}</p> }
}
