import { SEARCH_TYPES, type SearchHit } from '../../domain/search/results.ts';

/** Pagefind's excerpts are escaped text with <mark> around matches; nothing else is let through. */
export function setExcerpt(element: HTMLElement, excerpt: string): void {
  element.replaceChildren();
  for (const [i, part] of excerpt.split(/<\/?mark>/).entries()) {
    const text = part
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    if (!text) continue;
    if (i % 2) {
      const mark = document.createElement('mark');
      mark.textContent = text;
      element.append(mark);
    } else element.append(text);
  }
}

/** Title line of a hit: "Page › Heading" plus its type. */
export function hitContent(hit: SearchHit): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const title = document.createElement('span');
  title.className = 'hit-title';
  title.textContent = hit.heading ? `${hit.page} › ${hit.heading}` : hit.page;
  const excerpt = document.createElement('span');
  excerpt.className = 'hit-excerpt';
  setExcerpt(excerpt, hit.excerpt);
  fragment.append(title);
  if (hit.type) {
    const type = document.createElement('span');
    type.className = 'hit-type';
    type.textContent = SEARCH_TYPES[hit.type];
    fragment.append(' ', type);
  }
  fragment.append(excerpt);
  return fragment;
}
