import { describe, expect, it } from 'vitest';
import { importMessage, readMessages, writeMessage } from '../../../src/domain/progress/messages.ts';
import type { ReadResult } from '../../../src/domain/progress/storage.ts';

const read = (over: Partial<ReadResult<unknown>>): ReadResult<unknown> => ({
  value: {},
  status: 'ok',
  writable: true,
  ...over,
});

describe('readMessages: one wording for every page', () => {
  it('says nothing when all is well', () => expect(readMessages('quiz history', read({}))).toEqual([]));

  it('corrupt, kept aside (and what made room)', () => {
    expect(
      readMessages('quiz history', read({ status: 'corrupt', problem: 'bad', keptAs: 'k.corrupt.t' })),
    ).toEqual([
      'Your saved quiz history could not be read (bad). It was kept aside in this browser as “k.corrupt.t”; new progress is saved from now on.',
    ]);
    expect(
      readMessages(
        'flashcard progress',
        read({ status: 'corrupt', problem: 'bad', keptAs: 'k2', dropped: ['k0', 'k1'] }),
      )[0],
    ).toMatch(/the oldest copies were removed \(k0, k1\)\.$/);
  });

  it('corrupt with no room for a copy: says nothing new is saved, offers the export', () => {
    expect(
      readMessages('flashcard progress', read({ status: 'corrupt', problem: 'bad', writable: false }))[0],
    ).toMatch(/too full to keep a copy: .*nothing new is saved until there is room\. Export your progress/);
  });

  it('newer and unavailable', () => {
    expect(
      readMessages('quiz history', read({ status: 'newer', versions: { stored: 3, known: 1 } }))[0],
    ).toBe(
      'Your quiz history was saved by a newer version of the site (record v3, this page knows v1): it is left untouched, and nothing this tab does is saved. Reload the page to get the new version.',
    );
    expect(readMessages('quiz history', read({ status: 'newer' }))[0]).toMatch(
      /newer version of the site: it is left/,
    );
    expect(readMessages('quiz history', read({ status: 'unavailable' }))[0]).toMatch(
      /^This browser does not let the site keep data/,
    );
  });

  it('repairs, with where the old state went', () => {
    expect(readMessages('flashcard progress', read({ repaired: ['1 card had x'], keptAs: 'k' }))).toEqual([
      '1 card had x. The old state was kept aside in this browser as “k”.',
    ]);
    expect(readMessages('flashcard progress', read({ repaired: ['moved'] }))).toEqual(['Moved.']);
  });
});

describe('writeMessage', () => {
  it.each([
    ['full', /^Browser storage is full: this rating was not saved\. Export your progress/],
    ['invalid', /^This rating was not saved: why\. Nothing stored was changed\.$/],
    ['newer', /newer version of the site\. Reload/],
    ['unavailable', /does not let the site keep data/],
    ['unreadable', /could not be read and there is no room/],
    ['failed', /^This rating was not saved: why\.$/],
  ] as const)('%s', (code, text) => expect(writeMessage(code, 'why', 'rating')).toMatch(text));
});

describe('importMessage: exactly what changed', () => {
  const flashcards = {
    cardsAdded: 4,
    cardsUpdated: 0,
    cardsKept: 0,
    reviewsAdded: 4,
    settingsChanged: false,
  };
  it('a fresh browser', () =>
    expect(importMessage({ quiz: { added: 1, already: 0, trimmed: 0 }, flashcards, repaired: [] })).toBe(
      'Imported 4 cards with 4 reviews and 1 quiz attempt.',
    ));
  it('a partial file, merged into what was here', () =>
    expect(importMessage({ quiz: { added: 0, already: 2, trimmed: 1 }, repaired: ['x'] })).toBe(
      'Imported 0 quiz attempts. Merged with what was here: 2 quiz attempts already here. The oldest 1 attempt beyond the history kept per quiz were dropped. The file has no flashcard progress: yours is left as it was. X.',
    ));
  it('cards kept, settings from the file, no quiz history', () =>
    expect(
      importMessage({
        flashcards: { ...flashcards, cardsUpdated: 1, cardsKept: 2, settingsChanged: true },
        repaired: [],
      }),
    ).toBe(
      'Imported 5 cards with 4 reviews. Merged with what was here: 2 cards reviewed more recently in this browser (kept as they are). The new-cards-per-day setting now comes from the file. The file has no quiz history: yours is left as it was.',
    ));
});
