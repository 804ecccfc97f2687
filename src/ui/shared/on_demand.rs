//! Parts of the app downloaded the first time they are needed.
//!
//! The measures page, "Share and merge", the progress form, the notes and
//! history list and the plan file writer are split out of the main
//! WebAssembly file at build time: `scripts/build-wasm` runs wasm-split at
//! each `#[wasm_split(...)]` function (one in each feature that is a part),
//! and each becomes its own file. Opening a plan downloads only what showing
//! it needs.
//!
//! A part that cannot be downloaded (offline, or a newer version of the site
//! has replaced this one's files) is a problem shown where the part would be,
//! with "Try again"; never a panic, because every split point is `fallible`.
//! A failed download is not remembered, so trying again downloads afresh.
//!
//! Outside a split build (native tests) a split function is a plain call.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;

use super::error_summary::{ErrorSummary, FieldProblem, SummaryPlace};

/// A part of the app could not be downloaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartNotLoaded;

impl From<SplitLoaderError> for PartNotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        PartNotLoaded
    }
}

/// The view `load` gives once its part is here: "Opening…" while it comes
/// (only the first time; after that it is immediate), and the problem with
/// "Try again" if it cannot be downloaded. For a part within a page, such
/// as a form under an action.
pub fn on_demand<Load, Loading>(load: Load) -> AnyView
where
    Load: Fn() -> Loading + Send + Sync + 'static,
    Loading: Future<Output = Result<AnyView, PartNotLoaded>> + 'static,
{
    // Every part is shown through one instance of what follows: each part's
    // own copy of the Suspense code cost the main part about 2 KB.
    on_demand_boxed(Box::new(move || Box::pin(load())), SummaryPlace::Within)
}

/// The same for a whole page: if it cannot be downloaded, the page that
/// says so has a title of its own.
pub fn on_demand_page<Load, Loading>(load: Load) -> AnyView
where
    Load: Fn() -> Loading + Send + Sync + 'static,
    Loading: Future<Output = Result<AnyView, PartNotLoaded>> + 'static,
{
    on_demand_boxed(Box::new(move || Box::pin(load())), SummaryPlace::Page)
}

/// A part's loader, boxed so that one copy of the view code serves them all.
type Loader =
    Box<dyn Fn() -> Pin<Box<dyn Future<Output = Result<AnyView, PartNotLoaded>>>> + Send + Sync>;

fn on_demand_boxed(load: Loader, place: SummaryPlace) -> AnyView {
    let attempt = RwSignal::new(0_u32);
    (move || {
        attempt.track();
        let loading = load();
        // The browser has one thread; Suspense asks for Send futures.
        let view = SendWrapper::new(async move {
            loading
                .await
                .unwrap_or_else(|PartNotLoaded| not_loaded(attempt, place))
        });
        view! {
            <Suspense fallback=|| view! { <p class="loading" role="status">"Opening…"</p> }>
                {Suspend::new(view)}
            </Suspense>
        }
    })
    .into_any()
}

/// GOV.UK-style: what went wrong and what to do, with a button to do it;
/// for a page, under the page's title.
fn not_loaded(attempt: RwSignal<u32>, place: SummaryPlace) -> AnyView {
    let problem = FieldProblem::general(
        "This part of Plan Tracker could not be downloaded. Check your connection, then try again; if it still fails, reload the page. Your plan and changes are still here.",
    );
    view! {
        {(place == SummaryPlace::Page).then(|| view! { <h1 class="heading-xl">"This page could not be opened"</h1> })}
        <ErrorSummary id=unique_id("part-problem") problems=Signal::stored(vec![problem]) place>
            <p>
                <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>"Try again"</button>
            </p>
        </ErrorSummary>
    }
    .into_any()
}

/// An id no other element on the page has, for parts that can appear more
/// than once (each action's progress form, say).
pub fn unique_id(prefix: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
