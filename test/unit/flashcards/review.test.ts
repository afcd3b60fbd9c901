/**
 * Scheduling (ts-fsrs adapter, fixed dates), the review queue and daily limit, undo, stats,
 * storage of the progress record (migration, corruption), export/import of all progress and
 * the Anki file format.
 */
import { QUIZ_ATTEMPTS } from '../../../src/domain/quiz/attempts.ts';
import { describe, expect, it } from 'vitest';
import { ankiBack, ankiDeckName, ankiFile, parseAnkiFile } from '../../../src/domain/flashcards/anki.ts';
import { exportFileName, exportProgress, importProgress } from '../../../src/domain/progress/file.ts';
import {
  dayKey,
  deckCounts,
  emptyProgress,
  flashcardRecord,
  newAllowance,
  nextCard,
  pruneRemoved,
  reviewStats,
  withNewPerDay,
} from '../../../src/domain/flashcards/queue.ts';
import { applyRating, undoRating } from '../../../src/domain/flashcards/rating.ts';
import { formatInterval, preview, rate } from '../../../src/domain/flashcards/scheduler.ts';
import { type KeyValueStore, readRecord, writeRecord } from '../../../src/domain/progress/storage.ts';
import type { Card } from '../../../src/schemas/deck.ts';
import type { FlashcardProgress } from '../../../src/schemas/progress.ts';

const T0 = new Date('2026-11-24T09:00:00.000Z');
const at = (iso: string) => new Date(iso);
const MIN = 60_000;
const DAY = 86_400_000;

class MemoryStore implements KeyValueStore {
  map = new Map<string, string>();
  failOn?: string;
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => {
    if (this.failOn && k === this.failOn) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  };
  removeItem = (k: string) => void this.map.delete(k);
}

describe('scheduler adapter (ts-fsrs 5.4, fixed dates)', () => {
  it('takes a new card through learning to review', () => {
    const first = preview(undefined, T0);
    expect(Object.values(first).map((o) => formatInterval(o.interval))).toEqual([
      '1 min',
      '6 min',
      '10 min',
      '8 d',
    ]);
    const learning = rate(undefined, 3, T0).state;
    expect(learning).toMatchObject({ state: 1, due: '2026-11-24T09:10:00.000Z', reps: 1, learning_steps: 1 });
    const t1 = at(learning.due);
    expect(formatInterval(preview(learning, t1)[3].interval)).toBe('2 d');
    const review = rate(learning, 3, t1).state;
    expect(review).toMatchObject({
      state: 2,
      due: '2026-11-26T09:10:00.000Z',
      scheduled_days: 2,
      reps: 2,
      lapses: 0,
    });
    expect(review.last_review).toBe('2026-11-24T09:10:00.000Z');
    const t2 = at(review.due);
    expect(Object.values(preview(review, t2)).map((o) => formatInterval(o.interval))).toEqual([
      '10 min',
      '8 d',
      '11 d',
      '19 d',
    ]);
  });

  it('counts a lapse and relearns', () => {
    const learning = rate(undefined, 3, T0).state;
    const review = rate(learning, 3, at(learning.due)).state;
    const lapsed = rate(review, 1, at(review.due));
    expect(lapsed.state).toMatchObject({ state: 3, lapses: 1, due: '2026-11-26T09:20:00.000Z' });
    expect(lapsed.interval).toBe(10 * MIN);
  });

  it('accepts a stored state without a last review', () => {
    const { last_review: _, ...state } = rate(undefined, 4, T0).state;
    expect(preview(state, T0)[3].state.last_review).toBe(T0.toISOString());
  });

  it('formats intervals', () => {
    expect([30_000, 5 * MIN, 3 * 3_600_000, 4 * DAY, 75 * DAY, 800 * DAY].map(formatInterval)).toEqual([
      '<1 min',
      '5 min',
      '3 h',
      '4 d',
      '2.5 mo',
      '2.2 y',
    ]);
  });
});

describe('review queue, limits, undo', () => {
  const ids = ['d/a', 'd/b', 'd/c'];

  it('shows new cards in deck order, then learning cards as they come due', () => {
    let p = emptyProgress();
    expect(nextCard(ids, p, T0)).toEqual({ id: 'd/a', reason: 'new' });
    p = applyRating(p, 'd/a', 3, T0).progress;
    expect(nextCard(ids, p, T0)).toEqual({ id: 'd/b', reason: 'new' });
    expect(deckCounts(ids, p, T0)).toEqual({ new: 2, learning: 1, due: 0, unseen: 2, total: 3 });
    p = applyRating(p, 'd/b', 4, T0).progress; // Easy: straight to review in 8 days
    p = applyRating(p, 'd/c', 3, T0).progress;
    // Nothing due now, but learning cards within 20 minutes are shown rather than waiting.
    expect(nextCard(ids, p, T0)).toEqual({ id: 'd/a', reason: 'learning' });
    const later = new Date(T0.getTime() + 10 * MIN);
    expect(nextCard(ids, p, later)).toEqual({ id: 'd/a', reason: 'learning' });
    p = applyRating(p, 'd/a', 3, later).progress;
    p = applyRating(p, 'd/c', 3, later).progress;
    expect(nextCard(ids, p, later)).toEqual({ reason: 'done' });
    // Two days on, a and c (Good, Good) are due; b (Easy) is not due before day 8.
    const day2 = new Date(T0.getTime() + 2 * DAY + 10 * MIN);
    expect(nextCard(ids, p, day2)).toEqual({ id: 'd/a', reason: 'review' });
    expect(deckCounts(ids, p, day2)).toMatchObject({ due: 2, learning: 0, new: 0 });
    expect(deckCounts(ids, p, new Date(T0.getTime() + 8 * DAY))).toMatchObject({ due: 3 });
  });

  it('says when the next learning card comes back', () => {
    const p = applyRating(emptyProgress(), 'd/a', 1, T0).progress; // Again: 1 minute
    const relearnAt = applyRating(p, 'd/a', 3, new Date(T0.getTime() + MIN)).progress; // 10 minutes
    const soon = nextCard(['d/a'], relearnAt, new Date(T0.getTime() - 60 * MIN));
    expect(soon).toEqual({ reason: 'done', nextDue: relearnAt.cards['d/a']?.due });
  });

  it('limits new cards per local day, adjustable', () => {
    let p = withNewPerDay(emptyProgress(), 2);
    p = applyRating(p, 'd/a', 3, T0).progress;
    p = applyRating(p, 'd/b', 3, T0).progress;
    expect(newAllowance(p, T0)).toBe(0);
    expect(deckCounts(ids, p, T0).new).toBe(0);
    expect(nextCard(['d/c'], p, T0)).toEqual({ reason: 'done' });
    expect(newAllowance(p, new Date(T0.getTime() + DAY))).toBe(2);
    // 23:30 in UTC-2 is already the next day: the reader's local day counts.
    expect(dayKey(at('2026-11-24T23:30:00Z'), -120)).toBe('2026-11-25');
    expect(withNewPerDay(p, -5).settings.newPerDay).toBe(0);
    expect(withNewPerDay(p, Number.NaN).settings.newPerDay).toBe(0);
    expect(withNewPerDay(p, 5000).settings.newPerDay).toBe(1000);
  });

  it('undoes the last rating: the card state and the log entry', () => {
    const start = applyRating(emptyProgress(), 'd/a', 3, T0).progress;
    const { progress, undo } = applyRating(start, 'd/a', 1, new Date(T0.getTime() + 10 * MIN));
    expect(progress.log).toHaveLength(2);
    expect(undoRating(progress, undo)).toEqual(start);
    const fresh = applyRating(emptyProgress(), 'd/b', 3, T0);
    expect(undoRating(fresh.progress, fresh.undo)).toEqual(emptyProgress());
    expect(undoRating(emptyProgress(), { id: 'd/x' })).toEqual(emptyProgress());
  });

  it('drops the state of cards removed from the content, keeping the rest', () => {
    let p = applyRating(emptyProgress(), 'd/a', 3, T0).progress;
    p = applyRating(p, 'd/gone', 3, T0).progress;
    const { progress, dropped } = pruneRemoved(p, new Set(ids));
    expect(dropped).toEqual(['d/gone']);
    expect(Object.keys(progress.cards)).toEqual(['d/a']);
    expect(progress.log).toHaveLength(2);
    expect(pruneRemoved(progress, new Set(ids)).progress).toBe(progress);
  });

  it('computes stats: reviews per day, retention, cards by state', () => {
    let p = emptyProgress();
    p = applyRating(p, 'd/old', 3, new Date(T0.getTime() - 90 * DAY)).progress; // outside both windows
    p = applyRating(p, 'd/a', 3, T0).progress;
    p = applyRating(p, 'd/a', 3, new Date(T0.getTime() + 10 * MIN)).progress;
    const due = new Date(p.cards['d/a']?.due as string);
    p = applyRating(p, 'd/a', 1, due).progress; // a lapse: review state, Again
    p = applyRating(p, 'd/b', 4, T0).progress;
    const review = new Date(p.cards['d/b']?.due as string);
    p = applyRating(p, 'd/b', 3, review).progress; // recalled
    const stats = reviewStats(ids, p, review, 0, 14);
    expect(stats.perDay).toHaveLength(14);
    expect(stats.perDay.at(-1)).toEqual({ day: '2026-12-02', count: 1 });
    expect(stats.perDay.find((d) => d.day === '2026-11-24')?.count).toBe(3);
    expect(stats.retention).toEqual({ reviewed: 2, passed: 1, rate: 0.5 });
    expect(stats.byState).toEqual({ new: 1, learning: 1, review: 1 });
    expect(reviewStats(ids, emptyProgress(), T0).retention.rate).toBeUndefined();
  });
});

describe('flashcard progress in browser storage', () => {
  it('round-trips, and a corrupt record is kept aside while review starts fresh', () => {
    const store = new MemoryStore();
    const p = applyRating(emptyProgress(), 'd/a', 3, T0).progress;
    expect(writeRecord(store, flashcardRecord, p)).toEqual({ ok: true });
    expect(readRecord(store, flashcardRecord, T0)).toMatchObject({ status: 'ok', value: p });
    store.setItem('tradeoffs.flashcards', '{"version":1,"data":{"cards":{"d/a":{"due":"soon"}},"log":[]}}');
    const read = readRecord(store, flashcardRecord, T0);
    expect(read).toMatchObject({ status: 'corrupt', value: emptyProgress(), writable: true });
    expect(read.problem).toMatch(/cards\.d\/a\.due/);
    expect(store.getItem(read.keptAs as string)).toContain('"soon"');
    store.setItem('tradeoffs.flashcards', '{not json');
    expect(readRecord(store, flashcardRecord, T0).status).toBe('corrupt');
  });

  it('migrates step by step and fills defaults; leaves a newer record alone', () => {
    const store = new MemoryStore();
    const v2 = {
      ...flashcardRecord,
      version: 2,
      migrations: { 1: (d: unknown) => ({ ...(d as object), log: [] }) },
    };
    store.setItem(
      'tradeoffs.flashcards',
      JSON.stringify({ version: 1, data: { cards: {}, log: [{ bad: 1 }] } }),
    );
    const migrated = readRecord(store, v2, T0);
    expect(migrated).toMatchObject({
      status: 'migrated',
      value: { cards: {}, log: [], settings: { newPerDay: 20 } },
    });
    store.setItem('tradeoffs.flashcards', JSON.stringify({ version: 9, data: {} }));
    expect(readRecord(store, flashcardRecord, T0)).toMatchObject({ status: 'newer', writable: false });
  });
});

describe('export / import of all progress', () => {
  const quiz = {
    attempts: [
      {
        quizId: 'serverless-or-servers',
        at: '2026-11-23T10:00:00.000Z',
        score: 3,
        max: 4,
        retry: false,
        questions: { q1: { score: 1, max: 1, topic: 'cost' } },
      },
    ],
  };
  function filled(): { store: MemoryStore; progress: FlashcardProgress } {
    const store = new MemoryStore();
    let progress = withNewPerDay(emptyProgress(), 7);
    progress = applyRating(progress, 'd/a', 3, T0).progress;
    progress = applyRating(progress, 'd/b', 4, T0).progress;
    writeRecord(store, flashcardRecord, progress);
    writeRecord(store, QUIZ_ATTEMPTS, quiz);
    return { store, progress };
  }

  it('round-trips losslessly into a fresh browser, with the same due counts', () => {
    const { store, progress } = filled();
    const { json, skipped } = exportProgress(store, T0);
    expect(skipped).toEqual([]);
    expect(JSON.parse(json)).toMatchObject({ app: 'tradeoffs', kind: 'progress', format: 1 });
    const fresh = new MemoryStore();
    expect(importProgress(json, fresh, T0)).toEqual({
      ok: true,
      summary: {
        quiz: { added: 1, already: 0, trimmed: 0 },
        flashcards: { cardsAdded: 2, cardsUpdated: 0, cardsKept: 0, reviewsAdded: 2, settingsChanged: true },
        repaired: [],
      },
    });
    expect(readRecord(fresh, flashcardRecord, T0).value).toEqual(progress);
    expect(readRecord(fresh, QUIZ_ATTEMPTS, T0).value).toEqual(quiz);
    const later = new Date(T0.getTime() + 9 * DAY);
    expect(deckCounts(['d/a', 'd/b', 'd/c'], readRecord(fresh, flashcardRecord, later).value, later)).toEqual(
      deckCounts(['d/a', 'd/b', 'd/c'], progress, later),
    );
    expect(exportFileName(T0)).toBe('tradeoffs-progress-2026-11-24.json');
  });

  it('rejects wrong and foreign files with a clear error, changing nothing', () => {
    const { store } = filled();
    const before = new Map(store.map);
    const { json } = exportProgress(store, T0);
    const cases: [string, RegExp][] = [
      ['not json', /not a Tradeoffs progress file \(it is not JSON\)/],
      ['[]', /not a Tradeoffs progress file/],
      ['{"name":"my-app","version":"1.0.0"}', /not a Tradeoffs progress file/],
      [json.replace('"format": 1', '"format": 2'), /unknown progress file format/],
      [
        json.replace('"tradeoffs.flashcards"', '"tradeoffs.other"'),
        /records this site does not know \(tradeoffs\.other\)/,
      ],
      [json.replace('"reps": 1', '"reps": -1'), /flashcard progress in this file cannot be used: .*reps/],
      [
        json.replace('"exportedAt": "', '"exportedAt": "x'),
        /damaged: expected an ISO date-time \(exportedAt\)/,
      ],
    ];
    for (const [text, error] of cases) {
      const result = importProgress(text, store, T0);
      expect(result.ok, text.slice(0, 40)).toBe(false);
      expect(result.ok ? '' : result.error).toMatch(error);
    }
    expect(store.map).toEqual(before);
    expect(importProgress(json, undefined, T0)).toMatchObject({ ok: false });
  });

  it('imports nothing when a write fails half-way (no partial import)', () => {
    const { store } = filled();
    const { json } = exportProgress(store, T0);
    const target = new MemoryStore();
    target.setItem('tradeoffs.quiz-attempts', '{"version":1,"data":{"attempts":[]}}');
    target.failOn = 'tradeoffs.flashcards';
    const result = importProgress(json, target, T0);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.error).toMatch(/storage is full.*Nothing was imported/);
    expect(target.getItem('tradeoffs.quiz-attempts')).toBe('{"version":1,"data":{"attempts":[]}}');
    expect(target.getItem('tradeoffs.flashcards')).toBeNull();
  });

  it('exports what it can: a newer record as stored, a corrupt one left out and named', () => {
    const store = new MemoryStore();
    store.setItem('tradeoffs.flashcards', JSON.stringify({ version: 5, data: { future: true } }));
    store.setItem('tradeoffs.quiz-attempts', 'garbage');
    const { json, skipped } = exportProgress(store, T0);
    expect(JSON.parse(json).records['tradeoffs.flashcards']).toEqual({ version: 5, data: { future: true } });
    expect(skipped).toEqual(['tradeoffs.quiz-attempts: the stored record is not valid JSON']);
    // A file without any record is refused: it would import nothing and say so only by a count.
    const empty = exportProgress(new MemoryStore(), T0).json;
    const only = JSON.stringify({ ...JSON.parse(empty), records: {} });
    expect(importProgress(only, new MemoryStore(), T0)).toEqual({
      ok: false,
      error: 'This progress file holds no progress. Nothing was imported.',
    });
  });
});

describe('Anki export', () => {
  const cards: Card[] = [
    {
      id: 'sessions/sticky',
      deck: 'sessions',
      kind: 'hand',
      context: 'Sticky Sessions',
      front: 'What are <sticky> sessions?',
      back: 'Same server\tevery time\nfor a user & more',
      sources: ['note#sticky'],
      related: [],
      tags: ['sessions'],
    },
    {
      id: 'sessions/plain',
      deck: 'sessions',
      kind: 'hand',
      context: '',
      front: 'Q',
      back: 'A',
      sources: ['note#a', 'other#b'],
      related: [],
      tags: [],
    },
  ];
  const text = ankiFile('sessions', cards, (ref) => ({
    href: `https://x.example/${ref}`,
    label: `L ${ref}`,
  }));

  it('writes the headers Anki reads and one escaped row per card, id first', () => {
    const { headers, rows } = parseAnkiFile(text);
    expect(headers).toEqual({
      separator: 'tab',
      html: 'true',
      'notetype column': '4',
      'deck column': '5',
      'tags column': '6',
    });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.length === 6)).toBe(true);
    const [id, front, back, notetype, deck, tags] = rows[0] as string[];
    expect(id).toBe('sessions/sticky');
    expect(front).toBe('<small>Sticky Sessions</small><br>What are &lt;sticky&gt; sessions?');
    expect(back).toBe(
      'Same server every time<br>for a user &amp; more<br><small>Source: <a href="https://x.example/note#sticky">L note#sticky</a></small>',
    );
    expect([notetype, deck, tags]).toEqual(['Tradeoffs', ankiDeckName('sessions'), 'tradeoffs sessions']);
    expect(rows[1]?.[2]).toContain('</a> · <a');
    expect(deck).toBe('Tradeoffs::sessions');
  });

  it('shows every note’s wording with its source, and the disagreement to read', () => {
    const merged = {
      ...(cards[1] as (typeof cards)[number]),
      back: 'Hard',
      wordings: [
        { source: 'note#a', label: 'Stateful — Routing', text: 'Hard' },
        { source: 'other#b', label: '', text: 'Pinned <by key>' },
      ],
      conflict: { title: 'Hard or easy?', href: '/compare/x/#routing' },
    };
    const back = ankiBack(
      merged,
      (ref) => ({ href: `https://x.example/${ref}`, label: `L ${ref}` }),
      (path) => `https://x.example${path}`,
    );
    expect(back).toBe(
      'Hard<br><small>The notes say it 2 ways:<ul>' +
        '<li>“Hard” — <a href="https://x.example/note#a">L note#a</a> (as “Stateful — Routing”)</li>' +
        '<li>“Pinned &lt;by key&gt;” — <a href="https://x.example/other#b">L other#b</a></li></ul></small>' +
        '<br><small>The notes disagree here: <a href="https://x.example/compare/x/#routing">Hard or easy?</a></small>',
    );
    // One row per card still: the list has no tab or newline.
    expect(
      parseAnkiFile(ankiFile('sessions', [merged], (ref) => ({ href: ref, label: ref }))).rows[0],
    ).toHaveLength(6);
  });

  it('parses comma files too', () => {
    expect(parseAnkiFile('a,b\n').rows).toEqual([['a', 'b']]);
  });
});
