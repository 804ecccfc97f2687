// End-to-end tests against the release build in dist/, in Debian's Chromium,
// served under a sub-path (/plans/) the way an intranet or GitHub Pages
// hosts it: nothing in the app may assume it is at the root.
import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.E2E_PORT || 8091);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '../../target/e2e-host');
fs.mkdirSync(root, { recursive: true });
const mount = path.join(root, 'plans');
if (!fs.existsSync(mount)) fs.symlinkSync(path.join(here, '../../dist'), mount);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/plans/`,
    browserName: 'chromium',
    viewport: { width: 1024, height: 768 },
    acceptDownloads: true,
    // Requests a service worker answers would bypass page.route, which the
    // tests use to fail downloads; offline.spec.mjs allows it for its tests.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory ${root}`,
    url: `http://127.0.0.1:${port}/plans/`,
    reuseExistingServer: false,
    // The server's request log would bury the test output.
    stderr: 'ignore',
    timeout: 30_000,
  },
});
