//! The filters in force, in words, each with the filter that is left when
//! it is removed: the chips above the results, and the line a printout or
//! snapshot gives of what it shows.

use super::{Filter, Index};
use crate::plan::dates::long_date;

/// Each filter in force, labelled ("Deadline: Overdue"), with the filter
/// without it.
pub fn filter_chips(filter: &Filter, index: &Index) -> Vec<(String, Filter)> {
    let labels = &index.priorities;
    let mut chips: Vec<(String, Filter)> = Vec::new();
    for id in &filter.priorities {
        let label = labels
            .iter()
            .find(|(p, _)| p == id)
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| id.clone());
        let mut without = filter.clone();
        without.priorities.remove(id);
        chips.push((format!("Priority: {label}"), without));
    }
    for org in &filter.leads {
        let mut without = filter.clone();
        without.leads.remove(org);
        without.partners.remove(org);
        let role = if filter.partners.contains(org) {
            "Lead or partner"
        } else {
            "Lead"
        };
        chips.push((format!("{role}: {org}"), without));
    }
    for org in filter.partners.difference(&filter.leads) {
        let mut without = filter.clone();
        without.partners.remove(org);
        chips.push((format!("Partner: {org}"), without));
    }
    for choice in &filter.due {
        let mut without = filter.clone();
        without.due.remove(choice);
        chips.push((format!("Deadline: {}", choice.label()), without));
    }
    if let Some(from) = filter.from {
        chips.push((
            format!("Due from {}", long_date(from)),
            Filter {
                from: None,
                ..filter.clone()
            },
        ));
    }
    if let Some(to) = filter.to {
        chips.push((
            format!("Due by {}", long_date(to)),
            Filter {
                to: None,
                ..filter.clone()
            },
        ));
    }
    for choice in &filter.statuses {
        let mut without = filter.clone();
        without.statuses.remove(choice);
        chips.push((format!("Status: {}", choice.label()), without));
    }
    if !filter.words.trim().is_empty() {
        chips.push((
            format!("Words: {}", filter.words.trim()),
            Filter {
                words: String::new(),
                ..filter.clone()
            },
        ));
    }
    chips
}

/// The filters in force, in words; "All actions" when there are none.
pub fn filters_in_words(filter: &Filter, index: &Index) -> String {
    let chips = filter_chips(filter, index);
    if chips.is_empty() {
        "All actions".to_owned()
    } else {
        chips
            .into_iter()
            .map(|(label, _)| label)
            .collect::<Vec<_>>()
            .join("; ")
    }
}
