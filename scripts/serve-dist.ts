/**
 * A minimal static file server for dist/, used by the end-to-end tests, the benchmark and the
 * screenshots: it behaves like a plain static host (directory → index.html, unknown path →
 * 404.html with status 404, gzip for text). `astro preview` allows one instance per project, which would clash with a
 * reader's `npm start` running at the same time.
 *   node scripts/serve-dist.ts [--port 4322] [--dir dist]
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const port = Number(arg('--port', '4322'));
const root = resolve(arg('--dir', 'dist'));

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
  const file = await resolveFile(url.pathname);
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
}).listen(port, () => console.log(`serving ${root} on http://localhost:${port}/`));
