//! The measures page: each measure's baseline, targets, values and
//! comparators, and adding a value. Downloaded the first time it is opened.

mod page;
mod value_form;

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::ui::shared::on_demand::PartNotLoaded;

#[wasm_split(measures_page, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn measures_page() -> Result<AnyView, PartNotLoaded> {
    Ok(view! { <page::MeasuresPage/> }.into_any())
}
