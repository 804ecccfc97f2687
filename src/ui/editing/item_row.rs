//! One item in the outline: its title and facts, and its controls: edit,
//! move up, move down, delete (with a question first). Each control's name
//! says which item it is for, as GOV.UK's "Change" links do.

use leptos::prelude::*;

use super::item_form::ItemForm;
use super::outline::use_shape;
use crate::browser::focus::focus_element;
use crate::progress::structure::{cannot_delete, summary, up_and_down, what_goes, Level};
use crate::progress::Change;
use crate::ui::use_state;

/// Which of an item's controls a change came from, to put focus back on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Control {
    Up,
    Down,
}

/// The element id of an item's control, for moving focus to it.
pub fn control_id(control: &str, item: &str) -> String {
    format!("{control}-{item}")
}

#[component]
pub fn ItemRow(id: String, level: Level) -> impl IntoView {
    let state = use_state();
    let shape = use_shape();
    let item = StoredValue::new(id.clone());
    let shown = Memo::new(move |_| {
        let spot = shape.outline.with(|o| o.spot(&item.get_value()))?;
        shape.plan.with(|p| p.as_deref().map(|p| summary(p, spot)))
    });
    let title = move || shown.with(|s| s.as_ref().map(|s| s.0.clone()).unwrap_or_default());
    let editing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let moves = Memo::new(move |_| {
        shape.outline.track();
        shape.plan.with(|p| match p {
            Some(p) => {
                let (up, down) = up_and_down(p, &item.get_value());
                (up, down)
            }
            None => (None, None),
        })
    });
    let step = move |control: Control| {
        let change = moves.with_untracked(|(up, down)| match control {
            Control::Up => up.clone(),
            Control::Down => down.clone(),
        });
        let Some(change) = change else { return };
        if state.record(vec![change]) {
            // The row is drawn in its new place; focus stays on the control
            // pressed, or the other one once it reaches the end.
            let (up, down) = moves.with_untracked(|(u, d)| (u.is_some(), d.is_some()));
            let name = match (control, up, down) {
                (Control::Up, true, _) | (Control::Down, _, false) => "up",
                _ => "down",
            };
            let target = control_id(name, &item.get_value());
            request_animation_frame(move || focus_element(&target));
        }
    };
    let delete = move |_| {
        let id = item.get_value();
        let what = shape
            .plan
            .with_untracked(|p| p.as_deref().and_then(|p| what_goes(p, &id)));
        if state.record(vec![Change::DeleteItem { item: id }]) {
            confirming.set(false);
            state.messages.success(format!(
                "Deleted {}. \"Undo last change\" brings it back until the plan is exported.",
                what.unwrap_or_else(|| "the item".to_owned())
            ));
            request_animation_frame(|| focus_element("edit-heading"));
        }
    };
    let hidden = move || format!(" {} {}", level.noun(), title());
    let heading_class = match level {
        Level::Priority => "edit-item__title heading-m",
        _ => "edit-item__title",
    };
    view! {
        <div class="edit-item" class:edit-item--priority=level == Level::Priority>
            <div class="edit-item__head">
                <div class="edit-item__text">
                    <span class="caption-m">{match level {
                        Level::Priority => "Priority",
                        Level::Activity => "Key activity",
                        Level::Action => "Key action",
                        Level::Measure => "Measure",
                    }}</span>
                    <p class=heading_class>{title}</p>
                    {move || shown.with(|s| s.as_ref().map(|(_, facts)| {
                        (!facts.is_empty()).then(|| view! {
                            <dl class="edit-item__facts">
                                {facts.iter().map(|(k, v)| view! { <div><dt>{*k}</dt><dd>{v.clone()}</dd></div> }).collect_view()}
                            </dl>
                        })
                    }))}
                </div>
                <div class="edit-item__controls">
                    <button type="button" class="button button--secondary button--small" id=control_id("edit", &id)
                        aria-expanded=move || editing.get().to_string()
                        on:click=move |_| editing.update(|e| *e = !*e)>
                        "Edit"<span class="visually-hidden">{hidden}</span>
                    </button>
                    <button type="button" class="button button--secondary button--small" id=control_id("up", &id)
                        disabled=move || moves.with(|(up, _)| up.is_none())
                        on:click=move |_| step(Control::Up)>
                        "Move up"<span class="visually-hidden">{hidden}</span>
                    </button>
                    <button type="button" class="button button--secondary button--small" id=control_id("down", &id)
                        disabled=move || moves.with(|(_, down)| down.is_none())
                        on:click=move |_| step(Control::Down)>
                        "Move down"<span class="visually-hidden">{hidden}</span>
                    </button>
                    <button type="button" class="button button--warning button--small"
                        on:click=move |_| confirming.set(true)>
                        "Delete"<span class="visually-hidden">{hidden}</span>
                    </button>
                </div>
            </div>
            <Show when=move || confirming.get()>
                {move || {
                    let id = item.get_value();
                    let refused = shape.plan.with(|p| p.as_deref().and_then(|p| cannot_delete(p, &id)));
                    let what = shape.plan.with(|p| p.as_deref().and_then(|p| what_goes(p, &id))).unwrap_or_default();
                    view! {
                        <div class="confirm" role="alertdialog" aria-labelledby=format!("delete-{id}-title")>
                            {match refused {
                                Some(why) => view! {
                                    <h3 class="heading-s" id=format!("delete-{id}-title")>"This cannot be deleted"</h3>
                                    <p>{why}</p>
                                    <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>"Close"</button>
                                }.into_any(),
                                None => view! {
                                    <h3 class="heading-s" id=format!("delete-{id}-title")>{format!("Delete {what}?")}</h3>
                                    <p>"Progress recorded against it is kept in the next export, under \"orphaned_edits\". You can take this back with \"Undo last change\" until the plan is exported."</p>
                                    <div class="button-group">
                                        <button type="button" class="button button--warning" on:click=delete>"Yes, delete it"</button>
                                        <button type="button" class="link-button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                                    </div>
                                }.into_any(),
                            }}
                        </div>
                    }
                }}
            </Show>
            <Show when=move || editing.get()>
                <ItemForm id=item.get_value() level=level on_done=Callback::new(move |()| {
                    editing.set(false);
                    let target = control_id("edit", &item.get_value());
                    request_animation_frame(move || focus_element(&target));
                })/>
            </Show>
        </div>
    }
}
