//! The exception report: what is off track, at risk, overdue, or without a
//! status or date, by priority, and measures going the wrong way. It follows
//! the filters, and it is what a coordinator sends before a board: printed,
//! as CSV, or as a snapshot.

use leptos::prelude::*;

use super::snapshot::{SnapshotButton, SnapshotOf};
use crate::browser::download;
use crate::browser::printing::print_after;
use crate::plan::dates::long_moment;
use crate::query::filters_in_words;
use crate::report::exceptions::{exception_report, exceptions_csv, ExceptionItem, ItemKind};
use crate::report::snapshot::snapshot_file_name;
use crate::ui::plan_view::{FilterLayout, SelectedFilters};
use crate::ui::shared::announce::SettledAnnouncement;
use crate::ui::shared::plan_header::PlanHeader;
use crate::ui::shared::status_tag::StatusTag;
use crate::ui::state::{MeetingPlace, Page};
use crate::ui::use_state;

#[component]
pub fn ExceptionsPage() -> impl IntoView {
    let state = use_state();
    let report = Memo::new(move |_| {
        state.plan.opened.with(|opened| {
            let opened = opened.as_ref()?;
            let today = state.view.today();
            Some(state.plan.edits_by_item.with(|edits| {
                state.plan.overlay.with(|overlay| {
                    state.view.results.with(|results| {
                        exception_report(
                            &opened.plan,
                            &opened.index,
                            overlay,
                            results,
                            edits,
                            today,
                        )
                    })
                })
            }))
        })
    });
    let count = move || report.with(|r| r.as_ref().map(summary).unwrap_or_default());
    let export_csv = move |_| {
        let Some(opened) = state.plan.opened.get_untracked() else {
            return;
        };
        let Some(report) = report.get_untracked() else {
            return;
        };
        let name = snapshot_file_name(&opened.plan.id, "exceptions", state.view.today())
            .replace(".html", ".csv");
        match download::download_text(&name, &exceptions_csv(&report), "text/csv;charset=utf-8") {
            Ok(()) => state
                .messages
                .success(format!("Exception report downloaded as {name}")),
            Err(e) => state
                .messages
                .failure("The CSV file was not saved.".into(), e.to_string()),
        }
    };
    let filters = move || {
        state
            .plan
            .opened
            .with(|o| {
                o.as_ref()
                    .map(|o| state.view.filter.with(|f| filters_in_words(f, &o.index)))
            })
            .unwrap_or_default()
    };
    view! {
        <PlanHeader/>
        <div class="page-heading">
            <h2 class="heading-l">"Exception report"</h2>
        </div>
        <p class="print-only">{move || format!("Showing: {}. Printed on {}.", filters(), crate::plan::dates::long_date(state.view.today()))}</p>
        <div class="button-group no-print">
            <button type="button" class="button" on:click=move |_| print_after(|| {})>"Print or save as PDF"</button>
            <button type="button" class="button button--secondary" on:click=export_csv>"Export CSV"</button>
            <SnapshotButton of=SnapshotOf::ExceptionReport/>
            <button type="button" class="button button--secondary" on:click=move |_| {
                state.view.meeting.set(MeetingPlace { step: 0, exceptions_only: true });
                state.set_page(Page::Meeting);
            }>"Meeting mode"</button>
        </div>
        <FilterLayout>
            <section class="filter-layout__content" aria-labelledby="exceptions-count">
                <SelectedFilters/>
                <p class="heading-m" id="exceptions-count">{count}</p>
                <SettledAnnouncement text=Signal::derive(count)/>
                {move || report.get().map(|report| view! {
                    {report.is_empty().then(|| view! {
                        <p class="body">"Nothing in this view is off track, at risk, overdue, or without a status or a date."</p>
                    })}
                    {report.groups.into_iter().map(|group| {
                        let label = group.title.clone();
                        view! {
                        <section class="exception-group" aria-label=label>
                            <h3 class="heading-m">{group.title}</h3>
                            <ul class="exception-list">
                                {group.items.into_iter().map(|item| view! { <Item item/> }).collect_view()}
                            </ul>
                        </section>
                    }}).collect_view()}
                    {(!report.measures.is_empty()).then(|| view! {
                        <section class="exception-group" aria-labelledby="exception-measures">
                            <h3 class="heading-m" id="exception-measures">"Measures moving the wrong way or behind target"</h3>
                            <ul class="exception-list">
                                {report.measures.into_iter().map(|m| view! {
                                    <li class="exception">
                                        <p class="exception__title">{m.title}</p>
                                        {m.why.into_iter().map(|w| view! { <p>{w}</p> }).collect_view()}
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })}
                })}
            </section>
        </FilterLayout>
    }
}

/// "12 actions and 2 activities need attention, and 3 measures."
fn summary(report: &crate::report::exceptions::ExceptionReport) -> String {
    let items = report.groups.iter().flat_map(|g| &g.items);
    let actions = items.clone().filter(|i| i.kind == ItemKind::Action).count();
    let activities = items.filter(|i| i.kind == ItemKind::Activity).count();
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut text = format!(
        "{} and {} need attention",
        plural(actions, "action", "actions"),
        plural(activities, "activity", "activities")
    );
    if !report.measures.is_empty() {
        text.push_str(&format!(
            ", and {}",
            plural(report.measures.len(), "measure", "measures")
        ));
    }
    text.push('.');
    text
}

#[component]
fn Item(item: ExceptionItem) -> impl IntoView {
    let why: Vec<&str> = item.reasons.iter().map(|r| r.label()).collect();
    view! {
        <li class="exception">
            <div class="exception__head">
                <p class="exception__title">
                    {(item.kind == ItemKind::Activity).then_some("Activity: ")}
                    {item.title}
                </p>
                <StatusTag status=item.status/>
            </div>
            <dl class="action__facts">
                <div><dt>"Why"</dt><dd>{why.join(", ")}</dd></div>
                {item.activity.map(|a| view! { <div><dt>"Activity"</dt><dd>{a}</dd></div> })}
                {item.lead.map(|l| view! { <div><dt>"Lead"</dt><dd>{l}</dd></div> })}
                {(!item.deadline.is_empty()).then(|| view! { <div><dt>"Due"</dt><dd>{item.deadline}</dd></div> })}
            </dl>
            {item.latest_note.map(|(at, text)| view! {
                <p class="latest-note"><span class="caption-m">{format!("Latest note, {}: ", long_moment(&at))}</span>{text}</p>
            })}
        </li>
    }
}
