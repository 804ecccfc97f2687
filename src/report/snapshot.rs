//! A read-only snapshot: one self-contained HTML file of the current view or
//! the exception report, for people who will never open the app. It has no
//! script at all, its styles are inline in the file, every piece of plan
//! text is escaped, and the only links are http, https and mailto evidence.
//! It reads in any browser and in an email client's preview.

use std::collections::HashMap;
use std::fmt::Write;

use crate::plan::dates::{long_date, long_moment};
use crate::plan::due::deadline_text;
use crate::plan::{present, Plan, Progress, Status};
use crate::progress::{current_progress, is_followable_link, Edit};
use crate::query::{plan_groups, Index, Overlay, Results};

use super::exceptions::{ExceptionReport, ItemKind};

/// Text made safe to put between tags or in a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// GOV.UK-like type and tags, small enough to read in an email preview.
const STYLE: &str = "body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;max-width:60em;margin:1em auto;padding:0 1em;line-height:1.4;overflow-wrap:anywhere}\
h1{font-size:1.8em;margin:.2em 0}h2{font-size:1.4em;border-top:2px solid #b1b4b6;padding-top:.5em;margin-top:1.5em}h3{font-size:1.15em;margin:1em 0 .3em}\
.meta{color:#505a5f}.tag{display:inline-block;padding:0 .4em;font-weight:bold;border:1px solid #505a5f}\
.tag-off_track{background:#f4cdc6;border-color:#d4351c}.tag-at_risk{background:#fcd6c3}.tag-on_track{background:#cce2d8}\
.tag-complete{background:#bbd4ea}.tag-cancelled,.tag-not_started{background:#e5e6e7}\
ul.items{list-style:none;padding:0}ul.items>li{border-left:4px solid #b1b4b6;padding:.3em .6em;margin:.5em 0}\
dl{margin:.2em 0}dt{display:inline;font-weight:bold}dd{display:inline;margin:0 1em 0 .3em}";

/// What a snapshot is of, and when it was made.
pub struct Heading<'a> {
    pub plan: &'a Plan,
    /// "Exception report" or "Actions".
    pub what: &'a str,
    /// The filters in words.
    pub filters: &'a str,
    pub made: chrono::NaiveDate,
}

fn start(out: &mut String, heading: &Heading<'_>) {
    let title = format!("{}: {}", heading.plan.title, heading.what);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'\">\
         <title>{}</title><style>{STYLE}</style></head><body>\n<p class=\"meta\">{}</p><h1>{}</h1>\n",
        escape(&title),
        escape(present(&heading.plan.organisation).unwrap_or("Plan Tracker snapshot")),
        escape(&title),
    );
    let _ = writeln!(
        out,
        "<p class=\"meta\">Showing: {}. Made on {} with Plan Tracker; a snapshot is read-only and does not change.</p>",
        escape(heading.filters),
        escape(&long_date(heading.made))
    );
}

fn tag(out: &mut String, status: Option<Status>) {
    let (code, label) = status.map_or(("none", "No status yet"), |s| (s.code(), s.label()));
    let _ = write!(
        out,
        "<span class=\"tag tag-{code}\">{}</span>",
        escape(label)
    );
}

fn latest_note(out: &mut String, progress: Option<&Progress>) {
    let Some(note) = progress.and_then(|p| p.notes().last()) else {
        return;
    };
    let _ = write!(
        out,
        "<p><strong>Latest note, {}:</strong> {}</p>",
        escape(&long_moment(&note.at)),
        escape(&note.text)
    );
    for evidence in note.evidence.iter().flatten() {
        let title = present(&evidence.title)
            .or(present(&evidence.source))
            .unwrap_or("Evidence");
        match present(&evidence.url).filter(|u| is_followable_link(u)) {
            Some(url) => {
                let _ = write!(
                    out,
                    "<p>Evidence: <a href=\"{}\">{}</a></p>",
                    escape(url.trim()),
                    escape(title)
                );
            }
            None => {
                let _ = write!(out, "<p>Evidence: {}</p>", escape(title));
            }
        }
    }
}

/// The current view: the shown actions under their priorities and
/// activities, each with its status, deadline, percent and latest note.
pub fn view_snapshot(
    heading: &Heading<'_>,
    index: &Index,
    results: &Results,
    overlay: &Overlay,
    edits: &HashMap<String, Vec<Edit>>,
) -> String {
    let plan = heading.plan;
    let progress_of = |id: &str, base: Option<&Progress>| {
        current_progress(base, edits.get(id).into_iter().flatten())
    };
    let mut out = String::new();
    start(&mut out, heading);
    let _ = writeln!(
        out,
        "<p>{} of {} actions.</p>",
        results.rows.len(),
        results.total
    );
    // The view in plan order, every row.
    let mut in_order = results.clone();
    in_order.rows.sort_unstable();
    for group in plan_groups(index, &in_order, usize::MAX) {
        let Some(priority) = plan.priorities.get(group.priority) else {
            continue;
        };
        let number = present(&priority.number)
            .map(|n| format!("Priority {n}: "))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<h2>{}{}</h2>",
            escape(&number),
            escape(&priority.title)
        );
        for (ai, rows) in group.activities {
            let Some(activity) = plan.activity(group.priority, ai) else {
                continue;
            };
            let number = present(&activity.number)
                .map(|n| format!("{n}. "))
                .unwrap_or_default();
            let _ = write!(out, "<h3>{}{} ", escape(&number), escape(&activity.title));
            tag(
                &mut out,
                progress_of(&activity.id, activity.progress.as_ref()).and_then(|p| p.status),
            );
            out.push_str("</h3><dl>");
            if let Some(lead) = &activity.lead {
                let _ = write!(out, "<dt>Lead</dt><dd>{}</dd>", escape(&lead.organisation));
            }
            if !activity.partners().is_empty() {
                let _ = write!(
                    out,
                    "<dt>Partners</dt><dd>{}</dd>",
                    escape(&activity.partners().join(", "))
                );
            }
            if let Some(remarks) = present(&activity.remarks) {
                let _ = write!(out, "<dt>Remarks</dt><dd>{}</dd>", escape(remarks));
            }
            out.push_str("</dl><ul class=\"items\">");
            for r in rows {
                let Some(row) = index.rows.get(r) else {
                    continue;
                };
                let Some(action) = activity.actions().get(row.action) else {
                    continue;
                };
                let progress = progress_of(&action.id, action.progress.as_ref());
                let status = overlay.status(row, r);
                out.push_str("<li>");
                tag(&mut out, status);
                let number = present(&action.number)
                    .map(|n| format!("{n}. "))
                    .unwrap_or_default();
                let due = deadline_text(
                    action.due.as_ref().and_then(|d| present(&d.label)),
                    row.deadline.date,
                    row.deadline.start,
                );
                let _ = write!(
                    out,
                    " <strong>{}{}</strong><dl><dt>Due</dt><dd>{}</dd>",
                    escape(&number),
                    escape(&action.title),
                    escape(&due)
                );
                if let Some(percent) = overlay.percent(row, r) {
                    let _ = write!(out, "<dt>Complete</dt><dd>{percent}%</dd>");
                }
                out.push_str("</dl>");
                latest_note(&mut out, progress.as_ref());
                out.push_str("</li>");
            }
            out.push_str("</ul>\n");
        }
    }
    out.push_str("</body></html>\n");
    out
}

/// The exception report, as the report page shows it.
pub fn exceptions_snapshot(heading: &Heading<'_>, report: &ExceptionReport) -> String {
    let mut out = String::new();
    start(&mut out, heading);
    if report.is_empty() {
        out.push_str("<p>Nothing in this view is off track, at risk, overdue, or without a status or date.</p>");
    }
    for group in &report.groups {
        let _ = write!(out, "<h2>{}</h2><ul class=\"items\">", escape(&group.title));
        for item in &group.items {
            out.push_str("<li>");
            tag(&mut out, item.status);
            let kind = if item.kind == ItemKind::Activity {
                "Activity: "
            } else {
                ""
            };
            let _ = write!(out, " <strong>{}{}</strong><dl>", kind, escape(&item.title));
            let why: Vec<&str> = item.reasons.iter().map(|r| r.label()).collect();
            let _ = write!(out, "<dt>Why</dt><dd>{}</dd>", escape(&why.join(", ")));
            if let Some(activity) = &item.activity {
                let _ = write!(out, "<dt>Activity</dt><dd>{}</dd>", escape(activity));
            }
            if let Some(lead) = &item.lead {
                let _ = write!(out, "<dt>Lead</dt><dd>{}</dd>", escape(lead));
            }
            if !item.deadline.is_empty() {
                let _ = write!(out, "<dt>Due</dt><dd>{}</dd>", escape(&item.deadline));
            }
            out.push_str("</dl>");
            if let Some((at, text)) = &item.latest_note {
                let _ = write!(
                    out,
                    "<p><strong>Latest note, {}:</strong> {}</p>",
                    escape(&long_moment(at)),
                    escape(text)
                );
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>\n");
    }
    if !report.measures.is_empty() {
        out.push_str("<h2>Measures</h2><ul class=\"items\">");
        for measure in &report.measures {
            let _ = write!(out, "<li><strong>{}</strong>", escape(&measure.title));
            for why in &measure.why {
                let _ = write!(out, "<p>{}</p>", escape(why));
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body></html>\n");
    out
}

/// `<plan id>-<what>-<YYYY-MM-DD>.html`.
pub fn snapshot_file_name(plan_id: &str, what: &str, day: chrono::NaiveDate) -> String {
    let name = crate::exchange::export_file_name(&format!("{plan_id}-{what}"), day);
    format!("{}.html", name.strip_suffix(".json").unwrap_or(&name))
}
