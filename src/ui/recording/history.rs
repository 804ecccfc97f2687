//! An item's notes and changes, newest first. Notes are never rewritten: a
//! correction is a later note, and the note it corrects is marked.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::plan::dates::long_moment;
use crate::plan::{present, Moment, Progress};
use crate::progress::{is_followable_link, Change};
use crate::ui::shared::on_demand::{on_demand, PartNotLoaded};
use crate::ui::shared::or_nothing;
use crate::ui::shared::status_tag::StatusTag;
use crate::ui::use_state;

/// A change recorded here: when, by whom, and what it did in words.
type RecordedChange = (Moment, String, String);

#[component]
pub fn History(item_id: String, #[prop(into)] progress: Signal<Option<Progress>>) -> impl IntoView {
    let state = use_state();
    let item = item_id.clone();
    let changes = Memo::new(move |_| {
        state.plan.edits_by_item.with(|m| {
            m.get(&item)
                .map(|edits| {
                    edits
                        .iter()
                        .filter(|e| !matches!(e.change, Change::AddNote { .. }))
                        .map(|e| (e.at.clone(), e.by.clone(), e.change.describe()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let count = move || {
        progress.with(|p| p.as_ref().map_or(0, |p| p.notes().len())) + changes.with(Vec::len)
    };
    let open = RwSignal::new(false);
    let latest = move || progress.with(|p| p.as_ref().and_then(|p| p.notes().last().cloned()));
    view! {
        {move || or_nothing(latest().map(|note| view! {
            <p class="latest-note"><span class="caption-m">{format!("Latest note, {}: ", long_moment(&note.at))}</span>{note.text}</p>
        }))}
        <Show when=move || { count() > 0 }>
            <details class="details history" on:toggle=move |ev| {
                let details: web_sys::HtmlDetailsElement = event_target(&ev);
                open.set(details.open());
            }>
                <summary class="details__summary">{move || format!("Notes and history ({})", count())}</summary>
                // Drawn only while open: a long history under every action
                // would multiply the page's size for what few people expand.
                <Show when=move || open.get()>
                    {on_demand(move || history_list(progress, changes))}
                </Show>
            </details>
        </Show>
    }
}

/// The list is downloaded the first time anyone opens a history.
#[wasm_split(history_list, wasm_split_path = ::leptos::wasm_split, fallible)]
fn history_list(
    progress: Signal<Option<Progress>>,
    changes: Memo<Vec<RecordedChange>>,
) -> Result<AnyView, PartNotLoaded> {
    Ok(view! { <HistoryList progress changes/> }.into_any())
}

/// Every note, newest first, then the changes recorded here.
#[component]
fn HistoryList(
    progress: Signal<Option<Progress>>,
    changes: Memo<Vec<RecordedChange>>,
) -> impl IntoView {
    view! {
        <div class="details__text">
            {move || {
                let notes = progress.with(|p| p.as_ref().map(|p| p.notes().to_vec()).unwrap_or_default());
                let corrected: Vec<String> = notes.iter().filter_map(|n| n.corrects.clone()).collect();
                view! {
                    <ol class="history__list" reversed>
                        {notes.into_iter().rev().map(|note| {
                            let is_corrected = corrected.contains(&note.id);
                            let who = present(&note.by).map(|b| format!(" by {b}")).unwrap_or_default();
                            view! {
                                <li class="history__note" class:history__note--corrected=is_corrected>
                                    <p class="caption-m">{format!("{}{who}", long_moment(&note.at))}
                                        {note.status.map(|s| view! { " " <StatusTag status=Some(s)/> })}
                                    </p>
                                    {note.corrects.is_some().then(|| view! { <p class="hint">"Corrects an earlier note"</p> })}
                                    <p>{note.text}</p>
                                    {is_corrected.then(|| view! { <p class="hint">"Corrected or withdrawn by a later note"</p> })}
                                    {note.evidence.map(|ev| view! {
                                        <ul class="evidence">
                                            {ev.into_iter().map(|e| {
                                                let title = present(&e.title).or(present(&e.source)).unwrap_or("Evidence").to_owned();
                                                let source = present(&e.source).filter(|s| Some(*s) != present(&e.title)).map(|s| format!(" ({s})"));
                                                let link = present(&e.url).filter(|u| is_followable_link(u)).map(str::to_owned);
                                                let shown_url = present(&e.url).filter(|u| !is_followable_link(u)).map(|u| format!(" Link not opened: {u}"));
                                                view! {
                                                    <li>
                                                        "Evidence: "
                                                        {match link {
                                                            Some(href) => view! { <a href=href rel="noopener noreferrer" target="_blank">{title}</a> }.into_any(),
                                                            None => view! { <span>{title}</span> }.into_any(),
                                                        }}
                                                        {source}{shown_url}
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
            }}
            {move || {
                let list = changes.get();
                (!list.is_empty()).then(|| view! {
                    <h6 class="heading-s">"Changes recorded in this browser"</h6>
                    <ul class="history__changes">
                        {list.into_iter().rev().map(|(at, by, what)| view! { <li>{format!("{what}, {} by {by}", long_moment(&at))}</li> }).collect_view()}
                    </ul>
                })
            }}
        </div>
    }
}
