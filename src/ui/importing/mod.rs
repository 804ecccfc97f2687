//! "Import a plan from a spreadsheet": a CSV or tab-separated file, or a
//! table pasted from Excel or Word, previewed with a choice of field for
//! each column, then made into a plan and opened. A part of its own,
//! downloaded the first time it is used.

mod columns;
mod page;
mod preview;

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::ui::shared::on_demand::PartNotLoaded;

#[wasm_split(import_page, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn import_page() -> Result<AnyView, PartNotLoaded> {
    Ok(view! { <page::ImportPage/> }.into_any())
}
