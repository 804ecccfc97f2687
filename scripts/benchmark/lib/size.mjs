// What a visitor downloads: the app's wasm and JS in dist/, raw and gzipped
// (level 9, as a server would precompress them), split into what the page
// loads to start and the parts downloaded when first used; and whether
// ECharts ships.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

function filesUnder(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function sizeOf(dist, file) {
  const data = fs.readFileSync(path.join(dist, file));
  return { file, raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
}

function totals(files) {
  const sum = (key, kind = '') => files.filter((f) => f.file.endsWith(kind)).reduce((t, f) => t + f[key], 0);
  return {
    wasm: { raw: sum('raw', '.wasm'), gzip: sum('gzip', '.wasm') },
    js: { raw: sum('raw', '.js'), gzip: sum('gzip', '.js') },
    total: { raw: sum('raw'), gzip: sum('gzip') },
  };
}

/** The files the page loads before the app runs: the module script
 * index.html names, the modules it preloads (start.js imports the glue
 * once the plan's download has begun), every module those import
 * statically, and the wasm index.html preloads. */
function startFiles(dist, indexHtml) {
  const entry = /<script type="module"(?: async)? src="\.\/([^"]+)"/.exec(indexHtml);
  const wasm = /<link rel="preload" href="\.\/([^"]+\.wasm)"/.exec(indexHtml);
  if (!entry || !wasm) throw new Error('dist/index.html names no module script or no preloaded wasm: is dist/ from scripts/build?');
  const modules = new Set();
  const visit = (file) => {
    if (modules.has(file)) return;
    modules.add(file);
    const text = fs.readFileSync(path.join(dist, file), 'utf8');
    for (const [, spec] of text.matchAll(/^\s*import\b[^'"]*['"](\.{1,2}\/[^'"]+\.js)['"]/gm)) {
      visit(path.join(path.dirname(file), spec));
    }
  };
  visit(entry[1]);
  for (const [, preloaded] of indexHtml.matchAll(/<link rel="modulepreload" href="\.\/([^"]+)"/g)) visit(preloaded);
  return [...modules, wasm[1]];
}

/** Whether `url` is one of the parts wasm-split writes for first use
 * (scripts/build-wasm), which opening a plan should never need. */
export function isOnDemandPart(url) {
  return /\/(split_\w+|chunk_\d+)\.wasm$/.test(url);
}

/** Sizes of the app's wasm and JS: `start` is what opening the app
 * downloads, `onDemand` the parts fetched when a page or form is first used. */
export function measureSize(dist) {
  const all = filesUnder(dist).map((f) => path.relative(dist, f));
  const indexHtml = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const atStart = startFiles(dist, indexHtml);
  const appDir = path.dirname(atStart[0]);
  // offline.js (keeping the app for offline use) is fetched once the page
  // is idle: neither to start nor for a page.
  const onDemand = all.filter((f) => path.dirname(f) === appDir && /\.(wasm|js)$/.test(f) && !atStart.includes(f)
    && path.basename(f) !== 'offline.js');
  const unknown = onDemand.filter((f) => !isOnDemandPart(`/${f}`));
  if (unknown.length) throw new Error(`neither loaded to start nor a part for first use: ${unknown.join(', ')}`);
  const files = atStart.map((f) => sizeOf(dist, f));
  const parts = onDemand.map((f) => sizeOf(dist, f));
  const echartsFiles = all.filter((f) => /echarts/i.test(path.basename(f)));
  return {
    files,
    ...totals(files),
    onDemand: { files: parts, ...totals(parts).total },
    echarts: {
      files: echartsFiles.map((f) => sizeOf(dist, f)),
      inIndexHtml: /echarts/i.test(indexHtml),
    },
  };
}
