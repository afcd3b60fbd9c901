import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../src/domain/progress/dashboard.ts';
import {
  catalogueAliases,
  isPackedCatalogue,
  packCatalogue,
  unpackCatalogue,
} from '../../../src/domain/progress/packed-catalogue.ts';

const catalogue: Catalogue = {
  notes: { sessions: { title: 'Sessions', headings: { sticky: 'Sticky sessions', jwt: 'JWT' } } },
  topics: { 'sticky-sessions': 'Sticky sessions' },
  quizzes: [
    {
      id: 'q1',
      title: 'Quiz',
      questions: {
        a: { topic: 'sticky-sessions', source: 'sessions#sticky' },
        b: { topic: 'sticky-sessions', source: 'sessions#jwt' },
      },
    },
  ],
  decks: [
    {
      id: 'sessions',
      title: 'Sessions',
      cards: {
        'sessions/sticky': { topic: 'sticky-sessions', sources: ['sessions#sticky'] },
        'sessions/both': { topic: 'sessions', sources: ['sessions#sticky', 'sessions#jwt'] },
        // An id outside the deck's own prefix keeps its whole id.
        'other/moved': { topic: 'sessions', sources: [] },
      },
    },
  ],
};

describe('packed catalogue', () => {
  it('unpacks to exactly the catalogue it was packed from', () => {
    const packed = JSON.parse(JSON.stringify(packCatalogue(catalogue))) as unknown;
    expect(isPackedCatalogue(packed)).toBe(true);
    expect(unpackCatalogue(packed as ReturnType<typeof packCatalogue>)).toEqual(catalogue);
  });

  it('writes each topic and source once, and a card id without its deck', () => {
    const packed = packCatalogue(catalogue);
    expect(packed.strings).toEqual(['sticky-sessions', 'sessions#sticky', 'sessions#jwt', 'sessions']);
    expect(packed.decks[0]?.cards).toEqual([
      ['sticky', 0, 1],
      ['both', 3, [1, 2]],
      ['/other/moved', 3, []],
    ]);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(catalogue).length);
  });

  it('tells the plain form from the packed one, and refuses a reference to nothing', () => {
    expect(isPackedCatalogue(catalogue)).toBe(false);
    expect(isPackedCatalogue(null)).toBe(false);
    const broken = packCatalogue(catalogue);
    broken.strings = [];
    expect(() => unpackCatalogue(broken)).toThrow(/no string 0/);
  });

  it('carries the merged card ids, grouped by the card that took them over', () => {
    const aliases = { 'a/old': 'sessions/sticky', 'b/old': 'sessions/sticky', 'c/x': 'sessions/both' };
    const packed = packCatalogue(catalogue, aliases);
    expect(packed.aliases).toEqual({ 'sessions/sticky': ['a/old', 'b/old'], 'sessions/both': ['c/x'] });
    expect(catalogueAliases(JSON.parse(JSON.stringify(packed)) as typeof packed)).toEqual(aliases);
    expect(packCatalogue(catalogue).aliases).toBeUndefined();
    expect(catalogueAliases(packCatalogue(catalogue))).toEqual({});
  });
});
