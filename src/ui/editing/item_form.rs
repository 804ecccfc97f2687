//! The form that edits one item in place, and the one for the plan's own
//! details. What differs from the plan is recorded as one change, which
//! undo takes back whole.

use leptos::prelude::*;

use super::outline::use_shape;
use crate::progress::structure::{date_understood, ItemDraft, Level, TextField};
use crate::progress::Change;
use crate::ui::shared::error_summary::{
    error_id, ErrorSummary, FieldError, FieldProblem, FormProblems, SummaryPlace,
};
use crate::ui::use_state;

/// A text field of the draft: its label, an optional hint, and whether it
/// takes several lines (one entry per line).
struct DraftField {
    label: &'static str,
    hint: Option<&'static str>,
    lines: bool,
    get: fn(&ItemDraft) -> &String,
    set: fn(&mut ItemDraft, String),
}

fn fields(level: Level) -> Vec<DraftField> {
    let title = DraftField {
        label: "Title",
        hint: None,
        lines: false,
        get: |d| &d.title,
        set: |d, v| d.title = v,
    };
    let lead = DraftField {
        label: "Lead organisation",
        hint: None,
        lines: false,
        get: |d| &d.lead,
        set: |d, v| d.lead = v,
    };
    match level {
        Level::Priority => vec![
            title,
            DraftField {
                label: "Outcomes",
                hint: Some("One per line"),
                lines: true,
                get: |d| &d.outcomes,
                set: |d, v| d.outcomes = v,
            },
            DraftField {
                label: "What success looks like",
                hint: Some("One per line"),
                lines: true,
                get: |d| &d.success,
                set: |d, v| d.success = v,
            },
        ],
        Level::Activity => vec![
            title,
            lead,
            DraftField {
                label: "Partners",
                hint: Some("One organisation per line"),
                lines: true,
                get: |d| &d.partners,
                set: |d, v| d.partners = v,
            },
            DraftField {
                label: "Governance group",
                hint: None,
                lines: false,
                get: |d| &d.governance_group,
                set: |d, v| d.governance_group = v,
            },
        ],
        Level::Action => vec![
            title,
            DraftField {
                label: "Deadline as written",
                hint: Some("As the plan says it: March 2027, Q3 2026/27, Between October 2026 and March 2027, Ongoing"),
                lines: false,
                get: |d| &d.deadline,
                set: |d, v| d.deadline = v,
            },
            DraftField {
                label: "Lead organisation (if not the key activity's)",
                hint: None,
                lines: false,
                get: |d| &d.lead,
                set: |d, v| d.lead = v,
            },
        ],
        Level::Measure => vec![title],
    }
}

#[component]
pub fn ItemForm(id: String, level: Level, on_done: Callback<()>) -> impl IntoView {
    let state = use_state();
    let shape = use_shape();
    let item = StoredValue::new(id.clone());
    let draft = RwSignal::new(
        shape
            .plan
            .with_untracked(|p| p.as_deref().and_then(|p| ItemDraft::of(p, &id)))
            .unwrap_or_default(),
    );
    let problems = FormProblems::new();
    let base = format!("item-{id}");
    let title_id = format!("{base}-0");
    let save = {
        let title_id = title_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let id = item.get_value();
            let changes = shape.plan.with_untracked(|p| match p.as_deref() {
                Some(plan) => draft.with_untracked(|d| d.changes(plan, &id)),
                None => Err("The plan is no longer open"),
            });
            match changes {
                Err(why) => problems.set(vec![FieldProblem::at(title_id.clone(), why)]),
                Ok(changes) if changes.is_empty() => on_done.run(()),
                Ok(changes) => {
                    if state.record(changes) {
                        state.messages.success("Your changes were saved".to_owned());
                        on_done.run(());
                    }
                }
            }
        }
    };
    let inputs = fields(level)
        .into_iter()
        .enumerate()
        .map(|(n, field)| {
            let field_id = format!("{base}-{n}");
            let hint_id = format!("{field_id}-hint");
            let error = problems.described_by(&field_id);
            let described = {
                let hint_id = field.hint.map(|_| hint_id.clone());
                let understood_id = (level == Level::Action && n == 1).then(|| format!("{field_id}-understood"));
                Signal::derive(move || {
                    let ids: Vec<String> = hint_id.clone().into_iter().chain(understood_id.clone()).chain(error.get()).collect();
                    (!ids.is_empty()).then(|| ids.join(" "))
                })
            };
            let (get, set) = (field.get, field.set);
            let value = move || draft.with(|d| get(d).clone());
            let input = move |ev| draft.update(|d| set(d, event_target_value(&ev)));
            let is_deadline = level == Level::Action && n == 1;
            view! {
                <div class="form-group" class:form-group--error={let f = field_id.clone(); move || problems.message_for(&f).with(Option::is_some)}>
                    <label class="label-s" for=field_id.clone()>{field.label}</label>
                    {field.hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
                    <FieldError error_id=error_id(&field_id) message=problems.message_for(&field_id)/>
                    {if field.lines {
                        view! { <textarea class="textarea" id=field_id.clone() rows="3" aria-describedby=described prop:value=value on:input=input></textarea> }.into_any()
                    } else {
                        view! { <input class="input" type="text" id=field_id.clone() aria-describedby=described prop:value=value on:input=input/> }.into_any()
                    }}
                    {is_deadline.then(|| view! {
                        <p class="hint edit-understood" id=format!("{field_id}-understood")>
                            "Date understood: "<strong>{move || draft.with(|d| date_understood(&d.deadline))}</strong>
                        </p>
                    })}
                </div>
            }
        })
        .collect_view();
    let activity_id = format!("{base}-activity");
    view! {
        <form class="edit-form" on:submit=save novalidate>
            <ErrorSummary id=format!("{base}-problems") problems=problems.list() place=SummaryPlace::Within/>
            {inputs}
            {(level == Level::Action).then(|| view! {
                <div class="form-group">
                    <label class="label-s" for=activity_id.clone()>"Key activity"</label>
                    <select class="select" id=activity_id.clone()
                        on:change=move |ev| draft.update(|d| d.activity = event_target_value(&ev))>
                        {move || shape.outline.with(|o| o.activities.iter().map(|(id, name)| {
                            let chosen = draft.with_untracked(|d| d.activity == *id);
                            view! { <option value=id.clone() selected=chosen>{name.clone()}</option> }
                        }).collect_view())}
                    </select>
                </div>
            })}
            <div class="button-group">
                <button type="submit" class="button">"Save changes"</button>
                <button type="button" class="link-button" on:click=move |_| on_done.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

/// The plan's own title, organisation and revision label. A new revision
/// label goes into the next export, so partners can tell versions apart.
#[component]
pub fn DetailsForm() -> impl IntoView {
    let state = use_state();
    let shape = use_shape();
    let current = move || {
        shape.plan.with_untracked(|p| {
            p.as_deref().map(|p| {
                (
                    p.id.clone(),
                    [
                        p.title.clone(),
                        p.organisation.clone().unwrap_or_default(),
                        p.revision.clone().unwrap_or_default(),
                    ],
                )
            })
        })
    };
    let values = RwSignal::new(current().map(|(_, v)| v).unwrap_or_default());
    let problems = FormProblems::new();
    const FIELDS: [(TextField, &str, &str); 3] = [
        (TextField::Title, "plan-title-field", "Plan title"),
        (
            TextField::Organisation,
            "plan-organisation-field",
            "Organisation or partnership",
        ),
        (
            TextField::Revision,
            "plan-revision-field",
            "Revision label for the next export",
        ),
    ];
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((plan_id, now)) = current() else {
            return;
        };
        let ours = values.get_untracked();
        if ours[0].trim().is_empty() {
            problems.set(vec![FieldProblem::at(
                FIELDS[0].1,
                "Enter the plan's title",
            )]);
            return;
        }
        problems.clear();
        let changes: Vec<Change> = FIELDS
            .iter()
            .zip(ours.iter().zip(now.iter()))
            .filter(|(_, (ours, now))| ours.trim() != now.trim())
            .map(|((field, _, _), (ours, _))| Change::SetText {
                item: plan_id.clone(),
                field: *field,
                text: (!ours.trim().is_empty()).then(|| ours.trim().to_owned()),
            })
            .collect();
        if !changes.is_empty() && state.record(changes) {
            state
                .messages
                .success("The plan's details were saved".to_owned());
        }
    };
    view! {
        <form class="edit-form edit-form--details" on:submit=save novalidate>
            <h2 class="heading-l">"The plan"</h2>
            <ErrorSummary id="plan-details-problems" problems=problems.list() place=SummaryPlace::Within/>
            {FIELDS.iter().enumerate().map(|(n, (_, id, label))| {
                let hint = (n == 2).then(|| view! { <p class="hint" id="plan-revision-hint">"For example, \"Version 3, agreed by the board on 12 March\". Left as it is, the export keeps the current one."</p> });
                view! {
                    <div class="form-group" class:form-group--error=move || problems.message_for(id).with(Option::is_some)>
                        <label class="label-s" for=*id>{*label}</label>
                        {hint}
                        <FieldError error_id=error_id(id) message=problems.message_for(id)/>
                        <input class="input" type="text" id=*id
                            aria-describedby=move || match n {
                                0 => problems.described_by(id).get(),
                                2 => Some("plan-revision-hint".to_owned()),
                                _ => None,
                            }
                            prop:value=move || values.with(|v| v[n].clone())
                            on:input=move |ev| values.update(|v| v[n] = event_target_value(&ev))/>
                    </div>
                }
            }).collect_view()}
            <button type="submit" class="button button--secondary">"Save the plan's details"</button>
        </form>
    }
}
