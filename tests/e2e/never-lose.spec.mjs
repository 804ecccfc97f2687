// Never lose an edit: undo across tabs, closing with changes saved nowhere,
// a stored journal that can be neither read nor set aside, and changes to
// items a new revision lacks, all in real Chromium.
import fs from 'node:fs';
import { test, expect, openSample, expectAccessible, openPlanMenu, actionItem, setStatus } from './helpers.mjs';

test.use({ viewport: { width: 1024, height: 768 } });

const JOURNAL_KEY = 'plan-tracker/v1/journal/notts-cypf-2016-18';
/** Fills localStorage until the browser refuses more. */
async function fillStorage(page) {
  await page.evaluate(() => {
    let i = 0;
    for (const size of [512 * 1024, 32 * 1024, 1024, 16, 1]) {
      const filler = 'x'.repeat(size);
      try { for (;;) { localStorage.setItem(`filler-${i}`, filler); i += 1; } } catch (e) { /* full */ }
    }
  });
}

/** Every write to localStorage fails as a full quota does, from the start. */
function storageAlwaysFull() {
  Storage.prototype.setItem = function setItem() {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}

async function exportedPlan(page, click) {
  const download = page.waitForEvent('download');
  await click();
  return JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
}

test('a change undone in one tab does not come back from another', async ({ page, context }) => {
  await openSample(page);
  const second = await context.newPage();
  await openSample(second);
  // Tab one sets Complete; tab two hears of it.
  await setStatus(page, 'Complete');
  await expect(actionItem(second).getByText('Complete').first()).toBeVisible();
  // Tab one undoes it.
  await openPlanMenu(page);
  await page.getByRole('button', { name: 'Undo last change' }).click();
  await expect(actionItem(page).getByText('No status yet')).toBeVisible();
  await expect(actionItem(second).getByText('No status yet')).toBeVisible();
  // Tab two, which held the edit, saves a change of its own; tab one hears of it.
  const otherTitle = 'The consistent and appropriate application of thresholds';
  await setStatus(second, 'On track', otherTitle);
  await expect(actionItem(page, otherTitle).getByText('On track').first()).toBeVisible();
  // The undone change stays undone in both.
  await expect(actionItem(page).getByText('No status yet')).toBeVisible();
  await expect(actionItem(second).getByText('No status yet')).toBeVisible();
  // Each tab's undo is for its own changes: tab one has none left.
  await openPlanMenu(page);
  await expect(page.getByRole('button', { name: 'Undo last change' })).toBeDisabled();
  await openPlanMenu(second);
  await expect(second.getByRole('button', { name: 'Undo last change' })).toBeEnabled();
  // An export from tab one holds tab two's change and not the undone one.
  const plan = await exportedPlan(page, () => page.getByRole('button', { name: 'Export plan' }).click());
  expect(plan.priorities[0].activities[2].actions[0].progress?.status).toBeUndefined();
  expect(plan.priorities[0].activities[2].actions[1].progress.status).toBe('on_track');
  // Counted as exported in both tabs, by id.
  await expect(page.getByText('No changes waiting to be exported')).toBeVisible();
  await expect(second.getByText('No changes waiting to be exported')).toBeVisible();
});

test('closing with changes saved nowhere asks first and offers to export', async ({ page }) => {
  await page.addInitScript(storageAlwaysFull);
  await openSample(page);
  await setStatus(page, 'At risk');
  await expect(page.getByRole('alert').filter({ hasText: 'Browser storage is full' })).toBeVisible();

  await openPlanMenu(page);
  await page.getByRole('button', { name: 'Close plan' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'You have 1 change that is not saved' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeFocused();
  await expectAccessible(page);
  // Cancel keeps everything as it was.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(actionItem(page).getByText('At risk').first()).toBeVisible();

  // Export first: the file holds the change, and then closing loses nothing.
  await openPlanMenu(page);
  await page.getByRole('button', { name: 'Close plan' }).click();
  const plan = await exportedPlan(page, () => dialog.getByRole('button', { name: 'Export plan' }).click());
  expect(plan.priorities[0].activities[2].actions[0].progress.status).toBe('at_risk');
  const done = page.getByRole('alertdialog', { name: 'Your changes are exported' });
  await expect(done).toBeVisible();
  // The warning stays until the changes are safe; now they are.
  await done.getByRole('button', { name: 'Close the plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Track a joint action plan' })).toBeVisible();
});

/** How many beforeunload listeners the page has: while there is one, the
 * browser waits on the page before leaving or reloading it. */
async function leavingListeners(page) {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  await cdp.detach();
  return listeners.filter((listener) => listener.type === 'beforeunload').length;
}

/** Closing the tab asks first, and the person stays. */
async function askedBeforeLeavingAndStays(page) {
  await expect.poll(() => leavingListeners(page)).toBe(1);
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const question = await asked;
  expect(question.type()).toBe('beforeunload');
  await question.dismiss();
}

test('leaving the page asks first only while there are changes not exported', async ({ page, context }) => {
  // Nothing to lose: no listener, and the tab closes without a question.
  // (Chromium asks only on a page someone has used, so this one is used.)
  const unchanged = await context.newPage();
  await openSample(unchanged);
  await openPlanMenu(unchanged);
  expect(await leavingListeners(unchanged)).toBe(0);
  const questions = [];
  const answer = (dialog) => {
    questions.push(dialog.type());
    dialog.accept();
  };
  unchanged.on('dialog', answer);
  const closed = unchanged.waitForEvent('close');
  await unchanged.close({ runBeforeUnload: true });
  await closed;
  expect(questions).toEqual([]);

  // A change not exported: the browser asks, and staying keeps the change.
  await openSample(page);
  await setStatus(page, 'At risk');
  await askedBeforeLeavingAndStays(page);
  await expect(actionItem(page).getByText('At risk').first()).toBeVisible();

  // Exported: nothing is lost by leaving, so nothing is asked.
  await exportedPlan(page, () => page.getByRole('button', { name: 'Export plan' }).click());
  await expect(page.getByText('No changes waiting to be exported')).toBeVisible();
  await expect.poll(() => leavingListeners(page)).toBe(0);
  page.on('dialog', answer);
  const gone = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await gone;
  expect(questions).toEqual([]);
});

/** Starts a new plan through its form, and waits for it to open. */
async function startNewPlan(page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Start a new plan' }).click();
  await page.getByLabel('Plan title').fill('Community Safety Plan 2026 to 2029');
  await page.getByLabel('Starts').fill('2026-04-01');
  await page.getByLabel('Ends').fill('2029-03-31');
  await page.getByLabel('First priority').fill('Reduce anti-social behaviour');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit the plan' })).toBeVisible();
}

test('a plan made in this browser waits to be exported, through a reload, and leaving asks first', async ({ page }) => {
  // No file holds it yet, although nothing has been changed since.
  await startNewPlan(page);
  const waiting = page.getByRole('status').filter({ hasText: 'not exported yet' });
  await expect(waiting).toHaveText('New plan, not exported yet');
  await expect.poll(() => leavingListeners(page)).toBe(1);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit the plan' })).toBeVisible();
  await expect(waiting).toHaveText('New plan, not exported yet');
  await askedBeforeLeavingAndStays(page);

  // Exported, it waits no more.
  const plan = await exportedPlan(page, () => page.getByRole('button', { name: 'Export plan' }).click());
  expect(plan.title).toBe('Community Safety Plan 2026 to 2029');
  await expect(page.getByText('No changes waiting to be exported')).toBeVisible();
  await expect.poll(() => leavingListeners(page)).toBe(0);
});

test('a plan made in this browser with storage failing is asked about before it is closed', async ({ page }) => {
  await page.addInitScript(storageAlwaysFull);
  await startNewPlan(page);
  await openPlanMenu(page);
  await page.getByRole('button', { name: 'Close plan' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'You have 1 change that is not saved' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit the plan' })).toBeVisible();
});

test('opening another plan with changes saved nowhere asks first, and the warning stays', async ({ page }) => {
  await page.addInitScript(storageAlwaysFull);
  await openSample(page);
  await setStatus(page, 'Off track');
  const other = fs.readFileSync(new URL('../../public/samples/notts-cypf-2011-14.json', import.meta.url));
  await openPlanMenu(page);
  await page.getByLabel('Open another plan file').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: other });
  const dialog = page.getByRole('alertdialog', { name: 'You have 1 change that is not saved' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Still the same plan, with the change, and still warned.
  await expect(page.getByRole('heading', { level: 1, name: 'Children, Young People and Families Plan 2016-2018' })).toBeVisible();
  await expect(actionItem(page).getByText('Off track').first()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Browser storage is full' })).toBeVisible();
  // Going ahead is the person's choice, said in so many words.
  await openPlanMenu(page);
  await page.getByLabel('Open another plan file').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: other });
  await dialog.getByRole('button', { name: 'Open it and lose 1 change' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nottinghamshire Children, Young People and Families Plan' })).toBeVisible();
});

test('a stored journal that can be neither read nor set aside is left exactly as it was', async ({ page }) => {
  await page.goto('./');
  // A newer version of the app wrote this; storage is then filled to the brim.
  const newer = JSON.stringify({ version: 99, plan_id: 'notts-cypf-2016-18', edits: [], from_the_future: 'x'.repeat(4000) });
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [JOURNAL_KEY, newer]);
  await fillStorage(page);
  await openSample(page);
  const warning = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(warning).toContainText('could not be set aside (browser storage is full)');
  await expect(warning).toContainText('nothing is saved over them');
  await expect(warning).not.toContainText('Nothing was deleted');
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('plan-tracker/v1/backup/')));
  expect(backups).toEqual([]);
  // A change now is kept in the page, and the stored journal is untouched.
  await setStatus(page, 'At risk');
  expect(await page.evaluate((key) => localStorage.getItem(key), JOURNAL_KEY)).toBe(newer);
  await expect(page.getByRole('button', { name: 'Export plan now' })).toBeVisible();
  await expectAccessible(page);
});

test('a change to an item a new revision lacks goes into the next export', async ({ page }) => {
  await openSample(page);
  await setStatus(page, 'Complete');
  const revision = JSON.parse(fs.readFileSync(new URL('../../public/samples/notts-cypf-2016-18.json', import.meta.url), 'utf8'));
  revision.revision = '1.2';
  revision.priorities[0].activities[2].actions.shift();
  await openPlanMenu(page);
  await page.getByLabel('Open another plan file').setInputFiles({ name: 'rev2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(revision)) });
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText('the next export carries them');
  const plan = await exportedPlan(page, () => page.getByRole('button', { name: 'Export plan' }).click());
  expect(plan.orphaned_edits).toHaveLength(1);
  expect(plan.orphaned_edits[0]).toMatchObject({ kind: 'set_status', item: 'p1-a3-k1', status: 'complete', by: 'Sam Jones (Nottinghamshire Police)' });
  await expect(page.getByText(/carries 1 change to an item this version of the plan does not have/)).toBeVisible();
  // The export counts it, and the file keeps it when opened again.
  await expect(page.getByText('No changes waiting to be exported')).toBeVisible();
  await openPlanMenu(page);
  await page.getByLabel('Open another plan file').setInputFiles({ name: 'exported.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText('carries 1 change recorded against items it no longer has');
});

test.describe('in a browser that deletes storage after a week away', () => {
  // Safari on an iPad, which did not agree to keep the site's storage.
  test.use({ userAgent: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1' });

  test('changes not exported are flagged with the way to keep them', async ({ page }) => {
    await page.addInitScript(() => { navigator.storage.persist = async () => false; });
    await openSample(page);
    const warning = page.getByRole('region', { name: 'Changes kept in this browser' });
    await expect(page.getByRole('heading', { name: 'Showing all 44 actions' })).toBeVisible();
    await expect(warning).toHaveCount(0);
    await setStatus(page, 'At risk');
    await expect(warning).toContainText('deletes what websites keep in it after 7 days without a visit. 1 change not exported yet: export the plan to keep it.');
    await expectAccessible(page);
    const plan = await exportedPlan(page, () => warning.getByRole('button', { name: 'Export plan now' }).click());
    expect(plan.priorities[0].activities[2].actions[0].progress.status).toBe('at_risk');
    await expect(warning).toHaveCount(0);
  });
});

test('storage that fails on every read: the plan opens, the problem is said, and the changes stored are not written over', async ({ page }) => {
  const earlier = JSON.stringify({ version: 2, plan_id: 'notts-cypf-2016-18', edits: [
    { id: 'e-earlier', at: '2016-11-20T10:00:00Z', by: 'Ann', kind: 'set_status', item: 'p1-a3-k2', status: 'complete' }] });
  await page.goto('./');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [JOURNAL_KEY, earlier]);
  await page.addInitScript(() => {
    Storage.prototype.getItem = function getItem() { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  });
  await openSample(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Browser storage failed' })).toContainText('what it holds could not be read');
  await setStatus(page, 'At risk');
  await expect(page.getByRole('button', { name: 'Export plan now' })).toBeVisible();
  // Read past the broken getItem: the changes stored earlier are as they were.
  expect(await page.evaluate((key) => localStorage[key], JOURNAL_KEY)).toBe(earlier);
  await expectAccessible(page);
});
