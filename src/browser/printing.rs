//! Printing, and the browser's full-screen mode for meetings.

use leptos::prelude::{request_animation_frame, window_event_listener, WindowListenerHandle};

/// Opens the browser's print dialog (where "Save as PDF" is) once the page
/// has been drawn twice more, so that what `prepare` draws is in the print.
pub fn print_after(prepare: impl FnOnce() + 'static) {
    prepare();
    request_animation_frame(move || {
        request_animation_frame(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
        });
    });
}

/// Calls `prepare` before the browser prints the page however printing was
/// asked for (the menu, Ctrl+P), until the handle is removed.
pub fn before_printing(prepare: impl Fn() + 'static) -> WindowListenerHandle {
    window_event_listener(leptos::ev::beforeprint, move |_| prepare())
}

/// Asks for the whole screen (a tablet's browser bars hidden), from a
/// person's click. Browsers that refuse, or have no full screen, keep the
/// page as it is: the refusal is caught, never left to surface as an error.
pub fn enter_full_screen() {
    use wasm_bindgen::JsCast;
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let Ok(request) = js_sys::Reflect::get(&root, &"requestFullscreen".into()) else {
        return;
    };
    let Ok(request) = request.dyn_into::<js_sys::Function>() else {
        return;
    };
    let asked = request
        .call0(&root)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(asked) = asked {
        // Awaited only so that a refusal is caught here.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(asked).await;
        });
    }
}

/// Leaves full screen, if the page is in it.
pub fn leave_full_screen() {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        }
    }
}
