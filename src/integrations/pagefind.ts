/**
 * Astro integration: the Pagefind search index, written to `dist/pagefind/` once every page is
 * built (`astro:build:done`). Must run before the service-worker integration, which precaches
 * this folder.
 *
 * Only pages marked `data-pagefind-body` are indexed (navigation and footer sit outside it);
 * see the README's "Search & offline" section for the conventions. Diagram labels are made
 * indexable by `prepareForIndex` (Pagefind ignores text inside SVG).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pageUrl, prepareForIndex } from '../domain/search/index-page.ts';
import { computeBuildId } from '../lib/build-id.ts';

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * Pagefind writes three ready-made UIs too; we use its JS API only, so they are not shipped.
 * Nor is its web worker: src/client/search/engine.ts searches on the main thread (noWorker).
 */
const UNUSED = /^pagefind-(component-ui|modular-ui|ui|highlight|worker)\.(js|css)$/;

const INDEX_OPTIONS = { forceLanguage: 'en' } as const;

/**
 * The pages Pagefind reads (those marked data-pagefind-body), in a stable order, and with
 * `digest` a digest of everything the index is made of: Pagefind's version and options, each
 * page's address and text as Pagefind reads it.
 */
async function indexedPages(dist: string, digest: boolean): Promise<{ pages: string[]; digest: string }> {
  const entries = await readdir(dist, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const hash = createHash('sha256');
  if (digest) {
    // Neither its package.json nor a CommonJS entry is exported: looked up where Node would.
    const folders = createRequire(import.meta.url).resolve.paths('pagefind') ?? [];
    const pkg = folders.map((f) => join(f, 'pagefind/package.json')).find((f) => existsSync(f));
    const { version } = JSON.parse(pkg ? await readFile(pkg, 'utf8') : '{}') as { version?: string };
    hash.update(JSON.stringify({ version, INDEX_OPTIONS, unused: String(UNUSED) }));
  }
  const pages: string[] = [];
  for (const file of files) {
    const html = await readFile(file, 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    pages.push(file);
    if (digest) hash.update(`\0${pageUrl(relative(dist, file))}\0`).update(prepareForIndex(html));
  }
  return { pages, digest: digest ? hash.digest('hex').slice(0, 24) : '' };
}

/**
 * Writes `dist/pagefind/`. With `cacheDir`, the index of the last build is kept there under the
 * digest of what it was made of, and a build whose pages read the same (a rebuild with nothing
 * changed) copies it instead of indexing again: Pagefind's output follows from its input.
 */
export async function writeSearchIndex(
  dist: string,
  cacheDir?: string,
): Promise<{ pages: number; files: number; reused: boolean }> {
  const { pages, digest } = await indexedPages(dist, cacheDir !== undefined);
  const out = join(dist, 'pagefind');
  const kept = cacheDir ? join(cacheDir, digest) : '';
  if (kept && (await stat(kept).catch(() => null))) {
    await rm(out, { recursive: true, force: true });
    await cp(kept, out, { recursive: true });
    return { pages: pages.length, files: (await readdir(out, { recursive: true })).length, reused: true };
  }
  // Loaded when the index is written, not with the config.
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
  if (!index) throw new SearchIndexError(`Pagefind: ${errors.join('; ')}`);
  let files: string[];
  try {
    for (const file of pages) {
      const added = await index.addHTMLFile({
        url: pageUrl(relative(dist, file)),
        content: prepareForIndex(await readFile(file, 'utf8')),
      });
      if (added.errors.length) throw new SearchIndexError(`Pagefind: ${file}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new SearchIndexError(`Pagefind: ${written.errors.join('; ')}`);
    files = (await readdir(out, { recursive: true })).map(String);
    await Promise.all(files.filter((f) => UNUSED.test(f)).map((f) => rm(join(out, f))));
  } finally {
    await pagefind.close();
  }
  if (cacheDir) {
    // Only the last build's index is kept; written aside, then moved in whole.
    await rm(cacheDir, { recursive: true, force: true });
    const temp = join(cacheDir, `${digest}.${process.pid}.tmp`);
    await cp(out, temp, { recursive: true });
    await rename(temp, kept);
  }
  return { pages: pages.length, files: files.length, reused: false };
}

export function pagefindIndex(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'tradeoffs:pagefind',
    hooks: {
      // The browser pins Pagefind's `metaCacheTag` to this build's id (see src/lib/build-id.ts).
      'astro:config:setup': ({ config, updateConfig }) => {
        // Astro's cache folder: a cold build (that folder gone) indexes from scratch.
        cacheDir = fileURLToPath(new URL('tradeoffs-pagefind/', config.cacheDir));
        const buildId = computeBuildId(fileURLToPath(config.root));
        updateConfig({ vite: { define: { __TRADEOFFS_BUILD_ID__: JSON.stringify(buildId) } } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { pages, reused } = await writeSearchIndex(fileURLToPath(dir), cacheDir);
        if (!pages) throw new SearchIndexError('Pagefind indexed no page: is data-pagefind-body missing?');
        const ms = Math.round(performance.now() - started);
        logger.info(
          reused
            ? `${pages} page(s) read as in the last build: its index reused in ${ms} ms`
            : `indexed ${pages} page(s) in ${ms} ms`,
        );
      },
    },
  };
}
