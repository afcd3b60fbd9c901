/**
 * The /search/ page: the query and filters live in the address (`?q=…&type=note&tag=…`), so a
 * search is a link; results update as the reader types or ticks a filter.
 */
import {
  pagefindFilters,
  parseSearchParams,
  type SearchState,
  termToSearch,
  toSearchParams,
} from '../../domain/search/results.ts';
import { loadPagefind, runSearch } from './engine.ts';
import { hitContent } from './render.ts';
import { plural, pluralWord } from '../../domain/content/text.ts';

export function initSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-page]');
  const status = document.querySelector<HTMLElement>('[data-search-page-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-page-results]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  if (!form || !status || !list || !input) return;

  const fromForm = (): SearchState => {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const [key, value] of data) params.append(key, String(value));
    return parseSearchParams(params);
  };

  const initial = parseSearchParams(new URLSearchParams(window.location.search));
  input.value = initial.q;
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    box.checked = (box.name === 'type' ? initial.types : initial.tags).includes(box.value as never);
  }

  // Only offer the types this site has (quizzes and decks appear once they are built).
  void loadPagefind()
    .then((pagefind) => pagefind.filters())
    .then((filters) => {
      for (const label of form.querySelectorAll<HTMLElement>('[data-filter-type]')) {
        const count = filters.type?.[label.dataset.filterType ?? ''] ?? 0;
        if (!count && !label.querySelector('input')?.checked) label.hidden = true;
      }
    })
    .catch(() => undefined);

  let latest = 0;
  const update = async (debounceMs: number) => {
    const state = fromForm();
    const query = toSearchParams(state);
    history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
    const seq = ++latest;
    if (!state.q) {
      list.replaceChildren();
      status.textContent = 'Type a word or two: “sticky sessions”, “cold start”, “load balancer”.';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const result = await runSearch(termToSearch(state.q) || state.q, pagefindFilters(state), {
        limit: 20,
        perPage: 3,
        debounceMs,
        isCurrent: () => seq === latest,
      });
      if (!result || seq !== latest) return;
      list.replaceChildren(
        ...result.hits.map((hit) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = hit.url;
          link.append(hitContent(hit));
          item.append(link);
          return item;
        }),
      );
      const pages = `${plural(result.total, 'page')} ${pluralWord(result.total, 'matches', 'match')}`;
      status.textContent = result.total ? `${pages} “${state.q}”.` : `No results for “${state.q}”.`;
    } catch {
      if (seq === latest) status.textContent = 'Search is not available: the index could not be loaded.';
    }
  };

  form.addEventListener('input', () => void update(40));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update(0);
  });
  void update(0);
}
