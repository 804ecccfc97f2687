//! The welcome page: choose a plan file, drop one, or open a sample. A part
//! of its own: opening a plan by link or from storage never needs it.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::plan::json::{self, Json};
use crate::ui::shared::on_demand::PartNotLoaded;
use crate::ui::shell::opening::{use_opening, Source};
use crate::ui::state::Page;

#[derive(Debug, Clone)]
struct Sample {
    file: String,
    title: String,
    subtitle: Option<String>,
    organisation: Option<String>,
    actions: usize,
    measures: usize,
}

/// The samples listed on the welcome page, built into the app. Read through
/// the plan reader's JSON tree rather than a serde derive, to keep the
/// download small; a list that does not read shows no samples.
fn samples() -> Vec<Sample> {
    let index = include_str!("../../public/samples/index.json");
    json::parse(index.as_bytes())
        .ok()
        .and_then(|list| list.into_list(sample))
        .unwrap_or_default()
}

fn sample(value: Json) -> Option<Sample> {
    let mut fields = value.into_object()?;
    let count = |v: Json| usize::try_from(v.as_u64()?).ok();
    Some(Sample {
        file: fields.required("file", Json::into_string)?,
        title: fields.required("title", Json::into_string)?,
        subtitle: fields.optional("subtitle", Json::into_string)?,
        organisation: fields.optional("organisation", Json::into_string)?,
        actions: fields.or_default("actions", count)?,
        measures: fields.or_default("measures", count)?,
    })
}

#[wasm_split(welcome_page, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn welcome_page() -> Result<AnyView, PartNotLoaded> {
    Ok(view! { <Welcome/> }.into_any())
}

#[component]
fn Welcome() -> impl IntoView {
    let opening = use_opening();
    let state = crate::ui::use_state();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            opening.open(Source::File(file));
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
            <h2 class="heading-l">"Or import a plan from a spreadsheet"</h2>
            <p class="body">"Your plan is a table in Word or Excel? Import it from a CSV file or paste the table, check how it is read, and Plan Tracker makes the plan file."</p>
            <p><button type="button" class="button button--secondary" on:click=move |_| state.set_page(Page::Import)>"Import a plan from a spreadsheet"</button></p>
            <h2 class="heading-l">"Or start a new plan"</h2>
            <p class="body">"Give it a title and its first priority, then add activities and actions in place."</p>
            <p><button type="button" class="button button--secondary" on:click=move |_| state.set_page(Page::NewPlan)>"Start a new plan"</button></p>
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

#[cfg(test)]
mod tests {
    use super::{json, sample, samples};

    #[test]
    fn every_built_in_sample_is_listed() {
        let samples = samples();
        assert_eq!(samples.len(), 3);
        let first = &samples[0];
        assert_eq!(first.file, "notts-cypf-2016-18.json");
        assert_eq!(
            first.title,
            "Children, Young People and Families Plan 2016-2018"
        );
        assert_eq!(
            first.subtitle.as_deref(),
            Some("Improvement Plan 2016-2017")
        );
        assert_eq!(
            first.organisation.as_deref(),
            Some("Nottinghamshire Children's Trust")
        );
        assert_eq!((first.actions, first.measures), (44, 35));
    }

    #[test]
    fn optional_sample_fields_default() {
        let minimal = json::parse(br#"{"file":"a.json","title":"A"}"#)
            .ok()
            .and_then(sample);
        let read = minimal.expect("reads");
        assert_eq!(
            (
                read.subtitle,
                read.organisation,
                read.actions,
                read.measures
            ),
            (None, None, 0, 0)
        );
        let wrong = json::parse(br#"{"file":"a.json","title":"A","actions":"many"}"#)
            .ok()
            .and_then(sample);
        assert!(wrong.is_none());
    }
}
