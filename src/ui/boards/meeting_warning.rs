//! Meeting mode's line about changes not being kept. The banner that says
//! so in full (and is announced as an alert) is at the top of the page, out
//! of view once a step has been scrolled; this line sits in the bar of
//! steps, which stays in view, with the way to keep the changes. On a
//! phone held upright the bar scrolls away, so the line is fixed at the
//! bottom of the screen instead, without its cause (the banner has it), so
//! that it takes little of the screen (style/main.css).

use leptos::prelude::*;

use crate::ui::shared::or_nothing;
use crate::ui::sharing::export::Exporter;
use crate::ui::use_state;

#[component]
pub fn MeetingWarning() -> impl IntoView {
    let state = use_state();
    let exporter = Exporter::find();
    move || {
        // Only while closing would lose something: after an export, the
        // banner alone says that storage still fails.
        let losing = state.plan.unsaved_changes();
        let cause = state.plan.save_problem().map(|issue| issue.cause());
        or_nothing(cause.filter(|_| losing > 0).map(|cause| view! {
            // Not a live region: the banner's alert has said it once.
            <div class="meeting__warning">
                <p>
                    <strong>"Important: "</strong>
                    {format!("{} not kept in this browser", changes_not_kept(losing))}
                    <span class="meeting__cause">{format!(" ({cause})")}</span>
                    "."
                </p>
                {exporter.map(|exporter| view! {
                    <button type="button" class="button" on:click=move |_| exporter.export()>"Export plan now"</button>
                })}
            </div>
        }))
    }
}

fn changes_not_kept(count: usize) -> String {
    if count == 1 {
        "1 change is".to_owned()
    } else {
        format!("{count} changes are")
    }
}
