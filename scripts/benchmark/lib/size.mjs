// What a visitor downloads: the app's wasm and JS in dist/, raw and gzipped
// (level 9, as a server would precompress them), and whether ECharts ships.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

function filesUnder(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function sizeOf(file) {
  const data = fs.readFileSync(file);
  return { raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
}

/** Sizes of dist/'s top-level .wasm and .js files (the app itself), and any
 * ECharts file anywhere in dist/ or named in its index.html. */
export function measureSize(dist) {
  const all = filesUnder(dist);
  const app = all.filter((f) => path.dirname(f) === dist && /\.(wasm|js)$/.test(f));
  const files = app.map((f) => ({ file: path.relative(dist, f), ...sizeOf(f) }));
  const sum = (kind, key) => files.filter((f) => f.file.endsWith(kind)).reduce((t, f) => t + f[key], 0);
  const echartsFiles = all.filter((f) => /echarts/i.test(path.basename(f)));
  const indexHtml = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  return {
    files,
    wasm: { raw: sum('.wasm', 'raw'), gzip: sum('.wasm', 'gzip') },
    js: { raw: sum('.js', 'raw'), gzip: sum('.js', 'gzip') },
    total: { raw: sum('', 'raw'), gzip: sum('', 'gzip') },
    echarts: {
      files: echartsFiles.map((f) => ({ file: path.relative(dist, f), ...sizeOf(f) })),
      inIndexHtml: /echarts/i.test(indexHtml),
    },
  };
}
