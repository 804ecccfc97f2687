//! Work put off until the browser has shown what is ready.

use std::time::Duration;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The longest `work` waits for the browser to be idle once the frame is painted.
const IDLE_TIMEOUT_MS: u32 = 1000;

/// Runs `work` once the next frame has been painted and the browser is idle.
/// The idle callback is asked for from a frame callback, which runs just
/// before that frame's paint, so the work can never come first. Browsers
/// without idle callbacks (Safari) run it in a task queued from the frame
/// callback, which also runs after the paint.
pub fn when_idle(work: impl FnOnce() + 'static) {
    // One copy of what follows for every caller's work: each caller's own
    // copy of the frame and idle callbacks' glue would grow the main part.
    when_idle_boxed(Box::new(work));
}

fn when_idle_boxed(work: Box<dyn FnOnce()>) {
    leptos::prelude::request_animation_frame(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        if js_sys::Reflect::has(&window, &JsValue::from_str("requestIdleCallback")).unwrap_or(false)
        {
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(IDLE_TIMEOUT_MS);
            // Raw, because leptos's idle helper takes no timeout. A one-shot
            // closure frees itself once called.
            let callback = Closure::once_into_js(work);
            // Refused only by a broken browser; the work is then done when first needed.
            let _ = window.request_idle_callback_with_options(callback.unchecked_ref(), &options);
        } else {
            leptos::prelude::set_timeout(work, Duration::ZERO);
        }
    });
}
