// The measurements, each one function for the app and both peers. Timing is
// done in the page by probe.js; Node only performs the inputs, the way a
// person would (a chosen file, a key, a click), and collects the results.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'probe.js');

/** Opening a 20,000-action plan is the slowest thing measured. */
const OPEN_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 30_000;

/** A fresh browser context (empty storage, nothing cached) with the probe,
 * on `target`'s page, ready for a file. Every URL it requests once ready is
 * pushed to `requests` (what it takes to draw the page where the file is
 * chosen, the app's welcome page among it, is not opening a plan); page
 * errors are printed. */
export async function newTargetPage(browser, origin, target, requests = []) {
  // No service worker: its download of every file would run alongside the
  // measurements (the tablet profile measures it on its own).
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, acceptDownloads: true, serviceWorkers: 'block' });
  await context.addInitScript({ path: PROBE });
  const page = await context.newPage();
  let ready = false;
  page.on('request', (request) => { if (ready) requests.push(request.url()); });
  page.on('pageerror', (error) => console.error(`  [${target.key}] page error: ${error.message}`));
  await page.goto(origin + target.path);
  await target.ready(page);
  ready = true;
  return { context, page };
}

/** Arms the probe, performs `act`, and returns the probe's { ms, ... }. */
export async function measure(page, spec, act) {
  await page.evaluate((s) => window.__bench.arm(s), { timeoutMs: STEP_TIMEOUT_MS, ...spec });
  await act();
  return page.evaluate(() => window.__bench.result());
}

/** Lets the page finish what an untimed step started: two frames. */
export async function settle(page) {
  for (let i = 0; i < 2; i += 1) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  }
}

export function readCount(page, target) {
  return page.evaluate((selector) => window.__bench.readCount(selector), target.count);
}

/** Open: from the file input's `change` to the first paint of the count
 * showing every action of the plan. `plan` is a file path, chosen through
 * Playwright like a person would, or a URL on the benchmark's server, which
 * the page fetches and chooses itself (for the memory cycles). */
export function measureOpen(page, target, plan, actions) {
  const spec = {
    trigger: 'change',
    triggerSelector: target.fileInput,
    done: { kind: 'count', selector: target.count, equals: { shown: actions, total: actions } },
    timeoutMs: OPEN_TIMEOUT_MS,
  };
  const choose = plan.startsWith('/plans/')
    ? () => page.evaluate(([selector, url]) => window.__bench.chooseFile(selector, url), [target.fileInput, plan])
    : () => page.setInputFiles(target.fileInput, plan);
  return measure(page, spec, choose);
}

/** The page's own JSON.parse time for the file it just opened. */
export function parseBaseline(page, runs) {
  return page.evaluate((n) => window.__bench.parseBaseline(n), runs);
}

/** Puts `text` in the search box, untimed, and waits for the page to finish. */
async function setWords(page, target, text) {
  await page.fill(target.search, text);
  await settle(page);
}

/**
 * Keystrokes that change the results in this page: for each word, the
 * prefixes whose next letter changes the count, as "prefix" + "letter".
 * A keystroke that changes nothing paints nothing and could not be timed.
 */
export async function keystrokesThatFilter(page, target, words) {
  const found = [];
  for (const word of words) {
    let before = await countWith(page, target, '');
    for (let i = 0; i < word.length; i += 1) {
      const after = await countWith(page, target, word.slice(0, i + 1));
      if (before && after && after.shown !== before.shown) found.push(word.slice(0, i + 1));
      before = after;
    }
  }
  await setWords(page, target, '');
  return found;
}

async function countWith(page, target, text) {
  await setWords(page, target, text);
  return readCount(page, target);
}

/** Filter: from the keydown of the last letter of `typed` (the rest already
 * in the box) to the first paint of the changed count. */
export async function measureKeystroke(page, target, typed) {
  await setWords(page, target, typed.slice(0, -1));
  await page.focus(target.search);
  const spec = { trigger: 'keydown', done: { kind: 'count', selector: target.count } };
  const result = await measure(page, spec, () => page.keyboard.press(typed.slice(-1)));
  await setWords(page, target, '');
  return result;
}

/** Lead: from choosing a lead organisation (ticking its checkbox, or
 * choosing it in a peer's <select>) to the first paint of the changed count. */
export async function measureLead(page, target, name) {
  const spec = { ...target.lead.trigger, done: { kind: 'count', selector: target.count } };
  const result = await measure(page, spec, () => target.lead.choose(page, name));
  await target.lead.clear(page, name);
  await settle(page);
  return result;
}

/** The app asks who is recording progress once; answer before timing. */
export async function answerWhoIAm(page) {
  const first = page.locator('li.action').first();
  await first.getByRole('button', { name: /Update progress/ }).click();
  const name = page.getByLabel('Your name');
  const cancel = first.getByRole('button', { name: 'Cancel' });
  // The form is downloaded on first use: wait for it, or for the question.
  await name.or(cancel).first().waitFor();
  if (await name.isVisible()) {
    await name.fill('Benchmark Runner');
    await page.getByLabel('Your organisation').fill('Plan Tracker');
    await page.getByRole('button', { name: 'Save and continue' }).click();
  }
  await cancel.click();
  await settle(page);
}

/** Edit (the app only): on the `nth` action shown, set a status it does not
 * have, then time from the click on "Save update" to the journal being
 * written to localStorage. */
export async function measureEdit(page, nth) {
  const action = page.locator('li.action').nth(nth);
  await action.getByRole('button', { name: /Update progress/ }).click();
  // An unchecked status, by id: after the click it would no longer match.
  const radioId = await action.locator('input[type=radio]:not(:checked)').first().getAttribute('id');
  await page.locator(`[id="${radioId}"]`).check();
  const spec = { trigger: 'click', triggerSelector: 'button[type=submit]', done: { kind: 'signal', name: 'journal-saved' } };
  const result = await measure(page, spec, () => action.getByRole('button', { name: 'Save update' }).click());
  await settle(page);
  return result;
}

/** Export (the app only): from the click on "Export plan" to the file
 * being handed to the browser as a download. */
export async function measureExport(page) {
  const spec = { trigger: 'click', triggerSelector: 'button', done: { kind: 'signal', name: 'download' } };
  const result = await measure(page, spec, () => page.getByRole('button', { name: 'Export plan', exact: true }).click());
  result.bytes = await page.evaluate(() => window.__bench.lastBlobSize);
  await settle(page);
  return result;
}

/** JS heap used, wasm memory and DOM nodes, after forcing garbage collection. */
export async function memorySample(page, cdp) {
  for (let i = 0; i < 2; i += 1) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const wasm = await page.evaluate(() => window.__bench.wasmMemoryBytes());
  return { jsHeapUsed: heap.usedSize, wasmMemory: wasm, total: heap.usedSize + wasm, domNodes: dom.nodes, listeners: dom.jsEventListeners };
}

/** Memory (the app only): open the plan (`planUrl`, on the benchmark's
 * server) and close it `cycles` times in one page, sampling after each
 * close, and once with the plan open. */
export async function measureMemoryCycles(browser, origin, target, planUrl, actions, cycles, requests) {
  const { context, page } = await newTargetPage(browser, origin, target, requests);
  const cdp = await context.newCDPSession(page);
  const afterClose = [];
  let whileOpen = null;
  for (let cycle = 1; cycle <= cycles; cycle += 1) {
    await measureOpen(page, target, planUrl, actions);
    if (cycle === 1) whileOpen = await memorySample(page, cdp);
    await page.getByRole('button', { name: 'More options' }).click();
    await page.getByRole('button', { name: 'Close plan' }).click();
    // A locator, not waitForSelector: the handle that returns would keep
    // the old welcome page's DOM alive and show as a leak of the app.
    await page.locator(target.fileInput).waitFor();
    await settle(page);
    afterClose.push(await memorySample(page, cdp));
  }
  await context.close();
  return { whileOpen, afterClose };
}

/** Charts drawn now that are in view, even in part: the ones the app
 * redraws at once (src/ui/boards/chart_block.rs); the rest are drawn as
 * they scroll into view. */
function chartsInView(page) {
  return page.evaluate(() => {
    return [...document.querySelectorAll('.chart__canvas')].filter((chart) => {
      const box = chart.getBoundingClientRect();
      return chart.querySelector('svg, canvas') && box.bottom > 0 && box.top < window.innerHeight;
    }).length;
  });
}

/** Goes to the app's dashboard and back to its actions, untimed: the first
 * visit downloads the dashboard's part and ECharts, which the budget leaves
 * out ("after ECharts is cached"). Returns how many charts it draws on
 * arrival (those in view). */
export async function warmDashboard(page) {
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  await page.locator('.chart__canvas svg, .chart__canvas canvas').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await settle(page);
  const charts = Math.max(1, await chartsInView(page));
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.locator('#results-count').waitFor();
  await settle(page);
  return charts;
}

/** Dashboard: from the click on "Dashboard" to the first paint after the
 * charts in view are drawn. Leaves the page on the actions. */
export async function measureDashboard(page, charts) {
  const spec = { trigger: 'click', triggerSelector: 'nav[aria-label="Plan"]', done: { kind: 'charts', min: charts } };
  const result = await measure(page, spec, () => page.getByRole('button', { name: 'Dashboard', exact: true }).click());
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.locator('#results-count').waitFor();
  await settle(page);
  return result;
}

/** Dashboard filter: from ticking a lead organisation on the dashboard to
 * the first paint after every chart in view is redrawn. */
export async function measureDashboardLead(page, target, name) {
  await target.lead.reveal(page, name);
  const spec = { ...target.lead.trigger, done: { kind: 'charts', min: Math.max(1, await chartsInView(page)) } };
  const result = await measure(page, spec, () => target.lead.choose(page, name));
  await target.lead.clear(page, name);
  await settle(page);
  return result;
}

/** Import, first step: from choosing the CSV on the import page to the
 * first paint of the preview ("Check the plan before it is made"). */
export function measureImportPreview(page, csvPath) {
  const spec = {
    trigger: 'change',
    triggerSelector: '#import-file',
    done: { kind: 'element', selector: '#import-preview-title' },
    timeoutMs: OPEN_TIMEOUT_MS,
  };
  return measure(page, spec, () => page.getByLabel('Choose a spreadsheet file').setInputFiles(csvPath));
}

/** Import, second step: from "Create plan" to the first paint of the plan
 * with every action counted. */
export function measureImportCreate(page, rows) {
  const spec = {
    trigger: 'click',
    triggerSelector: '.import__preview',
    done: { kind: 'count', selector: '#results-count', equals: { shown: rows, total: rows } },
    timeoutMs: OPEN_TIMEOUT_MS,
  };
  return measure(page, spec, () => page.getByRole('button', { name: 'Create plan' }).click());
}

/** The page's own naive split of the CSV it was just given. */
export function splitBaseline(page, runs) {
  return page.evaluate((n) => window.__bench.splitBaseline(n), runs);
}
