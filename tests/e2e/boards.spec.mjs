// For the board: the dashboard (charts drawn by ECharts, each with its
// table, filtering by what is chosen), the exception report (CSV, snapshot,
// print to PDF), and meeting mode on a tablet, with the keyboard and touch.
import fs from 'node:fs';
import { test, expect, openSample, expectAccessible, sayWhoIAm } from './helpers.mjs';

test.use({ viewport: { width: 1024, height: 768 } });

const ECHARTS = /\/vendor\/echarts-[\d.]+\.min\.js$/;

async function download(page, click) {
  const promise = page.waitForEvent('download');
  await click();
  const file = await promise;
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

/** The PDF's page count and the first page's text, read with pdf.js. */
async function readPdf(bytes) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: true }).promise;
  const first = await (await pdf.getPage(1)).getTextContent();
  return { pages: pdf.numPages, firstPage: first.items.map((item) => item.str).join(' ') };
}

test('the dashboard draws each chart with its table, and choosing a bar filters by it', async ({ page }) => {
  const echarts = [];
  page.on('request', (r) => { if (ECHARTS.test(r.url())) echarts.push(r.url()); });
  await openSample(page);
  expect(echarts).toEqual([]);
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  await expect(page).toHaveURL(/view=dashboard/);
  // A chart is drawn once it is scrolled to (or printed).
  const byPriority = page.getByRole('region', { name: 'Actions by status in each priority' });
  await byPriority.scrollIntoViewIfNeeded();
  await expect(byPriority.locator('canvas')).toBeVisible();
  expect(echarts.length).toBe(1);
  // The table says the same: 44 actions, 22 in priority 1.
  await byPriority.getByRole('button', { name: 'Show as a table' }).click();
  const table = byPriority.getByRole('table', { name: 'Actions by status in each priority' });
  const first = table.getByRole('row').nth(1);
  await expect(first.getByRole('rowheader')).toContainText('1. Children and young people are safe in Nottinghamshire');
  await expect(first.getByRole('cell').last()).toHaveText('22');
  await expectAccessible(page);

  // Choosing a row (or a bar) filters by it, and the address says so.
  await first.getByRole('button', { name: /Show only 1\. Children and young people are safe/ }).click();
  await expect(page).toHaveURL(/priority=p1/);
  await expect(page.getByText('Showing 22 of 44 actions')).toBeVisible();
  // Charts out of view are drawn as a person scrolls to them.
  const overall = page.getByRole('region', { name: 'All 22 shown actions by status' });
  await overall.scrollIntoViewIfNeeded();
  await expect(overall.locator('canvas')).toBeVisible();

  // A bar in the chart itself: the deadlines chart's overdue months.
  const months = page.getByRole('region', { name: /^Deadlines by month/ });
  await months.getByRole('button', { name: 'Show as a table' }).click();
  await months.getByRole('button', { name: /Show only Sep 2016/ }).click();
  await expect(page).toHaveURL(/from=2016-09-01/);
  await expect(page).toHaveURL(/to=2016-09-30/);

  // The measures: one chosen at a time, with its table.
  const measure = page.getByRole('region', { name: 'Measures over time' });
  await expect(measure.getByLabel('Measure')).toBeVisible();
});

test('the dashboard prints every chart with its table, out of view or not', async ({ page }) => {
  // A browser fires "beforeprint" as it prints; the stub does the same
  // without opening a dialog.
  await page.addInitScript(() => {
    window.print = () => { window.dispatchEvent(new Event('beforeprint')); window.printed = true; };
  });
  await openSample(page, undefined, '&view=dashboard');
  const charts = page.locator('.chart__canvas');
  // On screen a chart is a canvas; printed, every one is drawn as SVG.
  await expect(charts.first().locator('canvas')).toBeVisible();
  const count = await charts.count();
  expect(count).toBeGreaterThanOrEqual(4);
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  await expect.poll(() => page.evaluate(() => window.printed === true)).toBe(true);
  await expect(page.locator('.chart__canvas svg')).toHaveCount(count);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'Actions by status in each priority' })).toBeVisible();
  const pdf = await readPdf(await page.pdf({ format: 'A4' }));
  expect(pdf.pages).toBeGreaterThanOrEqual(2);
  expect(pdf.firstPage).toContain('Dashboard');
  expect(pdf.firstPage).toContain('Children, Young People and Families Plan 2016-2018');
});

test('the dashboard says when the charts cannot be downloaded, and tries again', async ({ page }) => {
  await openSample(page);
  await page.route(ECHARTS, (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toContainText('The charts could not be downloaded');
  // The figures are still there as tables, and the rest of the app works.
  await page.getByRole('region', { name: 'Actions by status in each priority' }).getByRole('button', { name: 'Show as a table' }).click();
  await expect(page.getByRole('table', { name: 'Actions by status in each priority' })).toBeVisible();
  await expectAccessible(page);
  await page.unroute(ECHARTS);
  await problem.getByRole('button', { name: 'Try again' }).click();
  const byPriority = page.getByRole('region', { name: 'Actions by status in each priority' });
  await byPriority.scrollIntoViewIfNeeded();
  await expect(byPriority.locator('canvas')).toBeVisible();
  await expect(problem).toHaveCount(0);
});

test('the exception report lists what needs attention and goes out as CSV, a snapshot and a PDF', async ({ page }) => {
  await openSample(page, undefined, '&view=exceptions');
  await expect(page.getByRole('heading', { name: 'Exception report' })).toBeVisible();
  await expect(page.getByText('44 actions and 3 activities need attention.')).toBeVisible();
  const first = page.getByRole('region', { name: '1. Children and young people are safe in Nottinghamshire' });
  await expect(first.getByText('Why').first()).toBeVisible();
  await expect(first.getByText(/Overdue/).first()).toBeVisible();
  await expectAccessible(page);

  // Filters apply: overdue only.
  await page.getByRole('search', { name: 'Filter actions' }).getByRole('checkbox', { name: /^Overdue/ }).check();
  await expect(page).toHaveURL(/due=overdue/);
  await expect(page.getByText(/^\d+ actions and 0 activities need attention\.$/)).toBeVisible();

  const csv = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
  expect(csv.name).toMatch(/^notts-cypf-2016-18-exceptions-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.startsWith('\ufeffPriority,Kind,Title,')).toBe(true);
  expect(csv.text).toContain('Overdue');

  const snapshot = await download(page, () => page.getByRole('button', { name: 'Download a snapshot' }).click());
  expect(snapshot.name).toMatch(/\.html$/);
  expect(snapshot.text.toLowerCase()).not.toContain('<script');
  expect(snapshot.text).toContain('Exception report');
  expect(snapshot.text).toContain('Showing: Deadline: Overdue.');

  // Printed to PDF: A4, no controls, the title and filters on page one.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeHidden();
  const pdf = await readPdf(await page.pdf({ format: 'A4' }));
  expect(pdf.pages).toBeGreaterThanOrEqual(1);
  expect(pdf.firstPage).toContain('Children, Young People and Families Plan 2016-2018');
  expect(pdf.firstPage).toContain('Showing: Deadline: Overdue.');
  expect(pdf.firstPage).toContain('Printed on');
  expect(pdf.firstPage).not.toContain('Export plan');
});

test('the view prints every action it shows, a priority to a page', async ({ page }) => {
  await page.addInitScript(() => { window.print = () => { window.printed = true; }; });
  await openSample(page);
  await page.getByRole('button', { name: 'Print this view' }).click();
  await expect.poll(() => page.evaluate(() => window.printed === true)).toBe(true);
  // Every action is drawn for the printout, not only the first page of them.
  await expect(page.getByRole('main').locator('li.action')).toHaveCount(44);
  await page.emulateMedia({ media: 'print' });
  const pdf = await readPdf(await page.pdf({ format: 'A4' }));
  expect(pdf.pages).toBeGreaterThanOrEqual(4);
  expect(pdf.firstPage).toContain('Showing: All actions.');
  expect(pdf.firstPage).not.toContain('Filter');

  // A snapshot of the view: every action, no script.
  await page.emulateMedia({ media: 'screen' });
  const snapshot = await download(page, () => page.getByRole('button', { name: 'Download a snapshot' }).click());
  expect(snapshot.text.toLowerCase()).not.toContain('<script');
  expect(snapshot.text.match(/<li>/g).length).toBe(44);
});

test('meeting mode steps through activities with buttons, keys and swipes, and records with big controls', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await openSample(page);
  await page.getByRole('button', { name: 'Meeting mode' }).click();
  const meeting = page.getByRole('region', { name: 'Meeting mode' });
  await expect(meeting.getByText('1 of 19')).toBeVisible();
  await expect(page).toHaveURL(/view=meeting/);
  // Nobody has said who is recording yet: the form for it comes first,
  // and focus is not sent past it to the step's title.
  await expect(meeting.getByRole('heading', { level: 1 })).not.toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expectAccessible(page);
  await meeting.getByRole('button', { name: 'Next' }).click();
  await expect(meeting.getByText('2 of 19')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(meeting.getByText('3 of 19')).toBeVisible();
  await expect(page).toHaveURL(/step=3/);
  await page.keyboard.press('ArrowLeft');
  await expect(meeting.getByText('2 of 19')).toBeVisible();
  // A swipe to the left is "next".
  await page.evaluate(() => {
    const region = document.querySelector('.meeting');
    const touch = (x) => new Touch({ identifier: 1, target: region, clientX: x, clientY: 500 });
    region.dispatchEvent(new TouchEvent('touchstart', { changedTouches: [touch(600)], bubbles: true }));
    region.dispatchEvent(new TouchEvent('touchend', { changedTouches: [touch(300)], bubbles: true }));
  });
  await expect(meeting.getByText('3 of 19')).toBeVisible();

  // Set a status and add a note, signed by the person. Once they have said
  // who they are, their form leaves and focus goes to the step's title.
  await sayWhoIAm(page);
  await expect(meeting.getByRole('heading', { level: 1, name: /^3\. The development of the Multi Agency/ })).toBeFocused();
  const item = meeting.getByRole('group', { name: /^Status of 1\. Co-location of the MASH and Early Help Unit/ });
  await item.getByRole('radio', { name: 'At risk' }).check();
  await meeting.getByLabel('Add a note to 1. Co-location of the MASH and Early Help Unit').fill('Agreed at the board.');
  await meeting.getByRole('button', { name: 'Add note to 1. Co-location of the MASH and Early Help Unit' }).click();
  await expect(meeting.getByText(/Latest note, .*: Agreed at the board\./)).toBeVisible();

  // Leaving comes back to the same activity in the list.
  await meeting.getByRole('button', { name: 'Leave meeting mode' }).click();
  await expect(page.getByRole('heading', { name: '3. The development of the Multi Agency Safeguarding Hub (MASH)' })).toBeFocused();
  const action = page.getByRole('listitem').filter({ hasText: 'Co-location of the MASH and Early Help Unit' });
  await expect(action.getByText('At risk').first()).toBeVisible();
  await expect(page.getByText('2 changes not exported yet')).toBeVisible();

  // Once the person is known, focus starts on the step's title, for a
  // screen reader to say it, with nothing scrolled; and it stays on "Next"
  // as that is pressed.
  await page.getByRole('button', { name: 'Meeting mode' }).click();
  await expect(meeting.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(meeting.getByRole('heading', { level: 1 })).toHaveText(/^1\. The monitoring of the implementation/);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await meeting.getByRole('button', { name: 'Next' }).click();
  await expect(meeting.getByText('2 of 19')).toBeVisible();
  await expect(meeting.getByRole('button', { name: 'Next' })).toBeFocused();
});

/** What is wrong with the focused control in meeting mode, if anything: it
 * is outside the meeting (unless a banner above it may take focus), or
 * something else is seen at its middle (the bar that stays at the top
 * covers it). */
function meetingFocusProblem(page, { bannersAbove = false } = {}) {
  return page.evaluate((bannersAbove) => {
    const focused = document.activeElement;
    // Past the last control, focus goes to the browser's own.
    if (focused === document.body) return null;
    const name = `${focused.tagName} "${(focused.textContent || focused.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
    if (!focused.closest(bannersAbove ? '.meeting, .banner' : '.meeting')) return `${name} is outside the meeting`;
    const box = focused.getBoundingClientRect();
    const seen = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return seen && (focused.contains(seen) || seen.contains(focused)) ? null : `${name} is covered by ${seen?.className}`;
  }, bannersAbove);
}

// Tablets both ways, and a 1366x768 laptop zoomed to 200%, where the bar
// takes a quarter of the height.
for (const viewport of [{ width: 768, height: 1024 }, { width: 1024, height: 768 }, { width: 683, height: 384 }]) {
  test(`in meeting mode at ${viewport.width}x${viewport.height} the keyboard reaches only the meeting, and never a control under its bar`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openSample(page);
    await page.getByRole('button', { name: 'Meeting mode' }).click();
    const meeting = page.getByRole('region', { name: 'Meeting mode' });
    await meeting.getByRole('button', { name: 'Next' }).click();
    await expect(meeting.getByText('2 of 19')).toBeVisible();
    // Forward through the whole step and on, then back up to the bar: each
    // control focused is in the meeting, and is what is seen at its middle
    // (the bar that stays at the top does not cover it).
    const presses = [...Array(45).fill('Tab'), ...Array(45).fill('Shift+Tab')];
    const problems = [];
    for (const key of presses) {
      await page.keyboard.press(key);
      const problem = await meetingFocusProblem(page);
      if (problem) problems.push(`${key}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });
}

// In the bar of steps on tablets and a zoomed laptop; fixed at the bottom
// of a phone's screen, where the bar scrolls away.
for (const viewport of [{ width: 768, height: 1024 }, { width: 683, height: 384 }, { width: 390, height: 844 }]) {
  test(`in meeting mode at ${viewport.width}x${viewport.height}, changes not being kept are said in view, with the way to export them`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openSample(page);
    await page.getByRole('button', { name: 'Meeting mode' }).click();
    const meeting = page.getByRole('region', { name: 'Meeting mode' });
    await sayWhoIAm(page);
    await page.evaluate(() => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    // A status near the bottom of the step, so that the page has scrolled.
    const last = meeting.getByRole('group', { name: /^Status of / }).last();
    await last.getByRole('radio', { name: 'At risk' }).check();
    const warning = meeting.getByText('Important: 1 change is not kept in this browser (browser storage is full).');
    await expect(warning).toBeInViewport();
    await expect(page.getByRole('alert').filter({ hasText: 'Browser storage is full' })).not.toBeInViewport();
    if (viewport.width <= 640) {
      // Under the thumb, and short: the banner gives the cause.
      const exportBox = await meeting.getByRole('button', { name: 'Export plan now' }).boundingBox();
      expect(exportBox.y + exportBox.height).toBeGreaterThan(viewport.height - 30);
      await expect(meeting.getByText('(browser storage is full)', { exact: true })).toBeHidden();
    }
    await expectAccessible(page);

    // The taller bar still hides no control the keyboard reaches, the
    // banner's own included.
    const problems = [];
    for (const key of [...Array(30).fill('Shift+Tab'), ...Array(30).fill('Tab')]) {
      await page.keyboard.press(key);
      const problem = await meetingFocusProblem(page, { bannersAbove: true });
      if (problem) problems.push(`${key}: ${problem}`);
    }
    expect(problems).toEqual([]);

    const download = page.waitForEvent('download');
    await meeting.getByRole('button', { name: 'Export plan now' }).first().click();
    await download;
    // Nothing is left to lose, so the bar says nothing more; the banner stays.
    await expect(warning).toHaveCount(0);
    await expect(page.getByRole('alert').filter({ hasText: 'Browser storage is full' })).toHaveCount(1);
  });
}

test('meeting mode can step through only the exceptions', async ({ page }) => {
  await openSample(page, undefined, '&view=exceptions&due=overdue');
  await page.getByRole('button', { name: 'Meeting mode' }).click();
  const meeting = page.getByRole('region', { name: 'Meeting mode' });
  await expect(meeting.getByText(/^1 of \d+ \(exceptions only\)$/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Exception report' })).toBeVisible();
});
