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
 * Word positions per file of Pagefind's word index (its default 20,000; it reads this from its
 * environment, `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`, not from its options). A search loads the
 * files holding its words, and with the default one file was most of a first search's bytes:
 * on the five real notes 41 KiB of index for a median 55 KiB of query data; with 4,000 the
 * median is 31 KiB, for a few more, smaller files and ~20 bytes more of index metadata each.
 */
const INDEX_CHUNK_SIZE = '4000';

/** Pages sent to Pagefind ahead of its answers: it indexes them in order while the next ones are read. */
const IN_FLIGHT = 8;

interface IndexedPage {
  url: string;
  /** What Pagefind reads (prepareForIndex): a compact copy, a third of the page at scale. */
  content: string;
}

/**
 * The pages Pagefind reads, each read and prepared once, in a stable order: the built pages
 * (`…/index.html`) marked data-pagefind-body. Only pages: the offline copy of a quiz's body
 * beside its page (`quizzes/<id>/body.html`, written after this step) holds the same marked
 * element, and indexing a dist twice must not find every practice quiz twice. With `digest`,
 * a digest of everything the index is made of: Pagefind's version and options, each page's
 * address and text as Pagefind reads it.
 */
async function indexedPages(
  dist: string,
  digest: boolean,
): Promise<{ pages: IndexedPage[]; digest: string }> {
  const entries = await readdir(dist, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const hash = createHash('sha256');
  if (digest) {
    // Neither its package.json nor a CommonJS entry is exported: looked up where Node would.
    const folders = createRequire(import.meta.url).resolve.paths('pagefind') ?? [];
    const pkg = folders.map((f) => join(f, 'pagefind/package.json')).find((f) => existsSync(f));
    const { version } = JSON.parse(pkg ? await readFile(pkg, 'utf8') : '{}') as { version?: string };
    hash.update(JSON.stringify({ version, INDEX_OPTIONS, INDEX_CHUNK_SIZE, unused: String(UNUSED) }));
  }
  const pages: IndexedPage[] = [];
  for (const file of files) {
    const html = await readFile(file, 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const page = { url: pageUrl(relative(dist, file)), content: prepareForIndex(html) };
    pages.push(page);
    if (digest) hash.update(`\0${page.url}\0`).update(page.content);
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
  // Loaded when the index is written, not with the config. Its service starts with the first
  // call below and reads the chunk size from the environment it inherits.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = INDEX_CHUNK_SIZE;
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
  if (!index) throw new SearchIndexError(`Pagefind: ${errors.join('; ')}`);
  let files: string[];
  try {
    // Pagefind's service takes its requests one at a time, in the order sent: a few sent ahead
    // keep it busy (and the index the same as one by one) without holding every page at once.
    const add = async ({ url, content }: IndexedPage) => {
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length) throw new SearchIndexError(`Pagefind: ${url}: ${added.errors.join('; ')}`);
    };
    const pending = new Set<Promise<void>>();
    for (const page of pages) {
      const adding = add(page).finally(() => pending.delete(adding));
      pending.add(adding);
      if (pending.size >= IN_FLIGHT) await Promise.race(pending);
    }
    await Promise.all(pending);
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
      // The build's id keys the page cache (src/lib/page-cache.ts), on the build side only: the
      // browser tags Pagefind's index by the index itself (src/client/search/engine.ts).
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
