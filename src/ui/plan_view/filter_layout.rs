//! The filters beside what they filter on wide screens, and folded away
//! behind "Show filters" on narrow ones: the plan, the dashboard and the
//! exception report share it.

use leptos::prelude::*;

use super::filter_panel::FilterPanel;
use crate::browser::frames::when_idle;
use crate::browser::screen::view_width;
use crate::ui::shared::or_nothing;

/// From this width the panel stands beside the results: the breakpoint of
/// `.filter-layout` in style/main.css.
const SIDE_BY_SIDE_FROM_PX: f64 = 900.0;

/// The "Show filters" button, the panel, and `children` (the results).
#[component]
pub fn FilterLayout(children: Children) -> impl IntoView {
    let open = RwSignal::new(false);
    // A folded panel is not seen until it is opened, and its hundred-odd
    // elements would hold back the first paint on a phone or on a tablet
    // held upright, so it is drawn once that paint is done (or when opened,
    // if that comes first). Where it stands beside the results, at once.
    let drawn = RwSignal::new(view_width().is_none_or(|width| width >= SIDE_BY_SIDE_FROM_PX));
    let draw = move || {
        if drawn.try_get_untracked() == Some(false) {
            drawn.set(true);
        }
    };
    if !drawn.get_untracked() {
        when_idle(draw);
    }
    view! {
        <div class="filter-layout" class:filter-layout--open=move || open.get()>
            <button type="button" class="button button--secondary filter-toggle" aria-controls="filter-panel"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| {
                    draw();
                    open.update(|o| *o = !*o);
                }>
                {move || if open.get() { "Hide filters" } else { "Show filters" }}
            </button>
            // aria-controls may name a panel not yet drawn while it is folded.
            {move || or_nothing(drawn.get().then(|| view! { <FilterPanel/> }))}
            {children()}
        </div>
    }
}
