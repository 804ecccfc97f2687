//! The welcome page: choose a plan file, drop one, or open a sample.

use leptos::prelude::*;
use serde::Deserialize;

use super::{open_file, state};

#[derive(Debug, Clone, Deserialize)]
struct Sample {
    file: String,
    title: String,
    #[serde(default)]
    subtitle: Option<String>,
    #[serde(default)]
    organisation: Option<String>,
    #[serde(default)]
    actions: usize,
    #[serde(default)]
    measures: usize,
}

/// The samples listed on the welcome page, built into the app.
fn samples() -> Vec<Sample> {
    serde_json::from_str(include_str!("../../public/samples/index.json")).unwrap_or_default()
}

#[component]
pub fn Welcome() -> impl IntoView {
    let state = state();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            open_file(state, file);
        }
        // Choosing the same file again should open it again.
        input.set_value("");
    };
    view! {
        <div class="welcome">
            <h1 class="heading-xl">"Track a joint action plan"</h1>
            <p class="lead">
                "Open a plan to see its priorities, key activities and actions, find what is off track, and record progress. Everything stays in this browser until you export it."
            </p>
            <div class="form-group">
                <label class="label-m" for="plan-file">"Choose a plan file"</label>
                <p class="hint" id="plan-file-hint">"A .json plan file, such as one emailed to you or exported from Plan Tracker."</p>
                <input
                    class="file-upload"
                    id="plan-file"
                    type="file"
                    accept=".json,application/json"
                    aria-describedby="plan-file-hint"
                    on:change=on_change
                />
                <div class="drop-zone" aria-hidden="true">"Or drop a plan file anywhere on this page"</div>
            </div>
            <h2 class="heading-l">"Or open a sample plan"</h2>
            <ul class="sample-list">
                {samples()
                    .into_iter()
                    .map(|s| {
                        let href = format!("?plan=samples/{}", s.file);
                        let meta = format!(
                            "{}{} actions, {} measures",
                            s.organisation.map(|o| format!("{o}. ")).unwrap_or_default(),
                            s.actions,
                            s.measures,
                        );
                        view! {
                            <li class="sample">
                                <a class="sample__link" href=href>
                                    {s.title}
                                    {s.subtitle.map(|t| format!(": {t}"))}
                                </a>
                                <p class="hint">{meta}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="body">
                "Plans can also be opened by link: add " <code>"?plan="</code>
                " and the address of a plan file to this page's address."
            </p>
        </div>
    }
}
