//! Which field of a plan each column holds, matched from its heading the
//! way people write them ("Lead agency", "By when", "RAG"), and the status
//! words and colours plans use.

use crate::plan::Status;

/// A field of the plan a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Priority,
    Activity,
    Lead,
    Partners,
    Governance,
    Action,
    Deadline,
    Status,
    Percent,
    Note,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Priority,
        Field::Activity,
        Field::Lead,
        Field::Partners,
        Field::Governance,
        Field::Action,
        Field::Deadline,
        Field::Status,
        Field::Percent,
        Field::Note,
    ];

    /// What people call it, as the preview's choices say.
    pub fn label(self) -> &'static str {
        match self {
            Field::Priority => "Priority",
            Field::Activity => "Key activity",
            Field::Lead => "Lead organisation",
            Field::Partners => "Partners",
            Field::Governance => "Governance group",
            Field::Action => "Key action",
            Field::Deadline => "Deadline",
            Field::Status => "Status",
            Field::Percent => "Percent complete",
            Field::Note => "Latest note",
        }
    }

    /// A short word for the address of a choice (the select's value).
    pub fn code(self) -> &'static str {
        match self {
            Field::Priority => "priority",
            Field::Activity => "activity",
            Field::Lead => "lead",
            Field::Partners => "partners",
            Field::Governance => "governance",
            Field::Action => "action",
            Field::Deadline => "deadline",
            Field::Status => "status",
            Field::Percent => "percent",
            Field::Note => "note",
        }
    }

    /// Headings that mean this field, once tidied (see [`tidy`]).
    fn headings(self) -> &'static [&'static str] {
        match self {
            Field::Priority => &[
                "priority",
                "priorities",
                "strategic priority",
                "priority area",
                "theme",
                "objective",
                "strategic objective",
                "outcome",
                "commitment",
            ],
            Field::Activity => &[
                "activity",
                "activities",
                "key activity",
                "key activities",
                "workstream",
                "work stream",
                "area of work",
                "programme",
                "project",
            ],
            Field::Lead => &[
                "lead",
                "leads",
                "lead organisation",
                "lead organization",
                "lead agency",
                "lead partner",
                "lead body",
                "lead officer",
                "responsible",
                "responsible organisation",
                "owner",
                "who",
            ],
            Field::Partners => &[
                "partners",
                "partner",
                "partner agencies",
                "partner organisations",
                "other partners",
                "supporting partners",
                "key partners",
                "contributors",
                "support",
            ],
            Field::Governance => &[
                "governance",
                "governance group",
                "governance board",
                "accountable body",
                "reporting to",
                "reports to",
                "board",
                "group",
            ],
            Field::Action => &[
                "action",
                "actions",
                "key action",
                "key actions",
                "task",
                "tasks",
                "what we will do",
                "what will we do",
                "milestone",
                "milestones",
                "deliverable",
            ],
            Field::Deadline => &[
                "deadline",
                "deadlines",
                "by when",
                "when",
                "timescale",
                "timescales",
                "timeline",
                "due",
                "due date",
                "date",
                "target date",
                "completion date",
                "end date",
                "by",
            ],
            Field::Status => &[
                "status",
                "rag",
                "rag status",
                "rag rating",
                "rating",
                "progress rating",
                "current status",
            ],
            Field::Percent => &[
                "percent",
                "percent complete",
                "percentage",
                "percentage complete",
                "complete",
                "progress percent",
            ],
            Field::Note => &[
                "latest note",
                "note",
                "notes",
                "progress",
                "progress update",
                "update",
                "latest update",
                "comments",
                "comment",
                "commentary",
                "progress to date",
            ],
        }
    }

    pub fn from_code(code: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// What a column is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    Field(Field),
    /// Kept with each action, under its heading, so nothing is lost.
    Keep,
    Ignore,
}

/// A heading in lower case, with a percent sign read as the word and
/// everything but letters and digits made single spaces.
fn tidy(heading: &str) -> String {
    heading
        .replace('%', " percent ")
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The field a heading names, if any: exactly one of the headings a field
/// is known by, or else one whose words it contains ("Lead agency (and
/// officer)"), the more particular fields tried first.
pub fn field_of_heading(heading: &str) -> Option<Field> {
    let tidied = tidy(heading);
    if tidied.is_empty() {
        return None;
    }
    if let Some(field) = Field::ALL
        .into_iter()
        .find(|f| f.headings().contains(&tidied.as_str()))
    {
        return Some(field);
    }
    let words: Vec<&str> = tidied.split(' ').collect();
    let has = |word: &str| words.contains(&word);
    let field = if has("percent") || has("percentage") {
        Field::Percent
    } else if has("rag") || has("status") {
        Field::Status
    } else if has("deadline") || has("timescale") || has("timescales") || has("when") || has("due")
    {
        Field::Deadline
    } else if has("governance") {
        Field::Governance
    } else if has("partner") || has("partners") {
        Field::Partners
    } else if has("lead") || has("responsible") {
        Field::Lead
    } else if has("activity") || has("activities") || has("workstream") {
        Field::Activity
    } else if has("action") || has("actions") || has("task") || has("tasks") {
        Field::Action
    } else if has("priority") || has("priorities") || has("objective") || has("theme") {
        Field::Priority
    } else if has("note") || has("notes") || has("update") || has("comments") || has("commentary") {
        Field::Note
    } else {
        return None;
    };
    Some(field)
}

/// A use for each column from its heading: a field matched once (a second
/// column naming the same field is kept, not used), else kept.
pub fn guess_uses(headings: &[String]) -> Vec<Use> {
    let mut taken = Vec::new();
    headings
        .iter()
        .map(|heading| match field_of_heading(heading) {
            Some(field) if !taken.contains(&field) => {
                taken.push(field);
                Use::Field(field)
            }
            _ if heading.trim().is_empty() => Use::Ignore,
            _ => Use::Keep,
        })
        .collect()
}

/// The status a plan's word or colour means: RAG colours (Red, Amber,
/// Green, Blue for complete), the format's words, and common variants.
pub fn status_of_word(word: &str) -> Option<Status> {
    let tidied = tidy(word);
    let status = match tidied.as_str() {
        "red" | "r" | "off track" | "offtrack" | "behind" | "not on track" | "delayed" => {
            Status::OffTrack
        }
        "amber" | "a" | "at risk" | "some concerns" | "amber red" | "red amber" => Status::AtRisk,
        "green" | "g" | "on track" | "ontrack" | "in progress" | "on target" | "amber green"
        | "green amber" => Status::OnTrack,
        "blue" | "b" | "complete" | "completed" | "done" | "achieved" | "closed" => {
            Status::Complete
        }
        "not started" | "not yet started" | "grey" | "gray" | "white" | "planned" => {
            Status::NotStarted
        }
        "cancelled" | "canceled" | "withdrawn" | "stopped" => Status::Cancelled,
        _ => return Status::from_code(word.trim()),
    };
    Some(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_as_people_write_them() {
        let cases = [
            ("Priority", Some(Field::Priority)),
            ("Key Activity", Some(Field::Activity)),
            ("Lead", Some(Field::Lead)),
            ("Lead agency", Some(Field::Lead)),
            ("LEAD  ORGANISATION", Some(Field::Lead)),
            ("Partners", Some(Field::Partners)),
            ("Governance Group", Some(Field::Governance)),
            ("Key actions", Some(Field::Action)),
            ("By when", Some(Field::Deadline)),
            ("Timescale", Some(Field::Deadline)),
            ("Deadline (month)", Some(Field::Deadline)),
            ("RAG", Some(Field::Status)),
            ("RAG rating", Some(Field::Status)),
            ("% complete", Some(Field::Percent)),
            ("Latest note", Some(Field::Note)),
            ("Progress update", Some(Field::Note)),
            ("Lead officer contact", Some(Field::Lead)),
            ("Budget", None),
            ("", None),
        ];
        for (heading, field) in cases {
            assert_eq!(field_of_heading(heading), field, "{heading}");
        }
    }

    #[test]
    fn a_field_is_used_once_and_the_rest_kept() {
        let headings: Vec<String> = ["Action", "Lead", "Lead officer", "Budget", ""]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(
            guess_uses(&headings),
            vec![
                Use::Field(Field::Action),
                Use::Field(Field::Lead),
                Use::Keep,
                Use::Keep,
                Use::Ignore
            ]
        );
    }

    #[test]
    fn rag_words_and_colours() {
        let cases = [
            ("Red", Some(Status::OffTrack)),
            ("AMBER", Some(Status::AtRisk)),
            ("green", Some(Status::OnTrack)),
            ("Blue", Some(Status::Complete)),
            ("Complete", Some(Status::Complete)),
            ("On track", Some(Status::OnTrack)),
            ("off_track", Some(Status::OffTrack)),
            ("Not started", Some(Status::NotStarted)),
            ("Purple", None),
        ];
        for (word, status) in cases {
            assert_eq!(status_of_word(word), status, "{word}");
        }
    }
}
