//! The GOV.UK error summary, the one used everywhere: "There is a problem",
//! every problem listed and linked to the field it is about, labelled by
//! its own heading, and focus moved to it when problems appear so screen
//! readers announce it.

use leptos::html;
use leptos::prelude::*;

use super::or_nothing;
use crate::browser::focus::focus_element;
use crate::plan::Problem;

/// More than this many problems are summarised in a count.
const MAX_LISTED: usize = 100;

/// One problem: what is wrong and what to do, where it is, and the field it
/// is about (an element id, linked so a person can go straight to it).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldProblem {
    pub text: String,
    /// "Priority 2 › Activity 3", for problems in a file.
    pub place: Option<String>,
    pub target: Option<String>,
}

impl FieldProblem {
    /// A problem with the field whose id is `target`.
    pub fn at(target: impl Into<String>, text: impl Into<String>) -> FieldProblem {
        FieldProblem {
            text: text.into(),
            place: None,
            target: Some(target.into()),
        }
    }

    /// A problem with no one field.
    pub fn general(text: impl Into<String>) -> FieldProblem {
        FieldProblem {
            text: text.into(),
            place: None,
            target: None,
        }
    }
}

impl From<Problem> for FieldProblem {
    fn from(problem: Problem) -> FieldProblem {
        let place = (!problem.place.is_empty()).then_some(problem.place);
        FieldProblem {
            text: problem.message,
            place,
            target: None,
        }
    }
}

/// Where a summary sits, which decides whether its title is a heading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SummaryPlace {
    /// At the top of a page, under its title: the title is a level-2
    /// heading, as GOV.UK's is.
    #[default]
    Page,
    /// Inside a section or an item (a form under an action, a part of the
    /// page that could not be downloaded): the title is bold text, not a
    /// heading, so that the page's outline of headings stays whole. The
    /// summary is still an alert named by its title.
    Within,
}

#[component]
pub fn ErrorSummary(
    /// Unique on the page: the summary's heading gets `<id>-title`.
    #[prop(into)]
    id: String,
    #[prop(into)] problems: Signal<Vec<FieldProblem>>,
    /// What was being done, and what still holds.
    #[prop(optional, into)]
    intro: Signal<Option<String>>,
    /// At the top of a page (the default), or within a section or an item.
    #[prop(optional)]
    place: SummaryPlace,
    /// "Dismiss", for summaries that are not tied to a form.
    #[prop(optional)]
    on_dismiss: Option<Callback<()>>,
    /// What the person can do about it, such as "Try again".
    #[prop(optional)]
    children: Option<ChildrenFn>,
) -> impl IntoView {
    let summary: NodeRef<html::Div> = NodeRef::new();
    let any = Memo::new(move |_| problems.with(|p| !p.is_empty()));
    // Focus follows each new set of problems.
    super::effect(move || {
        problems.track();
        if any.get_untracked() {
            if let Some(el) = summary.get_untracked() {
                let _ = el.focus();
            }
        }
    });
    let title_id = format!("{id}-title");
    move || {
        if !any.get() {
            return ().into_any();
        }
        let list = problems.get();
        let more = list.len().saturating_sub(MAX_LISTED);
        let children = children.clone();
        view! {
            <div class="error-summary" role="alert" aria-labelledby=title_id.clone() tabindex="-1" node_ref=summary>
                {match place {
                    SummaryPlace::Page => view! { <h2 class="error-summary__title" id=title_id.clone()>"There is a problem"</h2> }.into_any(),
                    SummaryPlace::Within => view! { <p class="error-summary__title" id=title_id.clone()>"There is a problem"</p> }.into_any(),
                }}
                {move || or_nothing(intro.get().map(|intro| view! { <p class="error-summary__intro">{intro}</p> }))}
                <ul class="error-summary__list">
                    {list.into_iter().take(MAX_LISTED).map(|p| {
                        let place = p.place.map(|place| view! { <strong class="error-summary__place">{place}": "</strong> });
                        let text = match p.target {
                            Some(target) => {
                                let href = format!("#{target}");
                                view! {
                                    <a href=href on:click=move |ev: leptos::ev::MouseEvent| {
                                        ev.prevent_default();
                                        focus_element(&target);
                                    }>{p.text}</a>
                                }.into_any()
                            }
                            None => p.text.into_any(),
                        };
                        view! { <li>{place}{text}</li> }
                    }).collect_view()}
                    {(more > 0).then(|| view! { <li>{format!("and {more} more problems")}</li> })}
                </ul>
                {children.map(|children| children())}
                {on_dismiss.map(|dismiss| view! {
                    <p>
                        <button type="button" class="button button--secondary" on:click=move |_| dismiss.run(())>"Dismiss"</button>
                    </p>
                })}
            </div>
        }
        .into_any()
    }
}

/// The error message shown above a field, tied to it by `aria-describedby`
/// through `error_id`.
#[component]
pub fn FieldError(
    #[prop(into)] error_id: String,
    #[prop(into)] message: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        or_nothing(message.get().map(|m| {
            view! { <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p> }
        }))
    }
}

/// A form's problems, each tied to its field: the summary lists them, and
/// each field shows its own message and is described by it.
#[derive(Clone, Copy)]
pub struct FormProblems(RwSignal<Vec<FieldProblem>>);

impl FormProblems {
    pub fn new() -> FormProblems {
        FormProblems(RwSignal::new(Vec::new()))
    }

    pub fn set(&self, problems: Vec<FieldProblem>) {
        self.0.set(problems);
    }

    pub fn clear(&self) {
        self.0.set(Vec::new());
    }

    pub fn list(&self) -> Signal<Vec<FieldProblem>> {
        self.0.into()
    }

    /// The message for the field `id`, if it has a problem.
    pub fn message_for(&self, id: &str) -> Signal<Option<String>> {
        let (list, id) = (self.0, id.to_owned());
        Signal::derive(move || {
            list.with(|l| {
                l.iter()
                    .find(|p| p.target.as_deref() == Some(id.as_str()))
                    .map(|p| p.text.clone())
            })
        })
    }

    /// The field's `aria-describedby`: its error message, when it has one.
    pub fn described_by(&self, id: &str) -> Signal<Option<String>> {
        let message = self.message_for(id);
        let error_id = error_id(id);
        Signal::derive(move || message.with(Option::is_some).then(|| error_id.clone()))
    }
}

impl Default for FormProblems {
    fn default() -> Self {
        Self::new()
    }
}

/// The id of the error message for the field `id`.
pub fn error_id(id: &str) -> String {
    format!("{id}-error")
}
