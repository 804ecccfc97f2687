//! Work put off until the browser has shown what is ready.

use std::time::Duration;

/// Runs `work` once the next frame has been painted: a frame callback runs
/// just before the paint, and a task it queues runs after.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || leptos::prelude::set_timeout(work, Duration::ZERO));
}
