//! "Share and merge": exporting the plan, packs for partners, merging their
//! returns, comparing with an earlier file, and the current view as CSV.
//! The page is downloaded the first time it is opened; the plan file writer
//! (export) is a part of its own, since the toolbar uses it on every page.

mod compare_versions;
pub mod export;
mod merge_returns;
mod page;
mod partner_pack;

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::exchange::plan_as_it_stands;
use crate::plan::Plan;
use crate::ui::shared::on_demand::PartNotLoaded;
use crate::ui::state::AppState;

#[wasm_split(exchange_page, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn exchange_page() -> Result<AnyView, PartNotLoaded> {
    Ok(view! { <page::ExchangePage/> }.into_any())
}

/// The plan as it stands here: the file with every recorded change applied.
fn current_plan(state: AppState) -> Option<Plan> {
    let opened = state.plan.opened.get_untracked()?;
    Some(
        state
            .plan
            .journal_untracked(|j| plan_as_it_stands(&opened.file, j)),
    )
}
