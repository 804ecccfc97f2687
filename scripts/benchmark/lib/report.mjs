// The budgets, and the results as Markdown (stdout, results/latest.md and
// README.md's "## Speed" section) and JSON (results/latest.json).
import fs from 'node:fs';
import path from 'node:path';
import { ratio } from './stats.mjs';

const KB = 1000;
const SIZE_BUDGET_KB = 300;
const FILTER_P95_MS = 50;
const EDIT_MS = 16;
const EXPORT_MS = 1000;
const MEMORY_GROWTH = 0.10;
const DASHBOARD_MS = 500;
const DASHBOARD_FILTER_MS = 100;
const IMPORT_PREVIEW_MS = 2000;
const IMPORT_CREATE_MS = 1000;
const TABLET_COLD_MS = 1500;
const TABLET_REPEAT_MS = 500;

const int = (n) => Math.round(n).toLocaleString('en-GB');
const kb = (bytes) => `${(bytes / KB).toLocaleString('en-GB', { maximumFractionDigits: 1 })} KB`;
const mb = (bytes) => `${(bytes / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
const ms = (n) => (n == null ? 'n/a' : n < 10 ? n.toFixed(1) : int(n));
const times = (n) => (n == null ? 'n/a' : `${n < 10 ? n.toFixed(2) : n.toFixed(1)}×`);
const pct = (n) => `${n >= 0 ? '+' : ''}${(n * 100).toFixed(1)}%`;
const pass = (ok) => (ok ? 'PASS' : 'FAIL');

/** "median / p95" of a summary, or n/a. */
const medP95 = (s) => (s ? `${ms(s.median)} / ${ms(s.p95)}` : 'n/a');
/** Ratios of two summaries' medians and p95s: "1.2× / 1.4×". */
const ratios = (ours, theirs) => (ours && theirs
  ? `${times(ratio(ours.median, theirs.median))} / ${times(ratio(ours.p95, theirs.p95))}` : 'n/a');

/** Growth from the first to the last sample of each memory figure. */
export function memoryGrowth(afterClose) {
  const first = afterClose[0];
  const last = afterClose[afterClose.length - 1];
  const growth = {};
  for (const key of Object.keys(first)) growth[key] = (last[key] - first[key]) / first[key];
  return growth;
}

/** Each budget of the issue, judged at the largest size measured. */
export function judgeBudgets(results) {
  const size = Math.max(...Object.keys(results.sizes).map(Number));
  const at = results.sizes[size].targets;
  const app = at.app;
  const budgets = [];
  const add = (name, measured, ok) => budgets.push({ name, measured, pass: ok });

  const early = results.sizes[size].partsWhileOpening || [];
  add(`App wasm + JS loaded to start at most ${SIZE_BUDGET_KB} KB gzipped, and no other part fetched to open a plan`,
    `${kb(results.size.total.gzip)}; ${early.length ? `fetched while opening: ${early.map((u) => path.basename(u)).join(', ')}` : 'no other part fetched while opening'}`,
    results.size.total.gzip <= SIZE_BUDGET_KB * KB && early.length === 0);
  const echartsShipped = results.size.echarts.files.length > 0 || results.size.echarts.inIndexHtml;
  add('ECharts and the dashboard\'s part loaded only for charts',
    `${echartsShipped ? 'shipped' : 'not shipped'}; ${results.echartsRequests.length} ECharts requests while opening, filtering, editing and exporting; dashboard part ${early.some((u) => /dashboard/.test(u)) ? 'fetched' : 'not fetched'} while opening`,
    results.echartsRequests.length === 0 && !early.some((u) => /dashboard/.test(u)));
  const parse = app.parse.median;
  const openLimit = 3 * parse + 300;
  add('Open at most 3 × JSON.parse of the same bytes + 300 ms (p95 open, median parse)',
    `${ms(app.open.p95)} ms; limit 3 × ${ms(parse)} + 300 = ${ms(openLimit)} ms`, app.open.p95 <= openLimit);
  add(`Filter keystroke to paint, p95 at most ${FILTER_P95_MS} ms`, `${ms(app.filter.p95)} ms`, app.filter.p95 <= FILTER_P95_MS);
  const dt = at.datatables;
  add('Filter keystroke faster than DataTables (median and p95)',
    `${medP95(app.filter)} ms vs ${medP95(dt.filter)} ms`,
    Boolean(dt.filter) && app.filter.median < dt.filter.median && app.filter.p95 < dt.filter.p95);
  add(`Edit persisted at most ${EDIT_MS} ms (p95)`, `${ms(app.edit.p95)} ms`, app.edit.p95 <= EDIT_MS);
  add(`Export at most ${int(EXPORT_MS)} ms (p95)`, `${ms(app.export.p95)} ms`, app.export.p95 <= EXPORT_MS);
  if (app.dashboard) {
    add(`Dashboard: "Dashboard" chosen → ${app.charts} charts painted, at most ${DASHBOARD_MS} ms (p95) once ECharts is cached`,
      `${ms(app.dashboard.p95)} ms`, app.dashboard.p95 <= DASHBOARD_MS);
    add(`Dashboard: a filter change redrawn at most ${DASHBOARD_FILTER_MS} ms (p95)`,
      `${ms(app.dashboardFilter.p95)} ms`, app.dashboardFilter.p95 <= DASHBOARD_FILTER_MS);
  }
  if (results.import) {
    const { rows, preview, create } = results.import;
    add(`Import: a ${int(rows)}-row CSV chosen → preview shown, at most ${int(IMPORT_PREVIEW_MS)} ms (p95)`,
      `${ms(preview.p95)} ms`, preview.p95 <= IMPORT_PREVIEW_MS);
    add(`Import: "Create plan" → the plan shown, at most ${int(IMPORT_CREATE_MS)} ms (p95)`,
      `${ms(create.p95)} ms`, create.p95 <= IMPORT_CREATE_MS);
  }
  if (results.tablet) {
    const { cold, repeat } = results.tablet;
    add(`Tablet profile: a sample plan painted at most ${int(TABLET_COLD_MS)} ms after its address is entered, cold (p95)`,
      `${ms(cold.p95)} ms`, cold.p95 <= TABLET_COLD_MS);
    add(`Tablet profile: the same at most ${int(TABLET_REPEAT_MS)} ms on a repeat visit, served by the service worker (p95)`,
      `${ms(repeat.p95)} ms`, repeat.p95 <= TABLET_REPEAT_MS);
  }
  const growth = results.memory.growth.total;
  add(`Memory growth under ${MEMORY_GROWTH * 100}% across ${results.memory.cycles} open and close cycles (JS heap + wasm memory)`,
    pct(growth), growth < MEMORY_GROWTH);
  return { size, budgets };
}

function sizeTable(size) {
  const rows = [
    '| What | Raw | Gzipped (level 9) |',
    '| --- | ---: | ---: |',
    ...size.files.map((f) => `| App ${f.file.endsWith('.wasm') ? 'wasm' : 'JS'}: \`${f.file}\` | ${kb(f.raw)} | ${kb(f.gzip)} |`),
    `| **App wasm + JS loaded to start** | **${kb(size.total.raw)}** | **${kb(size.total.gzip)}** |`,
  ];
  const parts = size.onDemand.files;
  if (parts.length) {
    const names = parts.map((f) => path.basename(f.file)).filter((f) => f.startsWith('split_')).map((f) => f.slice(6, -5).replaceAll('_', ' '));
    rows.push(`| Parts downloaded when first used: ${parts.length} files (${names.join(', ')}, and code they share) | ${kb(size.onDemand.raw)} | ${kb(size.onDemand.gzip)} |`);
  }
  if (size.echarts.files.length) {
    for (const f of size.echarts.files) rows.push(`| ECharts: \`${f.file}\` | ${kb(f.raw)} | ${kb(f.gzip)} |`);
  } else {
    rows.push('| ECharts (dashboard) | not shipped | |');
  }
  return rows.join('\n');
}

/** The rows of one measure, one per plan size, with ratios to the peers. */
function measureRows(results, label, key, { peers = true, compare = true } = {}) {
  return Object.entries(results.sizes).map(([actions, { targets }]) => {
    const [app, plain, dt] = [targets.app[key], targets.plain[key], targets.datatables[key]];
    const peerCells = peers
      ? [medP95(plain), medP95(dt), compare ? ratios(app, plain) : '', compare ? ratios(app, dt) : '']
      : ['n/a', 'n/a', '', ''];
    return `| ${label} | ${int(Number(actions))} | ${medP95(app)} | ${peerCells.join(' | ')} |`;
  });
}

/** The import's rows: no peer imports a spreadsheet, so the floor is the
 * page's own naive split of the same CSV into cells. */
function importRows(results) {
  const imp = results.import;
  if (!imp) return [];
  const label = `${int(imp.rows)} rows`;
  return [
    `| Import: CSV chosen → preview painted (${label}, ${mb(imp.csvBytes)}) | ${int(imp.rows)} | ${medP95(imp.preview)} | | | | |`,
    `| Import: "Create plan" → plan painted | ${int(imp.rows)} | ${medP95(imp.create)} | | | | |`,
    `| Naive JS split of the same CSV, in the page (floor) | ${int(imp.rows)} | ${medP95(imp.split)} | | | | |`,
    `| Preview ÷ median naive split | ${int(imp.rows)} | ${times(ratio(imp.preview.median, imp.split.median))} / ${times(ratio(imp.preview.p95, imp.split.median))} | | | | |`,
  ];
}

/** The tablet profile's rows: one page, no peers. */
function tabletRows(results) {
  const t = results.tablet;
  if (!t) return [];
  const how = `CPU ÷${t.cpuSlowdown}, ${t.network.latency} ms, ${(t.network.downloadThroughput * 8 / 1e6).toFixed(0)} Mbit/s, ${t.encoding || 'no'} encoding`;
  return [
    `| Tablet profile: sample plan address entered → plan painted, cold (${how}) | 44 | ${medP95(t.cold)} | | | | |`,
    '| Tablet profile: the same, repeat visit (service worker) | 44 | ' + `${medP95(t.repeat)} | | | | |`,
  ];
}

function timesTable(results) {
  const openRatio = Object.entries(results.sizes).map(([actions, { targets }]) => {
    const { open, parse } = targets.app;
    return `| Open ÷ median JSON.parse (Plan Tracker) | ${int(Number(actions))} | ${times(ratio(open.median, parse.median))} / ${times(ratio(open.p95, parse.median))} | | | | |`;
  });
  const exportSizes = Object.entries(results.sizes).map(([actions, { targets }]) =>
    `${int(Number(actions))}: ${mb(targets.app.exportBytes)}`).join(', ');
  return [
    '| Measure | Actions | Plan Tracker | Plain JS | DataTables | Ours ÷ plain JS | Ours ÷ DataTables |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...measureRows(results, 'Open: file chosen → all results painted', 'open'),
    // The same work in three pages: its spread shows the noise, not a difference.
    ...measureRows(results, 'JSON.parse of the same bytes, in each page', 'parse', { compare: false }),
    ...openRatio,
    ...measureRows(results, 'Filter: keystroke in the words box → results painted', 'filter'),
    ...measureRows(results, 'Filter: lead organisation chosen → results painted', 'lead'),
    ...measureRows(results, 'Edit: "Save update" clicked → journal in localStorage', 'edit', { peers: false }),
    ...measureRows(results, 'Export: "Export plan" clicked → file handed to the browser', 'export', { peers: false }),
    ...measureRows(results, 'Dashboard: "Dashboard" chosen → charts painted (ECharts cached)', 'dashboard', { peers: false }),
    ...measureRows(results, 'Dashboard: lead organisation chosen → charts redrawn', 'dashboardFilter', { peers: false }),
    ...importRows(results),
    ...tabletRows(results),
  ].join('\n') + `\n\nExported file sizes: ${exportSizes}. Plan files: ${Object.entries(results.sizes)
    .map(([a, s]) => `${int(Number(a))}: ${mb(s.planBytes)}`).join(', ')}.`;
}

function memoryTable(memory) {
  const row = (label, s) => `| ${label} | ${mb(s.jsHeapUsed)} | ${mb(s.wasmMemory)} | ${mb(s.total)} | ${int(s.domNodes)} | ${int(s.listeners)} |`;
  const g = memory.growth;
  return [
    '| After | JS heap used | Wasm memory | Total | DOM nodes | Event listeners |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('cycle 1, with the plan open', memory.whileOpen),
    ...memory.afterClose.map((s, i) => row(`cycle ${i + 1}, closed`, s)),
    `| **Growth, cycle 1 → ${memory.cycles}** | **${pct(g.jsHeapUsed)}** | **${pct(g.wasmMemory)}** | **${pct(g.total)}** | **${pct(g.domNodes)}** | **${pct(g.listeners)}** |`,
  ].join('\n') + `\n\nSampled after forcing garbage collection (CDP HeapProfiler.collectGarbage); DOM nodes and
listeners are Chromium's counters for the page, detached nodes included. WebAssembly memory never shrinks:
its size is the high-water mark of the app's allocator.`;
}

function budgetTable({ budgets }) {
  return [
    '| Budget | Measured | Result |',
    '| --- | --- | --- |',
    ...budgets.map((b) => `| ${b.name} | ${b.measured} | **${pass(b.pass)}** |`),
  ].join('\n');
}

/** How, where and on what the run was made. */
function notes(results) {
  const m = results.machine;
  const o = results.options;
  const keys = Object.entries(results.sizes)
    .map(([a, s]) => `${int(Number(a))}: ${s.keystrokes.map((k) => `"${k}"`).join(', ')}`).join('; ');
  return [
    `- Run ${results.date} on commit \`${results.commit}\`, ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}; ${m.chromium} headless; Node ${m.node}.`,
    `- Load average (1 minute) ${m.loadAverage.start} at the start and ${m.loadAverage.end} at the end: anything else running slows every page alike.`,
    `- Runs per size: ${o.opens} opens (each in a fresh page), ${o.keys} keystrokes, ${o.leads} lead choices, ${o.edits} edits, ${o.exports} exports, ${o.dashboards} dashboards; ${o.parseRuns} JSON.parse runs. Imports: ${o.imports} of ${int(o.importRows)} rows, each in a fresh page. Tablet profile: ${o.tablet} cold visits, each followed by a repeat visit.`,
    '- Each open is in a fresh page, one second after it is ready for a file (every page gets the same pause: nobody chooses a file the instant a page appears).',
    '- Times are taken in the page with performance.now(): from the input event (file chosen, keydown, click) to the first frame rendered after the results count changed, or to the journal\'s localStorage.setItem, or to the export\'s download link being clicked.',
    `- Each timed keystroke is the last letter of a prefix that changes the results in all three pages (${keys}).`,
    '- The app\'s own files are served compressed (brotli at level 11 where the browser accepts it, else gzip at level 9), as a host would. The tablet profile opens a sample by its address in a fresh browser context with Chromium\'s CPU slowed 4 times and a Fast 4G network (9 Mbit/s, 170 ms round trip), timed from the start of the navigation; its repeat visit is the next one in the same context, once the service worker holds the app.',
    '- The 95th percentile is by nearest rank, so with fewer than 20 runs it is the slowest run. KB = 1,000 bytes.',
  ].join('\n');
}

/** The whole report as Markdown, headings at level `h` and below. */
export function markdown(results, judged, h = 3) {
  const hh = '#'.repeat(h);
  const passed = judged.budgets.filter((b) => b.pass).length;
  return `${hh} Budgets at ${int(judged.size)} actions: ${passed} of ${judged.budgets.length} pass

${budgetTable(judged)}

${hh} Times (milliseconds, median / 95th percentile)

${timesTable(results)}

${hh} Download size

${sizeTable(results.size)}

${hh} Memory: the ${int(results.memory.actions)}-action plan opened and closed ${results.memory.cycles} times

${memoryTable(results.memory)}

${hh} How it was run

${notes(results)}
`;
}

/** One line for the end of the output. */
export function summaryLine(judged) {
  const failed = judged.budgets.filter((b) => !b.pass);
  return failed.length
    ? `SUMMARY: ${judged.budgets.length - failed.length} of ${judged.budgets.length} budgets pass at ${int(judged.size)} actions; FAIL: ${failed.map((b) => b.name).join('; ')}`
    : `SUMMARY: all ${judged.budgets.length} budgets pass at ${int(judged.size)} actions`;
}

export function writeResults(folder, results, judged) {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(`${folder}/latest.json`, `${JSON.stringify({ ...results, budgets: judged }, null, 2)}\n`);
  fs.writeFileSync(`${folder}/latest.md`, `# Benchmark: Plan Tracker against peers\n\n${markdown(results, judged, 2)}`);
}

const README_INTRO = `How fast Plan Tracker opens, filters, saves, exports, draws its dashboard and
imports large plans, against
two peers over the same plan file in the same run: a plain JavaScript page
(the lower bound: JSON.parse, String.includes, the first 100 rows drawn) and
DataTables from npm with its search box (nothing else imports a spreadsheet,
so an import is set against the page's own naive split of the same CSV).
Run it with:

\`\`\`sh
bash scripts/bench                          # full run: 1,000, 10,000 and 20,000 actions
bash scripts/bench --sizes 1000,20000 --runs 5 --no-build   # a quicker look
\`\`\`

It installs what is missing (\`scripts/setup\`), builds the release site (skip
with \`--no-build\`), generates the plans with \`generate_plan\` into
\`scripts/benchmark/tmp/\`, drives headless Chromium, prints PASS or FAIL for
each budget (exiting 0 either way: it is a report, not a test), and writes
\`scripts/benchmark/results/latest.md\` and \`latest.json\`. Options:
\`--no-build\`; \`--sizes 1000,20000\`; \`--runs N\`, the number of runs of
every measure (by default 5 opens, 15 keystrokes, 20 lead choices, 10 edits,
5 exports and 10 dashboards per size, 5 imports, and 20 tablet visits, so
that the 95th percentile of the tablet's visits and of the dashboard's
redraws is not simply the slowest one);
\`--opens\`, \`--keys\`, \`--leads\`, \`--edits\`, \`--exports\`, \`--dashboards\`,
\`--imports\`, \`--tablet\`, \`--cycles N\` for one measure; \`--import-rows N\`
(5,000); \`--no-readme\`.
Measuring takes four to nine minutes on two cores, after the build. A full
run rewrites the tables below; a run without every size leaves them alone.
They are from the latest full run on a 2-core machine; other work on the
machine slows every page alike, so compare the ratios more than the times.`;

/** Replaces README.md's "## Speed" section, or adds it before "## How the
 * code is laid out". Nothing else in the README is touched. */
export function updateReadme(readmePath, results, judged) {
  const text = fs.readFileSync(readmePath, 'utf8');
  const section = `## Speed\n\n${README_INTRO}\n\n${markdown(results, judged, 3)}\n`;
  const start = text.indexOf('\n## Speed\n');
  let updated;
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + 1);
    updated = text.slice(0, start + 1) + section + (next >= 0 ? text.slice(next + 1) : '');
  } else {
    const anchor = text.indexOf('\n## How the code is laid out');
    if (anchor < 0) throw new Error('README.md has no "## How the code is laid out" heading to put the Speed section before');
    updated = `${text.slice(0, anchor + 1)}${section}${text.slice(anchor + 1)}`;
  }
  fs.writeFileSync(readmePath, updated);
}
