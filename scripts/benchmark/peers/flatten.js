// What both peers show of a plan: one row per key action, as a flat table.
// Shared so that the plain page and DataTables show exactly the same data.

const STATUS_LABELS = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  complete: 'Complete',
  cancelled: 'Cancelled',
};

export const COLUMNS = [
  ['priority', 'Priority'],
  ['activity', 'Key activity'],
  ['lead', 'Lead'],
  ['partners', 'Partners'],
  ['title', 'Action'],
  ['due', 'Due'],
  ['status', 'Status'],
];

function dueText(due) {
  if (!due) return 'No date set';
  const label = due.label || '';
  const date = due.date || '';
  if (label && date) return `${label} (${date})`;
  return label || date || 'No date set';
}

/** Bytes of a chosen file to the parsed plan, the fastest way a page can. */
export async function readPlan(file) {
  const bytes = await file.arrayBuffer();
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** One row per action: priority, activity, lead, partners, title, due, status. */
export function flattenPlan(plan) {
  const rows = [];
  for (const priority of plan.priorities || []) {
    const priorityTitle = priority.number ? `${priority.number}. ${priority.title}` : priority.title;
    for (const activity of priority.activities || []) {
      const activityLead = (activity.lead && activity.lead.organisation) || '';
      const partners = (activity.partners || []).join(', ');
      for (const action of activity.actions || []) {
        const status = action.progress && action.progress.status;
        rows.push({
          priority: priorityTitle,
          activity: activity.title,
          lead: (action.lead && action.lead.organisation) || activityLead,
          partners,
          title: action.number ? `${action.number}. ${action.title}` : action.title,
          due: dueText(action.due),
          status: STATUS_LABELS[status] || 'No status yet',
        });
      }
    }
  }
  return rows;
}

/** The distinct lead organisations, sorted, for the lead filter. */
export function leadsOf(rows) {
  return [...new Set(rows.map((r) => r.lead).filter(Boolean))].sort();
}

/** Fills a <select> with "All" and one option per lead. */
export function fillLeadSelect(select, leads) {
  const options = [new Option('All lead organisations', '')];
  for (const lead of leads) options.push(new Option(lead, lead));
  select.replaceChildren(...options);
}
