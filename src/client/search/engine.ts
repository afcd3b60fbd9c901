/**
 * Loads Pagefind's own JS API from /pagefind/ on first use (never at page load: a note page
 * ships no search code until the reader reaches for the search box).
 */
import { BASE, href } from '../../lib/url.ts';
import { type PagefindResultData, type SearchHit, toHits } from '../../domain/search/results.ts';

/** Replaced at build time by the site's build id (src/integrations/pagefind.ts). */
declare const __TRADEOFFS_BUILD_ID__: string;

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
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({
      // A fixed tag instead of Pagefind's default `?ts=<now>`: the service worker's precached
      // copy of the index answers, and an HTTP cache may keep it for this build.
      metaCacheTag: typeof __TRADEOFFS_BUILD_ID__ === 'string' ? __TRADEOFFS_BUILD_ID__ : 'dev',
      // Result URLs are indexed as site paths (`/notes/a/`); Pagefind puts this in front.
      baseUrl: BASE,
      excerptLength: 24,
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
 * Runs a query and returns rows, or null when a newer keystroke superseded this one.
 * `debounceMs` 0 searches at once (the /search/ page on load).
 */
export async function runSearch(
  term: string,
  filters: Record<string, { any: string[] }> = {},
  { limit = 6, perPage = 2, debounceMs = 40 } = {},
): Promise<{ hits: SearchHit[]; total: number } | null> {
  const pagefind = await loadPagefind();
  const options = Object.keys(filters).length ? { filters } : {};
  const response = debounceMs
    ? await pagefind.debouncedSearch(term, options, debounceMs)
    : await pagefind.search(term, options);
  if (!response) return null;
  const data = await Promise.all(response.results.slice(0, limit).map((r) => r.data()));
  return { hits: toHits(data, term, perPage), total: response.results.length };
}
