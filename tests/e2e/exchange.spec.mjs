// The coordinator-and-partners round trip by email, each in their own
// browser profile: send packs, partners update them, merge the returns,
// resolve a conflict, undo, export for the board; plus compare and CSV.
import { test, expect, openSample, expectAccessible, sayWhoIAm, openPlanMenu } from './helpers.mjs';
import fs from 'node:fs';

const MASH_ACTION = 'Co-location of the MASH and Early Help Unit';

async function download(page, click) {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  return { name: file.suggestedFilename(), path: await file.path() };
}

async function update(page, title, { status, percent, note }, who = ['Sam Jones', 'Nottinghamshire Police']) {
  const action = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(title) }) });
  await action.getByRole('button', { name: /Update progress/ }).click();
  await sayWhoIAm(page, ...who);
  if (status) await action.getByRole('radio', { name: status }).check();
  if (percent !== undefined) await action.getByLabel('Percent complete').fill(percent);
  if (note) await action.getByLabel('Add a note (optional)').fill(note);
  await action.getByRole('button', { name: 'Save update' }).click();
  return action;
}

async function openFile(page, file) {
  await page.goto('./');
  await page.getByLabel('Choose a plan file').setInputFiles(file);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('send packs, merge the returns, resolve a conflict and export for the board', async ({ browser }) => {
  test.setTimeout(120_000);
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await openSample(coordinator);
  await coordinator.getByRole('button', { name: 'Share and merge' }).click();
  await expect(coordinator).toHaveURL(/view=share/);
  await expectAccessible(coordinator);

  const packFor = async (org) => {
    const section = coordinator.getByRole('region', { name: 'Export for a partner' });
    for (const box of await section.getByRole('checkbox', { checked: true }).all()) await box.uncheck();
    await section.getByRole('checkbox', { name: new RegExp(`^${org} \\(`) }).check();
    return download(coordinator, () => section.getByRole('button', { name: 'Download partner pack' }).click());
  };
  const councilPack = await packFor('Nottinghamshire County Council');
  expect(councilPack.name).toMatch(/^notts-cypf-2016-18-nottinghamshire-county-council-\d{4}-\d{2}-\d{2}\.json$/);
  const healthPack = await packFor('Health');
  const councilJson = JSON.parse(fs.readFileSync(councilPack.path, 'utf8'));
  expect(councilJson.id).toBe('notts-cypf-2016-18');
  for (const p of councilJson.priorities) for (const a of p.activities) expect(a.lead.organisation).toBe('Nottinghamshire County Council');

  // The coordinator changes the MASH action's percent after sending.
  await coordinator.getByRole('button', { name: 'Actions', exact: true }).click();
  await update(coordinator, MASH_ACTION, { percent: '30' }, ['Chris Coordinator', 'Children\'s Trust']);

  // Partner one, in their own browser profile.
  const councilContext = await browser.newContext();
  const council = await councilContext.newPage();
  await openFile(council, councilPack.path);
  await update(council, MASH_ACTION, { status: 'On track', percent: '60', note: 'Teams co-located in October.' }, ['Ann Smith', 'Nottinghamshire County Council']);
  const councilReturn = await download(council, () => council.getByRole('button', { name: 'Export plan' }).click());

  // Partner two.
  const healthContext = await browser.newContext();
  const health = await healthContext.newPage();
  await openFile(health, healthPack.path);
  const healthTitle = await health.locator('h5.action__title').first().textContent();
  const healthAction = healthTitle.replace(/^\d+\.\s*/, '');
  await update(health, healthAction.slice(0, 30).replace(/[()]/g, '.'), { status: 'At risk', note: 'Waiting for the new website contract.' }, ['Hari Patel', 'Health']);
  const healthReturn = await download(health, () => health.getByRole('button', { name: 'Export plan' }).click());

  // The coordinator merges both returns.
  await coordinator.getByRole('button', { name: 'Share and merge' }).click();
  const merge = coordinator.getByRole('region', { name: 'Merge returns' });
  await merge.getByLabel('Choose returned plan files').setInputFiles([councilReturn.path, healthReturn.path]);
  await expect(merge.getByText(/changes will be taken as they are/)).toBeVisible();
  const conflicts = merge.getByRole('table');
  await expect(conflicts.getByRole('rowheader', { name: `${MASH_ACTION}: Percent complete` })).toBeVisible();
  await expect(conflicts.getByText(/Keep 30%, Chris Coordinator/)).toBeVisible();
  await expect(conflicts.getByText(/Take 60%, Ann Smith \(Nottinghamshire County Council\)/)).toBeVisible();
  await expectAccessible(coordinator);
  // Choosing with the keyboard: the choice changes, and focus stays on it
  // (the table is not redrawn under the person mid-review).
  const take = conflicts.getByRole('radio', { name: /^Take 60%/ });
  const keep = conflicts.getByRole('radio', { name: /^Keep 30%/ });
  await take.focus();
  await coordinator.keyboard.press('ArrowLeft');
  await expect(keep).toBeChecked();
  await expect(keep).toBeFocused();
  await coordinator.keyboard.press('ArrowRight');
  await expect(take).toBeChecked();
  await expect(take).toBeFocused();
  await merge.getByRole('button', { name: 'Apply these changes' }).click();
  await expect(coordinator.getByText(/^Merged \d+ changes from/)).toBeVisible();

  await coordinator.getByRole('button', { name: 'Actions', exact: true }).click();
  const mash = coordinator.getByRole('listitem').filter({ has: coordinator.getByRole('heading', { name: new RegExp(MASH_ACTION) }) });
  await expect(mash.getByText('On track').first()).toBeVisible();
  await expect(mash.getByText('60%', { exact: true })).toBeVisible();
  await expect(mash.getByText(/Teams co-located in October\./).first()).toBeVisible();

  // Undo takes the whole merge back; merging again brings it back.
  await openPlanMenu(coordinator);
  await coordinator.getByRole('button', { name: 'Undo last change' }).click();
  await expect(mash.getByText('30%', { exact: true })).toBeVisible();
  await coordinator.getByRole('button', { name: 'Share and merge' }).click();
  await merge.getByLabel('Choose returned plan files').setInputFiles([councilReturn.path, healthReturn.path]);
  await merge.getByRole('button', { name: 'Apply these changes' }).click();

  // Export for the board: everything is in it.
  const board = await download(coordinator, () => coordinator.getByRole('button', { name: 'Export plan' }).click());
  const plan = JSON.parse(fs.readFileSync(board.path, 'utf8'));
  const action = plan.priorities[0].activities[2].actions[0];
  expect(action.progress.status).toBe('on_track');
  expect(action.progress.percent).toBe(60);
  expect(action.progress.notes.map((n) => n.text)).toContain('Teams co-located in October.');
  const healthStatuses = plan.priorities.flatMap((p) => p.activities).flatMap((a) => a.actions || []).filter((k) => k.progress?.status === 'at_risk');
  expect(healthStatuses.length).toBe(1);
  await Promise.all([coordinatorContext.close(), councilContext.close(), healthContext.close()]);
});

test('hostile and foreign return files are refused with the reason', async ({ page }) => {
  await openSample(page, undefined, '&view=share');
  const merge = page.getByRole('region', { name: 'Merge returns' });
  const other = fs.readFileSync(new URL('../../public/samples/notts-cypf-2011-14.json', import.meta.url));
  await merge.getByLabel('Choose returned plan files').setInputFiles([
    { name: 'other-plan.json', mimeType: 'application/json', buffer: other },
    { name: 'not-a-plan.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') },
    { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') },
  ]);
  const summary = merge.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('other-plan.json is a different plan');
  await expect(summary).toContainText('not-a-plan.json: This file is not a Plan Tracker plan');
  await expect(summary).toContainText('broken.json: The file is not valid JSON');
  await expect(summary).toBeFocused();
  await expect(page.getByText('No changes waiting to be exported')).toBeVisible();
});

test('a return of items this plan does not have lists each, and merges nothing', async ({ page }) => {
  await openSample(page, undefined, '&view=share');
  const plan = JSON.parse(fs.readFileSync(new URL('../../public/samples/notts-cypf-2016-18.json', import.meta.url), 'utf8'));
  const activity = plan.priorities[0].activities[2];
  activity.id = 'renamed-activity';
  activity.progress = { status: 'at_risk', updated: '2016-11-24T10:00:00Z', updated_by: 'Ann' };
  const merge = page.getByRole('region', { name: 'Merge returns' });
  await merge.getByLabel('Choose returned plan files').setInputFiles([{ name: 'renamed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) }]);
  await expect(merge.getByRole('heading', { name: '1 thing cannot be merged:' })).toBeVisible();
  await expect(merge.getByText(/renamed\.json: ".*MASH.*" \(id renamed-activity\) is not in this plan, so its status cannot be merged/)).toBeVisible();
  await expect(merge.getByRole('button', { name: 'Apply these changes' })).toHaveCount(0);
  await expect(page.getByText('Nothing to merge')).toHaveCount(0);
  await merge.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('No changes waiting to be exported')).toBeVisible();
});

test('compare with an earlier file lists what changed, per priority', async ({ page }) => {
  await openSample(page);
  const earlier = await download(page, () => page.getByRole('button', { name: 'Export plan' }).click());
  await update(page, MASH_ACTION, { status: 'Off track', note: 'Building work delayed.' });
  await page.getByRole('button', { name: 'Share and merge' }).click();
  const section = page.getByRole('region', { name: 'What changed since an earlier version' });
  await section.getByLabel('Choose an earlier file of this plan').setInputFiles(earlier.path);
  await expect(section.getByRole('heading', { name: /Priority 1: Children and young people are safe/ })).toBeVisible();
  await expect(section.getByText(/Co-location of the MASH and Early Help Unit: No status yet to Off track/)).toBeVisible();
  await expect(section.getByText(/New note on Co-location of the MASH and Early Help Unit, .*: Building work delayed\./)).toBeVisible();
});

test('the filtered view downloads as CSV that Excel reads', async ({ page }) => {
  await openSample(page, undefined, '&due=next-quarter&view=share');
  const csv = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
  expect(csv.name).toMatch(/^notts-cypf-2016-18-2016-11-22\.csv$/);
  const text = fs.readFileSync(csv.path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('Priority,Activity,Action,Lead organisation,Partners,Due (as written),Due date,Status,Percent complete,Latest note,Latest note date');
  expect(lines.length).toBeGreaterThan(20);
  expect(lines.slice(1).every((l) => l.includes('2017-'))).toBe(true);
});
