import { describe, expect, it } from 'vitest';
import { isSearchShortcut } from '../../../src/domain/search/keys.ts';
import {
  isSearchType,
  moveActive,
  type PagefindResultData,
  pagefindFilters,
  termToSearch,
  parseSearchParams,
  toHits,
  toSearchParams,
} from '../../../src/domain/search/results.ts';

describe('search state in the address', () => {
  it('reads query, types and tags, dropping unknown types, blanks and repeats', () => {
    const state = parseSearchParams(
      new URLSearchParams(
        'q=+sticky+sessions+&type=note&type=bogus&type=note&tag=sessions&tag=&tag=sessions',
      ),
    );
    expect(state).toEqual({ q: 'sticky sessions', types: ['note'], tags: ['sessions'] });
  });

  it('an empty address is an empty search', () => {
    expect(parseSearchParams(new URLSearchParams(''))).toEqual({ q: '', types: [], tags: [] });
  });

  it('writes only what is set, and round-trips', () => {
    expect(toSearchParams({ q: '', types: [], tags: [] })).toBe('');
    const state = { q: 'cold start', types: ['note', 'cheatsheet'] as const, tags: ['serverless'] };
    const query = toSearchParams({ ...state, types: [...state.types] });
    expect(query).toBe('q=cold+start&type=note&type=cheatsheet&tag=serverless');
    expect(parseSearchParams(new URLSearchParams(query))).toEqual({ ...state, types: [...state.types] });
  });

  it('turns filters into Pagefind filters (any type, any tag)', () => {
    expect(pagefindFilters({ q: 'x', types: [], tags: [] })).toEqual({});
    expect(pagefindFilters({ q: 'x', types: ['quiz'], tags: ['a', 'b'] })).toEqual({
      type: { any: ['quiz'] },
      tag: { any: ['a', 'b'] },
    });
  });

  it('knows the four page types', () => {
    expect(['note', 'cheatsheet', 'quiz', 'deck'].every(isSearchType)).toBe(true);
    expect(isSearchType('toString')).toBe(false);
  });
});

describe('Pagefind results to rows', () => {
  const page = (over: Partial<PagefindResultData> = {}): PagefindResultData => ({
    url: '/notes/a/',
    excerpt: 'page <mark>excerpt</mark>',
    meta: { title: 'Note A' },
    filters: { type: ['note'] },
    ...over,
  });

  it('a page without sub-results is one row, at the page', () => {
    expect(toHits([page()])).toEqual([
      { id: 'hit-0-0', page: 'Note A', url: '/notes/a/', excerpt: 'page <mark>excerpt</mark>', type: 'note' },
    ]);
  });

  it('a heading naming every query word beats one naming some, which beats mentions', () => {
    const sub = (title: string, n: number) => ({
      title,
      url: `/notes/a/#${n}`,
      excerpt: '',
      locations: Array(n).fill(0),
    });
    const ranked = toHits(
      [
        page({
          sub_results: [
            sub('Server-side sessions', 5),
            sub('2. Sticky Sessions', 2),
            sub('Sticky bits', 1),
            sub('Other', 9),
          ],
        }),
      ],
      'sticky sessions',
      4,
    );
    expect(ranked.map((h) => h.heading)).toEqual([
      '2. Sticky Sessions',
      'Server-side sessions',
      'Sticky bits',
      'Other',
    ]);
  });

  it('across pages, a section whose heading names the query leads; otherwise Pagefind’s order stays', () => {
    const deck = page({
      url: '/flashcards/sessions/',
      meta: { title: 'Sessions deck' },
      filters: { type: ['deck'] },
      sub_results: [
        { title: 'Sessions deck', url: '/flashcards/sessions/', excerpt: '', locations: [1, 2, 3, 4] },
      ],
    });
    const other = page({ url: '/notes/b/', meta: { title: 'Note B' } });
    const note = page({
      sub_results: [{ title: '2. Sticky Sessions', url: '/notes/a/#sticky', excerpt: '', locations: [1] }],
    });
    expect(toHits([deck, other, note], 'sticky sessions').map((h) => h.url)).toEqual([
      '/notes/a/#sticky',
      '/flashcards/sessions/',
      '/notes/b/',
    ]);
  });

  it('keeps the best sections of each page, most matches first, at their heading', () => {
    const hits = toHits([
      page({
        sub_results: [
          { title: 'Note A', url: '/notes/a/', excerpt: 'intro', locations: [1] },
          { title: 'Sticky Sessions', url: '/notes/a/#sticky-sessions', excerpt: 'x', locations: [5, 6, 7] },
          { title: 'Replication', url: '/notes/a/#replication', excerpt: 'y', locations: [9, 10] },
        ],
      }),
    ]);
    expect(hits.map((h) => [h.heading, h.url])).toEqual([
      ['Sticky Sessions', '/notes/a/#sticky-sessions'],
      ['Replication', '/notes/a/#replication'],
    ]);
  });

  it('a section above the first heading has no heading; ties keep page order; limits per page', () => {
    const hits = toHits(
      [
        page({
          meta: {},
          filters: { type: ['unknown-kind'] },
          sub_results: [
            { title: 'x', url: '/notes/a/', excerpt: 'top' },
            { title: 'B', url: '/notes/a/#b', excerpt: 'b' },
          ],
        }),
      ],
      '',
      1,
    );
    expect(hits).toEqual([{ id: 'hit-0-0', page: '/notes/a/', url: '/notes/a/', excerpt: 'top' }]);
  });

  it('a result without filters has no type', () => {
    const [hit] = toHits([{ url: '/x/', excerpt: 'e', meta: { title: ' T ' } }]);
    expect(hit).toEqual({ id: 'hit-0-0', page: 'T', url: '/x/', excerpt: 'e' });
  });
});

describe('what is searched while typing', () => {
  it('leaves out a last word of one letter, and searches nothing for one letter', () => {
    expect(termToSearch('cold s')).toBe('cold');
    expect(termToSearch('  cold   st ')).toBe('cold st');
    expect(termToSearch('c')).toBe('');
    expect(termToSearch('é')).toBe('');
    expect(termToSearch('')).toBe('');
    expect(termToSearch('co')).toBe('co');
    expect(termToSearch('a b')).toBe('a');
  });
});

describe('keyboard', () => {
  it('arrows wrap around the rows; none to choose from stays none', () => {
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(-1, -1, 3)).toBe(2);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(1, 1, 3)).toBe(2);
    expect(moveActive(0, 1, 0)).toBe(-1);
  });

  const key = (k: string, over: Partial<Parameters<typeof isSearchShortcut>[0]> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    inField: false,
    ...over,
  });

  it('"/" focuses search unless the reader is typing in a field', () => {
    expect(isSearchShortcut(key('/'))).toBe(true);
    expect(isSearchShortcut(key('/', { inField: true }))).toBe(false);
    expect(isSearchShortcut(key('/', { ctrlKey: true }))).toBe(false);
    expect(isSearchShortcut(key('a'))).toBe(false);
  });

  it('Ctrl+K and Cmd+K focus search anywhere; Alt never', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true, inField: true }))).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }))).toBe(true);
    expect(isSearchShortcut(key('k'))).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, altKey: true }))).toBe(false);
  });
});
