/**
 * Astro integration: the Pagefind search index, written to `dist/pagefind/` once every page is
 * built (`astro:build:done`). Must run before the service-worker integration, which precaches
 * this folder.
 *
 * Only pages marked `data-pagefind-body` are indexed (navigation and footer sit outside it);
 * see the README's "Search & offline" section for the conventions. Diagram labels are made
 * indexable by `prepareForIndex` (Pagefind ignores text inside SVG).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
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

export async function writeSearchIndex(dist: string): Promise<{ pages: number; files: number }> {
  // Loaded when the index is written, not with the config.
  const pagefind = await import('pagefind');
  const entries = await readdir(dist, { withFileTypes: true, recursive: true });
  const pages = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new SearchIndexError(`Pagefind: ${errors.join('; ')}`);
  try {
    let indexed = 0;
    for (const file of pages) {
      const html = await readFile(file, 'utf8');
      if (!html.includes('data-pagefind-body')) continue;
      const added = await index.addHTMLFile({
        url: pageUrl(relative(dist, file)),
        content: prepareForIndex(html),
      });
      if (added.errors.length) throw new SearchIndexError(`Pagefind: ${file}: ${added.errors.join('; ')}`);
      indexed += 1;
    }
    const out = join(dist, 'pagefind');
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new SearchIndexError(`Pagefind: ${written.errors.join('; ')}`);
    const files = await readdir(out, { recursive: true });
    await Promise.all(files.filter((f) => UNUSED.test(String(f))).map((f) => rm(join(out, String(f)))));
    return { pages: indexed, files: files.length };
  } finally {
    await pagefind.close();
  }
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'tradeoffs:pagefind',
    hooks: {
      // The browser pins Pagefind's `metaCacheTag` to this build's id (see src/lib/build-id.ts).
      'astro:config:setup': ({ config, updateConfig }) => {
        const buildId = computeBuildId(fileURLToPath(config.root));
        updateConfig({ vite: { define: { __TRADEOFFS_BUILD_ID__: JSON.stringify(buildId) } } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { pages } = await writeSearchIndex(fileURLToPath(dir));
        if (!pages) throw new SearchIndexError('Pagefind indexed no page: is data-pagefind-body missing?');
        logger.info(`indexed ${pages} page(s) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
