//! A panic kills a WebAssembly page. This hook replaces the blank page with a
//! message and a way to reload. Stored work is untouched: storage is written
//! as each change is made, never on the way down.

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Plan Tracker stopped: {info}").into());
        show_message();
    }));
}

fn show_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_class_name("crash");
    let _ = panel.set_attribute("role", "alert");
    let parts: [(&str, &str); 3] = [
        ("h1", "Something went wrong"),
        ("p", "Plan Tracker has stopped. Your recorded changes are saved in this browser. Reload the page to carry on."),
        ("button", "Reload the page"),
    ];
    for (tag, text) in parts {
        if let Ok(element) = document.create_element(tag) {
            // Text only, never HTML.
            element.set_text_content(Some(text));
            if tag == "button" {
                let _ = element.set_attribute("type", "button");
                let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().reload();
                    }
                });
                let _ = element
                    .add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
                reload.forget();
            }
            let _ = panel.append_child(&element);
        }
    }
    let _ = body.append_child(&panel);
}
