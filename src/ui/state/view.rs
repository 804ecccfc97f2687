//! What is being looked at: the page, the filter, how many results are
//! drawn, and the results themselves. Kept in the address.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::open_plan::OpenPlan;
use crate::browser::clock;
use crate::query::{self, Filter, Results};

/// Which page is showing; kept in the address as `view`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    #[default]
    Plan,
    Measures,
    Exchange,
}

impl Page {
    pub fn code(self) -> &'static str {
        match self {
            Page::Plan => "plan",
            Page::Measures => "measures",
            Page::Exchange => "share",
        }
    }

    /// The `view` named in the address; the plan when none or unknown.
    pub fn from_query(pairs: &[(String, String)]) -> Page {
        match pairs
            .iter()
            .find(|(k, _)| k == "view")
            .map(|(_, v)| v.as_str())
        {
            Some("measures") => Page::Measures,
            Some("share") => Page::Exchange,
            _ => Page::Plan,
        }
    }
}

/// How many actions are drawn at first, and how many more each time the list
/// is scrolled to its end: about two screens on a tablet. Drawing is what
/// costs on a large plan, not filtering, so the page draws what a person can
/// look at.
pub const PAGE_SIZE: usize = 10;

#[derive(Clone, Copy)]
pub struct ViewState {
    pub page: RwSignal<Page>,
    pub filter: RwSignal<Filter>,
    /// How many results are drawn; more on request.
    pub shown: RwSignal<usize>,
    pub results: Memo<Results>,
    /// `today=YYYY-MM-DD` in the address: reviewing a plan as at a date.
    pub fixed_today: Option<NaiveDate>,
}

impl ViewState {
    pub fn new(plan: OpenPlan, fixed_today: Option<NaiveDate>) -> ViewState {
        let filter = RwSignal::new(Filter::default());
        let results = Memo::new(move |_| {
            let Some(opened) = plan.opened.get() else {
                return Results::default();
            };
            let today = clock::today(fixed_today);
            plan.overlay.with(|o| {
                filter.with(|f| query::run(&opened.index, || opened.search_text(), o, f, today))
            })
        });
        ViewState {
            page: RwSignal::new(Page::Plan),
            filter,
            shown: RwSignal::new(PAGE_SIZE),
            results,
            fixed_today,
        }
    }

    pub fn today(&self) -> NaiveDate {
        clock::today(self.fixed_today)
    }

    /// A new filter, with the first page of its results.
    pub(super) fn show(&self, filter: Filter) {
        self.filter.set(filter);
        self.shown.set(PAGE_SIZE);
    }

    pub fn show_more(&self) {
        self.shown.update(|s| *s += PAGE_SIZE);
    }

    /// The page and the filters, as the address says them.
    pub(super) fn address_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if self.page.get_untracked() != Page::Plan {
            pairs.push((
                "view".to_owned(),
                self.page.get_untracked().code().to_owned(),
            ));
        }
        pairs.extend(self.filter.with_untracked(query::filter_to_query));
        if let Some(today) = self.fixed_today {
            pairs.push(("today".to_owned(), today.to_string()));
        }
        pairs
    }
}
