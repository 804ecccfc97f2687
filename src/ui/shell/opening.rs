//! Opening a plan from a file or a link. One owner marks the work under way
//! and done, whatever its outcome, so "Opening…" can never be left showing
//! or be cleared by someone else. (A leptos `Action` does the same, at about
//! 7 KB of the main part's download; this is the part every visitor loads.)

use leptos::prelude::*;

use crate::browser::files;
use crate::ui::shared::or_nothing;
use crate::ui::state::{AppState, Origin};

/// What to open.
#[derive(Clone)]
pub enum Source {
    /// A `plan=` link, relative to the page or absolute.
    Link(String),
    /// A file chosen or dropped.
    File(web_sys::File),
}

/// Reads a source and opens it; the state says what came of it.
#[derive(Clone, Copy)]
pub struct Opening {
    state: AppState,
    /// What is being opened, while it is.
    under_way: RwSignal<Option<String>>,
}

impl Opening {
    pub fn new(state: AppState) -> Opening {
        Opening {
            state,
            under_way: RwSignal::new(None),
        }
    }

    /// True while a plan is being read.
    pub fn is_under_way(&self) -> bool {
        self.under_way.with(Option::is_some)
    }

    pub fn open(&self, source: Source) {
        let Opening { state, under_way } = *self;
        let name = match &source {
            Source::Link(link) => format!("The plan at {link}"),
            Source::File(file) => file.name(),
        };
        under_way.set(Some(name.clone()));
        leptos::task::spawn_local(async move {
            let read = match source {
                Source::Link(link) => files::fetch_bytes(&link)
                    .await
                    .map(|bytes| (bytes, Origin::Link(link))),
                Source::File(file) => files::read_file(&file)
                    .await
                    .map(|bytes| (bytes, Origin::File)),
            };
            match read {
                Ok((bytes, origin)) => state.open_bytes(&bytes, &name, origin),
                Err(e) => state.report_not_opened(&name, e.to_string()),
            }
            under_way.set(None);
        });
    }
}

pub fn use_opening() -> Opening {
    expect_context::<Opening>()
}

/// "Opening notts-plan.json…" while a plan is being read.
#[component]
pub fn OpeningStatus() -> impl IntoView {
    let opening = use_opening();
    move || {
        or_nothing(opening.under_way.get().map(
            |what| view! { <p class="loading" role="status">{format!("Opening {what}…")}</p> },
        ))
    }
}
