/**
 * Pure search logic shared by the header search box and the /search/ page: URL state, Pagefind
 * filters, turning Pagefind results into the rows we show, and keyboard handling. No DOM here;
 * the browser modules in src/client/search/ call these.
 */

/**
 * Page types a result can have. A page declares its type with
 * `data-pagefind-filter="type:<key>"` (see src/components/SearchMeta.astro); adding a new kind
 * of page to search is one entry here.
 */
export const SEARCH_TYPES = {
  note: 'Note',
  cheatsheet: 'Cheat sheet',
  quiz: 'Quiz',
  deck: 'Flashcards',
  compare: 'Compare & decide',
} as const;

export type SearchType = keyof typeof SEARCH_TYPES;

export const isSearchType = (value: string): value is SearchType => Object.hasOwn(SEARCH_TYPES, value);

/** What the /search/ page keeps in its address: `?q=sticky&type=note&tag=sessions`. */
export interface SearchState {
  q: string;
  types: SearchType[];
  tags: string[];
}

export function parseSearchParams(params: URLSearchParams): SearchState {
  const unique = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  return {
    q: (params.get('q') ?? '').trim(),
    types: unique(params.getAll('type')).filter(isSearchType),
    tags: unique(params.getAll('tag')),
  };
}

/** The query string for a state (empty parts left out), so a search is a link. */
export function toSearchParams(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const type of state.types) params.append('type', type);
  for (const tag of state.tags) params.append('tag', tag);
  return params.toString();
}

/** Pagefind's filter argument: any of the chosen types AND any of the chosen tags. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  if (state.types.length) filters.type = { any: state.types };
  if (state.tags.length) filters.tag = { any: state.tags };
  return filters;
}

/**
 * What to ask Pagefind while the reader types `query`, or '' for nothing yet. Pagefind takes
 * the last word as the start of a word: a word of one letter ("cold s") matches nearly every
 * page and loads the index of every word starting with that letter (at 500 notes, three
 * files of ~25 KiB), so it is left out until a second letter narrows it; a one-letter query
 * is not searched at all.
 */
export function termToSearch(query: string): string {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length && [...(words.at(-1) ?? '')].length < 2) words.pop();
  return words.join(' ');
}

/** The part of Pagefind's result data we use (`await result.data()`). */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters?: Record<string, string[]>;
  sub_results?: PagefindSubResult[];
}

/** One row in the results: a section of a page (or the page itself when no heading matched). */
export interface SearchHit {
  /** Stable id for `aria-activedescendant`. */
  id: string;
  page: string;
  /** The matching heading; absent when the match is above the first heading. */
  heading?: string;
  /** Where Enter takes the reader: the page, at the heading when there is one. */
  url: string;
  /** Pagefind's excerpt: escaped text with `<mark>` around the matched words. */
  excerpt: string;
  type?: SearchType;
}

const pathOf = (url: string) => url.split('#')[0] ?? url;

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w.length > 3 ? w.replace(/s$/, '') : w));

/**
 * How well a section answers the query: a heading that names every query word beats one that
 * names some, which beats mere mentions in the text (Pagefind's match count breaks ties).
 */
export function sectionScore(sub: PagefindSubResult, query: string): number {
  const wanted = new Set(words(query));
  const title = new Set(words(sub.title));
  const named = [...wanted].filter((w) => title.has(w)).length;
  const all = wanted.size > 0 && named === wanted.size;
  return (all ? 1000 : named * 100) + (sub.locations?.length ?? 0);
}

/**
 * Pagefind results → rows: for each page its best sections for the query (see sectionScore,
 * at most `perPage`), so the reader lands on the heading that answers it. Across pages, a
 * section whose heading names the query comes first (a note's "Sticky Sessions" section before
 * a flashcard deck that merely mentions them); otherwise Pagefind's order stands.
 */
export function toHits(results: readonly PagefindResultData[], query = '', perPage = 2): SearchHit[] {
  const hits: { hit: SearchHit; tier: number }[] = [];
  results.forEach((result, r) => {
    const page = result.meta.title?.trim() || result.url;
    const typeValue = result.filters?.type?.[0];
    const type = typeValue && isSearchType(typeValue) ? typeValue : undefined;
    const subs = [...(result.sub_results ?? [])]
      .map((sub, order) => ({ sub, order, score: sectionScore(sub, query) }))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, perPage);
    if (!subs.length) {
      const hit = { id: `hit-${r}-0`, page, url: result.url, excerpt: result.excerpt, ...(type && { type }) };
      hits.push({ hit, tier: 0 });
      return;
    }
    subs.forEach(({ sub, score }, s) => {
      const atHeading = sub.url.includes('#') && pathOf(sub.url) === pathOf(result.url);
      hits.push({
        tier: Math.floor(score / 100),
        hit: {
          id: `hit-${r}-${s}`,
          page,
          ...(atHeading && sub.title.trim() !== page && { heading: sub.title.trim() }),
          url: sub.url,
          excerpt: sub.excerpt,
          ...(type && { type }),
        },
      });
    });
  });
  // Array#sort is stable: within a tier, Pagefind's order and each page's section order stay.
  return hits.sort((a, b) => b.tier - a.tier).map(({ hit }) => hit);
}

/** Next active row for an arrow key: wraps around; -1 means "none" (focus stays in the box). */
export function moveActive(current: number, delta: 1 | -1, count: number): number {
  if (count <= 0) return -1;
  if (current < 0) return delta > 0 ? 0 : count - 1;
  return (current + delta + count) % count;
}
