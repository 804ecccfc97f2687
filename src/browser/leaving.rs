//! Leaving the page: the browser asks first.

use leptos::prelude::{window_event_listener, WindowListenerHandle};

/// Leaving the page (closing the tab, reloading, following a link away)
/// asks first, until the handle is removed. Added only while changes are not
/// exported: a page with this listener makes the browser wait on it before
/// it leaves, and is kept out of some browsers' back-forward cache.
pub fn warn_before_leaving() -> WindowListenerHandle {
    window_event_listener(
        leptos::ev::beforeunload,
        |event: web_sys::BeforeUnloadEvent| {
            event.prevent_default();
            event.set_return_value("You have changes that have not been exported.");
        },
    )
}
