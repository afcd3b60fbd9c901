/**
 * Astro integration: the offline service worker, generated with Workbox after everything else
 * has written to dist/ — pages, diagrams, and the Pagefind index (so in astro.config.mjs it
 * comes after `pagefindIndex()`; integrations' `astro:build:done` hooks run in that order).
 *
 * It precaches every file of the site, so after one visit every page, diagram and search works
 * with the network off. A new build changes the revision of what changed; the new worker
 * installs next to the old one and waits: the page offers "A new version is available —
 * reload" (src/client/offline.ts) and the swap happens only when the reader accepts, so pages
 * and assets never mix across versions.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';
import { normalizeBase, withBase } from '../domain/site/url.ts';

export const SERVICE_WORKER = 'sw.js';

/**
 * Precache entries are relative to the worker (`notes/a/index.html`), so they follow it under
 * any base; the worker's scope is the folder it is served from, which is the base.
 */
export async function writeServiceWorker(dist: string, base = '/') {
  if (!(await stat(join(dist, 'pagefind')).catch(() => null)))
    throw new Error('service worker: dist/pagefind/ is missing; the Pagefind integration must run first');
  const { count, size, warnings } = await generateSW({
    swDest: join(dist, SERVICE_WORKER),
    globDirectory: dist,
    globPatterns: ['**/*'],
    // `_headers` is the host's caching rules (public/_headers), not part of the site.
    globIgnores: [SERVICE_WORKER, '_headers'],
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
    // An address that is not part of the site shows the site's own 404 page, offline too.
    navigateFallback: withBase(base, '/404.html'),
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  });
  return { count, size, warnings };
}

export function serviceWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'tradeoffs:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size, warnings } = await writeServiceWorker(fileURLToPath(dir), base);
        for (const warning of warnings) logger.warn(warning);
        logger.info(`precache: ${count} files, ${(size / 1024).toFixed(0)} KiB`);
      },
    },
  };
}
