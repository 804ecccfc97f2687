//! "Merge returns": partners' files folded back in. Nothing changes until the
//! person has seen the summary and chosen a side in every conflict; then the
//! whole merge is one change that undo takes back. What cannot be merged is
//! listed with the reason.

use leptos::prelude::*;

use crate::browser::{clock, files, storage};
use crate::exchange::{plan_merge, Conflict, MergePlan, NotMergedReason};
use crate::plan::dates::long_moment;
use crate::plan::read_plan;
use crate::ui::shared::error_summary::{ErrorSummary, FieldProblem, SummaryPlace};
use crate::ui::state::AppState;
use crate::ui::use_state;

/// A merge waiting for the person's say.
#[derive(Clone)]
struct Pending {
    files: Vec<String>,
    merge: MergePlan,
    /// One per conflict, each its own signal, so that choosing a side
    /// changes one radio pair and nothing else (focus stays where it is).
    take_theirs: Vec<RwSignal<bool>>,
}

/// Reads the chosen files and works out the merge; problems with whole
/// files go in the error summary.
async fn read_returns(
    state: AppState,
    chosen: Vec<web_sys::File>,
) -> (Vec<FieldProblem>, Option<Pending>) {
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
    let Some(opened) = state.plan.opened.get_untracked() else {
        return (Vec::new(), None);
    };
    let sent_here = storage::packs_sent(&opened.plan.id);
    let merge = state.plan.journal_untracked(|j| {
        plan_merge(
            &opened.file,
            &j.edits,
            &returns,
            &clock::now(),
            sent_here.as_deref(),
        )
    });
    // A whole file that cannot be merged is a problem with that file; items
    // within a file are listed in the review.
    refused.extend(
        merge
            .not_merged
            .iter()
            .filter(|n| matches!(n.why, NotMergedReason::OtherPlan { .. }))
            .map(ToString::to_string),
    );
    let problems = refused
        .into_iter()
        .map(|text| FieldProblem::at("return-files", text))
        .collect();
    let anything = !merge.edits.is_empty()
        || !merge.conflicts.is_empty()
        || !merge.doubtful_packs.is_empty()
        || merge.not_merged.iter().any(|n| !n.is_whole_file());
    if !anything {
        if !returns.is_empty() {
            state.messages.success(
                "Nothing to merge: this plan already has everything in those files".into(),
            );
        }
        return (problems, None);
    }
    let take_theirs = merge
        .conflicts
        .iter()
        .map(|_| RwSignal::new(true))
        .collect();
    (
        problems,
        Some(Pending {
            // The files refused whole are in the error summary, not here.
            files: returns
                .into_iter()
                .map(|(name, _)| name)
                .filter(|name| {
                    !merge
                        .not_merged
                        .iter()
                        .any(|n| n.is_whole_file() && n.file == *name)
                })
                .collect(),
            merge,
            take_theirs,
        }),
    )
}

#[component]
pub fn MergeReturns() -> impl IntoView {
    let state = use_state();
    let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
    let problems: RwSignal<Vec<FieldProblem>> = RwSignal::new(Vec::new());
    let reading = Action::new_unsync_local(move |chosen: &Vec<web_sys::File>| {
        let chosen = chosen.clone();
        async move {
            let (found, merge) = read_returns(state, chosen).await;
            problems.set(found);
            pending.set(merge);
        }
    });

    let on_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        reading.dispatch_local(chosen);
    };

    let apply = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let decided_by = state.signature();
        let now = clock::now();
        let mut edits = p.merge.edits.clone();
        for (conflict, theirs) in p.merge.conflicts.iter().zip(&p.take_theirs) {
            if theirs.get_untracked() {
                edits.push(conflict.take_theirs(clock::new_id("e"), now.clone(), &decided_by));
            }
        }
        // Each merge is a change of its own: merging a return again after
        // undoing the first merge records it afresh.
        for edit in &mut edits {
            edit.id = clock::new_id("e");
        }
        let count = state.plan.record_together(edits);
        pending.set(None);
        let left_out = p
            .merge
            .not_merged
            .iter()
            .filter(|n| !n.is_whole_file())
            .count();
        let left_out = if left_out == 0 {
            String::new()
        } else {
            format!(" {left_out} listed items were not merged.")
        };
        state.messages.success(format!("Merged {count} changes from {}.{left_out} Undo last change takes the whole merge back.", p.files.join(", ")));
    };

    view! {
        <section class="section" aria-labelledby="merge-title">
            <h3 class="heading-m" id="merge-title">"Merge returns"</h3>
            <p>"Open the files partners sent back. Notes are combined, newer statuses and values are taken, and where both you and they changed the same thing you choose which to keep. Nothing changes until you confirm."</p>
            <ErrorSummary id="merge-problems" problems=problems place=SummaryPlace::Within/>
            <div class="form-group">
                <label class="label-s" for="return-files">"Choose returned plan files"</label>
                <p class="hint">"You can choose several at once"</p>
                <input class="file-upload" id="return-files" type="file" multiple accept=".json,application/json" on:change=on_files/>
            </div>
            <Show when=move || reading.pending().get()><p role="status">"Reading the files…"</p></Show>
            // Drawn once per merge: the choices below change their own signals.
            {move || pending.get().map(|p| view! { <MergeReview pending=p on_apply=Callback::new(apply) on_cancel=Callback::new(move |_| pending.set(None))/> })}
        </section>
    }
}

/// What the merge would do: changes taken as they are, what cannot be
/// merged and why, and a choice for each conflict.
#[component]
fn MergeReview(pending: Pending, on_apply: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let state = use_state();
    let titles = state.plan.opened.get_untracked();
    let summary = pending.merge.summary(|id| {
        titles
            .as_ref()
            .and_then(|o| o.locator().find(id)?.title(&o.plan).map(str::to_owned))
    });
    let not_merged: Vec<String> = pending
        .merge
        .not_merged
        .iter()
        .filter(|n| !n.is_whole_file())
        .map(ToString::to_string)
        .collect();
    let conflicts: Vec<(usize, Conflict, RwSignal<bool>)> = pending
        .merge
        .conflicts
        .iter()
        .cloned()
        .zip(pending.take_theirs.iter().copied())
        .enumerate()
        .map(|(i, (c, s))| (i, c, s))
        .collect();
    let doubtful: Vec<String> = pending
        .merge
        .doubtful_packs
        .iter()
        .map(ToString::to_string)
        .collect();
    let anything = !pending.merge.edits.is_empty() || !conflicts.is_empty();
    view! {
        <div class="merge-review">
            <h4 class="heading-s">{format!("From {}", pending.files.join(", "))}</h4>
            {(!doubtful.is_empty()).then(|| view! {
                <div class="inset-text">
                    <h4 class="heading-s">"Check where these came from"</h4>
                    <ul class="list list--bullet">{doubtful.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                </div>
            })}
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
                        {conflicts.into_iter().map(|(i, c, take_theirs)| view! { <ConflictRow index=i conflict=c take_theirs/> }).collect_view()}
                    </tbody>
                </table>
            })}
            <div class="button-group">
                {anything.then(|| view! { <button type="button" class="button" on:click=move |_| on_apply.run(())>"Apply these changes"</button> })}
                <button type="button" class="link-button" on:click=move |_| on_cancel.run(())>{if anything { "Cancel" } else { "Close" }}</button>
            </div>
        </div>
    }
}

#[component]
fn ConflictRow(index: usize, conflict: Conflict, take_theirs: RwSignal<bool>) -> impl IntoView {
    let name = format!("conflict-{index}");
    let (ours_id, theirs_id) = (format!("{name}-ours"), format!("{name}-theirs"));
    view! {
        <tr>
            <th scope="row">{format!("{}: {}", conflict.item_title, conflict.field.label())}</th>
            <td>
                <div class="radio-inline">
                    <input type="radio" id=ours_id.clone() name=name.clone()
                        prop:checked=move || !take_theirs.get() on:change=move |_| take_theirs.set(false)/>
                    <label for=ours_id>{format!("Keep {}", conflict.ours.describe(long_moment))}</label>
                </div>
            </td>
            <td>
                <div class="radio-inline">
                    <input type="radio" id=theirs_id.clone() name=name
                        prop:checked=move || take_theirs.get() on:change=move |_| take_theirs.set(true)/>
                    <label for=theirs_id>{format!("Take {} (from {})", conflict.theirs.describe(long_moment), conflict.file)}</label>
                </div>
            </td>
        </tr>
    }
}
