//! Generated plans for tests and the benchmark: realistic shapes and text
//! lengths, deterministic for a seed, any number of actions.

use chrono::{Days, NaiveDate};

use crate::plan::*;

/// A small, fast, deterministic random source (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items
            .get(self.below(items.len()))
            .copied()
            .unwrap_or_default()
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

pub const ORGANISATIONS: [&str; 14] = [
    "Nottinghamshire County Council",
    "Nottinghamshire Police",
    "Clinical Commissioning Groups",
    "Nottinghamshire Healthcare NHS Trust",
    "NHS England",
    "Schools",
    "Ashfield District Council",
    "Bassetlaw District Council",
    "Broxtowe Borough Council",
    "Probation",
    "Nottinghamshire Fire and Rescue",
    "Jobcentre Plus",
    "Café Société Community Trust",
    "Voluntary sector providers",
];

const VERBS: [&str; 12] = [
    "Develop",
    "Implement",
    "Review",
    "Commission",
    "Deliver",
    "Embed",
    "Evaluate",
    "Strengthen",
    "Launch",
    "Agree",
    "Publish",
    "Monitor",
];
const SUBJECTS: [&str; 14] = [
    "the early help assessment pathway",
    "a multi-agency safeguarding protocol",
    "information sharing between partners",
    "the care leavers accommodation offer",
    "school readiness support for two year olds",
    "mental health support in schools",
    "the youth homelessness strategy",
    "training for taxi drivers on child sexual exploitation",
    "transitions for young people with disabilities",
    "the recruitment and retention plan for social workers",
    "a case recording system for all colleagues",
    "the children's centre service",
    "placement sufficiency for looked after children",
    "attendance and exclusion reduction work",
];
const QUALIFIERS: [&str; 8] = [
    "across the county",
    "with district and borough councils",
    "so that fewer families need specialist services",
    "in line with the new inspection framework",
    "for the most vulnerable learners",
    "working with health partners",
    "and report progress to the board",
    "using learning from the pilot localities",
];
const GROUPS: [&str; 6] = [
    "Children's Trust Executive Group",
    "MASH Governance Group",
    "Closing the Gap Performance Board",
    "Improving Outcomes for CYP with Disabilities Steering Group",
    "Nottinghamshire Safeguarding Children Board",
    "To be confirmed",
];
const NOTES: [&str; 6] = [
    "Work started on time; the steering group agreed the approach at its last meeting.",
    "Delayed by recruitment; an interim arrangement is in place and the board has been told.",
    "Pilot completed in two localities with positive feedback from families and schools.",
    "Funding confirmed for the next year. Training sessions booked for all front-line staff.",
    "Audit found recording is consistent in most cases; three recommendations are being taken forward.",
    "Partners have signed off the protocol; launch events are planned for the spring.",
];

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {}",
        rng.pick(&VERBS),
        rng.pick(&SUBJECTS),
        rng.pick(&QUALIFIERS)
    )
}

fn due_for(rng: &mut Rng, base: NaiveDate) -> Option<Due> {
    let day = base.checked_add_days(Days::new(rng.below(900) as u64))?;
    let month = crate::plan::dates::MONTH_NAMES
        .get(chrono::Datelike::month0(&day) as usize)
        .copied()
        .unwrap_or("March");
    let year = chrono::Datelike::year(&day);
    let label = match rng.below(10) {
        0 => "To be confirmed".to_owned(),
        1 => "Ongoing".to_owned(),
        2 => format!("Begins {month} {year}"),
        3 => format!("by {month} {year}"),
        4 => format!("Q{} {}/{:02}", rng.below(4) + 1, year, (year + 1) % 100),
        _ => format!("{month} {year}"),
    };
    // Most generated files carry only the label, as plans pasted from Word do.
    Some(Due {
        label: Some(label),
        ..Due::default()
    })
}

fn stamp(base: NaiveDate, rng: &mut Rng) -> Moment {
    let day = base
        .checked_add_days(Days::new(rng.below(700) as u64))
        .unwrap_or(base);
    let text = format!("{}T{:02}:{:02}:00Z", day, 8 + rng.below(10), rng.below(60));
    Moment::parse(&text)
        .unwrap_or_else(|| Moment::from_instant(chrono::DateTime::UNIX_EPOCH.fixed_offset()))
}

fn progress(rng: &mut Rng, base: NaiveDate, id: &str) -> Option<Progress> {
    if rng.chance(30) {
        return None;
    }
    let status = Status::ALL.get(rng.below(6)).copied();
    let notes: Vec<Note> = (0..rng.below(3))
        .map(|n| Note {
            id: format!("{id}-n{n}"),
            at: stamp(base, rng),
            by: Some(rng.pick(&ORGANISATIONS).to_owned()),
            text: rng.pick(&NOTES).to_owned(),
            status,
            evidence: rng.chance(40).then(|| {
                vec![Evidence {
                    title: Some("Report to Children's Trust Board".into()),
                    source: Some("Performance report, quarter 3".into()),
                    url: None,
                    extra: Extra::new(),
                }]
            }),
            corrects: None,
            extra: Extra::new(),
        })
        .collect();
    Some(Progress {
        status,
        percent: Some((rng.below(11) * 10) as u8),
        updated: Some(stamp(base, rng)),
        updated_by: Some("Plan coordinator".into()),
        notes: (!notes.is_empty()).then_some(notes),
        extra: Extra::new(),
    })
}

/// A plan with exactly `actions` key actions.
pub fn generate_plan(actions: usize, seed: u64) -> Plan {
    let mut rng = Rng::new(seed);
    let base = NaiveDate::from_ymd_opt(2025, 4, 1).unwrap_or_default();
    let priority_count = (actions / 400).clamp(1, 12);
    let mut priorities: Vec<Priority> = (0..priority_count)
        .map(|p| Priority {
            id: format!("p{}", p + 1),
            number: Some((p + 1).to_string()),
            title: format!(
                "Children and young people {}",
                rng.pick(&[
                    "are safe",
                    "are happy and healthy",
                    "achieve their potential",
                    "get support when needed"
                ])
            ),
            summary: Some(sentence(&mut rng)),
            outcomes: Some((0..3).map(|_| sentence(&mut rng)).collect()),
            success: Some((0..2).map(|_| sentence(&mut rng)).collect()),
            activities: Some(Vec::new()),
            extra: Extra::new(),
        })
        .collect();
    let mut made = 0;
    let mut activity_no = 0;
    while made < actions {
        let p = activity_no % priority_count;
        activity_no += 1;
        let size = (3 + rng.below(12)).min(actions - made);
        let activity_id = format!("p{}-a{}", p + 1, activity_no);
        let lead = rng.pick(&ORGANISATIONS).to_owned();
        let partners: Vec<String> = (0..rng.below(4))
            .map(|_| rng.pick(&ORGANISATIONS).to_owned())
            .filter(|o| *o != lead)
            .collect();
        let actions_here: Vec<Action> = (0..size)
            .map(|k| {
                let id = format!("{activity_id}-k{}", k + 1);
                Action {
                    number: Some((k + 1).to_string()),
                    title: sentence(&mut rng),
                    due: due_for(&mut rng, base),
                    lead: rng.chance(5).then(|| Lead {
                        organisation: rng.pick(&ORGANISATIONS).to_owned(),
                        team: None,
                        officer: None,
                        extra: Extra::new(),
                    }),
                    remarks: None,
                    measure_ids: None,
                    progress: progress(&mut rng, base, &id),
                    id,
                    extra: Extra::new(),
                }
            })
            .collect();
        made += actions_here.len();
        let activity = Activity {
            id: activity_id.clone(),
            number: Some(activity_no.to_string()),
            title: sentence(&mut rng),
            strategic_plan: Some(format!(
                "{} Strategy",
                rng.pick(&[
                    "Early Help",
                    "Looked After Children",
                    "SEND",
                    "Youth Justice"
                ])
            )),
            governance_group: Some(rng.pick(&GROUPS).to_owned()),
            lead: Some(Lead {
                organisation: lead,
                team: Some("Children's Social Care".into()),
                officer: None,
                extra: Extra::new(),
            }),
            partners: Some(partners),
            remarks: None,
            actions: Some(actions_here),
            measure_ids: None,
            progress: progress(&mut rng, base, &activity_id),
            extra: Extra::new(),
        };
        if let Some(list) = priorities.get_mut(p).and_then(|pr| pr.activities.as_mut()) {
            list.push(activity);
        }
    }
    Plan {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        id: format!("generated-{actions}"),
        title: format!("Generated plan with {actions} actions"),
        subtitle: Some("For tests and the benchmark".into()),
        organisation: Some("Plan Tracker".into()),
        document_status: None,
        revision: None,
        period: None,
        published: None,
        description: None,
        priorities,
        measures: None,
        exported: None,
        orphaned_edits: None,
        extra: Extra::new(),
    }
}
