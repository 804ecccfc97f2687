// Screenshots of the built app at tablet and phone sizes, for looking at the
// UI and for the README: node scripts/screenshots.mjs [out-dir] (serve dist/ on :8080 first).
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const out = process.argv[2] || 'test-results/screenshots';
const base = process.env.BASE_URL || 'http://127.0.0.1:8080/';
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const sample = `${base}?plan=samples/notts-cypf-2016-18.json&today=2016-11-22`;
for (const [name, width, height] of [['tablet', 1024, 768], ['phone', 390, 844]]) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(base);
  await page.screenshot({ path: `${out}/${name}-welcome.png` });
  await page.goto(sample);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.screenshot({ path: `${out}/${name}-plan.png` });
  await page.getByRole('heading', { name: /^Priority 1/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-priority.png` });
  const action = page.getByRole('listitem').filter({ hasText: 'Co-location of the MASH and Early Help Unit' });
  await action.getByRole('button', { name: /Update progress/ }).click();
  await page.getByLabel('Your name').fill('Sam Jones');
  await page.getByLabel('Your organisation').fill('Nottinghamshire Police');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await action.getByLabel('Percent complete').fill('140');
  await action.getByRole('button', { name: 'Save update' }).click();
  await action.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
  await page.screenshot({ path: `${out}/${name}-form-problem.png` });
  await action.getByRole('radio', { name: 'At risk' }).check();
  await action.getByLabel('Percent complete').fill('40');
  await action.getByLabel('Add a note (optional)').fill('Teams co-located since October; shared recording starts in January.');
  await action.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-form.png` });
  await action.getByRole('button', { name: 'Save update' }).click();
  await action.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-saved.png` });
  // An activity whose actions the plan leaves "to be confirmed".
  await page.getByRole('heading', { name: /^4\. To provide high quality health services/ }).scrollIntoViewIfNeeded().catch(() => {});
  await page.goto(`${sample}&priority=p2`);
  await page.getByRole('heading', { name: /Key actions: to be confirmed|^4\./ }).first().waitFor().catch(() => {});
  await page.getByText('The plan lists no key actions for this activity yet.').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-no-actions.png` });
  await page.goto(`${sample}&due=overdue&sort=status`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.screenshot({ path: `${out}/${name}-filtered.png`, fullPage: false });
  await page.getByRole('button', { name: 'More options' }).click();
  await page.getByLabel('Open another plan file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "plan-tracker/plan", "title": "x" "id": 1}') });
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await page.screenshot({ path: `${out}/${name}-error.png` });
  await page.goto(`${sample}&view=measures`);
  await page.getByRole('heading', { name: 'Performance measures' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-measures.png` });
  await page.goto(`${sample}&view=share`);
  await page.getByRole('heading', { name: 'Share and merge' }).waitFor();
  await page.screenshot({ path: `${out}/${name}-share.png`, fullPage: true });
  // A part of the app that cannot be downloaded (here: every part refused).
  const fresh = await browser.newPage({ viewport: { width, height } });
  await fresh.route(/\/(split_\w+|chunk_\d+)\.wasm$/, (route) => route.abort('internetdisconnected'));
  await fresh.goto(`${sample}&view=measures`);
  await fresh.getByRole('button', { name: 'Try again' }).waitFor();
  await fresh.screenshot({ path: `${out}/${name}-part-missing.png` });
  await fresh.close();
  await page.close();
}
await browser.close();
console.log(`Screenshots in ${out}`);
