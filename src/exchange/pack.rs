//! Return packs: the part of a plan one or more lead organisations need, to
//! send them by email. A pack is a valid plan file with the same plan id,
//! holding only their activities and actions and what is needed to read them
//! (priority titles and outcomes, linked measures). It records when it was
//! sent, so that merging the return can tell who changed what since.

use std::collections::{BTreeSet, HashSet};

use serde_json::json;

use crate::plan::dates::long_moment;
use crate::plan::{Moment, Plan};

/// The field a pack records itself in (an optional addition within format 1).
pub const PACK_FIELD: &str = "return_pack";

/// Which activities and actions go in a pack.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PackChoice {
    /// Lead organisations whose activities and actions go in.
    pub leads: BTreeSet<String>,
    /// When given, only these actions (by id), such as the current filter's.
    pub only_actions: Option<HashSet<String>>,
}

/// Makes a pack from the plan as it stands (with local changes applied).
pub fn partner_pack(plan: &Plan, choice: &PackChoice, sent: &Moment, sent_by: &str) -> Plan {
    let mut pack = plan.clone();
    let mut measure_ids: HashSet<String> = HashSet::new();
    for priority in &mut pack.priorities {
        if let Some(activities) = priority.activities.as_mut() {
            for activity in activities.iter_mut() {
                let activity_lead = activity
                    .lead
                    .as_ref()
                    .map(|l| l.organisation.trim().to_owned());
                let activity_led = activity_lead
                    .as_ref()
                    .is_some_and(|l| choice.leads.contains(l));
                if let Some(actions) = activity.actions.as_mut() {
                    actions.retain(|action| {
                        let lead = action
                            .lead
                            .as_ref()
                            .map(|l| l.organisation.trim().to_owned())
                            .or(activity_lead.clone());
                        let led = lead.is_some_and(|l| choice.leads.contains(&l));
                        let chosen = choice
                            .only_actions
                            .as_ref()
                            .is_none_or(|only| only.contains(&action.id));
                        led && chosen
                    });
                }
                let keep_activity = !activity.actions().is_empty()
                    || (activity_led && choice.only_actions.is_none());
                if !keep_activity {
                    activity.id.clear(); // marked for removal below
                }
            }
            activities.retain(|a| !a.id.is_empty());
            for activity in activities.iter() {
                measure_ids.extend(activity.measure_ids().iter().cloned());
                for action in activity.actions() {
                    measure_ids.extend(action.measure_ids.iter().flatten().cloned());
                }
            }
        }
    }
    pack.priorities.retain(|p| !p.activities().is_empty());
    if let Some(measures) = pack.measures.as_mut() {
        measures.retain(|m| measure_ids.contains(&m.id));
        // A measure's links to priorities the pack does not carry would not validate.
        let kept: HashSet<String> = pack.priorities.iter().map(|p| p.id.clone()).collect();
        for measure in measures.iter_mut() {
            if let Some(links) = measure.priorities.as_mut() {
                links.retain(|l| kept.contains(&l.id));
            }
        }
    }
    pack.extra.insert(
        PACK_FIELD.to_owned(),
        json!({ "sent_at": sent.as_str(), "sent_by": sent_by, "leads": choice.leads.iter().collect::<Vec<_>>() }),
    );
    pack
}

/// When a returned file's pack was sent, if it is a pack that says so.
pub fn pack_sent_at(plan: &Plan) -> Option<Moment> {
    match pack_claim(plan) {
        PackClaim::Sent { at, .. } => Some(at),
        PackClaim::NotAPack | PackClaim::Unreadable => None,
    }
}

/// What a file says about the pack it is the return of.
#[derive(Debug, Clone, PartialEq)]
pub enum PackClaim {
    /// A plain plan file.
    NotAPack,
    /// A pack sent at `at`, by `by` where it says.
    Sent { at: Moment, by: Option<String> },
    /// It carries a pack record without a readable send time.
    Unreadable,
}

/// Reads the pack record a returned file carries, if any.
pub fn pack_claim(plan: &Plan) -> PackClaim {
    let Some(record) = plan.extra.get(PACK_FIELD) else {
        return PackClaim::NotAPack;
    };
    let by = record
        .get("sent_by")
        .and_then(|b| b.as_str())
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(str::to_owned);
    match record
        .get("sent_at")
        .and_then(|s| s.as_str())
        .and_then(Moment::parse)
    {
        Some(at) => PackClaim::Sent { at, by },
        None => PackClaim::Unreadable,
    }
}

/// A return whose claim to answer a pack is not trusted: it is merged as a
/// plain plan file (every difference it brings is a change; one to a field
/// also changed here is a conflict).
#[derive(Debug, Clone, PartialEq)]
pub struct DoubtfulPack {
    /// The returned file.
    pub file: String,
    pub why: PackDoubt,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PackDoubt {
    /// It carries a pack record without a readable send time.
    NoSendTime,
    /// Its send time is later than now.
    SentLater { at: Moment },
    /// This browser keeps a record of the packs it sent, and not this one.
    NotSentHere { at: Moment, by: Option<String> },
}

impl std::fmt::Display for DoubtfulPack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let file = &self.file;
        match &self.why {
            PackDoubt::NoSendTime => write!(
                f,
                "{file} says it is the return of a pack but not when the pack was sent"
            ),
            PackDoubt::SentLater { at } => write!(
                f,
                "{file} says its pack was sent {}, which is later than now",
                long_moment(at)
            ),
            PackDoubt::NotSentHere { at, by } => {
                let by = by
                    .as_deref()
                    .map(|b| format!(" by {b}"))
                    .unwrap_or_default();
                write!(f, "{file} says it is the return of a pack sent {}{by}, but this browser has no record of sending that pack", long_moment(at))
            }
        }?;
        write!(f, ". It is merged as a plain plan file: where you changed the same thing here, you choose which to keep.")
    }
}

/// When the pack a return answers was sent, where that can be trusted:
/// `Ok(None)` for a plain plan file, `Err` with why for a claim that is not
/// trusted. A time is trusted only for a pack this browser recorded
/// sending (when `sent_here` says which it sent) and never from the future
/// (after `received`), so that a wrong or forged time cannot make changes
/// made here look older than the pack.
pub fn trusted_send_time(
    returned: &Plan,
    received: &Moment,
    sent_here: Option<&[Moment]>,
) -> Result<Option<Moment>, PackDoubt> {
    match pack_claim(returned) {
        PackClaim::NotAPack => Ok(None),
        PackClaim::Unreadable => Err(PackDoubt::NoSendTime),
        PackClaim::Sent { at, .. } if at > *received => Err(PackDoubt::SentLater { at }),
        PackClaim::Sent { at, by } if sent_here.is_some_and(|s| !s.contains(&at)) => {
            Err(PackDoubt::NotSentHere { at, by })
        }
        PackClaim::Sent { at, .. } => Ok(Some(at)),
    }
}

/// `<plan id>-<lead>-<YYYY-MM-DD>.json`, for a pack.
pub fn pack_file_name(plan_id: &str, choice: &PackChoice, day: chrono::NaiveDate) -> String {
    let who: Vec<String> = choice
        .leads
        .iter()
        .map(|l| {
            l.split_whitespace()
                .collect::<Vec<_>>()
                .join("-")
                .to_lowercase()
        })
        .collect();
    let who = if who.len() > 2 {
        format!("{}-and-others", who[..1].join("-"))
    } else {
        who.join("-and-")
    };
    super::export_file_name(&format!("{plan_id}-{who}"), day)
}

/// Send times this browser remembers per plan, newest kept: a year of
/// monthly rounds to a dozen partners is under 150.
const SENDS_REMEMBERED: usize = 500;

/// The packs of a plan this browser sent, from their stored text (a JSON
/// list of send times); `None` when the text is not such a list.
pub fn read_packs_sent(text: &str) -> Option<Vec<Moment>> {
    crate::plan::json::parse(text.as_bytes())
        .ok()?
        .into_list(|time| Moment::parse(&time.into_string()?))
}

/// The stored text of `sent` with one more send, oldest first.
pub fn packs_sent_text(sent: &[Moment], another: &Moment) -> String {
    let mut times: Vec<&str> = sent.iter().map(Moment::as_str).collect();
    times.push(another.as_str());
    let keep_from = times.len().saturating_sub(SENDS_REMEMBERED);
    serde_json::to_string(&times[keep_from..]).unwrap_or_else(|_| "[]".to_owned())
}
