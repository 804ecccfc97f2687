// Recording progress at tablet size and finding it again after reloads,
// in a second tab, with storage full, blocked or corrupt, and after export.
import { test, expect, openSample, expectAccessible, sayWhoIAm, openPlanMenu } from './helpers.mjs';
import fs from 'node:fs';

test.use({ viewport: { width: 1024, height: 768 } });

async function updateFirstAction(page, { status = 'At risk', percent = '40', note = 'Teams co-located since October.' } = {}) {
  const action = page.getByRole('listitem').filter({ hasText: 'Co-location of the MASH and Early Help Unit' });
  await action.getByRole('button', { name: /Update progress/ }).click();
  await sayWhoIAm(page);
  await action.getByRole('radio', { name: status }).check();
  await action.getByLabel('Percent complete').fill(percent);
  await action.getByLabel('Add a note (optional)').fill(note);
  await action.getByRole('button', { name: 'Save update' }).click();
  return action;
}

test('with the keyboard alone, focus goes into each form as it opens and back to its button as it closes', async ({ page }) => {
  await openSample(page);
  const action = page.getByRole('listitem').filter({ hasText: 'Co-location of the MASH and Early Help Unit' });
  const update = action.getByRole('button', { name: /Update progress/ });
  await update.focus();
  await page.keyboard.press('Enter');
  // Asked who is recording first, in the form's place.
  await expect(page.getByLabel('Your name')).toBeFocused();
  await page.keyboard.type('Sam Jones');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Your organisation')).toBeFocused();
  await page.keyboard.type('Nottinghamshire Police');
  await page.keyboard.press('Enter');
  const heading = action.getByRole('heading', { name: 'Update progress: Co-location of the MASH and Early Help Unit' });
  await expect(heading).toBeFocused();
  // The next Tab is the form's first field, not the next action.
  await page.keyboard.press('Tab');
  await expect(action.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(action.getByRole('radio', { checked: true })).toHaveCount(1);
  await action.getByRole('button', { name: 'Save update' }).focus();
  await page.keyboard.press('Enter');
  await expect(update).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'not exported yet' })).toHaveText(/1 change not exported yet/);

  // Cancelled, the same.
  await page.keyboard.press('Enter');
  await expect(heading).toBeFocused();
  await action.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(update).toBeFocused();

  // A measure's "Add a value", which opens on its first field.
  await page.getByRole('button', { name: 'Measures', exact: true }).click();
  const add = page.getByRole('button', { name: 'Add a value' }).first();
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Period').first()).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(add).toBeFocused();
});

test('record status, percent and a note, and find them after a reload', async ({ page }) => {
  await openSample(page);
  const action = await updateFirstAction(page);
  await expect(action.getByText('At risk').first()).toBeVisible();
  await expect(action.getByText('40%', { exact: true })).toBeVisible();
  await expect(action.getByText(/^Latest note, .*: Teams co-located since October\.$/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'not exported yet' })).toHaveText(/3 changes not exported yet/);
  await page.reload();
  const again = page.getByRole('listitem').filter({ hasText: 'Co-location of the MASH and Early Help Unit' });
  await expect(again.getByText('At risk').first()).toBeVisible();
  await expect(again.getByText(/^Latest note, .*: Teams co-located since October\.$/)).toBeVisible();
  await again.getByText(/Notes and history/).click();
  await expect(again.getByText(/by Sam Jones \(Nottinghamshire Police\)/).first()).toBeVisible();
  await expectAccessible(page);
});

test('a problem in the form is listed and nothing is saved', async ({ page }) => {
  await openSample(page);
  const action = page.getByRole('listitem').filter({ hasText: 'Co-location of the MASH and Early Help Unit' });
  await action.getByRole('button', { name: /Update progress/ }).click();
  await sayWhoIAm(page);
  await action.getByLabel('Percent complete').fill('150');
  await action.getByRole('button', { name: 'Save update' }).click();
  const summary = action.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('whole number from 0 to 100');
  await expect(page.getByText('No changes waiting to be exported')).toBeVisible();
});

test('undo takes back the last change', async ({ page }) => {
  await openSample(page);
  const action = await updateFirstAction(page, { note: '' , percent: '' });
  await expect(action.getByText('At risk').first()).toBeVisible();
  await openPlanMenu(page);
  await page.getByRole('button', { name: 'Undo last change' }).click();
  await expect(action.getByText('No status yet')).toBeVisible();
});

test('activities roll up their actions', async ({ page }) => {
  await openSample(page);
  await updateFirstAction(page, { status: 'Off track', percent: '20', note: '' });
  const card = page.getByRole('region', { name: /The development of the Multi Agency Safeguarding Hub/ });
  await expect(card.getByText(/9 actions: 1 off track, 8 no status yet\. Average 20% complete\./).first()).toBeVisible();
});

test('export downloads the plan with the changes, and the count goes to zero', async ({ page }) => {
  await openSample(page);
  await updateFirstAction(page);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export plan' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^notts-cypf-2016-18-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const action = exported.priorities[0].activities[2].actions[0];
  expect(action.progress.status).toBe('at_risk');
  expect(action.progress.percent).toBe(40);
  expect(action.progress.updated_by).toBe('Sam Jones (Nottinghamshire Police)');
  expect(action.progress.notes.at(-1).text).toBe('Teams co-located since October.');
  expect(exported.exported.by).toBe('Sam Jones (Nottinghamshire Police)');
  await expect(page.getByText('No changes waiting to be exported')).toBeVisible();
  await expect(page.getByText(/Plan exported as notts-cypf-2016-18-/)).toBeVisible();
});

test('discarding asks first and offers to export', async ({ page }) => {
  await openSample(page);
  const action = await updateFirstAction(page);
  await openPlanMenu(page);
  await page.getByRole('button', { name: 'Discard my changes' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Discard all your changes to this plan?' });
  await expect(dialog.getByRole('button', { name: 'Export first' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Yes, discard my changes' }).click();
  await expect(action.getByText('No status yet')).toBeVisible();
});

test('a second tab sees the first tab\'s changes', async ({ page, context }) => {
  await openSample(page);
  const second = await context.newPage();
  await openSample(second);
  await updateFirstAction(page, { status: 'Complete', percent: '100', note: 'Done in tab one.' });
  const there = second.getByRole('listitem').filter({ hasText: 'Co-location of the MASH and Early Help Unit' });
  await expect(there.getByText('Complete').first()).toBeVisible();
  await expect(there.getByText(/^Latest note, .*: Done in tab one\.$/)).toBeVisible();
  // Both change the same field: the later change wins, the earlier stays in the history.
  await updateFirstAction(second, { status: 'On track', percent: '', note: '' });
  const here = page.getByRole('listitem').filter({ hasText: 'Co-location of the MASH and Early Help Unit' });
  await expect(here.getByText('On track').first()).toBeVisible();
  await here.getByText(/Notes and history/).click();
  await expect(here.getByText(/Status set to Complete/)).toBeVisible();
});

test('a full storage quota warns at once and keeps the change in memory', async ({ page }) => {
  await openSample(page);
  await page.evaluate(() => {
    let i = 0;
    for (const size of [512 * 1024, 32 * 1024, 1024, 16]) {
      const filler = 'x'.repeat(size);
      try { for (;;) { localStorage.setItem(`filler-${i}`, filler); i += 1; } } catch (e) { /* full */ }
    }
  });
  const action = await updateFirstAction(page, { note: 'A long note. '.repeat(50) });
  await expect(page.getByRole('alert').filter({ hasText: 'Browser storage is full' })).toBeVisible({ timeout: 1000 });
  await expect(page.getByRole('button', { name: 'Export plan now' })).toBeVisible();
  await expect(action.getByText('At risk').first()).toBeVisible();
});

test('with storage blocked the app works in memory and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await openSample(page);
  await expect(page.getByRole('alert').filter({ hasText: 'not letting Plan Tracker save anything' })).toBeVisible();
  const action = await updateFirstAction(page);
  await expect(action.getByText('At risk').first()).toBeVisible();
});

test('a corrupt stored entry is set aside and the app still opens', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.setItem('plan-tracker/v1/journal/notts-cypf-2016-18', '{"version": 1, "edits": [oops'));
  await openSample(page);
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText('could not be read');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('plan-tracker/v1/backup/')));
  expect(kept.length).toBe(1);
  await expect(page.getByRole('heading', { name: 'Showing all 44 actions' })).toBeVisible();
});

test('changes come back by id on a newer revision; missing items are listed and kept', async ({ page }) => {
  await openSample(page);
  await updateFirstAction(page);
  const plan = JSON.parse(fs.readFileSync(new URL('../../public/samples/notts-cypf-2016-18.json', import.meta.url), 'utf8'));
  plan.revision = '1.2';
  plan.priorities[0].activities[2].actions.shift(); // the edited action is gone in this revision
  await openPlanMenu(page);
  await page.getByLabel('Open another plan file').setInputFiles({ name: 'rev2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
  // The plan's facts are written twice, one copy for phones: the one shown.
  await expect(page.getByRole('term').filter({ hasText: 'Revision', visible: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText('no longer match');
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText('the next export carries them (as "orphaned_edits")');
  await expect(page.getByText(/3 changes not exported yet/)).toBeVisible();
});

test('measure values are added and shown in the history', async ({ page }) => {
  await openSample(page);
  await page.getByRole('button', { name: 'Measures', exact: true }).click();
  const card = page.getByRole('region', { name: 'Percentage of Care Leavers in suitable accommodation' });
  await card.getByRole('button', { name: 'Add a value' }).click();
  await sayWhoIAm(page);
  await card.getByLabel('Period').fill('2016/17 Q2');
  await card.getByLabel('Figure').fill('87.5');
  await card.getByRole('button', { name: 'Save value' }).click();
  await expect(card.getByText('87.5%, 2016/17 Q2', { exact: true })).toBeVisible();
  await expectAccessible(page);
});

/**
 * Stands in for the browser's "save to a file" picker, which headless Chromium
 * cannot show: `outcome` is 'save', or the name of the error it throws.
 */
function fakeSavePicker(outcome) {
  window.showSaveFilePicker = async (options) => {
    if (outcome !== 'save') throw new DOMException('refused', outcome);
    window.savedFile = { suggested: options.suggestedName, text: '' };
    return {
      name: 'our-plan.json',
      createWritable: async () => ({
        write: async (text) => { window.savedFile.text += text; },
        close: async () => {},
      }),
    };
  };
}

test('where the browser can, the plan is saved to a file the person picks', async ({ page }) => {
  await page.addInitScript(fakeSavePicker, 'save');
  await openSample(page);
  await updateFirstAction(page);
  await openPlanMenu(page);
  await page.getByRole('button', { name: 'Save to a file…' }).click();
  await expect(page.getByText('Plan saved to our-plan.json')).toBeVisible();
  await expect(page.getByText('No changes waiting to be exported')).toBeVisible();
  const saved = await page.evaluate(() => window.savedFile);
  expect(saved.suggested).toMatch(/^notts-cypf-2016-18-\d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse(saved.text).priorities[0].activities[2].actions[0].progress.status).toBe('at_risk');
});

test('a cancelled save says nothing, and a refused one says so and keeps the changes', async ({ page }) => {
  await page.addInitScript(fakeSavePicker, 'AbortError');
  await openSample(page);
  await updateFirstAction(page);
  await openPlanMenu(page);
  await page.getByRole('button', { name: 'Save to a file…' }).click();
  await expect(page.getByText('3 changes not exported yet')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toHaveCount(0);

  await page.evaluate(() => { window.showSaveFilePicker = async () => { throw new DOMException('Blocked by your organisation', 'SecurityError'); }; });
  await openPlanMenu(page);
  await page.getByRole('button', { name: 'Save to a file…' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('The plan was not saved to a file. Your changes are still kept in this browser.');
  await expect(summary).toContainText('Blocked by your organisation');
  await expect(page.getByText('3 changes not exported yet')).toBeVisible();
});
