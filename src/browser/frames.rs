//! Work put off until the browser has shown what is ready.

use std::time::Duration;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The longest `work` waits for the browser to be idle.
const IDLE_TIMEOUT_MS: u32 = 1000;

/// Runs `work` when the browser is next idle: after the coming frame is
/// painted and any input is handled. Browsers without idle callbacks (Safari)
/// run it just after the next paint instead: a frame callback runs before
/// the paint, and a task it queues runs after.
pub fn when_idle(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    if js_sys::Reflect::has(&window, &JsValue::from_str("requestIdleCallback")).unwrap_or(false) {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(IDLE_TIMEOUT_MS);
        let callback = Closure::once_into_js(work);
        // Refused only by a broken browser; the work is then done when first needed.
        let _ = window.request_idle_callback_with_options(callback.unchecked_ref(), &options);
    } else {
        leptos::prelude::request_animation_frame(move || leptos::prelude::set_timeout(work, Duration::ZERO));
    }
}
