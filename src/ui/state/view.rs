//! What is being looked at: the page, the filter, how many results are
//! drawn, where a meeting is, and the results themselves. Kept in the
//! address.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::open_plan::OpenPlan;
use crate::browser::clock;
use crate::browser::frames::when_idle;
use crate::query::{self, Filter, Results, Rollups};

/// Which page is showing; kept in the address as `view`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    #[default]
    Plan,
    Measures,
    Dashboard,
    Exceptions,
    /// A board meeting, stepping through activities one at a time.
    Meeting,
    Exchange,
    /// Importing a plan from a spreadsheet or a pasted table.
    Import,
    /// "Start a new plan".
    NewPlan,
    /// "Edit the plan": its structure.
    Edit,
    /// The accessibility statement.
    Accessibility,
}

impl Page {
    const ALL: [Page; 10] = [
        Page::Plan,
        Page::Measures,
        Page::Dashboard,
        Page::Exceptions,
        Page::Meeting,
        Page::Exchange,
        Page::Import,
        Page::NewPlan,
        Page::Edit,
        Page::Accessibility,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Page::Plan => "plan",
            Page::Measures => "measures",
            Page::Dashboard => "dashboard",
            Page::Exceptions => "exceptions",
            Page::Meeting => "meeting",
            Page::Exchange => "share",
            Page::Import => "import",
            Page::NewPlan => "new",
            Page::Edit => "edit",
            Page::Accessibility => "accessibility",
        }
    }

    /// The `view` named in the address; the plan when none or unknown.
    pub fn from_query(pairs: &[(String, String)]) -> Page {
        let code = pairs
            .iter()
            .find(|(k, _)| k == "view")
            .map(|(_, v)| v.as_str());
        Page::ALL
            .into_iter()
            .find(|p| Some(p.code()) == code)
            .unwrap_or_default()
    }
}

/// Where a meeting is: which step, and whether it steps through every
/// activity shown or only those with exceptions. Kept in the address as
/// `step` (from 1) and `only=exceptions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MeetingPlace {
    pub step: usize,
    pub exceptions_only: bool,
}

impl MeetingPlace {
    pub fn from_query(pairs: &[(String, String)]) -> MeetingPlace {
        let value = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let step = value("step")
            .and_then(|s| s.parse::<usize>().ok())
            .map_or(0, |s| s.saturating_sub(1));
        MeetingPlace {
            step,
            exceptions_only: value("only") == Some("exceptions"),
        }
    }

    fn to_query(self) -> Vec<(String, String)> {
        let mut pairs = vec![("step".to_owned(), (self.step + 1).to_string())];
        if self.exceptions_only {
            pairs.push(("only".to_owned(), "exceptions".to_owned()));
        }
        pairs
    }
}

/// How many more actions are drawn each time the list is scrolled towards
/// its end: about two screens on a tablet. Drawing is what costs on a large
/// plan, not filtering, so the page draws what a person can look at.
pub const PAGE_SIZE: usize = 10;

/// How many actions a new view draws before it is first painted: about a
/// tablet's first screen, so the plan shows sooner, opened or filtered. The
/// rest of the first page is drawn once that is painted and the browser is
/// idle (within a second), or sooner as the list is scrolled.
pub const FIRST_DRAW: usize = 4;

#[derive(Clone, Copy)]
pub struct ViewState {
    pub page: RwSignal<Page>,
    pub meeting: RwSignal<MeetingPlace>,
    pub filter: RwSignal<Filter>,
    /// How many results are drawn; more on request.
    pub shown: RwSignal<usize>,
    pub results: Memo<Results>,
    /// How the shown actions stand, by priority and activity.
    pub shown_rollups: Memo<Rollups>,
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
        let shown_rollups = Memo::new(move |_| {
            plan.opened.with(|opened| match opened {
                Some(opened) => plan.overlay.with(|o| {
                    results.with(|r| o.rollups_of(&opened.index, r.rows.iter().copied()))
                }),
                None => Rollups::default(),
            })
        });
        ViewState {
            page: RwSignal::new(Page::Plan),
            shown_rollups,
            meeting: RwSignal::new(MeetingPlace::default()),
            filter,
            shown: RwSignal::new(FIRST_DRAW),
            results,
            fixed_today,
        }
    }

    pub fn today(&self) -> NaiveDate {
        clock::today(self.fixed_today)
    }

    /// A new filter, with the first screen of its results, and the rest of
    /// the first page once that screen is painted and the browser is idle.
    pub(super) fn show(&self, filter: Filter) {
        self.filter.set(filter);
        self.shown.set(FIRST_DRAW);
        let shown = self.shown;
        when_idle(move || {
            // Only ever more: "Show more" or printing may have come first,
            // and the view may have gone (then there is nothing to do).
            if shown.try_get_untracked().is_some_and(|s| s < PAGE_SIZE) {
                shown.set(PAGE_SIZE);
            }
        });
    }

    pub fn show_more(&self) {
        self.shown.update(|s| *s += PAGE_SIZE);
    }

    /// Draws every result: for printing, and for finding one's place.
    pub fn show_all(&self) {
        let all = self.results.with_untracked(|r| r.rows.len());
        if self.shown.get_untracked() < all {
            self.shown.set(all);
        }
    }

    /// The page, where a meeting is, and the filters, as the address says them.
    pub(super) fn address_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        let page = self.page.get_untracked();
        if page != Page::Plan {
            pairs.push(("view".to_owned(), page.code().to_owned()));
        }
        if page == Page::Meeting {
            pairs.extend(self.meeting.get_untracked().to_query());
        }
        pairs.extend(self.filter.with_untracked(query::filter_to_query));
        if let Some(today) = self.fixed_today {
            pairs.push(("today".to_owned(), today.to_string()));
        }
        pairs
    }
}
