// Opening and reading plans: the welcome page, every sample, links, several problems in one file.
import { test, expect, SAMPLES, openSample, expectAccessible, chooseFile } from './helpers.mjs';
import fs from 'node:fs';

test('the welcome page offers a file chooser and the samples', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Track a joint action plan' })).toBeVisible();
  await expect(page.getByLabel('Choose a plan file')).toBeVisible();
  for (const sample of SAMPLES) {
    await expect(page.getByRole('link', { name: new RegExp(sample.title.replace(/[()]/g, '.')) })).toBeVisible();
  }
  await expectAccessible(page);
});

for (const sample of SAMPLES) {
  test(`the sample ${sample.file} opens from the welcome page and reads like its source`, async ({ page }) => {
    await page.goto('./');
    await page.getByRole('link', { name: new RegExp(sample.title.replace(/[()]/g, '.')) }).click();
    await expect(page.getByRole('heading', { level: 1, name: sample.title })).toBeVisible();
    await expect(page.getByRole('heading', { name: `Showing all ${sample.actions} actions` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^Priority/ }).first()).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Measures', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Performance measures' })).toBeVisible();
    await expect(page).toHaveURL(/view=measures/);
    await expectAccessible(page);
  });
}

test('the 2016-18 plan shows activities as summary cards with their details', async ({ page }) => {
  await openSample(page);
  const mash = page.getByRole('region', { name: /The development of the Multi Agency Safeguarding Hub/ });
  await expect(mash.getByText('MASH Governance Group')).toBeVisible();
  await expect(mash.getByText('Adult Social Care, Police, Health')).toBeVisible();
  await expect(mash.getByRole('heading', { name: '1. Co-location of the MASH and Early Help Unit' })).toBeVisible();
  // The deadline as the plan words it, and the date the app understood.
  await expect(mash.getByText('March 2017 (31 March 2017)').first()).toBeVisible();
  // Status as words, not colour alone.
  await expect(mash.getByText('No status yet').first()).toBeVisible();
  // Outcomes are there to read.
  await page.getByText('Outcomes (6) and what success looks like (3)').click();
  await expect(page.getByText("The voice of the child will be at the centre of all service user feedback activity and service planning.").first()).toBeVisible();
});

test('a plan opens by link, and a failed link says why', async ({ page }) => {
  await page.goto('./?plan=samples/notts-cypf-2011-14.json');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLES[2].title })).toBeVisible();
  await expect(page).toHaveURL(/plan=samples%2Fnotts-cypf-2011-14.json|plan=samples\/notts-cypf-2011-14.json/);
  await page.goto('./?plan=samples/missing.json');
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('there is no file at that address (HTTP 404)');
  await expect(summary).toBeFocused();
});

// Bad files, one by one, are in bad-files.spec.mjs, from tests/bad-files/.

test('every problem in a file is listed, not just the first', async ({ page }) => {
  await page.goto('./');
  const plan = {
    format: 'plan-tracker/plan', format_version: 1, id: 'x', title: '',
    priorities: [{ id: 'p1', title: 'One', activities: [{ id: 'p1', title: 'Dup', measure_ids: ['m-none'],
      progress: { status: 'green', percent: 150 } }] }],
  };
  await chooseFile(page, 'Choose a plan file', 'many.json', JSON.stringify(plan));
  const items = page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('listitem');
  await expect(items).toHaveCount(5);
  await expectAccessible(page);
});

test('a plan file can be dropped onto the page', async ({ page }) => {
  await page.goto('./');
  const text = fs.readFileSync(new URL('../../public/samples/notts-cypf-2011-14.json', import.meta.url), 'utf8');
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.locator('main').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('heading', { level: 1, name: SAMPLES[2].title })).toBeVisible();
});

test('a plan opened from a file comes back after a reload', async ({ page }) => {
  await page.goto('./');
  const text = fs.readFileSync(new URL('../../public/samples/notts-cyp-strategy-2019-21.json', import.meta.url));
  await chooseFile(page, 'Choose a plan file', 'strategy.json', text);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLES[1].title })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLES[1].title })).toBeVisible();
});

test('text from a file is shown as text, never run as HTML', async ({ page }) => {
  await page.goto('./');
  const plan = {
    format: 'plan-tracker/plan', format_version: 1, id: 'hostile', title: '<img src=x onerror="window.pwned=1">Hostile',
    priorities: [{ id: 'p1', title: '<script>window.pwned=2</script>', outcomes: ['<b>bold</b>'],
      activities: [{ id: 'a1', title: 'A', actions: [{ id: 'k1', title: '<a href="javascript:alert(1)">click</a>' }] }] }],
  };
  await chooseFile(page, 'Choose a plan file', 'hostile.json', JSON.stringify(plan));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<img src=x onerror="window.pwned=1">Hostile');
  await expect(page.getByRole('heading', { name: '<a href="javascript:alert(1)">click</a>' })).toBeVisible();
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  await expect(page.locator('main img, main script, main b')).toHaveCount(0);
});
