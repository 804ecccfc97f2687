//! The search index: one row per action, built once per opened plan.
//!
//! Everything a filter reads is prepared here (deadlines, lead organisations;
//! the folded text for words is in [`SearchText`](super::SearchText)) so
//! that a keystroke only scans flat data. Progress recorded
//! since the plan was opened is laid over the rows by [`Overlay`], which is
//! small, so an edit never rebuilds the index.

use std::collections::{BTreeMap, HashMap as StdHashMap};

use foldhash::HashMap;

use chrono::NaiveDate;

use super::fold::fold_into;
use crate::plan::due::{resolve, Deadline};
use crate::plan::{present, Action, Activity, Plan, Progress, Status};
use crate::progress::{current_progress, Change, Edit, Location, Locator, Rollup};

/// One action, flattened for filtering.
#[derive(Debug, Clone)]
pub struct Row {
    pub priority: usize,
    pub activity: usize,
    pub action: usize,
    /// The action's own lead organisation, else its activity's.
    pub lead: Option<OrgId>,
    /// The activity's partners, and the activity's lead where the action has its own.
    pub partners: Vec<OrgId>,
    pub deadline: Deadline,
    pub status: Option<Status>,
    pub percent: Option<u8>,
    /// Position in the plan, for "plan order".
    pub order: usize,
}

/// An organisation named in the plan, as a position in [`Index::organisations`]:
/// filtering and counting compare numbers, not strings.
pub type OrgId = u32;

/// The rows, and what the filters offer to choose from.
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub rows: Vec<Row>,
    /// Priority ids with their labels, in plan order.
    pub priorities: Vec<(String, String)>,
    /// Lead organisations with the number of actions each leads.
    pub leads: BTreeMap<String, usize>,
    /// Every organisation named as a partner.
    pub partners: BTreeMap<String, usize>,
    /// Every organisation named as a lead or partner, by [`OrgId`].
    pub organisations: Vec<String>,
    org_ids: HashMap<String, OrgId>,
    /// The row of each activity's first action, by priority and activity:
    /// rows are in plan order, so an action's row is found by adding.
    first_rows: Vec<Vec<usize>>,
    /// Activities with no key actions (yet), in plan order.
    pub actionless: Vec<Actionless>,
}

/// An activity with no key actions ("Key actions: to be confirmed"): it has
/// no row, but it is still part of the plan and is shown with its card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actionless {
    pub priority: usize,
    pub activity: usize,
    pub lead: Option<OrgId>,
    pub partners: Vec<OrgId>,
}

impl Index {
    pub fn build(plan: &Plan) -> Index {
        let mut index = Index::default();
        // Plans repeat their deadline labels ("March 2017"): each is read once.
        let mut labels: HashMap<&str, Deadline> = HashMap::default();
        for (pi, priority) in plan.priorities.iter().enumerate() {
            let label = match present(&priority.number) {
                Some(n) => format!("{n}. {}", priority.title),
                None => priority.title.clone(),
            };
            index.priorities.push((priority.id.clone(), label));
            let mut first_rows = Vec::with_capacity(priority.activities().len());
            for (ai, activity) in priority.activities().iter().enumerate() {
                first_rows.push(index.rows.len());
                let orgs = index.activity_organisations(activity);
                if activity.actions().is_empty() {
                    let lead = orgs.lead.as_ref().map(|(id, _)| *id);
                    index.actionless.push(Actionless {
                        priority: pi,
                        activity: ai,
                        lead,
                        partners: orgs.partners.clone(),
                    });
                }
                for (ki, action) in activity.actions().iter().enumerate() {
                    index.push_row(pi, ai, ki, &orgs, action, &mut labels);
                }
            }
            index.first_rows.push(first_rows);
        }
        index.count_organisations();
        index
    }

    /// How many actions each organisation leads, and is a partner in, by name.
    fn count_organisations(&mut self) {
        let mut leads = vec![0usize; self.organisations.len()];
        let mut partners = vec![0usize; self.organisations.len()];
        for row in &self.rows {
            if let Some(n) = row.lead.and_then(|l| leads.get_mut(l as usize)) {
                *n += 1;
            }
            for partner in &row.partners {
                if let Some(n) = partners.get_mut(*partner as usize) {
                    *n += 1;
                }
            }
        }
        self.leads = self.by_name(leads);
        self.partners = self.by_name(partners);
    }

    /// Counts by organisation id as counts by name, leaving out noughts.
    pub(crate) fn by_name(&self, counts: Vec<usize>) -> BTreeMap<String, usize> {
        super::filter::map_of(
            counts
                .into_iter()
                .enumerate()
                .filter(|(_, n)| *n > 0)
                .map(|(id, n)| (self.organisation(id as OrgId).to_owned(), n)),
        )
    }

    /// An activity's lead and partners as organisation ids, looked up once
    /// for all its actions.
    fn activity_organisations(&mut self, activity: &Activity) -> ActivityOrganisations {
        let lead = activity
            .lead
            .as_ref()
            .map(|l| l.organisation.trim())
            .filter(|o| !o.is_empty());
        ActivityOrganisations {
            lead: lead.map(|org| (self.org_id(org), org.to_owned())),
            partners: activity
                .partners()
                .iter()
                .map(|p| p.trim())
                .filter(|p| !p.is_empty())
                .map(|p| self.org_id(p))
                .collect(),
        }
    }

    fn push_row<'p>(
        &mut self,
        pi: usize,
        ai: usize,
        ki: usize,
        activity: &ActivityOrganisations,
        action: &'p Action,
        labels: &mut HashMap<&'p str, Deadline>,
    ) {
        let action_lead = action
            .lead
            .as_ref()
            .map(|l| l.organisation.trim())
            .filter(|o| !o.is_empty());
        let mut partners = activity.partners.clone();
        let lead = match (action_lead, &activity.lead) {
            (Some(own), Some((parent_id, parent))) if own != parent => {
                // The activity's lead is then a partner in this action.
                partners.push(*parent_id);
                Some(self.org_id(own))
            }
            (Some(own), None) => Some(self.org_id(own)),
            (_, parent) => parent.as_ref().map(|(id, _)| *id),
        };
        let progress = action.progress.as_ref();
        self.rows.push(Row {
            priority: pi,
            activity: ai,
            action: ki,
            lead,
            partners,
            deadline: deadline_of(action, labels),
            status: progress.and_then(|p| p.status),
            percent: progress.and_then(|p| p.percent),
            order: self.rows.len(),
        });
    }

    fn org_id(&mut self, organisation: &str) -> OrgId {
        if let Some(id) = self.org_ids.get(organisation) {
            return *id;
        }
        let id = self.organisations.len() as OrgId;
        self.organisations.push(organisation.to_owned());
        self.org_ids.insert(organisation.to_owned(), id);
        id
    }

    /// The name of an organisation in the index.
    pub fn organisation(&self, id: OrgId) -> &str {
        self.organisations
            .get(id as usize)
            .map_or("", String::as_str)
    }

    /// The id of a named organisation, if the plan names it.
    pub fn find_organisation(&self, organisation: &str) -> Option<OrgId> {
        self.org_ids.get(organisation).copied()
    }

    /// The row of the `action`th action of an activity.
    pub fn row_of(&self, priority: usize, activity: usize, action: usize) -> Option<usize> {
        let row = self.first_rows.get(priority)?.get(activity)? + action;
        let found = self.rows.get(row)?;
        (found.priority == priority && found.activity == activity && found.action == action)
            .then_some(row)
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// An activity's organisations by id, with the lead's name to compare an
/// action's own lead with.
struct ActivityOrganisations {
    lead: Option<(OrgId, String)>,
    partners: Vec<OrgId>,
}

/// An action's deadline; one given only as a label is read once per label.
fn deadline_of<'p>(action: &'p Action, labels: &mut HashMap<&'p str, Deadline>) -> Deadline {
    match action.due.as_ref() {
        Some(due) if due.date.is_none() && due.start.is_none() => match due.label.as_deref() {
            Some(label) => *labels.entry(label).or_insert_with(|| resolve(Some(due)).0),
            None => Deadline::default(),
        },
        due => resolve(due).0,
    }
}

/// Progress recorded since the plan was opened, laid over index rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overlay {
    pub status: HashMap<usize, Option<Status>>,
    pub percent: HashMap<usize, Option<u8>>,
    /// Folded text of notes added since opening, per row and per activity.
    pub row_text: HashMap<usize, String>,
    pub activity_text: HashMap<(usize, usize), String>,
}

impl Overlay {
    pub fn status(&self, row: &Row, index_row: usize) -> Option<Status> {
        match self.status.get(&index_row) {
            Some(changed) => *changed,
            None => row.status,
        }
    }

    pub fn percent(&self, row: &Row, index_row: usize) -> Option<u8> {
        match self.percent.get(&index_row) {
            Some(changed) => *changed,
            None => row.percent,
        }
    }

    /// Roll-ups of every activity and priority, by position, from the rows.
    pub fn rollups(&self, index: &Index) -> Rollups {
        self.rollups_of(index, 0..index.rows.len())
    }

    /// Roll-ups over some rows only, such as a filter's results.
    pub fn rollups_of(&self, index: &Index, rows: impl IntoIterator<Item = usize>) -> Rollups {
        let mut rollups = Rollups {
            priorities: vec![Rollup::default(); index.first_rows.len()],
            activities: index
                .first_rows
                .iter()
                .map(|a| vec![Rollup::default(); a.len()])
                .collect(),
        };
        for (i, row) in rows
            .into_iter()
            .filter_map(|i| index.rows.get(i).map(|row| (i, row)))
        {
            let progress = Progress {
                status: self.status(row, i),
                percent: self.percent(row, i),
                ..Progress::default()
            };
            if let Some(r) = rollups
                .activities
                .get_mut(row.priority)
                .and_then(|a| a.get_mut(row.activity))
            {
                r.add(Some(&progress));
            }
            if let Some(r) = rollups.priorities.get_mut(row.priority) {
                r.add(Some(&progress));
            }
        }
        rollups
    }
}

impl Overlay {
    /// What the edits recorded since opening change: each edited action's
    /// status and percent by row, and the folded text of notes added to
    /// actions and activities.
    pub fn from_edits(
        plan: &Plan,
        index: &Index,
        locator: &Locator,
        edits: &StdHashMap<String, Vec<Edit>>,
    ) -> Overlay {
        let mut overlay = Overlay::default();
        for (item, item_edits) in edits {
            match locator.find(item) {
                Some(location @ Location::Action(pi, ai, ki)) => {
                    let Some(row) = index.row_of(pi, ai, ki) else {
                        continue;
                    };
                    let now = current_progress(location.progress(plan), item_edits);
                    overlay
                        .status
                        .insert(row, now.as_ref().and_then(|p| p.status));
                    overlay
                        .percent
                        .insert(row, now.as_ref().and_then(|p| p.percent));
                    let text = added_note_text(item_edits);
                    if !text.is_empty() {
                        overlay.row_text.insert(row, text);
                    }
                }
                Some(Location::Activity(pi, ai)) => {
                    let text = added_note_text(item_edits);
                    if !text.is_empty() {
                        overlay.activity_text.insert((pi, ai), text);
                    }
                }
                _ => {}
            }
        }
        overlay
    }
}

/// The folded text of the notes and evidence an item's edits add.
fn added_note_text(edits: &[Edit]) -> String {
    let mut text = String::new();
    for edit in edits {
        if let Change::AddNote { note, .. } = &edit.change {
            fold_into(&mut text, &note.text);
            for evidence in &note.evidence {
                for field in [&evidence.title, &evidence.source].into_iter().flatten() {
                    fold_into(&mut text, field);
                }
            }
        }
    }
    text
}

/// How each priority's and activity's actions stand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rollups {
    pub priorities: Vec<Rollup>,
    pub activities: Vec<Vec<Rollup>>,
}

impl Rollups {
    pub fn activity(&self, pi: usize, ai: usize) -> Rollup {
        self.activities
            .get(pi)
            .and_then(|a| a.get(ai))
            .copied()
            .unwrap_or_default()
    }
    pub fn priority(&self, pi: usize) -> Rollup {
        self.priorities.get(pi).copied().unwrap_or_default()
    }
}

/// Whether an action has a deadline that falls in `[from, to]`.
pub fn due_between(deadline: &Deadline, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    match deadline.date {
        None => false,
        Some(date) => from.is_none_or(|f| date >= f) && to.is_none_or(|t| date <= t),
    }
}
