/**
 * Astro integration: the offline service worker, generated with Workbox after everything else
 * has written to dist/ — pages, diagrams, and the Pagefind index (so in astro.config.mjs it
 * comes after `pagefindIndex()`; integrations' `astro:build:done` hooks run in that order).
 *
 * It precaches what reading and practising need (src/domain/offline/plan.ts: every note, cheat
 * sheet, quiz, deck, the progress page and search), so after one visit they work with the
 * network off, and the download stays small as the site grows. The rest (full-size diagrams,
 * tag pages, the all-cards page) is cached when visited, or all at once with "Keep everything
 * offline" (src/client/offline-library.ts, reading `offline.json`). A new build changes the
 * revision of what changed; the new worker
 * installs next to the old one and waits: the page offers "A new version is available —
 * reload" (src/client/offline.ts) and the swap happens only when the reader accepts, so pages
 * and assets never mix across versions.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { GenerateSWOptions, GetManifestOptions } from 'workbox-build';
import { offlineManifest, optionalReason, planOffline, type SiteFile } from '../domain/offline/plan.ts';
import { normalizeBase, withBase } from '../domain/site/url.ts';

export const SERVICE_WORKER = 'sw.js';
/** What "Keep everything offline" reads: src/client/offline-library.ts. */
export const OFFLINE_MANIFEST = 'offline.json';
/** Where pages and files outside the precache go once fetched (shared with the client). */
export const EXTRA_CACHE = 'tradeoffs-extra';
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Precache entries are relative to the worker (`notes/a/index.html`), so they follow it under
 * any base; the worker's scope is the folder it is served from, which is the base.
 */
/** Every file of dist/ with its size, and the full-size diagrams that a first-visit page embeds. */
async function siteFiles(dist: string, base: string): Promise<{ files: SiteFile[]; embedded: Set<string> }> {
  const entries = await readdir(dist, { withFileTypes: true, recursive: true });
  const files: SiteFile[] = [];
  const embedded = new Set<string>();
  const prefix = base.replace(/\/?$/, '/');
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const path = relative(dist, full).split('\\').join('/');
    if (path === SERVICE_WORKER || path === OFFLINE_MANIFEST || path === '_headers') continue;
    files.push({ path, size: (await stat(full)).size });
    if (path.endsWith('.html') && !optionalReason(path, true)) {
      const html = await readFile(full, 'utf8');
      for (const m of html.matchAll(/\ssrc="([^"]+\.svg)"/g)) {
        const url = m[1] as string;
        if (url.startsWith(prefix)) embedded.add(url.slice(prefix.length));
      }
    }
  }
  return { files, embedded };
}

/** Stands for the precache list in a bundled worker, where the list is put in afterwards. */
const PLACEHOLDER = { url: '__tradeoffs_precache__', revision: '__tradeoffs_revision__' };
/** How Terser writes the placeholder list (and so how the list is written in its place). */
const entriesCode = (entries: readonly { url: string; revision: string | null }[]) =>
  `[${entries.map((e) => `{url:${JSON.stringify(e.url)},revision:${JSON.stringify(e.revision)}}`).join(',')}]`;

/**
 * Bundling the worker (Rollup, Babel and Terser over Workbox's runtime) was most of this step's
 * time, and only the precache list differs from one build to the next: the worker is bundled
 * once per set of options (and version of this file) with a placeholder list, and each build
 * writes its own list in the placeholder's place: the file Workbox would have written.
 */
async function cachedGenerateSW(
  options: GenerateSWOptions,
  manifestOptions: GetManifestOptions,
  cacheDir: string | undefined,
) {
  // Workbox's bundler (~2,000 modules, a second or more to load) only when a worker must be
  // bundled; listing the files needs a small part of it.
  const generateSW = async (o: GenerateSWOptions) => (await import('workbox-build')).generateSW(o);
  if (!cacheDir) return generateSW(options);
  const { getManifest } = await import('workbox-build/build/get-manifest.js');
  const { manifestEntries = [], count, size, warnings } = await getManifest(manifestOptions);
  // Only plain entries have the one shape the placeholder stands for.
  if (!manifestEntries.length || manifestEntries.some((e) => Object.keys(e).join() !== 'url,revision'))
    return generateSW(options);
  const { swDest, globDirectory: _dir, manifestTransforms: _list, ...rest } = options;
  const key = createHash('sha256')
    .update(await readFile(fileURLToPath(import.meta.url), 'utf8'))
    .update(
      JSON.stringify(rest, (_, v: unknown) =>
        typeof v === 'function' || v instanceof RegExp ? String(v) : v,
      ),
    )
    .digest('hex')
    .slice(0, 20);
  const template = join(cacheDir, `${key}.template.js`);
  let code = await readFile(template, 'utf8').catch(() => undefined);
  if (code === undefined) {
    await mkdir(cacheDir, { recursive: true });
    const temp = join(cacheDir, `${key}.${process.pid}.tmp.js`); // Workbox wants a .js name
    await generateSW({
      ...options,
      swDest: temp,
      manifestTransforms: [() => ({ manifest: [{ ...PLACEHOLDER, size: 0 }], warnings: [] })],
    });
    code = await readFile(temp, 'utf8');
    if (code.split(entriesCode([PLACEHOLDER])).length !== 2) {
      // Not the shape expected (a new Workbox or Terser): bundle this worker directly.
      await rm(temp, { force: true });
      return generateSW(options);
    }
    await rename(temp, template);
  }
  await writeFile(
    swDest,
    code.replace(entriesCode([PLACEHOLDER]), () => entriesCode(manifestEntries)),
  );
  return { count, size, warnings };
}

export async function writeServiceWorker(dist: string, base = '/', cacheDir?: string) {
  if (!(await stat(join(dist, 'pagefind')).catch(() => null)))
    throw new Error('service worker: dist/pagefind/ is missing; the Pagefind integration must run first');
  const { files, embedded } = await siteFiles(dist, base);
  const plan = planOffline(files, { embedded, maxFileBytes: MAX_FILE_BYTES });
  await writeFile(join(dist, OFFLINE_MANIFEST), JSON.stringify(offlineManifest(plan)));
  const manifestOptions = {
    globDirectory: dist,
    globPatterns: ['**/*'],
    // `_headers` is the host's caching rules (public/_headers), not part of the site.
    globIgnores: [SERVICE_WORKER, '_headers'],
    // One scan of dist/, then only the plan's core files (and the manifest) are kept.
    manifestTransforms: [
      (entries) => {
        const core = new Set([...plan.core.map((f) => f.path), OFFLINE_MANIFEST]);
        return { manifest: entries.filter((e) => core.has(e.url)), warnings: [] };
      },
    ],
    maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
  } satisfies Partial<GenerateSWOptions>;
  const options: GenerateSWOptions = {
    ...manifestOptions,
    swDest: join(dist, SERVICE_WORKER),
    // One self-contained file: nothing else to fetch (or forget to precache) for the worker.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    cacheId: 'tradeoffs',
    // Wait for the reader's "Reload" (a SKIP_WAITING message), but take control of the very
    // first page at once so it can search offline too.
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // Query strings never change a file of a static site (`/search/?q=…`, `?retry=missed` on a
    // quiz, Pagefind's `?ts=<build id>`): look every one up without them, as a static host would.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
    // Outside the precache: the network first (a page is never stale online), kept for offline;
    // an address the site does not have, offline, shows the site's own 404 page.
    runtimeCaching: [
      {
        urlPattern: ({ request, sameOrigin }) => sameOrigin && request.mode === 'navigate',
        handler: 'NetworkFirst',
        options: { cacheName: EXTRA_CACHE, precacheFallback: { fallbackURL: withBase(base, '/404.html') } },
      },
      {
        urlPattern: ({ sameOrigin }) => sameOrigin,
        handler: 'NetworkFirst',
        options: { cacheName: EXTRA_CACHE },
      },
    ],
  };
  const { count, size, warnings } = await cachedGenerateSW(options, manifestOptions, cacheDir);
  const tooLarge = plan.tooLarge.map((f) => `${f.path} (${(f.size / 2 ** 20).toFixed(1)} MiB)`);
  return { count, size, warnings, extra: plan.extra.length, tooLarge };
}

export function serviceWorker(): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  return {
    name: 'tradeoffs:service-worker',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = normalizeBase(config.base);
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size, warnings, extra, tooLarge } = await writeServiceWorker(
          fileURLToPath(dir),
          base,
          join(root, 'node_modules/.cache/tradeoffs/service-worker'),
        );
        for (const warning of warnings) logger.warn(warning);
        if (tooLarge.length)
          logger.warn(`not available offline (over the per-file cap): ${tooLarge.join(', ')}`);
        logger.info(
          `precache: ${count} files, ${(size / 1024).toFixed(0)} KiB; ${extra} more with "Keep everything offline"`,
        );
      },
    },
  };
}
