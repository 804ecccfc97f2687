// Filters the way people use them, and the address carrying the view.
import { test, expect, openSample, expectAccessible, SAMPLES } from './helpers.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

test('filter by lead organisation, with partners, and remove it', async ({ page }) => {
  await openSample(page);
  const panel = page.getByRole('search', { name: 'Filter actions' });
  await panel.getByRole('checkbox', { name: /^Nottinghamshire County Council \(\d+\)$/ }).check();
  await expect(page.getByRole('heading', { name: /^Showing \d+ of 44 actions$/ })).toBeVisible();
  await expect(page).toHaveURL(/lead=/);
  await panel.getByRole('checkbox', { name: 'Include activities where they are a partner' }).check();
  await expect(page).toHaveURL(/partner=/);
  await page.getByRole('button', { name: /Remove filter/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Showing all 44 actions' })).toBeVisible();
});

test('the count on an option is what choosing it gives', async ({ page }) => {
  await openSample(page);
  const panel = page.getByRole('search', { name: 'Filter actions' });
  const option = panel.getByRole('checkbox', { name: /^Overdue \(\d+\)$/ });
  const label = await panel.getByText(/^Overdue/).textContent();
  const count = Number(/\((\d+)\)/.exec(await option.evaluate((el) => el.labels[0].textContent))[1]);
  await option.check();
  await expect(page.getByRole('heading', { name: `Showing ${count} of 44 actions` })).toBeVisible();
  expect(label).toContain('Overdue');
});

test('deadline, status and priority filters combine, and the address keeps them', async ({ page }) => {
  await openSample(page);
  const panel = page.getByRole('search', { name: 'Filter actions' });
  // Each option's count says what choosing it gives with the filters already chosen.
  const countOf = async (option) => Number(/\((\d+)\)/.exec(await option.evaluate((el) => el.labels[0].textContent))[1]);
  const nextQuarter = panel.getByRole('checkbox', { name: /^Due next quarter/ });
  const quarter = await countOf(nextQuarter);
  await nextQuarter.check();
  await expect(page.getByRole('heading', { name: `Showing ${quarter} of 44 actions` })).toBeVisible();
  const safe = panel.getByRole('checkbox', { name: /^1\. Children and young people are safe/ });
  const inBoth = await countOf(safe);
  expect(inBoth).toBeGreaterThan(0);
  expect(inBoth).toBeLessThan(quarter);
  await safe.check();
  const both = `Showing ${inBoth} of 44 actions`;
  await expect(page.getByRole('heading', { name: both })).toBeVisible();
  await panel.getByRole('checkbox', { name: /^No status yet/ }).check();
  await expect(page).toHaveURL(/due=next-quarter/);
  await expect(page).toHaveURL(/priority=p1/);
  await expect(page).toHaveURL(/status=none/);
  // A reload keeps the view.
  await page.reload();
  await expect(page.getByRole('heading', { name: both.trim() })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Due next quarter/ })).toBeChecked();
  // Back undoes the last choice.
  await page.goBack();
  await expect(page).not.toHaveURL(/status=none/);
  await expect(page.getByRole('checkbox', { name: /^No status yet/ })).not.toBeChecked();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('heading', { name: 'Showing all 44 actions' })).toBeVisible();
  await expectAccessible(page);
});

test('words search titles, governance groups and evidence, ignoring case and accents', async ({ page }) => {
  await openSample(page);
  const words = page.getByLabel('Search words');
  await words.fill('CO-LOCATION');
  await expect(page.getByRole('heading', { name: 'Showing 1 of 44 actions' })).toBeVisible();
  await words.fill('mash governance group');
  await expect(page.getByRole('heading', { name: 'Showing 9 of 44 actions' })).toBeVisible();
  await words.fill('single assessment');
  await expect(page.getByRole('heading', { name: /^Showing [1-9]\d* of 44 actions$/ })).toBeVisible();
  await words.fill('zzzz no such words');
  await expect(page.getByRole('heading', { name: 'No actions match these filters' })).toBeVisible();
  await expect(page).toHaveURL(/q=zzzz/);
});

test('a shared link with unknown values opens with a notice, not a crash', async ({ page }) => {
  await openSample(page, undefined, '&status=green&due=soon&priority=p99&lead=Nobody&from=31%2F03%2F2017');
  await expect(page.getByRole('heading', { name: 'Showing all 44 actions' })).toBeVisible();
  const notices = page.getByRole('region', { name: 'Notices' });
  await expect(notices).toContainText("status 'green'");
  await expect(notices).toContainText("priority 'p99'");
  await expect(notices).toContainText("lead organisation 'Nobody'");
});

test('results sort by deadline and by status as flat lists', async ({ page }) => {
  await openSample(page);
  await page.getByLabel('Show results').selectOption({ label: 'Deadline, earliest first' });
  await expect(page).toHaveURL(/sort=deadline/);
  const rows = page.locator('.action-list--flat > li');
  await expect(rows.first()).toContainText('April 2016');
  // Every row, not only the first: draw them all, then read each deadline
  // as the app understood it ("31 March 2017", or the start of a window).
  for (let i = 0; i < 10 && (await rows.count()) < 44; i += 1) {
    await page.mouse.wheel(0, 5000);
    await page.waitForTimeout(100);
  }
  await expect(rows).toHaveCount(44);
  const deadlines = await rows.evaluateAll((items) => items.map((li) => {
    const due = [...li.querySelectorAll('dt')].find((dt) => dt.textContent === 'Due')?.nextElementSibling?.textContent ?? '';
    const dates = [...due.matchAll(/(\d{1,2} [A-Z][a-z]+ \d{4})/g)].map((m) => Date.parse(`${m[1]} UTC`));
    // A window sorts by its end; "starts ..." alone has no deadline.
    return due.includes('starts') || dates.length === 0 ? Infinity : dates[dates.length - 1];
  }));
  expect(deadlines.filter((d) => d !== Infinity).length).toBeGreaterThan(40);
  expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
});

test('on a narrow screen the filters fold into a panel', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSample(page);
  const toggle = page.getByRole('button', { name: 'Show filters' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Search words')).toBeHidden();
  await toggle.click();
  await expect(page.getByLabel('Search words')).toBeVisible();
  await expectAccessible(page);
});

test('a generated 20,000-action plan opens and filters', async ({ page }) => {
  test.setTimeout(180_000);
  const file = path.join(os.tmpdir(), 'plan-tracker-e2e-20000.json');
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'generate_plan', '20000', '7'],
      { cwd: new URL('../..', import.meta.url).pathname, maxBuffer: 64 << 20 }));
  }
  await page.goto('./');
  await page.getByLabel('Choose a plan file').setInputFiles(file);
  await expect(page.getByRole('heading', { name: 'Showing all 20000 actions' })).toBeVisible({ timeout: 60_000 });
  // Only a page of results is drawn, and more on request.
  const drawn = page.getByRole('main').locator('li.action');
  await expect(drawn).toHaveCount(10);
  await expect(page.getByText('19990 more match these filters')).toBeVisible();
  // Scrolling down draws more by itself; the button is there too.
  await page.getByRole('button', { name: 'Show 10 more actions' }).scrollIntoViewIfNeeded();
  await expect.poll(() => drawn.count()).toBeGreaterThanOrEqual(20);
  const before = await drawn.count();
  await page.getByRole('button', { name: 'Show 10 more actions' }).click();
  await expect.poll(() => drawn.count()).toBeGreaterThanOrEqual(before + 10);
  expect(await drawn.count()).toBeLessThan(1000);
  await page.getByLabel('Search words').fill('protocol');
  await expect(page.getByRole('heading', { name: /^Showing \d+ of 20000 actions$/ })).toBeVisible();
  await page.getByRole('search', { name: 'Filter actions' }).getByRole('checkbox', { name: /^Nottinghamshire Police/ }).check();
  await expect(page.getByRole('heading', { name: /^Showing \d+ of 20000 actions$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove filter Lead: Nottinghamshire Police' })).toBeVisible();
});

test('scrolling down a long list draws the rest, then the button goes', async ({ page }) => {
  await openSample(page, SAMPLES[2].file);
  const drawn = page.getByRole('main').locator('li.action');
  await expect(drawn).toHaveCount(10);
  for (let i = 0; i < 10 && (await drawn.count()) < SAMPLES[2].actions; i += 1) {
    await page.mouse.wheel(0, 5000);
    await page.waitForTimeout(100);
  }
  await expect(drawn).toHaveCount(SAMPLES[2].actions);
  await expect(page.getByRole('button', { name: /^Show \d+ more actions$/ })).toHaveCount(0);
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
});

test('the count is said once the filtering settles, not for every letter typed', async ({ page }) => {
  await openSample(page);
  const said = [];
  await page.exposeFunction('countSaid', (text) => said.push(text));
  // Every change to the status that speaks the count, as a screen reader
  // would hear it.
  await page.evaluate(() => {
    const region = document.querySelector('#results-count + [role="status"]');
    new MutationObserver(() => window.countSaid(region.textContent))
      .observe(region, { childList: true, characterData: true, subtree: true });
  });
  await page.getByLabel('Search words').pressSequentially('MASH', { delay: 120 });
  const heading = page.getByRole('heading', { name: /^Showing \d+ of 44 actions$/ });
  await expect(heading).toBeVisible();
  await expect.poll(() => said.length).toBe(1);
  expect(said).toEqual([await heading.textContent()]);
  await page.waitForTimeout(1500);
  expect(said).toHaveLength(1);
});
