// axe-core on every page and state, at phone, tablet and desktop sizes:
// one walk through the app per size, checked at each stop. (Other specs
// check the states they reach too: merge conflicts in exchange.spec, parts
// not downloaded in parts.spec, meeting mode in boards.spec.)
import { test, expect, openSample, expectAccessible, sayWhoIAm, openPlanMenu } from './helpers.mjs';

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1366, height: 1024 },
];

/** Shows the filters where they are folded away (below 900 pixels). */
async function showFilters(page) {
  const toggle = page.getByRole('button', { name: 'Show filters' });
  if (await toggle.isVisible()) await toggle.click();
}

for (const size of SIZES) {
  test(`every page and state passes axe at ${size.name} size`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    const stops = [];
    const check = async (state) => {
      stops.push(state);
      await expectAccessible(page).catch((error) => {
        throw new Error(`${state}: ${error.message}`);
      });
    };

    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await check('welcome');
    await page.getByRole('button', { name: 'Accessibility statement' }).click();
    await expect(page.getByRole('heading', { name: 'Accessibility statement for Plan Tracker' })).toBeVisible();
    await check('accessibility statement');

    await openSample(page);
    await check('plan');
    await openPlanMenu(page);
    await check('toolbar menu open');
    await showFilters(page);
    await check('filters open');
    const panel = page.getByRole('search', { name: 'Filter actions' });
    await panel.getByRole('checkbox', { name: /^Overdue \(\d+\)$/ }).check();
    await expect(page.getByRole('heading', { name: /^Showing \d+ of 44 actions$/ })).toBeVisible();
    await check('filter applied');
    await page.getByRole('button', { name: /Remove filter/ }).first().click();

    const action = page.getByRole('listitem').filter({ hasText: 'Co-location of the MASH and Early Help Unit' });
    await action.getByRole('button', { name: /Update progress/ }).click();
    await sayWhoIAm(page);
    await check('progress form open');
    await action.getByLabel('Percent complete').fill('150');
    await action.getByRole('button', { name: 'Save update' }).click();
    await expect(action.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
    await check('progress form with its error summary');
    await action.getByLabel('Percent complete').fill('40');
    await action.getByRole('button', { name: 'Save update' }).click();
    await action.getByText(/Notes and history/).click();
    await expect(action.getByText(/by Sam Jones/).first()).toBeVisible();
    await check('history open');

    for (const [view, heading] of [
      ['measures', 'Performance measures'],
      ['dashboard', 'Dashboard'],
      ['exceptions', 'Exception report'],
      ['share', 'Share and merge'],
      ['edit', 'Edit the plan'],
    ]) {
      await page.goto(`./?plan=samples/notts-cypf-2016-18.json&today=2016-11-22&view=${view}`);
      await expect(page.getByRole('heading', { name: heading, exact: true }).first()).toBeVisible();
      if (view === 'dashboard') await expect(page.locator('.chart__canvas canvas').first()).toBeVisible();
      await check(view);
    }
    await page.goto('./?plan=samples/notts-cypf-2016-18.json&today=2016-11-22&view=meeting');
    await expect(page.getByText(/^\d+ of \d+$/).first()).toBeVisible();
    await check('meeting mode');
    await page.goto('./?view=import');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await check('import');
    expect(stops).toHaveLength(16);
  });
}

// What a screen reader's user steers by: the landmarks, and headings that go
// from the plan's title down to each action, one level at a time, with
// each action's status said in words. (axe's best practices, checked at
// every stop above, catch a skipped level; this checks the outline itself.)
test('the plan reads as an outline: landmarks, then headings from its title down to each action', async ({ page }) => {
  await openSample(page);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main');
  await expect(page.getByRole('navigation', { name: 'Plan' })).toMatchAriaSnapshot(`
    - list:
      - listitem:
        - button "Actions"
      - listitem:
        - button "Measures"
      - listitem:
        - button "Dashboard"
      - listitem:
        - button "Exception report"
      - listitem:
        - button "Share and merge"
      - listitem:
        - button "Edit the plan"
    - button "Export plan"
  `);
  await expect(page.getByRole('main')).toMatchAriaSnapshot(`
    - heading "Children, Young People and Families Plan 2016-2018" [level=1]
    - search "Filter actions":
      - heading "Filter" [level=2]
      - searchbox "Search words"
      - group "Priority"
      - group "Lead organisation"
      - group "Deadline"
      - group "Status"
    - region "Showing all 44 actions":
      - heading "Showing all 44 actions" [level=2]
      - 'region "Priority 1: Children and young people are safe in Nottinghamshire"':
        - 'heading "Priority 1: Children and young people are safe in Nottinghamshire" [level=2]'
        - region /^1\\. The monitoring of the implementation/:
          - heading /^1\\. The monitoring of the implementation/ [level=3]
          - strong: No status yet
          - heading "Key actions" [level=4]
          - list:
            - listitem:
              - heading /^1\\. To have implemented the LAC and Care Leavers Strategy/ [level=5]
              - strong: No status yet
  `);
});
