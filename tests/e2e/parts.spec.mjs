// The app comes in parts: opening a plan downloads only the main part, and
// the rest comes when first used. A part that cannot be downloaded is a
// problem on the page with "Try again", and the plan stays open.
import { test, expect, openSample, expectAccessible, sayWhoIAm } from './helpers.mjs';

const ON_DEMAND = /\/(split_[a-z_]+|chunk_\d+)\.wasm$/;

test('opening a plan downloads no part that only later pages use', async ({ page }) => {
  const parts = [];
  page.on('request', (request) => { if (ON_DEMAND.test(request.url())) parts.push(request.url()); });
  await openSample(page);
  await page.getByLabel('Search words').fill('MASH');
  await expect(page.getByRole('heading', { name: /^Showing \d+ of 44 actions$/ })).toBeVisible();
  expect(parts).toEqual([]);

  // Then each is downloaded when it is first needed.
  await page.getByRole('button', { name: 'Measures' }).click();
  await expect(page.getByRole('heading', { name: 'Performance measures' })).toBeVisible();
  expect(parts.some((url) => url.endsWith('/split_measures_page.wasm'))).toBe(true);
});

test('a host that does not know WebAssembly\'s type still serves every part', async ({ page }) => {
  // As SharePoint or an old server may: the browser then cannot compile a
  // part while it downloads, so the app compiles it once it has arrived
  // (wasm-bindgen's glue does so for the main part, and says so on the
  // console for whoever runs the host).
  await page.route(/\.wasm$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await openSample(page);
  await expect(page.getByRole('heading', { name: 'Showing all 44 actions' })).toBeVisible();
  await page.getByRole('button', { name: 'Measures' }).click();
  await expect(page.getByRole('heading', { name: 'Performance measures' })).toBeVisible();
  await page.getByRole('button', { name: 'Share and merge' }).click();
  await expect(page.getByRole('heading', { name: 'Share and merge' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toHaveCount(0);
});

test('a part that cannot be downloaded says so, keeps the plan, and can be tried again', async ({ page }) => {
  await openSample(page);
  await page.route(ON_DEMAND, (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Share and merge' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toContainText('could not be downloaded. Check your connection, then try again');
  await expect(page.getByRole('button', { name: 'Export plan' })).toBeVisible();
  await expectAccessible(page);

  await page.unroute(ON_DEMAND);
  await problem.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Share and merge' })).toBeVisible();
  await expect(problem).toHaveCount(0);
});

test('the progress form and export work after a failed download', async ({ page }) => {
  await openSample(page);
  await page.route(ON_DEMAND, (route) => route.abort('internetdisconnected'));
  const action = page.getByRole('listitem').filter({ hasText: 'Co-location of the MASH and Early Help Unit' });
  await action.getByRole('button', { name: /Update progress/ }).click();
  await expect(action.getByRole('alert')).toContainText('could not be downloaded');

  await page.getByRole('button', { name: 'Export plan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The plan was not exported' }))
    .toContainText('could not be downloaded');

  await page.unroute(ON_DEMAND);
  await action.getByRole('button', { name: 'Try again' }).click();
  await sayWhoIAm(page);
  await action.getByRole('radio', { name: 'On track' }).check();
  await action.getByRole('button', { name: 'Save update' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'not exported yet' })).toHaveText(/1 change not exported yet/);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export plan' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
});

for (const [what, file] of [['main part', /plan-tracker_bg\.wasm$/], ['script that loads it', /plan-tracker\.js$/]]) {
  test(`if the ${what} cannot be downloaded, the page says the app could not start`, async ({ page }) => {
    await page.route(file, (route) => route.abort('internetdisconnected'));
    await page.goto('./');
    await expect(page.getByRole('alert')).toHaveText(/^Plan Tracker could not start\. Reload the page/);
    await expectAccessible(page);
  });
}

test('a plan with structure changes waits for their part; if it cannot come, the page says so and can try again', async ({ page }) => {
  await openSample(page, undefined, '&view=edit');
  await sayWhoIAm(page, 'Sam Officer', 'Nottinghamshire County Council');
  await page.getByRole('button', { name: 'Add a priority', exact: true }).click();
  await page.getByLabel('Title of the new priority').fill('Young carers are supported');
  await page.getByRole('button', { name: 'Add priority', exact: true }).click();
  await expect(page.getByText('Young carers are supported', { exact: true })).toBeVisible();

  // Reopened with every part blocked: the plan waits, and says why.
  await page.route(ON_DEMAND, (route) => route.abort('internetdisconnected'));
  await page.reload();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toContainText('changes to its structure, and the part of Plan Tracker that applies them could not be downloaded');
  await expectAccessible(page);

  await page.unroute(ON_DEMAND);
  await problem.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('Young carers are supported', { exact: true })).toBeVisible();
  await expect(problem).toHaveCount(0);
});
