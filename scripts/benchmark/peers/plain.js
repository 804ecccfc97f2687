// The plain JavaScript peer: no framework, the least work a page can do to
// open, filter and show a plan. Its times are the benchmark's lower bound.
import { COLUMNS, readPlan, flattenPlan, leadsOf, fillLeadSelect } from './flatten.js';

const PAGE_SIZE = 100;
const fileInput = document.getElementById('file');
const searchInput = document.getElementById('search');
const leadSelect = document.getElementById('lead');
const count = document.getElementById('count');
const body = document.getElementById('rows');

let rows = [];
/** Lower-case text of each row, built once per plan so a keystroke only scans. */
let haystacks = [];

function renderHead() {
  const tr = document.createElement('tr');
  for (const [, title] of COLUMNS) {
    const th = document.createElement('th');
    th.textContent = title;
    tr.append(th);
  }
  document.getElementById('head').replaceChildren(tr);
}

function matching() {
  const words = searchInput.value.trim().toLowerCase();
  const lead = leadSelect.value;
  const shown = [];
  for (let i = 0; i < rows.length; i += 1) {
    if (lead && rows[i].lead !== lead) continue;
    if (words && !haystacks[i].includes(words)) continue;
    shown.push(rows[i]);
  }
  return shown;
}

function render() {
  const shown = matching();
  count.textContent = shown.length === rows.length
    ? `Showing all ${rows.length} actions`
    : `Showing ${shown.length} of ${rows.length} actions`;
  const fragment = document.createDocumentFragment();
  for (const row of shown.slice(0, PAGE_SIZE)) {
    const tr = document.createElement('tr');
    for (const [key] of COLUMNS) {
      const td = document.createElement('td');
      td.textContent = row[key];
      tr.append(td);
    }
    fragment.append(tr);
  }
  body.replaceChildren(fragment);
}

fileInput.addEventListener('change', async () => {
  const file = fileInput.files[0];
  if (!file) return;
  rows = flattenPlan(await readPlan(file));
  haystacks = rows.map((r) => COLUMNS.map(([key]) => r[key]).join(' ').toLowerCase());
  fillLeadSelect(leadSelect, leadsOf(rows));
  searchInput.value = '';
  render();
});
searchInput.addEventListener('input', render);
leadSelect.addEventListener('change', render);
renderHead();
// For the benchmark: the module (and DataTables, for that peer) has loaded.
document.body.dataset.ready = 'true';
