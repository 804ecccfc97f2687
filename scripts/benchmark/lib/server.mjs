// A small static file server on the loopback address, inside the driver
// process so there is no second process to start and stop. One origin serves
// the app (a built dist/ at /), the peers (/peers/), the generated plans
// (/plans/) and the two DataTables packages (/node_modules/datatables.net*/);
// nothing else of node_modules is exposed.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** URL prefixes and the folders they map to; the first match wins. */
function mounts(root, dist, plans) {
  return [
    ['/peers/', path.join(root, 'scripts/benchmark/peers')],
    ['/plans/', plans],
    ['/node_modules/datatables.net-dt/', path.join(root, 'node_modules/datatables.net-dt')],
    ['/node_modules/datatables.net/', path.join(root, 'node_modules/datatables.net')],
    ['/', dist],
  ];
}

/** The file a URL path names, or null when it is outside every mount. */
function resolve(table, urlPath) {
  const decoded = decodeURIComponent(urlPath);
  for (const [prefix, folder] of table) {
    if (!decoded.startsWith(prefix)) continue;
    let file = path.join(folder, decoded.slice(prefix.length));
    if (!file.startsWith(folder)) return null;
    if (decoded.endsWith('/')) file = path.join(file, 'index.html');
    return file;
  }
  return null;
}

/** Starts serving the repository at `root`, with the app from `dist` and the
 * plans from `plans`; resolves with { origin, close() }. Port 0 picks a free one. */
export function startServer(root, { dist, plans }, port = 0) {
  const table = mounts(root, dist, plans);
  const server = http.createServer((request, response) => {
    const file = resolve(table, new URL(request.url, 'http://x').pathname);
    fs.readFile(file || '', (error, data) => {
      if (!file || error) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found');
        return;
      }
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(data);
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolvePromise({
        origin: `http://127.0.0.1:${actual}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}
