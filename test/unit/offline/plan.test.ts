import { describe, expect, it } from 'vitest';
import {
  deckIdFromPath,
  fileKind,
  fileUrl,
  offlineFallback,
  offlineManifest,
  optionalReason,
  planOffline,
  quizIdFromPath,
  searchEnginesUnused,
  siteShape,
} from '../../../src/domain/offline/plan.ts';

const site = [
  { path: 'index.html', size: 10 },
  { path: 'notes/a/index.html', size: 50 },
  { path: 'diagrams/m-1.svg', size: 30 },
  { path: 'diagrams/m-2.svg', size: 30 },
  { path: 'flashcards/a/index.html', size: 20 },
  { path: 'flashcards/all/index.html', size: 900 },
  { path: 'flashcards/anki/a.txt', size: 5 },
  { path: 'tags/index.html', size: 8 },
  { path: 'tags/caching/index.html', size: 8 },
  { path: 'pagefind/pagefind.js', size: 40 },
];

describe('planOffline', () => {
  it('downloads what reading and practice need first, and leaves duplicates and lists for later', () => {
    const plan = planOffline(site, { maxFileBytes: 1000 });
    expect(plan.core.map((f) => f.path)).toEqual([
      'index.html',
      'notes/a/index.html',
      'flashcards/a/index.html',
      'tags/index.html',
      'pagefind/pagefind.js',
    ]);
    expect(plan.extra.map((f) => f.path)).toEqual([
      'diagrams/m-1.svg',
      'diagrams/m-2.svg',
      'flashcards/all/index.html',
      'flashcards/anki/a.txt',
      'tags/caching/index.html',
    ]);
    expect(plan.tooLarge).toEqual([]);
  });

  it('keeps a full-size diagram that a first-visit page embeds', () => {
    const plan = planOffline(site, { maxFileBytes: 1000, embedded: new Set(['diagrams/m-2.svg']) });
    expect(plan.core.map((f) => f.path)).toContain('diagrams/m-2.svg');
    expect(plan.extra.map((f) => f.path)).not.toContain('diagrams/m-2.svg');
  });

  it('keeps the all-cards page when there are no decks to hold the cards', () => {
    const noDecks = site.filter((f) => f.path !== 'flashcards/a/index.html');
    expect(planOffline(noDecks, { maxFileBytes: 1000 }).core.map((f) => f.path)).toContain(
      'flashcards/all/index.html',
    );
  });

  it('names the files over the per-file cap instead of precaching them', () => {
    const plan = planOffline(site, { maxFileBytes: 100 });
    expect(plan.tooLarge.map((f) => f.path)).toEqual(['flashcards/all/index.html']);
  });
});

describe('optionalReason', () => {
  it('says why a file waits for "Keep everything offline"', () => {
    const shape = siteShape(site.map((f) => f.path));
    expect(optionalReason('diagrams/m-1.svg', shape)).toMatch(/inline/);
    expect(optionalReason('flashcards/all/index.html', siteShape(['flashcards/all/index.html']))).toBeNull();
    expect(optionalReason('tags/index.html', shape)).toBeNull();
    expect(optionalReason('notes/diagrams/index.html', shape)).toBeNull();
  });
});

describe('deck pages', () => {
  const withData = [
    ...site,
    { path: 'flashcards/a/deck.json', size: 7 },
    { path: 'flashcards/b/index.html', size: 20 },
    { path: 'offline/deck/index.html', size: 9 },
  ];

  it('wait for "Keep everything offline" when their cards are there as data and a page reviews them', () => {
    const plan = planOffline(withData, { maxFileBytes: 1000 });
    expect(plan.extra.map((f) => f.path)).toContain('flashcards/a/index.html');
    expect(plan.core.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'flashcards/a/deck.json',
        'offline/deck/index.html',
        'flashcards/b/index.html',
      ]),
    );
  });

  it('stay in the first download when nothing could review them offline', () => {
    const noShell = withData.filter((f) => f.path !== 'offline/deck/index.html');
    expect(planOffline(noShell, { maxFileBytes: 1000 }).core.map((f) => f.path)).toContain(
      'flashcards/a/index.html',
    );
  });

  it('are told by their address, under any base', () => {
    expect(deckIdFromPath('/flashcards/a-b/', '/')).toBe('a-b');
    expect(deckIdFromPath('/repo/flashcards/a/index.html', '/repo/')).toBe('a');
    expect(deckIdFromPath('/repo/flashcards/caf%C3%A9/', '/repo')).toBe('café');
    expect(deckIdFromPath('/flashcards/', '/')).toBeNull();
    expect(deckIdFromPath('/flashcards/anki/', '/')).toBeNull();
    expect(deckIdFromPath('/flashcards/a/b/', '/')).toBeNull();
    expect(deckIdFromPath('/notes/a/', '/')).toBeNull();
    expect(deckIdFromPath('/flashcards/%E0%A4%A/', '/')).toBeNull();
  });
});

describe('quiz pages', () => {
  const withFragments = [
    ...site,
    { path: 'quizzes/index.html', size: 9 },
    { path: 'quizzes/q1/index.html', size: 40 },
    { path: 'quizzes/q1/body.html', size: 25 },
    { path: 'quizzes/q1/key.json', size: 10 },
    { path: 'quizzes/q2/index.html', size: 40 },
    { path: 'offline/quiz/index.html', size: 9 },
  ];

  it('wait for "Keep everything offline" when their fragment is there and a page shows it', () => {
    const plan = planOffline(withFragments, { maxFileBytes: 1000 });
    expect(plan.extra.map((f) => f.path)).toContain('quizzes/q1/index.html');
    expect(plan.core.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'quizzes/index.html',
        'quizzes/q1/body.html',
        'quizzes/q1/key.json',
        'quizzes/q2/index.html',
        'offline/quiz/index.html',
      ]),
    );
  });

  it('stay in the first download when nothing could show their fragment offline', () => {
    const noPage = withFragments.filter((f) => f.path !== 'offline/quiz/index.html');
    expect(planOffline(noPage, { maxFileBytes: 1000 }).core.map((f) => f.path)).toContain(
      'quizzes/q1/index.html',
    );
  });

  it('are told by their address, under any base', () => {
    expect(quizIdFromPath('/quizzes/practice-a/', '/')).toBe('practice-a');
    expect(quizIdFromPath('/repo/quizzes/q1/index.html', '/repo/')).toBe('q1');
    expect(quizIdFromPath('/repo/quizzes/caf%C3%A9/', '/repo')).toBe('café');
    expect(quizIdFromPath('/quizzes/', '/')).toBeNull();
    expect(quizIdFromPath('/quizzes/q1/key.json', '/')).toBeNull();
    expect(quizIdFromPath('/notes/a/', '/')).toBeNull();
    expect(quizIdFromPath('/quizzes/%E0%A4%A/', '/')).toBeNull();
  });
});

describe('offlineFallback', () => {
  const later = ['tags/caching/', 'flashcards/anki/a.txt'];
  it('reviews a deck from its data, even one never opened', () => {
    expect(offlineFallback('/flashcards/a/', '/', later)).toBe('deck');
    expect(offlineFallback('/repo/flashcards/all/index.html', '/repo/', later)).toBe('deck');
  });
  it('shows a quiz from its fragment', () => {
    expect(offlineFallback('/quizzes/practice-a/', '/', later)).toBe('quiz');
    expect(offlineFallback('/repo/quizzes/q1/index.html', '/repo/', later)).toBe('quiz');
    expect(offlineFallback('/quizzes/q1/key.json', '/', later)).toBe('not-found');
  });
  it('says a page of the site is not downloaded, rather than not found', () => {
    expect(offlineFallback('/tags/caching/', '/', later)).toBe('not-kept');
    expect(offlineFallback('/repo/tags/caching/index.html', '/repo', later)).toBe('not-kept');
    expect(offlineFallback('/diagrams/m-1.svg', '/', later)).toBe('not-kept');
    expect(offlineFallback('/flashcards/anki/a.txt', '/', later)).toBe('not-kept');
  });
  it('keeps the 404 page for addresses the site does not have', () => {
    expect(offlineFallback('/tags/nothing/', '/', later)).toBe('not-found');
    expect(offlineFallback('/flashcards/anki/', '/', later)).toBe('not-found');
    expect(offlineFallback('/other/tags/caching/', '/repo/', later)).toBe('not-found');
    expect(offlineFallback('/%E0%A4%A', '/', later)).toBe('not-found');
  });
  it('needs nothing but its arguments, as the service worker runs its source as is', () => {
    const copy = new Function(`return (${offlineFallback.toString()})`)() as typeof offlineFallback;
    expect(copy('/tags/caching/', '/', later)).toBe('not-kept');
  });
});

describe('offlineManifest', () => {
  it('counts the first download and lists the rest as addresses a browser asks for', () => {
    const manifest = offlineManifest(planOffline(site, { maxFileBytes: 1000 }));
    expect(manifest.core).toEqual({
      files: 5,
      bytes: 128,
      kinds: { other: 18, notes: 50, flashcards: 20, search: 40 },
    });
    expect(manifest.extra).toContainEqual({ url: 'tags/caching/', bytes: 8 });
    expect(manifest.extra).toContainEqual({ url: 'diagrams/m-1.svg', bytes: 30 });
    expect(fileUrl('index.html')).toBe('');
    expect(fileUrl('notes/a/index.html')).toBe('notes/a/');
  });
});

describe('fileKind', () => {
  it('names each file as a reader would', () => {
    expect(fileKind('notes/a/index.html')).toBe('notes');
    expect(fileKind('quizzes/q/key.json')).toBe('quizzes');
    expect(fileKind('flashcards/a/deck.json')).toBe('flashcards');
    expect(fileKind('pagefind/fragment/x.pf_fragment')).toBe('search');
    expect(fileKind('search/index.html')).toBe('search');
    expect(fileKind('cheatsheets/a/index.html')).toBe('cheat sheets');
    expect(fileKind('_astro/Base.css')).toBe('styles and scripts');
    expect(fileKind('progress/catalogue.json')).toBe('other');
  });
});

describe('searchEnginesUnused', () => {
  const paths = ['pagefind/wasm.en.pagefind', 'pagefind/wasm.unknown.pagefind', 'pagefind/pagefind.js'];
  it('names the engines no language of the index loads', () => {
    const entry = JSON.stringify({ languages: { en: { hash: 'en_1', wasm: 'en', page_count: 3 } } });
    expect(searchEnginesUnused(entry, paths)).toEqual(['pagefind/wasm.unknown.pagefind']);
    const two = JSON.stringify({ languages: { en: { wasm: 'en' }, xx: { wasm: 'unknown' } } });
    expect(searchEnginesUnused(two, paths)).toEqual([]);
  });
  it('names none when the entry cannot be read or lists no language', () => {
    expect(searchEnginesUnused('', paths)).toEqual([]);
    expect(searchEnginesUnused('{}', paths)).toEqual([]);
  });
  it('leaves them for "Keep everything offline" in the plan', () => {
    const files = paths.map((path) => ({ path, size: 5 }));
    const plan = planOffline(files, {
      maxFileBytes: 100,
      unused: new Set(['pagefind/wasm.unknown.pagefind']),
    });
    expect(plan.extra.map((f) => f.path)).toEqual(['pagefind/wasm.unknown.pagefind']);
  });
});
