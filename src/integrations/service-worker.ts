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
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { GenerateSWOptions, GetManifestOptions, ManifestEntry } from 'workbox-build';
import { deckDataFromPage } from '../domain/offline/deck-data.ts';
import { quizFragment } from '../domain/offline/quiz-fragment.ts';
import {
  NOT_KEPT_PAGE,
  OFFLINE_DECK_PAGE,
  OFFLINE_QUIZ_PAGE,
  deckDataPath,
  quizFragmentPath,
  offlineFallback,
  offlineManifest,
  optionalReason,
  planOffline,
  searchEnginesUnused,
  siteShape,
  type OfflinePlan,
  type SiteFile,
} from '../domain/offline/plan.ts';
import { normalizeBase } from '../domain/site/url.ts';

export const SERVICE_WORKER = 'sw.js';
/** What "Keep everything offline" reads: src/client/offline-library.ts. */
export const OFFLINE_MANIFEST = 'offline.json';
/** Where pages and files outside the precache go once fetched (shared with the client). */
export const EXTRA_CACHE = 'tradeoffs-extra';
/** The worker's own code besides Workbox's: the offline fallbacks and the refresh of kept pages. */
export const WORKER_EXTRA = 'sw-offline.js';
/** Every deck id, in the deck list's order: what `/flashcards/all/` reviews offline. */
export const DECK_LIST = 'flashcards/decks.json';
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Precache entries are relative to the worker (`notes/a/index.html`), so they follow it under
 * any base; the worker's scope is the folder it is served from, which is the base.
 */
/**
 * Each deck's cards as data next to its page (`flashcards/<deck>/deck.json`), and the list of
 * decks, for the offline review (src/domain/offline/deck-data.ts). Read from the built pages, so
 * the card markup has one source. Only when the offline deck page exists to read them.
 */
async function writeDeckData(dist: string): Promise<number> {
  if (!(await stat(join(dist, OFFLINE_DECK_PAGE)).catch(() => null))) return 0;
  const folder = join(dist, 'flashcards');
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const home = await readFile(join(folder, 'index.html'), 'utf8').catch(() => '');
  const order = [...home.matchAll(/ data-deck="([^"]+)"/g)].map((m) => m[1] as string);
  const ids: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === 'all' || entry.name === 'anki') continue;
    const page = join(folder, entry.name, 'index.html');
    const html = await readFile(page, 'utf8').catch(() => null);
    if (html === null) continue;
    const data = deckDataFromPage(html, entry.name, relative(dist, page));
    await writeFile(join(dist, deckDataPath(entry.name)), JSON.stringify(data));
    ids.push(entry.name);
  }
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  ids.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  await writeFile(join(dist, DECK_LIST), JSON.stringify(ids));
  return ids.length;
}

/**
 * Each quiz page's fragment next to it (`quizzes/<quiz>/body.html`: src/domain/offline/quiz-
 * fragment.ts), read from the built page. Only when the offline quiz page exists to show them.
 */
async function writeQuizFragments(dist: string): Promise<number> {
  if (!(await stat(join(dist, OFFLINE_QUIZ_PAGE)).catch(() => null))) return 0;
  const entries = await readdir(join(dist, 'quizzes'), { withFileTypes: true }).catch(() => []);
  let written = 0;
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const html = await readFile(join(dist, 'quizzes', entry.name, 'index.html'), 'utf8').catch(() => null);
    const fragment = html === null ? null : quizFragment(html);
    if (fragment === null) continue;
    await writeFile(join(dist, quizFragmentPath(entry.name)), fragment);
    written += 1;
  }
  return written;
}

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
    if ([SERVICE_WORKER, WORKER_EXTRA, OFFLINE_MANIFEST, '_headers'].includes(path)) continue;
    files.push({ path, size: (await stat(full)).size });
  }
  const shape = siteShape(files.map((f) => f.path));
  for (const { path } of files) {
    if (!path.endsWith('.html') || optionalReason(path, shape)) continue;
    const html = await readFile(join(dist, path), 'utf8');
    for (const m of html.matchAll(/\ssrc="([^"]+\.svg)"/g)) {
      const url = m[1] as string;
      if (url.startsWith(prefix)) embedded.add(url.slice(prefix.length));
    }
  }
  return { files, embedded };
}

/** Stands for the precache list in a bundled worker, where the list is put in afterwards. */
const PLACEHOLDER = { url: '__tradeoffs_precache__', revision: '__tradeoffs_revision__' };
/** The placeholder list as the minifier writes it (any quotes). */
const PLACEHOLDER_CODE =
  /\[\{url:(["'`])__tradeoffs_precache__\1,revision:(["'`])__tradeoffs_revision__\2\}\]/;
/** A precache list as code, keys bare and values as JSON (what readers of `sw.js` look for: `url:"…"`). */
const entriesCode = (entries: readonly ManifestEntry[]) =>
  `[${entries
    .map(
      (e) =>
        `{${Object.entries(e)
          .map(([key, value]) => `${key}:${JSON.stringify(value)}`)
          .join(',')}}`,
    )
    .join(',')}]`;

/**
 * The worker's own part (imported by Workbox's worker, `importScripts`):
 * - offline, an address neither precached nor cached gets the offline deck or quiz page, the "not
 *   downloaded for offline use" page or the 404 page (`offlineFallback`, run as is);
 * - when a new build's worker takes over, what this browser kept outside the precache (pages
 *   visited, "Keep everything offline") is checked against the server: changed files are
 *   fetched again, files the site no longer has are dropped, so nothing from an old build is
 *   served offline for ever. Conditional requests, so an unchanged file costs a 304.
 */
export function workerExtraSource(base: string, plan: OfflinePlan): string {
  const later = plan.extra
    .map((f) => f.path.replace(/(^|\/)index\.html$/, '$1'))
    .filter((url) => !/^diagrams\/|^(?:flashcards|quizzes)\/[^/]+\/$/.test(url));
  const pages = {
    deck: OFFLINE_DECK_PAGE,
    quiz: OFFLINE_QUIZ_PAGE,
    'not-kept': NOT_KEPT_PAGE,
    'not-found': '404.html',
  };
  return `"use strict";
(() => {
const BASE = ${JSON.stringify(base)};
const LATER = ${JSON.stringify(later)};
const PAGES = ${JSON.stringify(pages)};
const EXTRA_CACHE = ${JSON.stringify(EXTRA_CACHE)};
const offlineFallback = ${offlineFallback.toString()};
self.tradeoffsFallback = async (request) => {
  const page = PAGES[offlineFallback(new URL(request.url).pathname, BASE, LATER)];
  return (await caches.match(new URL(page, self.registration.scope).href, { ignoreSearch: true })) || Response.error();
};
async function refreshKept() {
  const cache = await caches.open(EXTRA_CACHE);
  for (const request of await cache.keys()) {
    const old = await cache.match(request);
    const headers = {};
    const etag = old && old.headers.get("etag");
    const modified = old && old.headers.get("last-modified");
    if (etag) headers["if-none-match"] = etag;
    else if (modified) headers["if-modified-since"] = modified;
    try {
      const response = await fetch(request.url, { headers, cache: "no-store" });
      if (response.status === 304) continue;
      if (response.ok) await cache.put(request, response);
      else if (response.status === 404 || response.status === 410) await cache.delete(request);
    } catch {
      // Offline now: keep what there is; the next visit online fetches it again (NetworkFirst).
    }
  }
}
// Not awaited by activation: pages load while it runs.
self.addEventListener("activate", () => {
  refreshKept().catch(() => {});
});
})();
`;
}

/** The template's name: this file's code and the settings the bundled worker depends on. */
async function templateKey(settings: WorkerSettings): Promise<string> {
  return (
    createHash('sha256')
      .update(await readFile(fileURLToPath(import.meta.url), 'utf8'))
      // Functions by name only: their code is this file's, hashed above, and their text depends on
      // what loaded the module (Vite transforms it for the build, Node strips types in the thread).
      .update(
        JSON.stringify(settings, (_, v: unknown) =>
          typeof v === 'function' ? 'function' : v instanceof RegExp ? String(v) : v,
        ),
      )
      .digest('hex')
      .slice(0, 20)
  );
}

/**
 * The worker's code as Workbox writes it (its own template over these settings, with `entries`
 * as the precache list), bundled with Rolldown and minified, in one self-contained file.
 *
 * Not Workbox's own bundler: Rollup, Babel (down to Chrome 56) and Terser over its runtime took
 * ~2.3 s of CPU in every cold build, a third of the CPU a seed build uses besides drawing, taken
 * from the pages on a two-core machine. Rolldown (the site's bundler already, through Vite)
 * writes the same worker in ~0.15 s; not lowered, it runs in every browser the site's own
 * scripts run in.
 */
async function bundleWorker(settings: WorkerSettings, entries: readonly ManifestEntry[]): Promise<string> {
  const require = createRequire(import.meta.url);
  const { validateGenerateSWOptions } = require('workbox-build/build/lib/validate-options.js') as {
    validateGenerateSWOptions: (o: unknown) => GenerateSWOptions;
  };
  const { populateSWTemplate } = require('workbox-build/build/lib/populate-sw-template.js') as {
    populateSWTemplate: (o: GenerateSWOptions & { manifestEntries: ManifestEntry[] }) => string;
  };
  // Validated as Workbox validates them (its defaults filled in); no folder is read.
  const options = validateGenerateSWOptions({ ...settings, globDirectory: '.', swDest: SERVICE_WORKER });
  const source = populateSWTemplate({ ...options, manifestEntries: [...entries] });
  const { rolldown } = await import('rolldown');
  const entry = '\0tradeoffs-service-worker';
  const bundle = await rolldown({
    input: entry,
    // Workbox's modules resolve from here, as they did for its own bundler.
    cwd: dirname(fileURLToPath(import.meta.url)),
    platform: 'browser',
    logLevel: 'silent',
    transform: { define: { 'process.env.NODE_ENV': JSON.stringify(settings.mode) } },
    plugins: [
      {
        name: 'tradeoffs:service-worker-entry',
        resolveId: (id: string) => (id === entry ? id : null),
        load: (id: string) => (id === entry ? source : null),
      },
    ],
  });
  try {
    const { output } = await bundle.generate({ format: 'es', minify: true });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

const templateFile = async (cacheDir: string) =>
  join(cacheDir, `${await templateKey(workerSettings())}.template.js`);

const hasTemplate = async (cacheDir: string): Promise<boolean> =>
  Boolean(await stat(await templateFile(cacheDir)).catch(() => null));

/** The bundled worker with the placeholder list, once: an error when the list cannot be found in it. */
async function bundleTemplate(): Promise<string> {
  const code = await bundleWorker(workerSettings(), [PLACEHOLDER]);
  if (code.split(PLACEHOLDER_CODE).length !== 4)
    throw new Error(
      'service worker: the bundled worker does not hold its precache list as expected (a new Workbox or Rolldown?)',
    );
  return code;
}

/**
 * Bundles the worker with a placeholder precache list into the cache folder (nothing if it is
 * there already): only the list differs from one build to the next.
 */
export async function ensureTemplate(cacheDir: string): Promise<void> {
  const template = await templateFile(cacheDir);
  if (await hasTemplate(cacheDir)) return;
  const code = await bundleTemplate();
  await mkdir(cacheDir, { recursive: true });
  const temp = `${template}.${process.pid}.tmp`;
  await writeFile(temp, code);
  await rename(temp, template);
}

/**
 * A cold build bundles the template as the page build starts (Rolldown's work is off the main
 * thread), so the step at the end only fills in its list. Resolves when it is written, or has
 * failed (the step then bundles the worker itself, and says why it cannot).
 */
export const startTemplate = (cacheDir: string): Promise<void> => ensureTemplate(cacheDir).catch(() => {});

/**
 * The worker with this build's list in the placeholder's place: from the cached template, or
 * bundled now when there is no cache folder. The list is written as JSON values (`url:"…"`),
 * which is what readers of `sw.js` (the bench, the tests) look for.
 */
async function writeWorker(
  options: GenerateSWOptions,
  manifestOptions: GetManifestOptions,
  cacheDir: string | undefined,
) {
  const { getManifest } = await import('workbox-build/build/get-manifest.js');
  const { manifestEntries = [], count, size, warnings } = await getManifest(manifestOptions);
  if (cacheDir) await startTemplate(cacheDir);
  const cached = cacheDir && (await readFile(await templateFile(cacheDir), 'utf8').catch(() => ''));
  const template = cached || (await bundleTemplate());
  await writeFile(
    options.swDest,
    template.replace(PLACEHOLDER_CODE, () => entriesCode(manifestEntries)),
  );
  return { count, size, warnings };
}

type WorkerSettings = Omit<GenerateSWOptions, 'globDirectory' | 'swDest' | 'manifestTransforms'>;

/** What the worker does, apart from the files it precaches: the same for every build. */
function workerSettings() {
  return {
    globPatterns: ['**/*'],
    // `_headers` is the host's caching rules (public/_headers), not part of the site.
    globIgnores: [SERVICE_WORKER, WORKER_EXTRA, '_headers'],
    maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
    // Relative to the worker, so it follows it under any base.
    importScripts: [WORKER_EXTRA],
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
    // offline, a page not kept is answered by the worker's own part (WORKER_EXTRA): a deck is
    // reviewed from its data, another page of the site says it is not downloaded, and an
    // address the site does not have shows the site's own 404 page.
    runtimeCaching: [
      {
        urlPattern: ({ request, sameOrigin }) => sameOrigin && request.mode === 'navigate',
        handler: 'NetworkFirst',
        options: {
          cacheName: EXTRA_CACHE,
          plugins: [
            {
              handlerDidError: ({ request }) =>
                (
                  globalThis as unknown as { tradeoffsFallback: (r: Request) => Promise<Response> }
                ).tradeoffsFallback(request),
            },
          ],
        },
      },
      {
        urlPattern: ({ sameOrigin }) => sameOrigin,
        handler: 'NetworkFirst',
        options: { cacheName: EXTRA_CACHE },
      },
    ],
  } satisfies WorkerSettings;
}

export async function writeServiceWorker(dist: string, base = '/', cacheDir?: string) {
  if (!(await stat(join(dist, 'pagefind')).catch(() => null)))
    throw new Error('service worker: dist/pagefind/ is missing; the Pagefind integration must run first');
  await writeDeckData(dist);
  await writeQuizFragments(dist);
  const { files, embedded } = await siteFiles(dist, base);
  const entry = await readFile(join(dist, 'pagefind/pagefind-entry.json'), 'utf8').catch(() => '');
  const unused = new Set(
    searchEnginesUnused(
      entry,
      files.map((f) => f.path),
    ),
  );
  const plan = planOffline(files, { embedded, maxFileBytes: MAX_FILE_BYTES, unused });
  await writeFile(join(dist, OFFLINE_MANIFEST), JSON.stringify(offlineManifest(plan)));
  await writeFile(join(dist, WORKER_EXTRA), workerExtraSource(base, plan));
  const settings = workerSettings();
  const manifestOptions = {
    globDirectory: dist,
    globPatterns: settings.globPatterns,
    globIgnores: settings.globIgnores,
    // One scan of dist/, then only the plan's core files (and the manifest) are kept.
    manifestTransforms: [
      (entries) => {
        const core = new Set([...plan.core.map((f) => f.path), OFFLINE_MANIFEST]);
        return { manifest: entries.filter((e) => core.has(e.url)), warnings: [] };
      },
    ],
    maximumFileSizeToCacheInBytes: settings.maximumFileSizeToCacheInBytes,
  } satisfies Partial<GenerateSWOptions>;
  const options: GenerateSWOptions = {
    ...settings,
    ...manifestOptions,
    swDest: join(dist, SERVICE_WORKER),
  };
  const { count, size, warnings } = await writeWorker(options, manifestOptions, cacheDir);
  const tooLarge = plan.tooLarge.map((f) => `${f.path} (${(f.size / 2 ** 20).toFixed(1)} MiB)`);
  return { count, size, warnings, extra: plan.extra.length, tooLarge };
}

export function serviceWorker(): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  let template: Promise<void> | undefined;
  const cacheDir = () => join(root, 'node_modules/.cache/tradeoffs/service-worker');
  return {
    name: 'tradeoffs:service-worker',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = normalizeBase(config.base);
        root = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        // Not awaited: the pages build meanwhile.
        template = startTemplate(cacheDir());
      },
      'astro:build:done': async ({ dir, logger }) => {
        await template;
        const { count, size, warnings, extra, tooLarge } = await writeServiceWorker(
          fileURLToPath(dir),
          base,
          cacheDir(),
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
