//! A GOV.UK checkbox with its label and, after it, a count or hint: the one
//! used by the filters and by partner packs.

use leptos::prelude::*;

#[component]
pub fn CheckboxItem(
    /// Unique on the page, for the label.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    /// Said after the label, such as " (12)".
    #[prop(optional, into)]
    after: Option<Signal<String>>,
    #[prop(into)] checked: Signal<bool>,
    on_toggle: Callback<bool>,
    /// The smaller box, for a checkbox that qualifies others.
    #[prop(optional)]
    small: bool,
) -> impl IntoView {
    view! {
        <div class="checkbox" class:checkbox--small=small>
            <input class="checkbox__input" type="checkbox" id=id.clone() prop:checked=checked
                on:change=move |ev| on_toggle.run(event_target_checked(&ev))/>
            <label class="checkbox__label" for=id>
                {label}
                {after.map(|after| view! { <span class="count">{after}</span> })}
            </label>
        </div>
    }
}
