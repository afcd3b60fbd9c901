import { describe, expect, it } from 'vitest';
import { fileUrl, offlineManifest, optionalReason, planOffline } from '../../../src/domain/offline/plan.ts';

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
    expect(optionalReason('diagrams/m-1.svg', true)).toMatch(/inline/);
    expect(optionalReason('flashcards/all/index.html', false)).toBeNull();
    expect(optionalReason('tags/index.html', true)).toBeNull();
    expect(optionalReason('notes/diagrams/index.html', true)).toBeNull();
  });
});

describe('offlineManifest', () => {
  it('counts the first download and lists the rest as addresses a browser asks for', () => {
    const manifest = offlineManifest(planOffline(site, { maxFileBytes: 1000 }));
    expect(manifest.core).toEqual({ files: 5, bytes: 128 });
    expect(manifest.extra).toContainEqual({ url: 'tags/caching/', bytes: 8 });
    expect(manifest.extra).toContainEqual({ url: 'diagrams/m-1.svg', bytes: 30 });
    expect(fileUrl('index.html')).toBe('');
    expect(fileUrl('notes/a/index.html')).toBe('notes/a/');
  });
});
