//! For the board that reviews a plan: the dashboard of charts, the
//! exception report, and meeting mode. Each is a part of the app of its own,
//! downloaded the first time it is opened; ECharts is downloaded only when
//! the dashboard first draws a chart.

mod chart_block;
mod dashboard;
mod exceptions;
mod meeting;
mod meeting_item;
mod meeting_warning;
pub mod snapshot;

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::ui::shared::on_demand::PartNotLoaded;

#[wasm_split(dashboard_page, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn dashboard_page() -> Result<AnyView, PartNotLoaded> {
    Ok(view! { <dashboard::DashboardPage/> }.into_any())
}

#[wasm_split(exceptions_page, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn exceptions_page() -> Result<AnyView, PartNotLoaded> {
    Ok(view! { <exceptions::ExceptionsPage/> }.into_any())
}

#[wasm_split(meeting_page, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn meeting_page() -> Result<AnyView, PartNotLoaded> {
    Ok(view! { <meeting::MeetingMode/> }.into_any())
}
