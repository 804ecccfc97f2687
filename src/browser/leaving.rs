//! Leaving the page: the browser asks first while changes are not exported.

use leptos::prelude::{window_event_listener, WindowListenerHandle};

/// While `should_warn` says so, leaving the page (closing the tab, reloading,
/// following a link away) asks first. Lasts until the handle is removed.
pub fn warn_before_leaving(should_warn: impl Fn() -> bool + 'static) -> WindowListenerHandle {
    window_event_listener(
        leptos::ev::beforeunload,
        move |event: web_sys::BeforeUnloadEvent| {
            if should_warn() {
                event.prevent_default();
                event.set_return_value("You have changes that have not been exported.");
            }
        },
    )
}
