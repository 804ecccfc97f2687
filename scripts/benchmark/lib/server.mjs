// A small static file server on the loopback address, inside the driver
// process so there is no second process to start and stop. One origin serves
// the app (a built dist/ at /), the peers (/peers/), the generated plans
// (/plans/) and the two DataTables packages (/node_modules/datatables.net*/);
// nothing else of node_modules is exposed.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

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

/** Types a real host compresses. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.webmanifest']);

/** Compressed copies of the app's files, made once per file: brotli at its
 * highest level, as a host would precompress, or gzip at level 9. */
const compressed = new Map();
function compress(file, data, encoding) {
  const key = `${encoding}:${file}`;
  if (!compressed.has(key)) {
    compressed.set(key, encoding === 'br'
      ? zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : zlib.gzipSync(data, { level: 9 }));
  }
  return compressed.get(key);
}

/** Starts serving the repository at `root`, with the app from `dist` and the
 * plans from `plans`; resolves with { origin, close() }. Port 0 picks a free
 * one. The app's own files (not the generated plans, which are chosen as
 * files, not downloaded) are sent compressed when the browser accepts it. */
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
      const headers = {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
      };
      const accepts = request.headers['accept-encoding'] || '';
      const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      let body = data;
      if (encoding && file.startsWith(dist) && COMPRESSIBLE.has(path.extname(file))) {
        body = compress(file, data, encoding);
        headers['content-encoding'] = encoding;
        headers.vary = 'accept-encoding';
      }
      response.writeHead(200, headers);
      response.end(body);
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
