//! "What changed since…": an earlier file of the same plan against the plan
//! as it stands, per priority.

use leptos::prelude::*;

use super::current_plan;
use crate::browser::files;
use crate::exchange::{compare, exported_at, Comparison};
use crate::plan::dates::long_moment;
use crate::plan::read_plan;
use crate::ui::shared::error_summary::{ErrorSummary, FieldProblem, SummaryPlace};
use crate::ui::shared::status_tag::StatusTag;
use crate::ui::use_state;

#[component]
pub fn CompareVersions() -> impl IntoView {
    let state = use_state();
    let report: RwSignal<Option<(String, Comparison)>> = RwSignal::new(None);
    let problems: RwSignal<Vec<FieldProblem>> = RwSignal::new(Vec::new());
    let problem = move |text: String| problems.set(vec![FieldProblem::at("earlier-file", text)]);
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let name = file.name();
            let earlier = match files::read_file(&file)
                .await
                .map_err(|e| e.to_string())
                .and_then(|b| {
                    read_plan(&b).map_err(|e| {
                        e.problems()
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                }) {
                Ok(plan) => plan,
                Err(e) => {
                    problem(format!("{name}: {e}"));
                    return;
                }
            };
            let Some(now) = current_plan(state) else {
                return;
            };
            if earlier.id != now.id {
                problem(format!(
                    "{name} is a different plan (\"{}\"), so it cannot be compared with this one",
                    earlier.title
                ));
                return;
            }
            problems.set(Vec::new());
            let when = exported_at(&earlier)
                .map(|at| format!("{name}, exported {}", long_moment(&at)))
                .unwrap_or(name);
            report.set(Some((when, compare(&earlier, &now))));
        });
    };
    view! {
        <section class="section" aria-labelledby="compare-title">
            <h3 class="heading-m" id="compare-title">"What changed since an earlier version"</h3>
            <ErrorSummary id="compare-problems" problems=problems place=SummaryPlace::Within/>
            <div class="form-group">
                <label class="label-s" for="earlier-file">"Choose an earlier file of this plan"</label>
                <input class="file-upload" id="earlier-file" type="file" accept=".json,application/json" on:change=on_file/>
            </div>
            {move || report.get().map(|(name, c)| view! {
                <div class="compare-report">
                    <h4 class="heading-s">{format!("Changes since {name}")}</h4>
                    {c.is_empty().then(|| view! { <p>"Nothing has changed."</p> })}
                    {c.priorities.into_iter().map(|p| view! {
                        <h5 class="heading-s">{p.title}</h5>
                        <ul class="list list--bullet">
                            {p.status_changes.into_iter().map(|(title, was, is)| view! {
                                <li>{title}": " <StatusTag status=was/> " to " <StatusTag status=is/></li>
                            }).collect_view()}
                            {p.new_notes.into_iter().map(|(title, note)| view! {
                                <li>{format!("New note on {title}, {}: {}", long_moment(&note.at), note.text)}</li>
                            }).collect_view()}
                            {p.added.into_iter().map(|t| view! { <li>{format!("Added: {t}")}</li> }).collect_view()}
                            {p.removed.into_iter().map(|t| view! { <li>{format!("Removed: {t}")}</li> }).collect_view()}
                        </ul>
                    }).collect_view()}
                    {(!c.new_values.is_empty()).then(|| view! {
                        <h5 class="heading-s">"New measure values"</h5>
                        <ul class="list list--bullet">{c.new_values.into_iter().map(|(m, v)| view! { <li>{format!("{m}: {v}")}</li> }).collect_view()}</ul>
                    })}
                </div>
            })}
        </section>
    }
}
