// The DataTables peer: the plan's actions as a DataTables table with its own
// search box and default paging, plus an exact-match column search on the
// lead, as intranet pages usually add one with a <select>. DataTables 3
// has no jQuery dependency (it uses jQuery only if the page has it), so
// jQuery is not loaded: it would add download, not filtering work.
import DataTable from 'datatables.net-dt';
import { COLUMNS, readPlan, flattenPlan, leadsOf, fillLeadSelect } from './flatten.js';

const fileInput = document.getElementById('file');
const leadSelect = document.getElementById('lead');
const LEAD_COLUMN = COLUMNS.findIndex(([key]) => key === 'lead');
let table = null;

fileInput.addEventListener('change', async () => {
  const file = fileInput.files[0];
  if (!file) return;
  const rows = flattenPlan(await readPlan(file));
  if (table) table.destroy();
  fillLeadSelect(leadSelect, leadsOf(rows));
  // Defaults apart from the data: paging, ordering and search as shipped.
  table = new DataTable('#actions', {
    data: rows,
    columns: COLUMNS.map(([key, title]) => ({ data: key, title })),
  });
});

leadSelect.addEventListener('change', () => {
  if (!table) return;
  table.column(LEAD_COLUMN).search(leadSelect.value, { exact: true }).draw();
});
// For the benchmark: the module (and DataTables, for that peer) has loaded.
document.body.dataset.ready = 'true';
