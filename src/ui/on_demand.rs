//! Parts of the app downloaded the first time they are needed.
//!
//! The measures page, "Share and merge", the progress form, the notes and
//! history list and the plan file writer are split out of the main
//! WebAssembly file at build time: `scripts/build-wasm` runs wasm-split at
//! each `#[wasm_split(...)]` function, and each becomes its own file. Opening
//! a plan downloads only what showing it needs.
//!
//! A part that cannot be downloaded (offline, or a newer version of the site
//! has replaced this one's files) is a problem shown where the part would be,
//! with "Try again"; never a panic, because every split point is `fallible`.
//! A failed download is not remembered, so trying again downloads afresh.
//!
//! Outside a split build (native tests) a split function is a plain call.

use std::future::Future;

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use send_wrapper::SendWrapper;

/// A part of the app could not be downloaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartNotLoaded;

impl From<SplitLoaderError> for PartNotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        PartNotLoaded
    }
}

#[wasm_split(measures_page, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn measures_page() -> Result<AnyView, PartNotLoaded> {
    Ok(view! { <super::measures_page::MeasuresPage/> }.into_any())
}

#[wasm_split(exchange_page, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn exchange_page() -> Result<AnyView, PartNotLoaded> {
    Ok(view! { <super::exchange_page::ExchangePage/> }.into_any())
}

/// The view `load` gives once its part is here: "Opening…" while it comes
/// (only the first time; after that it is immediate), and the problem with
/// "Try again" if it cannot be downloaded.
pub fn on_demand<Load, Loading>(load: Load) -> impl IntoView
where
    Load: Fn() -> Loading + Send + Sync + 'static,
    Loading: Future<Output = Result<AnyView, PartNotLoaded>> + 'static,
{
    let attempt = RwSignal::new(0_u32);
    move || {
        attempt.track();
        let loading = load();
        // The browser has one thread; Suspense asks for Send futures.
        let view = SendWrapper::new(async move { loading.await.unwrap_or_else(|PartNotLoaded| not_loaded(attempt)) });
        view! {
            <Suspense fallback=|| view! { <p class="loading" role="status">"Opening…"</p> }>
                {Suspend::new(view)}
            </Suspense>
        }
    }
}

/// GOV.UK-style: what went wrong and what to do, with a button to do it.
fn not_loaded(attempt: RwSignal<u32>) -> AnyView {
    view! {
        <div class="error-summary" role="alert">
            <h2 class="error-summary__title">"There is a problem"</h2>
            <ul class="error-summary__list">
                <li>"This part of Plan Tracker could not be downloaded. Check your connection, then try again; if it still fails, reload the page. Your plan and changes are still here."</li>
            </ul>
            <p>
                <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>"Try again"</button>
            </p>
        </div>
    }
    .into_any()
}
