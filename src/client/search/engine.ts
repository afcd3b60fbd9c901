/**
 * Loads Pagefind's own JS API from /pagefind/ on first use (never at page load: a note page
 * ships no search code until the reader reaches for the search box).
 */
import { BASE, href } from '../../lib/url.ts';
import { type PagefindResultData, type SearchHit, toHits } from '../../domain/search/results.ts';

/**
 * Pagefind's `metaCacheTag`, instead of its default `?ts=<now>` (which defeats every cache): a
 * digest of this index's entry file, read past the HTTP cache, so the tag changes exactly when
 * the index does. Read at run time, not written into this script at build time: a build id in
 * the site's script changed every page of the site at any edit (a reader's service worker then
 * downloaded them all again). Offline, the service worker answers (it ignores `?ts=`).
 */
async function indexTag(): Promise<string> {
  try {
    const response = await fetch(href('/pagefind/pagefind-entry.json'), { cache: 'no-cache' });
    const text = await response.text();
    let hash = 5381;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash, 33) ^ text.charCodeAt(i);
    return (hash >>> 0).toString(36);
  } catch {
    return 'unknown';
  }
}

interface PagefindResult {
  data: () => Promise<PagefindResultData>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  debouncedSearch: (
    term: string,
    options?: { filters?: Record<string, unknown> },
    ms?: number,
  ) => Promise<{ results: PagefindResult[] } | null>;
  search: (
    term: string,
    options?: { filters?: Record<string, unknown> },
  ) => Promise<{ results: PagefindResult[] }>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    // A path, not a module specifier: the file is written after the bundle, by Pagefind.
    const url = href('/pagefind/pagefind.js');
    const [pagefind, metaCacheTag] = await Promise.all([
      import(/* @vite-ignore */ url) as Promise<Pagefind>,
      indexTag(),
    ]);
    await pagefind.options({
      metaCacheTag,
      // Result URLs are indexed as site paths (`/notes/a/`); Pagefind puts this in front.
      baseUrl: BASE,
      excerptLength: 24,
      // No penalty for a long page: with Pagefind's default (0.75) a topic's short deck, practice
      // quiz and cheat sheet all ranked above its note ("serverless architecture" did not list
      // the Serverless Architecture note in the first six). The note is what a reader looks for.
      ranking: { pageLength: 0 },
      // The index for five notes is small: searching on the main thread saves the worker's
      // 12 KiB download and answers as fast.
      noWorker: true,
    });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * Runs a query and returns rows, or null when a newer keystroke superseded this one: during
 * the debounce (Pagefind's), or while the index was searched (`isCurrent`, the caller's). A
 * superseded query loads no result's text (one file per result shown): typing a word used
 * to load those of every prefix, most of a first search's bytes.
 * `debounceMs` 0 searches at once (the /search/ page on load).
 */
export async function runSearch(
  term: string,
  filters: Record<string, { any: string[] }> = {},
  {
    limit = 6,
    perPage = 2,
    debounceMs = 40,
    isCurrent = () => true,
  }: { limit?: number; perPage?: number; debounceMs?: number; isCurrent?: () => boolean } = {},
): Promise<{ hits: SearchHit[]; total: number } | null> {
  const pagefind = await loadPagefind();
  const options = Object.keys(filters).length ? { filters } : {};
  const response = debounceMs
    ? await pagefind.debouncedSearch(term, options, debounceMs)
    : await pagefind.search(term, options);
  if (!response || !isCurrent()) return null;
  const data = await Promise.all(response.results.slice(0, limit).map((r) => r.data()));
  return { hits: toHits(data, term, perPage), total: response.results.length };
}
