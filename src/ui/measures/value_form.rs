//! Adding a value to a measure: the period, the figure, and the words the
//! report uses, signed by the person.

use leptos::prelude::*;

use crate::plan::figure::{parse_figure, Figure};
use crate::progress::{Change, ValueDraft};
use crate::ui::shared::error_summary::{
    error_id, ErrorSummary, FieldError, FieldProblem, FormProblems, SummaryPlace,
};
use crate::ui::shared::in_place::focus_on_arrival;
use crate::ui::shared::person_form::PersonForm;
use crate::ui::use_state;

#[component]
pub fn ValueForm(measure_id: String, on_done: Callback<()>) -> impl IntoView {
    let state = use_state();
    let key = measure_id.replace(|c: char| !c.is_alphanumeric(), "-");
    let period = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let words = RwSignal::new(String::new());
    let problems = FormProblems::new();
    let (f_period, f_number, f_words) = (
        format!("period-{key}"),
        format!("number-{key}"),
        format!("words-{key}"),
    );
    let (fp, fn_) = (f_period.clone(), f_number.clone());
    let (period_error, number_error) = (
        problems.message_for(&f_period),
        problems.message_for(&f_number),
    );
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = number.get_untracked();
        let value = match typed.trim() {
            "" => None,
            n => {
                match parse_figure(n).and_then(Figure::new) {
                    Some(v) => Some(v),
                    None => {
                        problems.set(vec![FieldProblem::at(&fn_, "Enter the figure as a number, such as 41.5; put anything else in words")]);
                        return;
                    }
                }
            }
        };
        let text = Some(words.get_untracked().trim().to_owned()).filter(|t| !t.is_empty());
        let period_text = Some(period.get_untracked().trim().to_owned()).filter(|t| !t.is_empty());
        if period_text.is_none() {
            problems.set(vec![FieldProblem::at(
                &fp,
                "Enter the period the value is for, such as 2016/17 Q2",
            )]);
            return;
        }
        if value.is_none() && text.is_none() {
            problems.set(vec![FieldProblem::at(
                &fn_,
                "Enter a figure, words, or both",
            )]);
            return;
        }
        let draft = ValueDraft {
            period: period_text,
            value,
            text,
            date: None,
        };
        if state.record(vec![Change::AddMeasureValue {
            measure: measure_id.clone(),
            value: draft,
        }]) {
            problems.clear();
            on_done.run(());
        }
    };
    let first_field = NodeRef::new();
    focus_on_arrival(first_field);
    view! {
        <Show when=move || state.person.with(Option::is_some) fallback=|| view! { <PersonForm take_focus=true/> }>
            <form class="progress-form" on:submit=save.clone() novalidate>
                <ErrorSummary id=format!("value-problems-{key}") problems=problems.list() place=SummaryPlace::Within/>
                <div class="form-group" class:form-group--error=move || period_error.with(Option::is_some)>
                    <label class="label-s" for=f_period.clone()>"Period"</label>
                    <p class="hint">"For example, 2016/17 Q2"</p>
                    <FieldError error_id=error_id(&f_period) message=period_error/>
                    <input class="input input--width-10" type="text" id=f_period.clone() node_ref=first_field prop:value=period aria-describedby=problems.described_by(&f_period)
                        on:input=move |ev| period.set(event_target_value(&ev))/>
                </div>
                <div class="form-group" class:form-group--error=move || number_error.with(Option::is_some)>
                    <label class="label-s" for=f_number.clone()>"Figure"</label>
                    <FieldError error_id=error_id(&f_number) message=number_error/>
                    <input class="input input--width-10" type="text" inputmode="decimal" id=f_number.clone() prop:value=number aria-describedby=problems.described_by(&f_number)
                        on:input=move |ev| number.set(event_target_value(&ev))/>
                </div>
                <div class="form-group">
                    <label class="label-s" for=f_words.clone()>"In words (optional)"</label>
                    <p class="hint">"As the report words it, such as \"564 (87)\" or \"Not available yet\""</p>
                    <input class="input" type="text" id=f_words.clone() prop:value=words on:input=move |ev| words.set(event_target_value(&ev))/>
                </div>
                <div class="button-group">
                    <button type="submit" class="button">"Save value"</button>
                    <button type="button" class="link-button" on:click=move |_| on_done.run(())>"Cancel"</button>
                </div>
            </form>
        </Show>
    }
}
