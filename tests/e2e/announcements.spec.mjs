// What a screen reader hears as people work: each change that matters said
// once, from a live region that was on the page before it (the results
// count has its own test in filters.spec).
import { test, expect, openSample, setStatus, listenAsAScreenReader } from './helpers.mjs';

test.use({ viewport: { width: 1024, height: 768 } });

const OTHER_ACTION = 'The consistent and appropriate application of thresholds';

test('each recorded change is said once, with what is waiting to be exported', async ({ page }) => {
  const heard = await listenAsAScreenReader(page);
  await openSample(page);
  await setStatus(page, 'Complete');
  await expect.poll(heard).toContain('status: 1 change not exported yet');
  await setStatus(page, 'On track', OTHER_ACTION);
  await expect.poll(heard).toContain('status: 2 changes not exported yet');
  // The count of results, the same after each update, is not said again
  // once it would have settled (0.9 s).
  await page.waitForTimeout(1500);
  const said = await heard();
  expect(said.filter((s) => /not exported yet/.test(s))).toEqual([
    'status: 1 change not exported yet',
    'status: 2 changes not exported yet',
  ]);
  expect(said.filter((s) => /Showing/.test(s))).toEqual([]);
});

test('an export is said once, and said again when repeated', async ({ page }) => {
  const heard = await listenAsAScreenReader(page);
  await openSample(page);
  await setStatus(page, 'Complete');
  const exported = (said) => said.filter((s) => /Plan exported as/.test(s));
  for (const times of [1, 2]) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export plan', exact: true }).click();
    await download;
    await expect.poll(async () => exported(await heard()).length).toBe(times);
  }
  expect(exported(await heard())[0]).toMatch(/^status: Plan exported as notts-cypf-2016-18-\d{4}-\d{2}-\d{2}\.json Dismiss$/);
  // With nothing left to export, the toolbar says so.
  expect((await heard()).some((s) => /^status: No changes waiting to be exported\. Last exported /.test(s))).toBe(true);
});

test('storage failing is said once as an alert, not again for each change it fails to keep', async ({ page }) => {
  const heard = await listenAsAScreenReader(page);
  await openSample(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await setStatus(page, 'Complete');
  const alerts = async () => (await heard()).filter((s) => s.startsWith('alert:'));
  await expect.poll(async () => (await alerts()).length).toBe(1);
  expect((await alerts())[0]).toMatch(/^alert: Important .*storage.* Export plan now$/i);
  await setStatus(page, 'On track', OTHER_ACTION);
  await expect.poll(heard).toContain('status: 2 changes not exported yet');
  expect(await alerts()).toHaveLength(1);
});
