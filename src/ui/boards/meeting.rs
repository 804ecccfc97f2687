//! Meeting mode: a board steps through activities one at a time, in large
//! type, on a tablet: each activity's lead, its actions with their status,
//! deadline and latest note, and big controls to set a status or add a note
//! (the same edits as anywhere, signed by the person). Next and previous by
//! button, arrow key or swipe; "7 of 42"; and a way out to the same place.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::browser::focus::scroll_to_top;
use crate::browser::printing::{enter_full_screen, leave_full_screen};
use crate::plan::due::deadline_text;
use crate::plan::present;
use crate::query::plan_groups;
use crate::report::exceptions::exception_report;
use crate::ui::boards::meeting_item::MeetingItem;
use crate::ui::boards::meeting_warning::MeetingWarning;
use crate::ui::shared::effect;
use crate::ui::shared::in_place::focus_once_drawn;
use crate::ui::shared::person_form::PersonForm;
use crate::ui::state::{AppState, MeetingPlace, Page, PAGE_SIZE};
use crate::ui::use_state;

/// One step: an activity, by priority and activity, with its shown rows.
type Step = (usize, usize, Vec<usize>);

/// The activities to step through: all shown, or only those with something
/// in the exception report.
fn steps(state: AppState, exceptions_only: bool) -> Vec<Step> {
    state.plan.opened.with(|opened| {
        let Some(opened) = opened else {
            return Vec::new();
        };
        state.view.results.with(|results| {
            let mut in_order = results.clone();
            in_order.rows.sort_unstable();
            let all: Vec<Step> = plan_groups(&opened.index, &in_order, usize::MAX)
                .into_iter()
                .flat_map(|g| {
                    g.activities
                        .into_iter()
                        .map(move |(ai, rows)| (g.priority, ai, rows))
                })
                .collect();
            if !exceptions_only {
                return all;
            }
            let report = state.plan.edits_by_item.with(|edits| {
                state.plan.overlay.with(|overlay| {
                    exception_report(
                        &opened.plan,
                        &opened.index,
                        overlay,
                        results,
                        edits,
                        state.view.today(),
                    )
                })
            });
            let flagged: HashSet<&str> = report
                .groups
                .iter()
                .flat_map(|g| &g.items)
                .map(|i| i.id.as_str())
                .collect();
            all.into_iter()
                .filter(|(pi, ai, rows)| {
                    let Some(activity) = opened.plan.activity(*pi, *ai) else {
                        return false;
                    };
                    flagged.contains(activity.id.as_str())
                        || rows
                            .iter()
                            .filter_map(|r| opened.index.rows.get(*r))
                            .filter_map(|row| activity.actions().get(row.action))
                            .any(|a| flagged.contains(a.id.as_str()))
                })
                .collect()
        })
    })
}

#[component]
pub fn MeetingMode() -> impl IntoView {
    let state = use_state();
    let place = state.view.meeting;
    let all_steps = Memo::new(move |_| steps(state, place.with(|p| p.exceptions_only)));
    let count = move || all_steps.with(Vec::len);
    let step = Memo::new(move |_| place.with(|p| p.step).min(count().saturating_sub(1)));
    // Each step, the first included, starts at its top, as a page does.
    scroll_to_top();
    let go = move |to: usize| {
        let last = count().saturating_sub(1);
        let place = MeetingPlace {
            step: to.min(last),
            ..place.get_untracked()
        };
        state.set_meeting_place(place);
        scroll_to_top();
    };
    let next = move || go(step.get_untracked() + 1);
    let previous = move || go(step.get_untracked().saturating_sub(1));
    let leave = move || {
        leave_meeting(
            state,
            all_steps.with_untracked(|s| s.get(step.get_untracked()).cloned()),
        )
    };

    // Arrow keys step, except while a field or radio has focus (radios use
    // them to move between choices).
    let keys = window_event_listener(leptos::ev::keydown, move |event: web_sys::KeyboardEvent| {
        let in_field = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_field || event.alt_key() || event.ctrl_key() || event.meta_key() {
            return;
        }
        match event.key().as_str() {
            "ArrowRight" => next(),
            "ArrowLeft" => previous(),
            "Escape" => leave(),
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    // Asked as the meeting opens: the click that opened it still counts as
    // the person's gesture for a few seconds, which browsers require.
    enter_full_screen();
    // Focus goes to the step's title, so that a screen reader says where
    // the meeting is rather than only "1 of 19": on entry, and once the
    // person has said who is recording (their form, which comes first,
    // then leaves the page, and focus would fall to its body). Not before:
    // on a phone, focusing the title would scroll that form and the steps'
    // bar out of view. Stepping leaves focus on "Next", to be pressed again.
    effect(move || {
        if state.person.with(Option::is_some) {
            focus_once_drawn("meeting-title".to_owned());
        }
    });

    // A swipe: a mostly sideways move of more than 60 pixels.
    let touch_start = StoredValue::new(None::<(i32, i32)>);
    let on_touch_start = move |ev: web_sys::TouchEvent| {
        touch_start.set_value(
            ev.changed_touches()
                .get(0)
                .map(|t| (t.client_x(), t.client_y())),
        );
    };
    let on_touch_end = move |ev: web_sys::TouchEvent| {
        let (Some((x0, y0)), Some(end)) = (touch_start.get_value(), ev.changed_touches().get(0))
        else {
            return;
        };
        let (dx, dy) = (end.client_x() - x0, end.client_y() - y0);
        if dx.abs() > 60 && dx.abs() * 2 > dy.abs() * 3 {
            if dx < 0 {
                next()
            } else {
                previous()
            }
        }
    };

    view! {
        <div class="meeting" role="region" aria-label="Meeting mode" on:touchstart=on_touch_start on:touchend=on_touch_end>
            <div class="meeting__bar">
                <p class="meeting__where" aria-live="polite">
                    {move || if count() == 0 { "Nothing to step through".to_owned() } else { format!("{} of {}", step.get() + 1, count()) }}
                    {move || place.with(|p| p.exceptions_only).then_some(" (exceptions only)")}
                </p>
                <div class="meeting__nav">
                    <button type="button" class="button button--secondary button--large" disabled=move || step.get() == 0 on:click=move |_| previous()>"Previous"</button>
                    <button type="button" class="button button--large" disabled=move || { step.get() + 1 >= count() } on:click=move |_| next()>"Next"</button>
                    <button type="button" class="link-button meeting__leave" on:click=move |_| leave()>"Leave meeting mode"</button>
                </div>
                <MeetingWarning/>
            </div>
            <Show when=move || state.person.with(Option::is_none)>
                <div class="meeting__who"><PersonForm/></div>
            </Show>
            {move || match all_steps.with(|steps| steps.get(step.get()).cloned()) {
                Some((pi, ai, rows)) => view! { <MeetingStep priority=pi activity=ai rows/> }.into_any(),
                None => view! {
                    <div class="meeting__step">
                        <h1 class="meeting__title">"Nothing to step through"</h1>
                        <p class="body">"No activity or action matches the filters. Leave meeting mode to change them."</p>
                    </div>
                }.into_any(),
            }}
        </div>
    }
}

/// Back to the list, at the activity the meeting was on.
fn leave_meeting(state: AppState, at: Option<Step>) {
    leave_full_screen();
    let from_exceptions = state.view.meeting.with_untracked(|p| p.exceptions_only);
    if from_exceptions {
        state.set_page(Page::Exceptions);
        return;
    }
    let Some((pi, ai, rows)) = at else {
        state.set_page(Page::Plan);
        return;
    };
    // Draw far enough down the list that the activity is there.
    if let Some(first) = rows.first() {
        let position = state
            .view
            .results
            .with_untracked(|r| r.rows.iter().position(|x| x == first))
            .unwrap_or(0);
        if state.view.shown.get_untracked() <= position {
            state.view.shown.set(position + PAGE_SIZE);
        }
    }
    state.set_page(Page::Plan);
    let id = state.plan.opened.with_untracked(|o| {
        o.as_ref()
            .and_then(|o| o.plan.activity(pi, ai))
            .map(|a| format!("activity-{}", a.id))
    });
    if let Some(id) = id {
        request_animation_frame(move || {
            request_animation_frame(move || {
                if let Some(heading) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&id))
                {
                    heading.scroll_into_view();
                    if let Ok(heading) =
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading)
                    {
                        let _ = heading.focus();
                    }
                }
            });
        });
    }
}

#[component]
fn MeetingStep(priority: usize, activity: usize, rows: Vec<usize>) -> impl IntoView {
    let state = use_state();
    let Some(opened) = state.plan.opened.get_untracked() else {
        return ().into_any();
    };
    let Some(a) = opened.plan.activity(priority, activity) else {
        return ().into_any();
    };
    let priority_title = opened
        .index
        .priorities
        .get(priority)
        .map(|(_, label)| label.clone())
        .unwrap_or_default();
    let title = match present(&a.number) {
        Some(n) => format!("{n}. {}", a.title),
        None => a.title.clone(),
    };
    let mut facts: Vec<(&str, String)> = Vec::new();
    if let Some(lead) = &a.lead {
        facts.push(("Lead", lead.organisation.clone()));
    }
    if !a.partners().is_empty() {
        facts.push(("Partners", a.partners().join(", ")));
    }
    if let Some(g) = present(&a.governance_group) {
        facts.push(("Governance group", g.to_owned()));
    }
    if let Some(r) = present(&a.remarks) {
        facts.push(("Remarks", r.to_owned()));
    }
    let actions: Vec<(String, String, String)> = rows
        .iter()
        .filter_map(|&r| {
            let row = opened.index.rows.get(r)?;
            let action = a.actions().get(row.action)?;
            let title = match present(&action.number) {
                Some(n) => format!("{n}. {}", action.title),
                None => action.title.clone(),
            };
            let due = deadline_text(
                action.due.as_ref().and_then(|d| present(&d.label)),
                row.deadline.date,
                row.deadline.start,
            );
            Some((action.id.clone(), title, due))
        })
        .collect();
    view! {
        <article class="meeting__step" aria-labelledby="meeting-title">
            <p class="caption-l">{priority_title}</p>
            // The step is the page while the meeting is open: its title
            // is the page's first heading.
            <h1 class="meeting__title" id="meeting-title" tabindex="-1">{title.clone()}</h1>
            <dl class="meeting__facts">
                {facts.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
            <MeetingItem id=a.id.clone() title=title due=None base=a.progress.clone()/>
            <h2 class="heading-m">{if actions.is_empty() { "No key actions shown".to_owned() } else { format!("Key actions ({})", actions.len()) }}</h2>
            <ol class="meeting__actions">
                {actions.into_iter().map(|(id, title, due)| {
                    let base = opened.plan.activity(priority, activity).and_then(|a| a.actions().iter().find(|k| k.id == id)).and_then(|k| k.progress.clone());
                    view! { <li><MeetingItem id title due=Some(due) base/></li> }
                }).collect_view()}
            </ol>
        </article>
    }
    .into_any()
}
