// Offline and installable: after one visit the app opens with no network at
// all (its own server is stopped), parts never used before included; a new
// version is offered and only taken when the person asks, and a second tab
// left on the older version is told and keeps working.
import { test, expect, SAMPLES, expectAccessible, actionItem, setStatus } from './helpers.mjs';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };

/** A copy of the build, served under /plans/ by a server this test can stop. */
async function hostCopy() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-host-'));
  fs.cpSync(DIST, folder, { recursive: true, dereference: true });
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const relative = pathname.replace(/^\/plans\//, '');
    let file = path.join(folder, relative || 'index.html');
    if (!pathname.startsWith('/plans/') || !file.startsWith(folder)) file = '';
    if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (error, data) => {
      if (!file || error) {
        response.writeHead(404);
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
      response.end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    folder,
    url: (query = '') => `${origin}/plans/${query}`,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

const controlled = (page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit the app opens and works with no network, parts not yet used and every sample included', async ({ page }) => {
    const host = await hostCopy();
    try {
      await page.goto(host.url(`?plan=samples/${SAMPLES[0].file}&today=2016-11-22`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLES[0].title);
      await expect.poll(() => controlled(page), { timeout: 30_000 }).toBe(true);
      await host.stop();

      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLES[0].title);
      // The app's files and the sample came from the cache by the worker's
      // static routes, without waiting for the worker to start.
      const sources = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
        .filter((entry) => /plan-tracker_bg\.wasm$|plan-tracker\.js$|\.css$|\.json$/.test(entry.name))
        .map((entry) => [entry.name.replace(/^.*\//, ''), entry.workerMatchedSourceType])));
      expect(sources).toEqual({ 'plan-tracker_bg.wasm': 'cache', 'plan-tracker.js': 'cache',
        [path.basename(fs.readdirSync(DIST).find((name) => name.endsWith('.css')))]: 'cache', [SAMPLES[0].file]: 'cache' });
      // The dashboard's part and ECharts were never downloaded while online.
      await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
      await expect(page.locator('.chart__canvas canvas').first()).toBeVisible();
      await expectAccessible(page);
      // A sample never opened before.
      await page.goto(host.url(`?plan=samples/${SAMPLES[1].file}&today=2016-11-22`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLES[1].title);
    } finally {
      await host.stop();
    }
  });

  test('a new version is offered, and taken only when the person reloads into it', async ({ page }) => {
    const host = await hostCopy();
    try {
      await page.goto(host.url(`?plan=samples/${SAMPLES[0].file}&today=2016-11-22`));
      await expect.poll(() => controlled(page), { timeout: 30_000 }).toBe(true);
      const first = await page.evaluate(() => caches.keys());
      expect(first).toHaveLength(1);

      // Publish a new version: the same files under a new version name.
      const worker = path.join(host.folder, 'sw.js');
      fs.writeFileSync(worker, fs.readFileSync(worker, 'utf8').replace(/^const VERSION = "[0-9a-f]+";/m, 'const VERSION = "0123456789abcdef";'));
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));

      const offer = page.getByRole('region', { name: 'New version' });
      await expect(offer).toContainText('A new version of Plan Tracker is ready');
      // Nothing switched meanwhile: the plan is still open and works.
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLES[0].title);
      await expectAccessible(page);

      await offer.getByRole('button', { name: 'Reload to update' }).click();
      await expect(offer).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLES[0].title);
      await expect.poll(() => page.evaluate(() => caches.keys())).toContain('plan-tracker-0123456789abcdef');
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting === null))).toBe(true);
    } finally {
      await host.stop();
    }
  });
});

test.describe('with the service worker, in two tabs', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a tab left on the older version is told, keeps working, and loses nothing', async ({ context }) => {
    const host = await hostCopy();
    try {
      const address = host.url(`?plan=samples/${SAMPLES[0].file}&today=2016-11-22`);
      const first = await context.newPage();
      await first.goto(address);
      await expect.poll(() => controlled(first), { timeout: 30_000 }).toBe(true);
      const second = await context.newPage();
      await second.goto(address);
      await expect(second.getByRole('heading', { level: 1 })).toHaveText(SAMPLES[0].title);
      await setStatus(second, 'At risk');
      const stored = () => second.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
      const before = await stored();

      const worker = path.join(host.folder, 'sw.js');
      fs.writeFileSync(worker, fs.readFileSync(worker, 'utf8').replace(/^const VERSION = "[0-9a-f]+";/m, 'const VERSION = "fedcba9876543210";'));
      await first.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await first.getByRole('region', { name: 'New version' }).getByRole('button', { name: 'Reload to update' }).click();
      await expect(first.getByRole('heading', { level: 1 })).toHaveText(SAMPLES[0].title);

      // The second tab did not ask: it is told, and goes on as it was.
      const told = second.getByRole('region', { name: 'New version' });
      await expect(told).toContainText('Plan Tracker was updated in another tab. Reload this one to use the new version');
      await expect(actionItem(second).getByText('At risk').first()).toBeVisible();
      await second.getByRole('button', { name: 'Dashboard', exact: true }).click();
      // Charts draw once in view, and the banner has pushed them down.
      await second.locator('.chart').first().scrollIntoViewIfNeeded();
      await expect(second.locator('.chart__canvas canvas').first()).toBeVisible();
      await expectAccessible(second);
      expect(await stored()).toBe(before);

      await told.getByRole('button', { name: 'Reload to update' }).click();
      await expect(second.getByRole('heading', { level: 1 })).toHaveText(SAMPLES[0].title);
      await expect(second.getByRole('region', { name: 'New version' })).toHaveCount(0);
      await second.getByRole('button', { name: 'Actions', exact: true }).click();
      await expect(actionItem(second).getByText('At risk').first()).toBeVisible();
    } finally {
      await host.stop();
    }
  });
});

test('the app can be installed: a manifest with a name, a start address and icons', async ({ page, request }) => {
  await page.goto('./');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(new URL(href, page.url()).href)).json();
  expect(manifest.name).toBe('Plan Tracker');
  expect(manifest.start_url).toBe('./');
  expect(manifest.display).toBe('standalone');
  for (const icon of manifest.icons) {
    expect((await request.get(new URL(icon.src, new URL(href, page.url())).href)).ok(), icon.src).toBe(true);
  }
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
});
