//! A status as a GOV.UK tag: the words and a colour, never colour alone.

use leptos::prelude::*;

use crate::plan::Status;

#[component]
pub fn StatusTag(status: Option<Status>) -> impl IntoView {
    let (class, label) = match status {
        Some(s) => (format!("tag tag--{}", s.code()), s.label()),
        None => ("tag tag--none".to_owned(), "No status yet"),
    };
    view! { <strong class=class>{label}</strong> }
}
