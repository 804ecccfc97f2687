//! "Merge returns": partners' files folded back in. Nothing changes until the
//! person has seen the summary and chosen a side in every conflict; then the
//! whole merge is one change that undo takes back.

use leptos::prelude::*;

use super::{long_moment, state};
use crate::browser::{clock, files};
use crate::exchange::{plan_merge, Conflict, MergePlan, NotMerged, NotMergedReason};
use crate::plan::read_plan;

#[derive(Clone, PartialEq)]
struct Pending {
    files: Vec<String>,
    merge: MergePlan,
    /// One per conflict: true to take the returned value.
    take_theirs: Vec<bool>,
}

fn side_text(value: &str, by: &Option<String>, at: &Option<crate::plan::Moment>) -> String {
    let who = by.as_deref().map(|b| format!(", {b}")).unwrap_or_default();
    let when = at.as_ref().map(|a| format!(", {}", long_moment(a))).unwrap_or_default();
    format!("{value}{who}{when}")
}

#[component]
pub fn MergeReturns() -> impl IntoView {
    let state = state();
    let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
    let problems: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let reading = RwSignal::new(false);

    let on_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        reading.set(true);
        leptos::task::spawn_local(async move {
            let mut returns = Vec::new();
            let mut refused = Vec::new();
            for file in chosen {
                let name = file.name();
                match files::read_file(&file).await {
                    Ok(bytes) => match read_plan(&bytes) {
                        Ok(plan) => returns.push((name, plan)),
                        Err(e) => refused.extend(e.problems().into_iter().map(|p| format!("{name}: {p}"))),
                    },
                    Err(e) => refused.push(e.to_string()),
                }
            }
            reading.set(false);
            let Some(opened) = state.opened.get_untracked() else { return };
            let merge = state.journal.with_untracked(|j| plan_merge(&opened.plan, &j.edits, &returns, &clock::now()));
            // A whole file that cannot be merged is a problem with that file;
            // items within a file are listed in the review.
            let (whole_files, items): (Vec<NotMerged>, Vec<NotMerged>) =
                merge.not_merged.iter().cloned().partition(|n| matches!(n.why, NotMergedReason::OtherPlan { .. }));
            refused.extend(whole_files.iter().map(ToString::to_string));
            problems.set(refused);
            if merge.edits.is_empty() && merge.conflicts.is_empty() && items.is_empty() {
                pending.set(None);
                if !returns.is_empty() && problems.with_untracked(Vec::is_empty) {
                    state.success.set(Some("Nothing to merge: this plan already has everything in those files".into()));
                }
                return;
            }
            let take_theirs = vec![true; merge.conflicts.len()];
            pending.set(Some(Pending { files: returns.into_iter().map(|(n, _)| n).collect(), merge, take_theirs }));
        });
    };

    let apply = move |_| {
        let Some(p) = pending.get_untracked() else { return };
        let decided_by = state.signature();
        let now = clock::now();
        let mut edits = p.merge.edits.clone();
        for (conflict, theirs) in p.merge.conflicts.iter().zip(&p.take_theirs) {
            if *theirs {
                edits.push(conflict.take_theirs(clock::new_id("e"), now.clone(), &decided_by));
            }
        }
        // Each merge is a change of its own: merging a return again after
        // undoing the first merge records it afresh.
        for edit in &mut edits {
            edit.id = clock::new_id("e");
        }
        let count = state.record_together(edits);
        pending.set(None);
        let left_out = p.merge.not_merged.len();
        let left_out = if left_out == 0 { String::new() } else { format!(" {left_out} listed items were not merged.") };
        state.success.set(Some(format!("Merged {count} changes from {}.{left_out} Undo last change takes the whole merge back.", p.files.join(", "))));
    };

    view! {
        <section class="section" aria-labelledby="merge-title">
            <h3 class="heading-m" id="merge-title">"Merge returns"</h3>
            <p>"Open the files partners sent back. Notes are combined, newer statuses and values are taken, and where both you and they changed the same thing you choose which to keep. Nothing changes until you confirm."</p>
            {move || {
                let list = problems.get();
                (!list.is_empty()).then(|| view! {
                    <div class="error-summary" role="alert">
                        <h2 class="error-summary__title">"There is a problem"</h2>
                        <ul class="error-summary__list">{list.into_iter().map(|m| view! { <li><a href="#return-files">{m}</a></li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <div class="form-group">
                <label class="label-s" for="return-files">"Choose returned plan files"</label>
                <p class="hint">"You can choose several at once"</p>
                <input class="file-upload" id="return-files" type="file" multiple accept=".json,application/json" on:change=on_files/>
            </div>
            <Show when=move || reading.get()><p role="status">"Reading the files…"</p></Show>
            {move || pending.get().map(|p| {
                let titles = state.opened.get_untracked();
                let summary = p.merge.summary(|id| titles.as_ref().and_then(|o| o.locator().find(id)?.title(&o.plan).map(str::to_owned)));
                let conflicts: Vec<(usize, Conflict)> = p.merge.conflicts.iter().cloned().enumerate().collect();
                let anything = !p.merge.edits.is_empty() || !conflicts.is_empty();
                let not_merged: Vec<String> =
                    p.merge.not_merged.iter().filter(|n| !matches!(n.why, NotMergedReason::OtherPlan { .. })).map(ToString::to_string).collect();
                view! {
                    <div class="merge-review">
                        <h4 class="heading-s">{format!("From {}", p.files.join(", "))}</h4>
                        {(!summary.is_empty()).then(|| view! {
                            <p>{match summary.len() { 1 => "1 change will be taken as it is:".to_owned(), n => format!("{n} changes will be taken as they are:") }}</p>
                            <ul class="list list--bullet">{summary.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                        })}
                        {(!not_merged.is_empty()).then(|| view! {
                            <h4 class="heading-s">{match not_merged.len() { 1 => "1 thing cannot be merged:".to_owned(), n => format!("{n} things cannot be merged:") }}</h4>
                            <ul class="list list--bullet">{not_merged.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                        })}
                        {(!conflicts.is_empty()).then(|| view! {
                            <h4 class="heading-s">{format!("{} changed on both sides: choose which to keep", conflicts.len())}</h4>
                            <table class="table">
                                <caption class="visually-hidden">"Conflicts"</caption>
                                <thead><tr><th scope="col">"Item"</th><th scope="col">"In this plan"</th><th scope="col">"In the return"</th></tr></thead>
                                <tbody>
                                    {conflicts.into_iter().map(|(i, c)| {
                                        let name = format!("conflict-{i}");
                                        let (ours_id, theirs_id) = (format!("{name}-ours"), format!("{name}-theirs"));
                                        view! {
                                            <tr>
                                                <th scope="row">{format!("{}: {}", c.item_title, c.field.label())}</th>
                                                <td>
                                                    <div class="radio-inline">
                                                        <input type="radio" id=ours_id.clone() name=name.clone()
                                                            prop:checked=move || pending.with(|p| p.as_ref().is_some_and(|p| p.take_theirs.get(i) == Some(&false)))
                                                            on:change=move |_| pending.update(|p| if let Some(choice) = p.as_mut().and_then(|p| p.take_theirs.get_mut(i)) { *choice = false })/>
                                                        <label for=ours_id>{format!("Keep {}", side_text(&c.ours.value, &c.ours.by, &c.ours.at))}</label>
                                                    </div>
                                                </td>
                                                <td>
                                                    <div class="radio-inline">
                                                        <input type="radio" id=theirs_id.clone() name=name
                                                            prop:checked=move || pending.with(|p| p.as_ref().is_some_and(|p| p.take_theirs.get(i) == Some(&true)))
                                                            on:change=move |_| pending.update(|p| if let Some(choice) = p.as_mut().and_then(|p| p.take_theirs.get_mut(i)) { *choice = true })/>
                                                        <label for=theirs_id>{format!("Take {} (from {})", side_text(&c.theirs.value, &c.theirs.by, &c.theirs.at), c.file)}</label>
                                                    </div>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        })}
                        <div class="button-group">
                            {anything.then(|| view! { <button type="button" class="button" on:click=apply>"Apply these changes"</button> })}
                            <button type="button" class="link-button" on:click=move |_| pending.set(None)>{if anything { "Cancel" } else { "Close" }}</button>
                        </div>
                    </div>
                }
            })}
        </section>
    }
}
