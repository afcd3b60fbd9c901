/**
 * A minimal static file server for dist/, used by the end-to-end tests, the benchmark and the
 * screenshots: it behaves like a plain static host (directory → index.html, unknown path →
 * 404.html with status 404, gzip for text). `astro preview` allows one instance per project, which would clash with a
 * reader's `npm start` running at the same time.
 * With a base path (`--base /tradeoffs/`, default BASE_PATH) it serves dist/ under that prefix only,
 * as GitHub Pages serves a project site: anything outside it is a 404, so a link that escapes
 * the base fails in the tests instead of working by accident.
 *   node scripts/serve-dist.ts [--port 4322] [--dir dist] [--base /tradeoffs/]
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';
import { normalizeBase, withoutBase } from '../src/domain/site/url.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const port = Number(arg('--port', '4322'));
const root = resolve(arg('--dir', 'dist'));
const base = normalizeBase(arg('--base', process.env.BASE_PATH ?? '/'));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

async function resolveFile(urlPath: string): Promise<string | null> {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path);
  if (!file.startsWith(root)) return null;
  for (const candidate of [file, join(file, 'index.html')]) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (base !== '/' && url.pathname === base.slice(0, -1)) {
    res.writeHead(301, { location: base }).end();
    return;
  }
  const path = withoutBase(base, url.pathname);
  const file = path === undefined ? null : await resolveFile(path);
  const target = file ?? join(root, '404.html');
  res.statusCode = file ? 200 : 404;
  const type = TYPES[extname(target)] ?? 'application/octet-stream';
  res.setHeader('content-type', type);
  const stream = createReadStream(target).on('error', () => res.end());
  // Compress text like any static host or CDN does, so page-weight measurements are realistic.
  if (/text|svg|json|javascript/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
    res.setHeader('content-encoding', 'gzip');
    res.setHeader('vary', 'accept-encoding');
    stream.pipe(createGzip()).pipe(res);
  } else {
    stream.pipe(res);
  }
}).listen(port, () => console.log(`serving ${root} on http://localhost:${port}${base}`));
