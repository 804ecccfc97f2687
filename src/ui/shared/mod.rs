//! Pieces several features use.

pub mod announce;
pub mod checkbox;
pub mod error_summary;
pub mod in_place;
pub mod on_demand;
pub mod person_form;
pub mod plan_header;
pub mod status_tag;

use leptos::prelude::*;

/// `view` if there is one, else nothing, as an `AnyView`: what a reactive
/// view that is sometimes absent returns (see the `ui` module's docs).
pub fn or_nothing(view: Option<impl IntoView + 'static>) -> AnyView {
    match view {
        Some(view) => view.into_any(),
        None => ().into_any(),
    }
}

/// Runs `work` once the app has drawn, and again whenever what it reads
/// changes, as an `Effect` does (see the `ui` module's docs).
pub fn effect(work: impl Fn() + 'static) {
    boxed_effect(Box::new(work));
}

fn boxed_effect(work: Box<dyn Fn()>) {
    Effect::new(move |_| work());
}
