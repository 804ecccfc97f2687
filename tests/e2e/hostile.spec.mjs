// Hostile text: a plan whose every kind of text carries markup, script,
// dangerous links, direction overrides and words too long for a line. In
// every view nothing runs, only http, https and mailto evidence are links,
// and the text shows literally; the CSV and the snapshot keep it inert.
import { test, expect, chooseFile, expectAccessible } from './helpers.mjs';
import fs from 'node:fs';

const SCRIPT = '<script>window.pwned = "script"</script>';
const IMG = '<img src=x onerror="window.pwned = \'img\'">';
const SVG = '<svg onload="window.pwned = \'svg\'"></svg>';
const LONG = `Partnership${'working'.repeat(40)}`;
// Right-to-left override: "Police" followed by text that would display
// reversed, to pass one organisation off as another.
const RLO = 'Nottinghamshire \u202eecilop\u202c Council';
const BAD_LINKS = ['javascript:window.pwned = "js"', ' JaVaScRiPt:window.pwned = "case"', 'data:text/html,<script>window.pwned="data"</script>',
  'vbscript:msgbox(1)', '&#106;avascript:window.pwned = "entity"', 'java\tscript:window.pwned = "tab"'];

function hostilePlan() {
  const plan = JSON.parse(fs.readFileSync(new URL('../../public/samples/notts-cypf-2016-18.json', import.meta.url), 'utf8'));
  plan.title = `Hostile ${SCRIPT} plan`;
  plan.subtitle = IMG;
  plan.description = SVG;
  const priority = plan.priorities[0];
  priority.title = `Safety ${IMG}`;
  const activity = priority.activities[0];
  activity.title = `Multi-agency ${SVG} ${LONG}`;
  activity.lead = { organisation: `Evil ${IMG} Trust` };
  activity.partners = [RLO];
  activity.governance_group = SCRIPT;
  const action = activity.actions[0];
  action.title = `Act ${SCRIPT} now`;
  action.progress = {
    status: 'off_track',
    percent: 10,
    notes: [{
      id: 'n-hostile', at: '2016-11-01T09:00:00Z', by: `Mallory ${IMG}`, text: `Note ${SVG} ${LONG}`, status: 'off_track',
      evidence: [
        ...BAD_LINKS.map((url, i) => ({ title: `Bad link ${i + 1}`, url })),
        { title: 'Good link', url: 'https://example.org/report' },
        { title: 'Mail link', url: 'mailto:board@example.org' },
      ],
    }],
  };
  return JSON.stringify(plan);
}

async function openHostile(page) {
  await page.goto('./?today=2016-11-22');
  await chooseFile(page, 'Choose a plan file', 'hostile.json', hostilePlan());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hostile ${SCRIPT} plan`);
}

/** Nothing from the file ran or became markup. */
async function expectInert(page) {
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  expect(await page.locator('main img, main iframe, main svg[onload], main script').count()).toBe(0);
  // Every link from the plan's evidence is http, https or mailto.
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:|#|\?|\.\/)/i);
}

test('markup, script and bad links in every text show as text and never run', async ({ page }) => {
  await openHostile(page);
  await expectInert(page);
  await expect(page.getByText(IMG, { exact: true }).first()).toBeVisible();
  await expect(page.getByText(`Act ${SCRIPT} now`).first()).toBeVisible();
  // The filters list the organisations literally too.
  const panel = page.getByRole('search', { name: 'Filter actions' });
  await expect(panel.getByText(`Evil ${IMG} Trust`)).toBeVisible();
  // A direction override cannot pass one organisation off as another: it is
  // shown marked, and the person is told why.
  await expect(page.getByText(/Nottinghamshire \[U\+202E\]ecilop\[U\+202C\] Council/).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText('characters that reverse or hide text');

  // The note's evidence: only the good links are links.
  const action = page.getByRole('listitem').filter({ hasText: `Act ${SCRIPT} now` });
  await action.getByText(/Notes and history/).click();
  await expect(action.getByRole('link', { name: 'Good link' })).toHaveAttribute('href', 'https://example.org/report');
  await expect(action.getByRole('link', { name: 'Mail link' })).toHaveAttribute('href', 'mailto:board@example.org');
  for (let i = 1; i <= BAD_LINKS.length; i += 1) {
    await expect(action.getByText(`Bad link ${i}`)).toBeVisible();
    await expect(action.getByRole('link', { name: `Bad link ${i}` })).toHaveCount(0);
  }
  await expectInert(page);

  // A word too long for the line wraps instead of pushing the page sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test('the other views show hostile text literally and run nothing', async ({ page }) => {
  await openHostile(page);
  for (const [name, heading] of [['Measures', 'Performance measures'], ['Exception report', 'Exception report'], ['Share and merge', 'Share and merge'], ['Edit the plan', 'Edit the plan']]) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('heading', { name: heading, exact: true }).first()).toBeVisible();
    await expectInert(page);
  }
  await page.getByRole('button', { name: 'Exception report', exact: true }).click();
  await expect(page.getByText(`Act ${SCRIPT} now`).first()).toBeVisible();

  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  const byLead = page.getByRole('region', { name: 'Actions by status for each lead organisation' });
  await byLead.scrollIntoViewIfNeeded();
  await byLead.getByRole('button', { name: 'Show as a table' }).click();
  await expect(byLead.getByRole('rowheader', { name: new RegExp(`Evil .*img.* Trust`) })).toBeVisible();
  await expectInert(page);

  // Meeting mode.
  await page.goto(`${page.url().replace(/view=[^&]*/, 'view=meeting')}`);
  await expectInert(page);
});

test('the CSV keeps formulas inert and the snapshot has no script, only escaped text', async ({ page }) => {
  const plan = JSON.parse(hostilePlan());
  // Cells of their own in the CSV: a lead organisation and a partner.
  plan.priorities[0].activities[1].lead = { organisation: '=HYPERLINK("https://example.org","click")' };
  plan.priorities[0].activities[1].partners = ['@SUM(A1:A9)'];
  await page.goto('./?today=2016-11-22');
  await chooseFile(page, 'Choose a plan file', 'hostile.json', JSON.stringify(plan));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Share and merge', exact: true }).click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text).toContain('\'=HYPERLINK');
  expect(text).toContain('\'@SUM(A1:A9)');
  expect(text).not.toMatch(/(^|,)"?[=@]/m);

  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  const [snapshot] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a snapshot' }).click()]);
  const html = fs.readFileSync(await snapshot.path(), 'utf8');
  // Only the snapshot's own tags, none with a handler: the plan's markup is
  // all escaped text.
  const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)\b/gi)].map((m) => m[1].toLowerCase()));
  for (const tag of ['script', 'img', 'svg', 'iframe', 'object', 'embed']) expect(tags.has(tag), tag).toBe(false);
  expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(html).toContain('&lt;script&gt;');
  expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
});
