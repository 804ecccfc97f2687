//! The address bar: reading the query, and writing the view into it so that
//! back, forward, reload and sharing a link all work.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::{
    set_timeout_with_handle, window_event_listener, TimeoutHandle, WindowListenerHandle,
};
use wasm_bindgen::JsCast;

thread_local! {
    /// A typed filter's address, waiting for typing to pause.
    static WHEN_IDLE: Cell<Option<TimeoutHandle>> = const { Cell::new(None) };
}

/// How long typing must pause before the address follows it.
const IDLE: Duration = Duration::from_millis(300);

/// The query as (key, value) pairs, in order.
pub fn query_pairs() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return Vec::new();
    };
    parse_query(&search)
}

pub fn parse_query(search: &str) -> Vec<(String, String)> {
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(search) else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    // UrlSearchParams is iterable as [key, value] arrays.
    if let Ok(Some(iter)) = js_sys::try_iter(&params) {
        for entry in iter.flatten() {
            let entry: js_sys::Array = entry.unchecked_into();
            if let (Some(k), Some(v)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
                pairs.push((k, v));
            }
        }
    }
    pairs
}

pub fn encode_query(pairs: &[(String, String)]) -> String {
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return String::new();
    };
    for (k, v) in pairs {
        params.append(k, v);
    }
    let text = String::from(params.to_string());
    if text.is_empty() {
        String::new()
    } else {
        format!("?{text}")
    }
}

/// Puts a new query in the address bar. `push` adds a history entry (for
/// choices a person makes), otherwise the current one is replaced.
pub fn set_query(pairs: &[(String, String)], push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // A later choice wins over typing that has not reached the address yet.
    cancel_idle_write();
    write_query(&window, pairs, push);
}

/// Replaces the query once typing pauses: writing the address costs a few
/// milliseconds a keystroke, and browsers limit how often it may be done.
pub fn replace_query_when_idle(pairs: Vec<(String, String)>) {
    cancel_idle_write();
    let write = move || {
        WHEN_IDLE.with(|w| w.set(None));
        if let Some(window) = web_sys::window() {
            write_query(&window, &pairs, false);
        }
    };
    if let Ok(timer) = set_timeout_with_handle(write, IDLE) {
        WHEN_IDLE.with(|w| w.set(Some(timer)));
    }
}

fn cancel_idle_write() {
    if let Some(timer) = WHEN_IDLE.with(Cell::take) {
        timer.clear();
    }
}

fn write_query(window: &web_sys::Window, pairs: &[(String, String)], push: bool) {
    let location = window.location();
    let query = encode_query(pairs);
    if location.search().ok().is_some_and(|s| s == query) {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{query}{hash}");
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Calls `on_change` when the person goes back or forward, until the handle
/// is removed.
pub fn on_history_change(on_change: impl Fn() + 'static) -> WindowListenerHandle {
    window_event_listener(leptos::ev::popstate, move |_| {
        // Typing from before going back must not overwrite where they went.
        cancel_idle_write();
        on_change();
    })
}

/// Back to the top of the page, as after following a link to a new page.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
