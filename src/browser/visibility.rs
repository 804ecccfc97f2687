//! Noticing when an element comes into view, so that more results are drawn
//! only as a person scrolls towards them, and charts are redrawn only while
//! they can be seen.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Watches one element; stops watching when dropped.
pub struct VisibilityWatch {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>,
}

impl Drop for VisibilityWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_visible` when `element` comes within a screen's height of the
/// bottom of the view, and again while it stays there after each call (so a
/// short page fills up). `None` where the browser cannot watch; whatever the
/// element offers to click still works.
pub fn watch(
    element: &web_sys::Element,
    on_visible: impl Fn() + 'static,
) -> Option<VisibilityWatch> {
    observe(element, "0px 0px 100% 0px", move |entry, observer| {
        if entry.is_intersecting() {
            on_visible();
            // Watching afresh reports again after the page has grown, so
            // drawing goes on while the element is still in view.
            let target = entry.target();
            observer.unobserve(&target);
            observer.observe(&target);
        }
    })
}

/// Calls `on_change` with whether any of `element` is in view, each time
/// that changes (and once at the start). `None` where the browser cannot
/// watch: the caller then takes it as in view.
pub fn watch_in_view(
    element: &web_sys::Element,
    on_change: impl Fn(bool) + 'static,
) -> Option<VisibilityWatch> {
    observe(element, "0px", move |entry, _| {
        on_change(entry.is_intersecting())
    })
}

fn observe(
    element: &web_sys::Element,
    root_margin: &str,
    on_entry: impl Fn(&web_sys::IntersectionObserverEntry, &web_sys::IntersectionObserver) + 'static,
) -> Option<VisibilityWatch> {
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            for entry in entries.iter() {
                if let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() {
                    on_entry(&entry, &observer);
                }
            }
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(root_margin);
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    observer.observe(element);
    Some(VisibilityWatch {
        observer,
        _callback: callback,
    })
}
