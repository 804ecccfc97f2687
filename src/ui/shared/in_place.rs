//! Forms that open in place of the control that opened them ("Update
//! progress", "Add a value", "Add a key action"). The control leaves the
//! page as the form arrives and comes back as it goes, and focus would go
//! with it, to the page's body: the next Tab then skipped the form, and a
//! screen reader said nothing of it. So focus moves into the form as it
//! appears and back to the control as it returns (WCAG 2.4.3). The same
//! holds where the form asking who is recording gives way to what it stood
//! in front of.
//!
//! The control is found again by its id: a node reference would bring its
//! own copy of Leptos's reference code into the main part, where "Update
//! progress" is, for every kind of element.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::effect;

/// Focuses `target` as it arrives on the page: a form's heading, or its
/// first field.
pub fn focus_on_arrival<E>(target: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    effect(move || {
        if let Some(target) = target.get() {
            let _ = target.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    });
}

/// Focuses the element with `id` after the next frame, once it is
/// on the page: the control a closed form gives its place back to, or the
/// first heading of a view just opened. Unlike an error summary's link,
/// this does not scroll it to the top: the browser scrolls only if it is
/// out of view.
pub fn focus_once_drawn(id: String) {
    request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// Focuses the element with id `target` once the person has said who they
/// are: their form ("Before you record progress") then leaves the page, and
/// focus would fall to its body. Not on arrival, when they were known
/// already.
pub fn focus_once_named(target: &'static str) {
    let state = crate::ui::use_state();
    Effect::new(move |was_named: Option<bool>| {
        let named = state.person.with(Option::is_some);
        if was_named == Some(false) && named {
            focus_once_drawn(target.to_owned());
        }
        named
    });
}
