//! Filters in the address bar, so a view can be reloaded, shared and gone
//! back to. Names: `priority`, `lead`, `partner`, `status`, `due`, `from`,
//! `to`, `q`, `sort`, repeated for several values. What cannot be used is
//! dropped with a notice saying so; nothing here fails.

use super::deadline::DueChoice;
use super::filter::{Filter, StatusChoice};
use super::index::Index;
use super::sort::Sort;
use crate::plan::dates::parse_iso_date;

/// Query keys this module owns; others (such as `plan`) belong to the app.
pub const FILTER_KEYS: [&str; 9] = [
    "priority", "lead", "partner", "status", "due", "from", "to", "q", "sort",
];

/// Reads a filter from query pairs. Values that make no sense are dropped,
/// each with a notice a person can read.
pub fn filter_from_query(pairs: &[(String, String)]) -> (Filter, Vec<String>) {
    let mut filter = Filter::default();
    let mut notices = Vec::new();
    for (key, value) in pairs {
        let value = value.trim();
        match key.as_str() {
            "priority" if !value.is_empty() => {
                filter.priorities.insert(value.to_owned());
            }
            "lead" if !value.is_empty() => {
                filter.leads.insert(value.to_owned());
            }
            "partner" if !value.is_empty() => {
                filter.partners.insert(value.to_owned());
            }
            "status" => match StatusChoice::from_code(value) {
                Some(choice) => {
                    filter.statuses.insert(choice);
                }
                None => notices.push(format!("The link asks for status '{}', which is not a status; it was ignored.", clip(value))),
            },
            "due" => match DueChoice::from_code(value) {
                Some(choice) => {
                    filter.due.insert(choice);
                }
                None => notices.push(format!("The link asks for deadline '{}', which is not a deadline choice; it was ignored.", clip(value))),
            },
            "from" | "to" => match parse_iso_date(value) {
                Some(date) if key == "from" => filter.from = Some(date),
                Some(date) => filter.to = Some(date),
                None => notices.push(format!("The link's '{key}' date '{}' is not a date like 2017-03-31; it was ignored.", clip(value))),
            },
            "q" => {
                if !filter.words.is_empty() {
                    filter.words.push(' ');
                }
                filter.words.push_str(value);
            }
            "sort" => match Sort::from_code(value) {
                Some(sort) => filter.sort = sort,
                None => notices.push(format!("The link asks to sort by '{}', which is not a sort order; it was ignored.", clip(value))),
            },
            _ => {}
        }
    }
    (filter, notices)
}

/// Drops choices that name nothing in this plan, each with a notice.
pub fn keep_known(filter: &mut Filter, index: &Index) -> Vec<String> {
    let mut notices = Vec::new();
    filter.priorities.retain(|id| {
        let known = index.priorities.iter().any(|(p, _)| p == id);
        if !known {
            notices.push(format!(
                "The link asks for priority '{}', which this plan does not have; it was ignored.",
                clip(id)
            ));
        }
        known
    });
    filter.leads.retain(|org| {
        let known = index.leads.contains_key(org);
        if !known {
            notices.push(format!("The link asks for lead organisation '{}', which leads nothing in this plan; it was ignored.", clip(org)));
        }
        known
    });
    filter.partners.retain(|org| {
        let known = index.partners.contains_key(org) || index.leads.contains_key(org);
        if !known {
            notices.push(format!(
                "The link asks for partner '{}', which this plan does not name; it was ignored.",
                clip(org)
            ));
        }
        known
    });
    notices
}

/// The query pairs for a filter, in a fixed order so equal views give equal links.
pub fn filter_to_query(filter: &Filter) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut push = |k: &str, v: &str| pairs.push((k.to_owned(), v.to_owned()));
    filter.priorities.iter().for_each(|v| push("priority", v));
    filter.leads.iter().for_each(|v| push("lead", v));
    filter.partners.iter().for_each(|v| push("partner", v));
    filter
        .statuses
        .iter()
        .for_each(|v| push("status", v.code()));
    filter.due.iter().for_each(|v| push("due", v.code()));
    if let Some(from) = filter.from {
        push("from", &from.to_string());
    }
    if let Some(to) = filter.to {
        push("to", &to.to_string());
    }
    if !filter.words.trim().is_empty() {
        push("q", filter.words.trim());
    }
    if filter.sort != Sort::Plan {
        push("sort", filter.sort.code());
    }
    pairs
}

fn clip(text: &str) -> String {
    let cut: String = text.chars().take(40).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}
