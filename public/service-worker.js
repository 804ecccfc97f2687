// Plan Tracker's service worker: it keeps every file of one version of the
// app (every part, ECharts, the samples) so that the app opens and works
// with no network once it has been visited, parts not yet used included.
//
// scripts/build-wasm writes this file out as sw.js with two lines above it:
// VERSION (a hash of every file) and FILES (every file, relative to here).
//
// - A new version installs beside the old one and waits: the page offers to
//   reload into it (public/start.js), and it takes over only when asked, so
//   nobody is switched to it under their feet.
// - Every part lives under app-<content hash>/, so two versions' parts can
//   never be mixed; the previous version's files are kept too, for a tab
//   still open on it.
// - The page itself (any address of the app, whatever its ?query) is this
//   version's index.html.
/* global VERSION, FILES */

const PREFIX = 'plan-tracker-';
const CACHE = PREFIX + VERSION;
/** Versions kept: this one and the one before, for tabs still open on it. */
const KEPT = 2;

/** Where the browser can (Chromium 123 and later), files are answered from
 * the cache without starting this worker, as the fetch handler below would
 * answer them: it is the worker's start, not the cache, that a visit waits
 * on. A file named by its content (the app's parts, styles, icon, ECharts)
 * is the same in whichever version's cache holds it; the samples are this
 * version's. A file not in the cache goes to the network. The page itself
 * is not routed: its address carries a ?query, which a route's cache lookup
 * would not ignore. */
async function addRoutes(event) {
  if (!event.addRoutes) return;
  // Relative to the scope, on its origin, with the scope's own characters
  // taken literally.
  const under = (pathname) => ({ urlPattern: new URLPattern({ pathname, baseURL: self.registration.scope }) });
  await event.addRoutes([
    ...['app-*', 'main-*.css', 'favicon-*', 'vendor/*'].map((files) => ({ condition: under(files), source: 'cache' })),
    { condition: under('samples/*'), source: { cacheName: CACHE } },
  ]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(Promise.all([
    caches.open(CACHE).then((cache) => cache.addAll(FILES)),
    // Without routes, the fetch handler answers every file: never a reason
    // not to install.
    addRoutes(event).catch(() => {}),
  ]));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // keys() lists caches in the order they were made: oldest first.
    const ours = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
    await Promise.all(ours.slice(0, Math.max(0, ours.length - (KEPT - 1))).map((name) => caches.delete(name)));
    // The first version takes the page that installed it at once, so that
    // page already works offline; a later one is only ever activated when
    // the page asks (below).
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'update-now') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const isPage = request.mode === 'navigate'
    && (url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`);
  event.respondWith((async () => {
    const current = await caches.open(CACHE);
    const kept = isPage
      ? await current.match(scope.href)
      // This version's file first; then the kept one before it, for a tab
      // still on it (its parts' names carry their own hash).
      : (await current.match(request)) || (await caches.match(request));
    return kept || fetch(request);
  })());
});
