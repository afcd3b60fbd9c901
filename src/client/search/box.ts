/**
 * The header search box, a WAI-ARIA combobox with a listbox popup: results while typing
 * (matching heading + excerpt), ↑/↓ to move, Enter to open the page at that heading, Escape
 * to close. Enter with no row chosen submits the form to /search/?q=… (works without JS too).
 */
import { moveActive, type SearchHit, termToSearch, toSearchParams } from '../../domain/search/results.ts';
import { loadPagefind, runSearch } from './engine.ts';
import { hitContent } from './render.ts';
import { href } from '../../lib/url.ts';
import { plural } from '../../domain/content/text.ts';

export function attachSearchBox(form: HTMLFormElement, input: HTMLInputElement): void {
  const popup = form.querySelector<HTMLElement>('[data-search-popup]');
  const list = form.querySelector<HTMLUListElement>('[role="listbox"]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  const more = form.querySelector<HTMLAnchorElement>('[data-search-more]');
  if (!popup || !list || !status || !more) return;
  let hits: SearchHit[] = [];
  let active = -1;
  // The query the reader closed the popup on: a late answer for it must not reopen it.
  let dismissed = '';
  let shown = '';

  const open = (isOpen: boolean) => {
    popup.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) setActive(-1);
  };
  const setActive = (index: number) => {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
      if (i === index) option.scrollIntoView({ block: 'nearest' });
    });
    if (index >= 0 && hits[index]) input.setAttribute('aria-activedescendant', hits[index].id);
    else input.removeAttribute('aria-activedescendant');
  };
  const go = (hit: SearchHit) => {
    open(false);
    window.location.assign(hit.url);
  };

  const render = (q: string, result: { hits: SearchHit[]; total: number }) => {
    hits = result.hits;
    list.replaceChildren(
      ...hits.map((hit) => {
        const option = document.createElement('li');
        option.id = hit.id;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.append(hitContent(hit));
        // mousedown, not click: keep focus in the box (a click would blur it first).
        option.addEventListener('mousedown', (event) => event.preventDefault());
        option.addEventListener('click', () => go(hit));
        return option;
      }),
    );
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const pages = plural(result.total, 'page');
    status.textContent = hits.length ? `${pages} match “${q}”` : `No results for “${q}”`;
    more.href = href(`/search/?${toSearchParams({ q, types: [], tags: [] })}`);
    shown = q;
    if (q !== dismissed) open(true);
  };

  const search = async () => {
    const q = input.value.trim();
    if (!q) return open(false);
    // A new word's first letter is searched with the next one (see termToSearch); a query of
    // one letter is not searched.
    const term = termToSearch(q);
    if (!term) return open(false);
    try {
      const result = await runSearch(term, {}, { isCurrent: () => input.value.trim() === q });
      if (result && input.value.trim() === q) render(q, result);
    } catch {
      status.textContent = 'Search is not available: the index could not be loaded.';
      list.replaceChildren();
      hits = [];
      open(true);
    }
  };

  input.addEventListener('input', () => {
    dismissed = '';
    void search();
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && hits.length) open(true);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (popup.hidden) {
        dismissed = '';
        const q = input.value.trim();
        if (q && q === shown) open(true);
        else if (q) void search();
        return;
      }
      event.preventDefault();
      setActive(moveActive(active, event.key === 'ArrowDown' ? 1 : -1, hits.length));
    } else if (event.key === 'Enter' && !popup.hidden && active >= 0) {
      const hit = hits[active];
      if (!hit) return;
      event.preventDefault();
      go(hit);
    } else if (event.key === 'Escape') {
      if (!popup.hidden) {
        event.preventDefault();
        dismissed = input.value.trim();
        open(false);
      } else if (input.value) {
        input.value = '';
      } else input.blur();
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  // The box may have been typed into before this module arrived. Otherwise start loading the
  // engine now, while the reader types, so the first results only wait for the index.
  if (input.value.trim()) void search();
  else void loadPagefind().catch(() => undefined);
}
