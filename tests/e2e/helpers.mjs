// Shared steps, written the way a person finds things: by role and label.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

/** Playwright's test, failing any test in which the browser reports that the
 * app broke its content security policy (index.html): Chromium says so on
 * the console, for every page of the test's browser context. */
export const test = base.extend({
  /** Set by the one test that breaks the policy on purpose. */
  breaksPolicyOnPurpose: [false, { option: true }],
  context: async ({ context, breaksPolicyOnPurpose }, use) => {
    const violations = [];
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await use(context);
    if (!breaksPolicyOnPurpose) expect(violations, 'content security policy violations').toEqual([]);
  },
});

export const SAMPLES = [
  { file: 'notts-cypf-2016-18.json', title: 'Children, Young People and Families Plan 2016-2018', actions: 44 },
  { file: 'notts-cyp-strategy-2019-21.json', title: "Children and Young People's Departmental Strategy", actions: 22 },
  { file: 'notts-cypf-2011-14.json', title: 'Nottinghamshire Children, Young People and Families Plan', actions: 67 },
];

/** Opens a sample by link, with "today" fixed so deadlines are stable. */
export async function openSample(page, file = SAMPLES[0].file, extra = '') {
  await page.goto(`./?plan=samples/${file}&today=2016-11-22${extra}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Fails on any WCAG 2.2 A or AA violation axe can find, and on any breach
 * of axe's best practices: among them, what a screen reader's user steers
 * by (one main landmark, landmarks named apart, all content in one, one
 * level-one heading, heading levels that never skip one going down). */
export async function expectAccessible(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

/** Chooses a file through the labelled file input. */
export async function chooseFile(page, label, name, content) {
  const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content);
  await page.getByLabel(label).setInputFiles({ name, mimeType: 'application/json', buffer });
}

/** Answers the "who are you" question if it is asked. */
export async function sayWhoIAm(page, name = 'Sam Jones', organisation = 'Nottinghamshire Police') {
  const nameField = page.getByLabel('Your name');
  // The progress form is downloaded the first time it is used: wait for it,
  // or for the question of who is recording.
  await expect(nameField.or(page.getByRole('button', { name: 'Save update' })).first()).toBeVisible();
  if (await nameField.isVisible()) {
    await nameField.fill(name);
    await page.getByLabel('Your organisation').fill(organisation);
    await page.getByRole('button', { name: 'Save and continue' }).click();
  }
}

export function countText(shown, total) {
  return shown === total ? `Showing all ${total} actions` : `Showing ${shown} of ${total} actions`;
}

/** Opens the toolbar's "More options" menu (save, undo, discard, close,
 * open another file) unless it is open already. */
export async function openPlanMenu(page) {
  const more = page.getByRole('button', { name: 'More options' });
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
}

export const MASH_ACTION = 'Co-location of the MASH and Early Help Unit';

/** An action in the list, found by its title. */
export function actionItem(page, title = MASH_ACTION) {
  return page.getByRole('listitem').filter({ hasText: title });
}

/** Records a status on an action through its progress form. */
export async function setStatus(page, status, title = MASH_ACTION) {
  const action = actionItem(page, title);
  await action.getByRole('button', { name: /Update progress/ }).click();
  await sayWhoIAm(page);
  await action.getByRole('radio', { name: status }).check();
  await action.getByRole('button', { name: 'Save update' }).click();
  await expect(action.getByText(status).first()).toBeVisible();
  return action;
}

/** Hears the page as a screen reader would, from before it loads: what is
 * added to or changed in a live region already on the page (a status, an
 * alert, a log, or `aria-live`) is said, as the region's text; an alert is
 * also said when it arrives. A status that arrives with its words already
 * in it is not said, as screen readers often do not. Returns a function
 * that gives everything said so far, in order, as "role: text". */
export async function listenAsAScreenReader(page) {
  await page.addInitScript(() => {
    const said = [];
    window.__said = said;
    const LIVE = '[role="status"], [role="alert"], [role="log"], [aria-live="polite"], [aria-live="assertive"]';
    const known = new WeakSet();
    const remember = () => document.querySelectorAll(LIVE).forEach((region) => known.add(region));
    const silent = (element) => element.closest('[hidden], [aria-hidden="true"]') !== null;
    const say = (region) => {
      const text = region.innerText.replace(/\s+/g, ' ').trim();
      if (text && !silent(region)) said.push(`${region.getAttribute('role') || 'live'}: ${text}`);
    };
    new MutationObserver((records) => {
      const changed = new Set();
      for (const record of records) {
        const target = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
        const region = target && target.closest(LIVE);
        if (region && known.has(region)) changed.add(region);
        for (const node of record.addedNodes) {
          if (node.nodeType !== Node.ELEMENT_NODE) continue;
          const alerts = [...(node.matches('[role="alert"]') ? [node] : []), ...node.querySelectorAll('[role="alert"]')];
          alerts.filter((alert) => !known.has(alert)).forEach((alert) => changed.add(alert));
        }
      }
      changed.forEach(say);
      remember();
    }).observe(document, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => [...window.__said]);
}
