// Phones and tablets: what is on the first screen, the toolbar's menu, no
// sideways scrolling, and touch targets a finger can hit.
import { test, expect, openSample, expectAccessible, openPlanMenu } from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
const NARROWEST = { width: 320, height: 640 };
const TABLETS = [{ width: 768, height: 1024 }, { width: 1024, height: 768 }, { width: 1366, height: 1024 }];
/** A 1366x768 laptop at 200% zoom. */
const ZOOMED = { width: 683, height: 384 };
/** A 1280x1024 screen at 400% zoom: WCAG's reflow case (1.4.10). */
const REFLOW = { width: 320, height: 256 };

/** Whether the element starts on the first screen, with `lines` of it showing. */
async function onFirstScreen(locator, viewport, lines = 1) {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y + Math.min(box.height, 30 * lines) <= viewport.height;
}

test('on a phone the plan title, the filter button and the first results are on the first screen', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await openSample(page);
  const firstScreen = {
    title: page.getByRole('heading', { level: 1 }),
    filters: page.getByRole('button', { name: 'Show filters' }),
    count: page.getByRole('heading', { name: 'Showing all 44 actions' }),
    firstPriority: page.getByRole('heading', { level: 2, name: /^Priority 1\b/ }),
  };
  for (const [what, locator] of Object.entries(firstScreen)) {
    await expect(locator, what).toBeVisible();
    expect(await onFirstScreen(locator, PHONE), `${what} on the first screen`).toBe(true);
  }
  await expectAccessible(page);
});

test('the toolbar menu opens and closes with the keyboard alone', async ({ page }) => {
  await openSample(page);
  const more = page.getByRole('button', { name: 'More options' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Close plan' })).toBeHidden();
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  // Next in the order is the first thing in the menu.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^Save to a file|^Undo last change$/ }).first()).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Shift+Tab');
  await expect(more).toBeFocused();
  await page.keyboard.press('Space');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Close plan' })).toBeHidden();
});

for (const viewport of [NARROWEST, REFLOW, PHONE, ZOOMED, ...TABLETS]) {
  test(`nothing scrolls sideways at ${viewport.width}x${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const view of ['', '&view=measures', '&view=dashboard', '&view=exceptions', '&view=share', '&view=edit']) {
      await openSample(page, undefined, view);
      await openPlanMenu(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `sideways overflow on "${view || 'actions'}"`).toBeLessThanOrEqual(0);
    }
  });
}

test('on a phone every button and field is at least 44 by 44 pixels', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await openSample(page);
  await openPlanMenu(page);
  await page.getByRole('button', { name: 'Show filters' }).click();
  const small = await page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea, summary')]
    .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => {
      // A checkbox or radio is hit through its label too: the pair counts.
      const label = (el.type === 'checkbox' || el.type === 'radio') && el.labels && el.labels[0];
      const box = el.getBoundingClientRect();
      const hit = label ? label.getBoundingClientRect() : box;
      const height = Math.max(box.height, hit.height);
      const width = Math.max(box.width, hit.width);
      return { what: `${el.tagName.toLowerCase()} ${el.id || el.textContent.trim().slice(0, 30)}`, width: Math.round(width), height: Math.round(height) };
    })
    .filter((t) => t.width < 44 || t.height < 44));
  expect(small).toEqual([]);
});

test('in high contrast (forced colours) with reduced motion, buttons and status tags keep their outlines', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  await openSample(page);
  const border = (locator) => locator.evaluate((el) => getComputedStyle(el).borderTopStyle);
  expect(await border(page.getByRole('button', { name: 'More options' }))).toBe('solid');
  // A status is never only a colour: its tag has words, and a border here.
  const tag = page.locator('.tag').first();
  await expect(tag).toHaveText(/\w/);
  expect(await border(tag)).toBe('solid');
  await expectAccessible(page);
});

test.describe('with a policy broken on purpose', () => {
  test.use({ breaksPolicyOnPurpose: true });
  test('the app runs under a sub-path with its content security policy, which refuses inline script', async ({ page }) => {
    await openSample(page);
    expect(new URL(page.url()).pathname).toBe('/plans/');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toContain('unsafe-inline');
    // Script put into the page as text never runs; the browser reports it.
    const refused = await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    }));
    expect(refused).toMatch(/^script-src/);
    expect(await page.evaluate(() => window.injected)).toBeUndefined();
  });
});
