//! Characters that reverse or hide text: a right-to-left override (U+202E)
//! before "ecilop" makes "Nottinghamshire ecilop Council" read as
//! "Nottinghamshire police Council", and a zero-width space can make two
//! names that look the same differ. In the names and titles people go by,
//! the app shows each such character as a visible mark, "[U+202E]", so
//! nobody is misled about who leads what. Only the plan as shown is changed: the file, and so every
//! export, keeps its text exactly as written.

use std::borrow::Cow;

use super::{Lead, Plan};

/// Direction controls and invisible characters that have no place in a
/// name. Zero-width joiners and non-joiners are left alone: scripts and
/// emoji need them.
fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// `text` with every hidden character shown as "[U+XXXX]"; borrowed when
/// there is none, which is almost always.
pub fn reveal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) {
            shown.push_str(&format!("[U+{:04X}]", u32::from(c)));
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

fn reveal_in(text: &mut String, found: &mut usize) {
    if let Cow::Owned(shown) = reveal(text) {
        *text = shown;
        *found += 1;
    }
}

fn reveal_in_option(text: &mut Option<String>, found: &mut usize) {
    if let Some(text) = text {
        reveal_in(text, found);
    }
}

fn reveal_in_lead(lead: &mut Option<Lead>, found: &mut usize) {
    if let Some(lead) = lead {
        reveal_in(&mut lead.organisation, found);
        reveal_in_option(&mut lead.team, found);
        reveal_in_option(&mut lead.officer, found);
    }
}

/// How many names and titles people go by have a hidden character: the
/// plan and its organisation, every title, lead, team, officer, partner and
/// governance group. A quick scan, so a plan without any is never copied.
pub fn count_hidden(plan: &Plan) -> usize {
    let mut found = 0;
    let mut check = |text: &str| found += usize::from(text.chars().any(is_hidden));
    check(&plan.title);
    plan.organisation.iter().for_each(|o| check(o));
    for priority in &plan.priorities {
        check(&priority.title);
        for activity in priority.activities.iter().flatten() {
            check(&activity.title);
            activity.governance_group.iter().for_each(|g| check(g));
            activity.partners.iter().flatten().for_each(|p| check(p));
            let action_leads = activity
                .actions
                .iter()
                .flatten()
                .filter_map(|a| a.lead.as_ref());
            for lead in activity.lead.iter().chain(action_leads) {
                check(&lead.organisation);
                lead.team.iter().chain(&lead.officer).for_each(|t| check(t));
            }
            activity
                .actions
                .iter()
                .flatten()
                .for_each(|a| check(&a.title));
        }
    }
    plan.measures.iter().flatten().for_each(|m| check(&m.title));
    found
}

/// Marks every hidden character in the plan's names and titles (those
/// [`count_hidden`] counts); returns how many texts were marked.
pub fn reveal_hidden(plan: &mut Plan) -> usize {
    let mut found = 0;
    reveal_in(&mut plan.title, &mut found);
    reveal_in_option(&mut plan.organisation, &mut found);
    for priority in &mut plan.priorities {
        reveal_in(&mut priority.title, &mut found);
        for activity in priority.activities.iter_mut().flatten() {
            reveal_in(&mut activity.title, &mut found);
            reveal_in_option(&mut activity.governance_group, &mut found);
            for partner in activity.partners.iter_mut().flatten() {
                reveal_in(partner, &mut found);
            }
            reveal_in_lead(&mut activity.lead, &mut found);
            for action in activity.actions.iter_mut().flatten() {
                reveal_in(&mut action.title, &mut found);
                reveal_in_lead(&mut action.lead, &mut found);
            }
        }
    }
    for measure in plan.measures.iter_mut().flatten() {
        reveal_in(&mut measure.title, &mut found);
    }
    found
}

/// What to tell the person when a plan's names were marked.
pub fn hidden_notice(marked: usize) -> String {
    let names = if marked == 1 {
        "1 name or title"
    } else {
        "names or titles"
    };
    let count = if marked == 1 {
        String::new()
    } else {
        format!(" ({marked})")
    };
    format!(
        "This plan has {names}{count} with characters that reverse or hide text, which could make one organisation look like another. Each is shown marked, for example [U+202E]; the file itself is unchanged."
    )
}
