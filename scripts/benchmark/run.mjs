// The benchmark driver: Plan Tracker's release build against a plain
// JavaScript page and DataTables, over the same generated plans, in headless
// Chromium. Run through `bash scripts/bench`, which builds the app and
// generates the plans first; see README.md, "Speed".
//
//   node scripts/benchmark/run.mjs [--sizes 1000,10000,20000] [--runs N]
//     [--opens N] [--keys N] [--leads N] [--edits N] [--exports N] [--dashboards N]
//     [--parse-runs N] [--cycles N] [--tablet N] [--plans DIR] [--no-readme]
//
// A report, not a test: it exits 0 when budgets fail, and non-zero only when
// it could not measure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from './lib/server.mjs';
import { measureSize, isOnDemandPart } from './lib/size.mjs';
import { summarise } from './lib/stats.mjs';
import { tabletProfile } from './lib/tablet.mjs';
import { TARGETS, targetByKey } from './lib/targets.mjs';
import {
  newTargetPage, measureOpen, parseBaseline, keystrokesThatFilter, measureKeystroke,
  measureLead, answerWhoIAm, measureEdit, measureExport, measureMemoryCycles,
  warmDashboard, measureDashboard, measureDashboardLead, settle,
  measureImportPreview, measureImportCreate, splitBaseline,
} from './lib/measure.mjs';
import { judgeBudgets, markdown, memoryGrowth, summaryLine, updateReadme, writeResults } from './lib/report.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const DEFAULT_SIZES = [1000, 10000, 20000];

/** Words of the generated plans' action titles (src/generate.rs), typed a
 * letter at a time; only letters that change every page's results are timed. */
const WORDS = ['protocol', 'homelessness', 'recruitment', 'exploitation', 'placement', 'readiness',
  'attendance', 'disabilities', 'inspection', 'vulnerable'];

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function parseOptions(argv) {
  const options = {
    sizes: DEFAULT_SIZES, opens: 5, keys: 15, leads: 20, edits: 10, exports: 5, dashboards: 10, parseRuns: 7, cycles: 5,
    imports: 5, importRows: 5000, tablet: 20,
    plans: path.join(HERE, 'tmp'), readme: true,
  };
  const counts = { '--opens': 'opens', '--keys': 'keys', '--leads': 'leads', '--edits': 'edits', '--exports': 'exports', '--dashboards': 'dashboards', '--parse-runs': 'parseRuns', '--cycles': 'cycles', '--imports': 'imports', '--import-rows': 'importRows', '--tablet': 'tablet' };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const positive = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number of at least 1`);
      i += 1;
      return n;
    };
    if (flag === '--sizes') {
      options.sizes = value.split(',').map(Number);
      if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes needs numbers like 1000,20000');
      i += 1;
    } else if (flag === '--runs') {
      const n = positive();
      Object.assign(options, { opens: n, keys: n, leads: n, edits: n, exports: n, dashboards: n, parseRuns: n, imports: n });
    } else if (counts[flag]) {
      options[counts[flag]] = positive();
    } else if (flag === '--plans') {
      options.plans = path.resolve(value);
      i += 1;
    } else if (flag === '--no-readme') {
      options.readme = false;
    } else {
      throw new Error(`unknown option ${flag}`);
    }
  }
  return options;
}

const log = (text) => console.error(`bench: ${text}`);
const planFile = (options, actions) => path.join(options.plans, `plan-${actions}.json`);

/** The lead organisations of a plan as the peers list them (an action's own
 * lead, else its activity's), sorted. */
function leadNames(file) {
  const plan = JSON.parse(fs.readFileSync(file, 'utf8'));
  const leads = new Set();
  for (const priority of plan.priorities || []) {
    for (const activity of priority.activities || []) {
      for (const action of activity.actions || []) {
        const lead = (action.lead && action.lead.organisation) || (activity.lead && activity.lead.organisation);
        if (lead) leads.add(lead);
      }
    }
  }
  return [...leads].sort();
}

/** `items` repeated in order until there are `count` of them. */
const cycle = (items, count) => Array.from({ length: count }, (_, i) => items[i % items.length]);

/** Runs `measureOne(item)` for each item in turn; the samples in ms. */
async function samples(items, measureOne) {
  const ms = [];
  for (const item of items) ms.push((await measureOne(item)).ms);
  return ms;
}

/** The pause before each open: well under the time a person takes to
 * find and choose a file. */
const CHOOSING_FILE_MS = 1000;

/** Opens the plan `opens` times, each in a fresh page, and keeps the last
 * page open (with the plan) for the filter, edit and export runs. */
async function openRuns(browser, origin, target, file, actions, options, requests) {
  const open = [];
  let session = null;
  for (let run = 0; run < options.opens; run += 1) {
    if (session) await session.context.close();
    session = await newTargetPage(browser, origin, target, requests);
    await session.page.bringToFront();
    // Nobody chooses a file the instant a page appears: every page gets the
    // same moment, in which work it puts off until idle can run.
    await session.page.waitForTimeout(CHOOSING_FILE_MS);
    open.push((await measureOpen(session.page, target, file, actions)).ms);
  }
  const parse = await parseBaseline(session.page, options.parseRuns);
  return { ...session, open, parse };
}

/** Keystrokes that change the results in every page, so each page does the
 * same work for the same letters. */
async function commonKeystrokes(sessions) {
  const found = {};
  for (const target of TARGETS) {
    await sessions[target.key].page.bringToFront();
    found[target.key] = await keystrokesThatFilter(sessions[target.key].page, target, WORDS);
  }
  const common = found.app.filter((typed) => TARGETS.every((t) => found[t.key].includes(typed)));
  if (!common.length) throw new Error(`no keystroke changes the results in every page: ${JSON.stringify(found)}`);
  return common;
}

/** Keystroke and lead-choice runs, on a page with the plan open. */
async function filterRuns(page, target, typed, leads) {
  await page.bringToFront();
  return {
    filter: summarise(await samples(typed, (text) => measureKeystroke(page, target, text))),
    lead: summarise(await samples(leads, (name) => measureLead(page, target, name))),
  };
}

/** The app's edit and export runs, on its page with the plan open. Edits go
 * to successive actions shown, so each one is a change. */
async function editAndExportRuns(page, options) {
  await page.bringToFront();
  await answerWhoIAm(page);
  const shown = await page.locator('li.action').count();
  const edit = summarise(await samples(cycle([...Array(shown).keys()], options.edits), (nth) => measureEdit(page, nth)));
  const exports = [];
  for (let run = 0; run < options.exports; run += 1) exports.push(await measureExport(page));
  return { edit, export: summarise(exports.map((e) => e.ms)), exportBytes: exports[exports.length - 1].bytes };
}

/** The app's dashboard: drawn from the actions page once its part and
 * ECharts are here, and redrawn as a lead organisation is chosen on it. */
async function dashboardRuns(page, options, leads) {
  await page.bringToFront();
  // The edits and exports before leave "saved" banners, which would push
  // the first chart below the first screen: the app draws only charts in
  // view. An export with the same file name as the last one takes its
  // message away and gives it again 50 ms later (so that screen readers say
  // it), so each look waits longer than that.
  const dismiss = page.getByRole('button', { name: 'Dismiss', exact: true });
  for (;;) {
    await page.waitForTimeout(200);
    if (!(await dismiss.first().isVisible())) break;
    await dismiss.first().click();
  }
  const charts = await warmDashboard(page);
  const drawn = [];
  for (let run = 0; run < options.dashboards; run += 1) drawn.push((await measureDashboard(page, charts)).ms);
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  await page.locator('.chart__canvas svg, .chart__canvas canvas').first().waitFor();
  await settle(page);
  const redraw = summarise(await samples(leads, (name) => measureDashboardLead(page, targetByKey.app, name)));
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  return { dashboard: summarise(drawn), dashboardFilter: redraw, charts };
}

/** Every measure of one plan size, for the app and both peers. */
async function benchSize(browser, origin, actions, options, requests) {
  const file = planFile(options, actions);
  const sessions = {};
  const targets = {};
  // Only the app's requests are checked: for ECharts, and for parts that
  // should not be needed to open a plan.
  const appRequests = [];
  let partsWhileOpening = [];
  for (const target of TARGETS) {
    log(`${actions} actions: ${target.name}: ${options.opens} opens`);
    sessions[target.key] = await openRuns(browser, origin, target, file, actions, options, target.key === 'app' ? appRequests : []);
    targets[target.key] = { open: summarise(sessions[target.key].open), parse: summarise(sessions[target.key].parse) };
    if (target.key === 'app') partsWhileOpening = [...new Set(appRequests.filter(isOnDemandPart))];
  }
  log(`${actions} actions: finding keystrokes that change every page's results`);
  const typed = cycle(await commonKeystrokes(sessions), options.keys);
  const leads = cycle(leadNames(file), options.leads);
  for (const target of TARGETS) {
    log(`${actions} actions: ${target.name}: ${options.keys} keystrokes, ${options.leads} lead choices`);
    Object.assign(targets[target.key], await filterRuns(sessions[target.key].page, target, typed, leads));
  }
  log(`${actions} actions: Plan Tracker: ${options.edits} edits, ${options.exports} exports`);
  Object.assign(targets.app, await editAndExportRuns(sessions.app.page, options));
  // ECharts must not have been fetched for anything so far; the dashboard's
  // own runs, which fetch it, come after.
  const beforeDashboard = appRequests.length;
  log(`${actions} actions: Plan Tracker: dashboard ${options.dashboards} times, ${options.leads} lead choices on it`);
  Object.assign(targets.app, await dashboardRuns(sessions.app.page, options, leads));
  for (const session of Object.values(sessions)) await session.context.close();
  requests.push(...appRequests.slice(0, beforeDashboard));
  return { planBytes: fs.statSync(file).size, keystrokes: [...new Set(typed)], targets, partsWhileOpening };
}

/** A CSV as an officer would save their plan from Excel: one row per key
 * action of the largest generated plan, the first `rows` of them, with the
 * standard headings and RAG words for statuses. */
function importSheet(options, rows) {
  const plan = JSON.parse(fs.readFileSync(planFile(options, Math.max(...options.sizes)), 'utf8'));
  const rag = { on_track: 'Green', at_risk: 'Amber', off_track: 'Red', complete: 'Complete', not_started: 'Not started' };
  const cell = (text) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = ['Priority,Key activity,Lead organisation,Partners,Governance group,Action,Deadline,Status'];
  for (const priority of plan.priorities) {
    for (const activity of priority.activities || []) {
      for (const action of activity.actions || []) {
        if (lines.length > rows) break;
        const due = action.due ? action.due.label || action.due.date || '' : '';
        const status = rag[action.progress && action.progress.status] || '';
        lines.push([priority.title, activity.title, (activity.lead && activity.lead.organisation) || '',
          (activity.partners || []).join('; '), activity.governance_group || '', action.title, due, status].map(cell).join(','));
      }
    }
  }
  if (lines.length <= rows) throw new Error(`the plans have fewer than ${rows} actions`);
  const file = path.join(options.plans, `import-${rows}.csv`);
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

/** Importing a sheet of `importRows` rows, each run in a fresh page: the
 * file chosen to the preview shown, then "Create plan" to the plan shown.
 * The page's own naive split of the same CSV is the floor to compare with. */
async function importRuns(browser, origin, options) {
  const rows = options.importRows;
  const csv = importSheet(options, rows);
  const preview = [];
  const create = [];
  let floor = [];
  for (let run = 0; run < options.imports; run += 1) {
    const { context, page } = await newTargetPage(browser, origin, targetByKey.app);
    await page.getByRole('button', { name: 'Import a plan from a spreadsheet' }).click();
    await page.getByLabel('Choose a spreadsheet file').waitFor();
    await page.waitForTimeout(CHOOSING_FILE_MS);
    preview.push((await measureImportPreview(page, csv)).ms);
    await settle(page);
    create.push((await measureImportCreate(page, rows)).ms);
    if (run === options.imports - 1) floor = await splitBaseline(page, options.parseRuns);
    await context.close();
  }
  return { rows, csvBytes: fs.statSync(csv).size, preview: summarise(preview), create: summarise(create), split: summarise(floor) };
}

function commitOf() {
  const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** The one-minute load average, e.g. "0.42". */
const loadAverage = () => os.loadavg()[0].toFixed(2);

function machineOf(browser) {
  let osName = `${os.type()} ${os.release()}`;
  try {
    osName = /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))[1];
  } catch { /* keep the kernel's name */ }
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0].model.replace(/\s+/g, ' ').trim(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: osName,
    chromium: `Chromium ${browser.version()}`,
    node: process.version,
    // Other work on the machine slows every page alike; the load tells.
    loadAverage: { start: loadAverage(), end: null },
  };
}

/** A copy of dist/ for this run: a build started meanwhile (trunk replaces
 * dist/ whole) must not change the app under measurement. */
function snapshotDist(options) {
  const dist = path.join(ROOT, 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ has no build: run bash scripts/build (or bash scripts/bench)');
  const copy = path.join(options.plans, 'dist');
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(dist, copy, { recursive: true });
  return copy;
}

function checkInputs(options) {
  for (const actions of options.sizes) {
    if (!fs.existsSync(planFile(options, actions))) throw new Error(`no plan ${planFile(options, actions)}: bash scripts/bench generates it`);
  }
  if (!fs.existsSync(path.join(ROOT, 'node_modules/datatables.net'))) throw new Error('DataTables is not installed: run bash scripts/setup');
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  checkInputs(options);
  const dist = snapshotDist(options);
  const server = await startServer(ROOT, { dist, plans: options.plans });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  try {
    const requests = [];
    const results = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      commit: commitOf(),
      machine: machineOf(browser),
      options: { ...options, plans: path.relative(ROOT, options.plans) },
      size: measureSize(dist),
      sizes: {},
    };
    for (const actions of options.sizes) results.sizes[actions] = await benchSize(browser, server.origin, actions, options, requests);
    log(`import: a ${options.importRows}-row CSV, ${options.imports} times`);
    results.import = await importRuns(browser, server.origin, options);
    const largest = Math.max(...options.sizes);
    log(`memory: opening and closing the ${largest}-action plan ${options.cycles} times`);
    const memory = await measureMemoryCycles(browser, server.origin, targetByKey.app, `/plans/${path.basename(planFile(options, largest))}`, largest, options.cycles, requests);
    results.memory = { actions: largest, cycles: options.cycles, ...memory, growth: memoryGrowth(memory.afterClose) };
    results.echartsRequests = requests.filter((url) => /echarts/i.test(url));
    log(`tablet profile: a sample plan by its address, CPU slowed 4×, Fast 4G, ${options.tablet} cold and repeat visits`);
    const tablet = await tabletProfile(browser, server.origin, options.tablet);
    results.tablet = { ...tablet, cold: summarise(tablet.cold), repeat: summarise(tablet.repeat) };
    results.machine.loadAverage.end = loadAverage();

    const judged = judgeBudgets(results);
    console.log(markdown(results, judged, 3));
    writeResults(path.join(HERE, 'results'), results, judged);
    const full = DEFAULT_SIZES.every((n) => options.sizes.includes(n));
    if (options.readme && full) {
      updateReadme(path.join(ROOT, 'README.md'), results, judged);
      log('README.md "## Speed" updated; results in scripts/benchmark/results/latest.{md,json}');
    } else {
      log(`README.md not updated (${options.readme ? 'not every size was run' : '--no-readme'}); results in scripts/benchmark/results/latest.{md,json}`);
    }
    console.log(summaryLine(judged));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(`bench: could not finish: ${error.stack || error}`);
  process.exit(1);
});
