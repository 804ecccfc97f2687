//! Moving focus to a field, as the GOV.UK error summary's links do: the
//! field is focused and scrolled to, without changing the address (a
//! fragment in the address would be read as a new place in the app).

use wasm_bindgen::JsCast;

/// Focuses the element with `id`, scrolled into view; nothing if there is none.
pub fn focus_element(id: &str) {
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    element.scroll_into_view();
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// Scrolls the page to its top, as following a link to another page would.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
