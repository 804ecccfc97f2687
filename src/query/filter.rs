//! Filters and their results, with the count each option would give.
//!
//! Any choice within a filter, all filters together. One pass over the index
//! gives both the results and every option's count: a row that fails exactly
//! one filter still counts towards that filter's options, since choosing one
//! of them (with the others as they are) would bring it in.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use memchr::memmem::Finder;

use super::deadline::{DueChoice, DueWindows};
use super::fold::query_terms;
use super::index::{due_between, Index, Overlay};
use super::search_text::SearchText;
use super::sort::{sort_rows, Sort};
use crate::plan::Status;

/// A status choice: one of the six, or none recorded yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StatusChoice {
    Is(Status),
    NoStatus,
}

impl StatusChoice {
    pub fn all() -> impl Iterator<Item = StatusChoice> {
        Status::ALL
            .into_iter()
            .map(StatusChoice::Is)
            .chain([StatusChoice::NoStatus])
    }

    pub fn code(self) -> &'static str {
        match self {
            StatusChoice::Is(s) => s.code(),
            StatusChoice::NoStatus => "none",
        }
    }

    pub fn from_code(code: &str) -> Option<StatusChoice> {
        if code == "none" {
            return Some(StatusChoice::NoStatus);
        }
        Status::from_code(code).map(StatusChoice::Is)
    }

    pub fn label(self) -> &'static str {
        match self {
            StatusChoice::Is(s) => s.label(),
            StatusChoice::NoStatus => "No status yet",
        }
    }

    /// The choice an item with `status` (or none yet) falls under.
    pub fn of(status: Option<Status>) -> StatusChoice {
        status.map_or(StatusChoice::NoStatus, StatusChoice::Is)
    }
}

/// What a person has chosen. Empty sets mean "no filter".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Priority ids.
    pub priorities: BTreeSet<String>,
    /// Organisations that lead.
    pub leads: BTreeSet<String>,
    /// Organisations that are partners.
    pub partners: BTreeSet<String>,
    pub due: BTreeSet<DueChoice>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub statuses: BTreeSet<StatusChoice>,
    pub words: String,
    pub sort: Sort,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.priorities.is_empty()
            && self.leads.is_empty()
            && self.partners.is_empty()
            && self.due.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.statuses.is_empty()
            && self.words.trim().is_empty()
    }

    /// The same view with no filters, keeping the sort.
    pub fn cleared(&self) -> Filter {
        Filter {
            sort: self.sort,
            ..Filter::default()
        }
    }
}

/// The filters, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    Priority = 0,
    Organisation = 1,
    Deadline = 2,
    Status = 3,
    Words = 4,
}
const FACETS: usize = 5;

/// Results and the count each option would give.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Index rows, in the order to show them.
    pub rows: Vec<usize>,
    /// All actions in the plan.
    pub total: usize,
    pub priority_counts: BTreeMap<String, usize>,
    pub lead_counts: BTreeMap<String, usize>,
    pub partner_counts: BTreeMap<String, usize>,
    pub due_counts: BTreeMap<DueChoice, usize>,
    pub status_counts: BTreeMap<StatusChoice, usize>,
    /// Activities with no actions that the filter keeps, as (priority,
    /// activity): those in the chosen priorities, led by or partnered with
    /// the chosen organisations, holding the words, while no deadline or
    /// status is chosen (which only actions have).
    pub actionless: Vec<(usize, usize)>,
}

/// Runs a filter over the index. `search_text` is asked for only when the
/// filter has words, so that it can be built on first use.
pub fn run<'t>(
    index: &Index,
    search_text: impl FnOnce() -> &'t SearchText,
    overlay: &Overlay,
    filter: &Filter,
    today: NaiveDate,
) -> Results {
    let words = query_terms(&filter.words);
    // One searcher per word, built once rather than once per row.
    let terms: Vec<Finder> = words
        .iter()
        .take(63)
        .map(|w| Finder::new(w.as_bytes()))
        .collect();
    let no_text = SearchText::default();
    let text = if terms.is_empty() {
        &no_text
    } else {
        search_text()
    };
    let windows = DueWindows::new(today);
    let row_masks = if terms.is_empty() {
        Vec::new()
    } else {
        text.row_masks(&terms)
    };
    // Which query terms each activity and priority already contain.
    let priority_masks: Vec<u64> = text
        .priorities
        .iter()
        .map(|t| term_mask(t, &terms))
        .collect();
    let activity_masks: Vec<Vec<u64>> = text
        .activities
        .iter()
        .enumerate()
        .map(|(pi, acts)| {
            acts.iter()
                .enumerate()
                .map(|(ai, t)| {
                    let extra = overlay
                        .activity_text
                        .get(&(pi, ai))
                        .map_or(0, |t| term_mask(t, &terms));
                    term_mask(t, &terms) | extra
                })
                .collect()
        })
        .collect();
    let all_terms: u64 = if terms.is_empty() {
        0
    } else {
        (1u64 << terms.len().min(63)) - 1
    };
    // Chosen priorities and organisations as flags by position, so that a
    // row is tested with lookups instead of string comparisons.
    let chosen_priorities: Vec<bool> = index
        .priorities
        .iter()
        .map(|(id, _)| filter.priorities.contains(id))
        .collect();
    let organisation_flags = |chosen: &BTreeSet<String>| -> Vec<bool> {
        index
            .organisations
            .iter()
            .map(|org| chosen.contains(org))
            .collect()
    };
    let (chosen_leads, chosen_partners) = (
        organisation_flags(&filter.leads),
        organisation_flags(&filter.partners),
    );
    let flag = |flags: &[bool], i: usize| flags.get(i).copied().unwrap_or(false);
    let any_due = !filter.due.is_empty() || filter.from.is_some() || filter.to.is_some();

    let mut counts = Counts::new(index);
    let mut rows = Vec::new();
    for (i, row) in index.rows.iter().enumerate() {
        let status = overlay.status(row, i);
        let mut pass = [true; FACETS];
        pass[Facet::Priority as usize] =
            filter.priorities.is_empty() || flag(&chosen_priorities, row.priority);
        pass[Facet::Organisation as usize] = (filter.leads.is_empty()
            && filter.partners.is_empty())
            || row.lead.is_some_and(|l| flag(&chosen_leads, l as usize))
            || row
                .partners
                .iter()
                .any(|p| flag(&chosen_partners, *p as usize));
        pass[Facet::Deadline as usize] = !any_due
            || filter.due.iter().any(|c| c.matches(row, status, &windows))
            || ((filter.from.is_some() || filter.to.is_some())
                && due_between(&row.deadline, filter.from, filter.to));
        pass[Facet::Status as usize] =
            filter.statuses.is_empty() || filter.statuses.contains(&StatusChoice::of(status));
        if all_terms != 0 {
            let mut mask = row_masks.get(i).copied().unwrap_or(0)
                | priority_masks.get(row.priority).copied().unwrap_or(0)
                | activity_masks
                    .get(row.priority)
                    .and_then(|a| a.get(row.activity))
                    .copied()
                    .unwrap_or(0);
            if let Some(extra) = overlay.row_text.get(&i) {
                mask |= term_mask(extra, &terms);
            }
            pass[Facet::Words as usize] = mask & all_terms == all_terms;
        }
        let failing = pass.iter().filter(|p| !**p).count();
        if failing > 1 {
            continue;
        }
        // With no failures the row counts everywhere; with one, only towards
        // the options of the filter it fails.
        let counts_for = |facet: Facet| {
            pass.iter()
                .enumerate()
                .all(|(f, p)| *p || f == facet as usize)
        };
        if counts_for(Facet::Priority) {
            if let Some(n) = counts.priorities.get_mut(row.priority) {
                *n += 1;
            }
        }
        if counts_for(Facet::Organisation) {
            if let Some(n) = row.lead.and_then(|l| counts.leads.get_mut(l as usize)) {
                *n += 1;
            }
            for partner in &row.partners {
                if let Some(n) = counts.partners.get_mut(*partner as usize) {
                    *n += 1;
                }
            }
        }
        if counts_for(Facet::Deadline) {
            for (n, choice) in counts.due.iter_mut().zip(DueChoice::ALL) {
                if choice.matches(row, status, &windows) {
                    *n += 1;
                }
            }
        }
        if counts_for(Facet::Status) {
            *counts.statuses.entry(StatusChoice::of(status)).or_default() += 1;
        }
        if failing == 0 {
            rows.push(i);
        }
    }
    sort_rows(index, overlay, filter.sort, &mut rows);
    let mut results = counts.into_results(index, rows);
    if !any_due && filter.statuses.is_empty() {
        results.actionless = index
            .actionless
            .iter()
            .filter(|a| filter.priorities.is_empty() || flag(&chosen_priorities, a.priority))
            .filter(|a| {
                (filter.leads.is_empty() && filter.partners.is_empty())
                    || a.lead.is_some_and(|l| flag(&chosen_leads, l as usize))
                    || a.partners
                        .iter()
                        .any(|p| flag(&chosen_partners, *p as usize))
            })
            .filter(|a| {
                let mask = priority_masks.get(a.priority).copied().unwrap_or(0)
                    | activity_masks
                        .get(a.priority)
                        .and_then(|m| m.get(a.activity))
                        .copied()
                        .unwrap_or(0);
                mask & all_terms == all_terms
            })
            .map(|a| (a.priority, a.activity))
            .collect();
    }
    results
}

/// Option counts while a run is under way, by position.
struct Counts {
    priorities: Vec<usize>,
    leads: Vec<usize>,
    partners: Vec<usize>,
    due: [usize; DueChoice::ALL.len()],
    statuses: BTreeMap<StatusChoice, usize>,
}

impl Counts {
    fn new(index: &Index) -> Counts {
        Counts {
            priorities: vec![0; index.priorities.len()],
            leads: vec![0; index.organisations.len()],
            partners: vec![0; index.organisations.len()],
            due: [0; DueChoice::ALL.len()],
            statuses: BTreeMap::new(),
        }
    }

    /// Results keyed by name, listing only options that give results.
    fn into_results(self, index: &Index, rows: Vec<usize>) -> Results {
        Results {
            rows,
            total: index.len(),
            priority_counts: map_of(
                index
                    .priorities
                    .iter()
                    .zip(self.priorities)
                    .filter(|(_, n)| *n > 0)
                    .map(|((id, _), n)| (id.clone(), n)),
            ),
            lead_counts: index.by_name(self.leads),
            partner_counts: index.by_name(self.partners),
            due_counts: map_of(
                DueChoice::ALL
                    .into_iter()
                    .zip(self.due)
                    .filter(|(_, n)| *n > 0),
            ),
            status_counts: self.statuses,
            actionless: Vec::new(),
        }
    }
}

/// A map of the pairs, inserted one by one. `collect` would sort them first
/// with the standard library's stable sort, whose code is kilobytes of the
/// download for each kind of pair; these maps have a few dozen entries.
pub(crate) fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

/// Which of the words (bit by bit) the text contains.
fn term_mask(haystack: &str, terms: &[Finder]) -> u64 {
    let mut mask = 0;
    for (i, term) in terms.iter().enumerate() {
        if term.find(haystack.as_bytes()).is_some() {
            mask |= 1 << i;
        }
    }
    mask
}
