// The catalogue of bad files (tests/bad-files/catalogue.json), opened in the
// app over a plan with a change not yet exported: each ends in its message,
// and the plan, the change and everything stored stay exactly as they were.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, openSample, expectAccessible, openPlanMenu, actionItem, setStatus, sayWhoIAm, SAMPLES } from './helpers.mjs';

test.use({ viewport: { width: 1024, height: 768 } });

const folder = new URL('../bad-files/', import.meta.url);
const catalogue = JSON.parse(fs.readFileSync(new URL('catalogue.json', folder), 'utf8'));
const read = (file) => fs.readFileSync(new URL(file, folder));
const JOURNAL_KEY = 'plan-tracker/v1/journal/notts-cypf-2016-18';

/** Everything the app keeps in localStorage, key by key. */
const stored = (page) => page.evaluate(() => Object.fromEntries(
  Object.keys(localStorage).sort().map((key) => [key, localStorage.getItem(key)]),
));

/** The sample open, with one change recorded and not exported. */
async function planWithAChange(page, extra = '') {
  await openSample(page, SAMPLES[0].file, extra);
  await setStatus(page, 'At risk');
  return stored(page);
}

async function expectPlanAsItWas(page, before) {
  await expect(page.getByRole('heading', { level: 1, name: SAMPLES[0].title })).toBeVisible();
  await expect(actionItem(page).getByText('At risk').first()).toBeVisible();
  expect(await stored(page)).toEqual(before);
}

async function openAnother(page, file) {
  await openPlanMenu(page);
  await page.getByLabel('Open another plan file').setInputFiles(file);
}

test('every bad plan file in the catalogue is refused with its message, and the open plan and its change stay as they were', async ({ page }) => {
  test.setTimeout(180_000);
  const before = await planWithAChange(page);
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  for (const entry of catalogue.plans) {
    await test.step(`${entry.file}: ${entry.what}`, async () => {
      await openAnother(page, { name: entry.file, mimeType: 'application/json', buffer: read(entry.file) });
      await expect(summary).toContainText(entry.message);
      await expect(summary).toContainText('The plan that was open before is still open');
      await expect(summary).toBeFocused();
      await expectPlanAsItWas(page, before);
    });
  }
  await expectAccessible(page);
});

for (const entry of catalogue.generated) {
  test(`${entry.file}, ${entry.what}, is refused with its message`, async ({ page }) => {
    // Plan-shaped, so that only its size is wrong (as tests/bad_files.rs
    // makes it); Playwright passes a file this size by path.
    const head = '{"format": "plan-tracker/plan", "format_version": 1, "id": "big", "title": "Big", "priorities": [], "description": "';
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-'));
    const file = path.join(dir, entry.file);
    const bytes = Buffer.alloc(entry.bytes, 'x');
    bytes.write(head, 0);
    bytes.write('"}', entry.bytes - 2);
    fs.writeFileSync(file, bytes);
    try {
      const before = await planWithAChange(page);
      await openAnother(page, file);
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await expect(summary).toContainText(entry.message);
      await expectPlanAsItWas(page, before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('returns of another plan, or of a pack never sent from here, say so, and nothing changes until confirmed', async ({ page }) => {
  const before = await planWithAChange(page);
  await page.getByRole('button', { name: 'Share and merge' }).click();
  const merge = page.getByRole('region', { name: 'Merge returns' });
  await merge.getByLabel('Choose returned plan files').setInputFiles(
    catalogue.returns.map((entry) => ({ name: entry.file, mimeType: 'application/json', buffer: read(entry.file) })),
  );
  const [otherPlan, neverSent] = catalogue.returns;
  await expect(merge.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(otherPlan.message);
  // Merged as a plain file: the status changed here too is the person's choice.
  await expect(merge.getByRole('heading', { name: `From ${neverSent.file}`, exact: true })).toBeVisible();
  await expect(merge.getByText(neverSent.message)).toBeVisible();
  await expect(merge.getByRole('heading', { name: '1 changed on both sides: choose which to keep' })).toBeVisible();
  await expectAccessible(page);
  await merge.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await expectPlanAsItWas(page, before);
});

test('changes stored by a newer version are set aside as they were, and the plan opens', async ({ page }) => {
  const [entry] = catalogue.journals;
  const text = read(entry.file).toString('utf8');
  await page.goto('./');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [JOURNAL_KEY, text]);
  await openSample(page);
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText(entry.message);
  const kept = await page.evaluate(() => Object.keys(localStorage)
    .filter((key) => key.startsWith('plan-tracker/v1/backup/'))
    .map((key) => localStorage.getItem(key)));
  expect(kept).toEqual([text]);
  await expectAccessible(page);
});

test('a file the browser fails to read is reported, and the plan stays as it was', async ({ page }) => {
  const before = await planWithAChange(page);
  await page.evaluate(() => {
    Blob.prototype.arrayBuffer = () => Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'));
  });
  await openAnother(page, { name: 'on-a-network-drive.json', mimeType: 'application/json', buffer: read('../../public/samples/notts-cypf-2011-14.json') });
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('The browser could not read on-a-network-drive.json. Try choosing it again.');
  await expectPlanAsItWas(page, before);
});

test('a note longer than a plan file can hold is refused by the form, so every export reopens', async ({ page }) => {
  await openSample(page);
  const action = actionItem(page);
  await action.getByRole('button', { name: /Update progress/ }).click();
  await sayWhoIAm(page);
  await action.getByLabel('Add a note (optional)').fill('x'.repeat(1_200_000));
  await action.getByRole('button', { name: 'Save update' }).click();
  await expect(action.getByRole('alert').filter({ hasText: 'There is a problem' }))
    .toContainText('The note is 1.2 MB; a note can be up to 1.0 MB');
  await expect(page.getByText('No changes waiting to be exported')).toBeVisible();
});
