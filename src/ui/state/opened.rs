//! A plan that opened, with what is prepared once for it: the plan shown
//! and the file's, the index, and, built on first use, where each item is
//! and the words filter's text.

use std::sync::{Arc, OnceLock};

use super::shaping::Shaper;
use crate::plan::{hidden, Plan};
use crate::progress::{Edit, Locator};
use crate::query::{Index, SearchText};

/// A plan that opened, with what is prepared once for it.
#[derive(Clone)]
pub struct Opened {
    /// The plan as shown: the file's, with the structure changes applied.
    pub plan: Arc<Plan>,
    /// The plan as its file says, which exports and merges start from (they
    /// apply the whole journal to it).
    pub file: Arc<Plan>,
    /// Structure changes that have no place in this plan (their item is
    /// gone), by edit id: kept, and said so.
    pub unplaced: Arc<Vec<String>>,
    pub index: Arc<Index>,
    /// Where each item is, by id, and the words filter's text: each built
    /// the first time it is needed (see [`Opened::locator`] and
    /// [`Opened::search_text`]) and dropped with the plan.
    locator: Arc<OnceLock<Locator>>,
    search_text: Arc<OnceLock<SearchText>>,
    /// The `plan=` link it came from, kept in the address.
    pub link: Option<String>,
    /// How many of the file's names and titles hide characters
    /// (`plan::hidden`). The plan shown marks them, so it is the shaper's
    /// copy even without structure changes; the file keeps them as written.
    pub hidden: usize,
}

impl Opened {
    pub fn new(plan: Plan, link: Option<String>) -> Opened {
        let index = Index::build(&plan);
        let hidden = hidden::count_hidden(&plan);
        let plan = Arc::new(plan);
        Opened {
            file: Arc::clone(&plan),
            plan,
            unplaced: Arc::default(),
            index: Arc::new(index),
            locator: Arc::default(),
            search_text: Arc::default(),
            link,
            hidden,
        }
    }

    /// Whether the plan shown is the shaper's copy of the file: when there
    /// are structure changes to apply, or hidden characters to mark.
    pub fn needs_shaping(&self, structure: &[Edit]) -> bool {
        !structure.is_empty() || self.hidden > 0
    }

    /// The file's plan (this is as read) with `structure` changes applied
    /// by `shape`; itself when there are none. The index, locator and search
    /// text are built afresh for the new shape: structure changes are rare,
    /// and a rebuild is what keeps every page reading one plan.
    pub(super) fn shaped(&self, shape: Shaper, structure: &[Edit]) -> Opened {
        if !self.needs_shaping(structure) {
            return self.clone();
        }
        let (plan, unplaced) = shape(&self.file, structure);
        Opened {
            index: Arc::new(Index::build(&plan)),
            plan: Arc::new(plan),
            unplaced: Arc::new(unplaced),
            locator: Arc::default(),
            search_text: Arc::default(),
            ..self.clone()
        }
    }

    /// True when both are the very same preparation of the same plan.
    pub(super) fn same(&self, other: &Opened) -> bool {
        Arc::ptr_eq(&self.plan, &other.plan) && Arc::ptr_eq(&self.index, &other.index)
    }

    /// Where each item is: built on first use, which is the first edit, a
    /// stored change to place, or the first moment the browser is idle after
    /// opening.
    pub fn locator(&self) -> &Locator {
        self.locator.get_or_init(|| Locator::new(&self.plan))
    }

    /// The plan's search text: built on first use, which is either the first
    /// search or the first moment the browser is idle after opening.
    pub fn search_text(&self) -> &SearchText {
        self.search_text
            .get_or_init(|| SearchText::build(&self.plan))
    }
}
