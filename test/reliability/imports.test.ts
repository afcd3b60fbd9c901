/** Bad and partial progress files imported into a browser that already holds progress. */
import { describe, expect, it } from 'vitest';
import { flashcardRecord, withNewPerDay, emptyProgress } from '../../src/domain/flashcards/queue.ts';
import { applyRating } from '../../src/domain/flashcards/rating.ts';
import { preview } from '../../src/domain/flashcards/scheduler.ts';
import { importProgress } from '../../src/domain/progress/file.ts';
import { importMessage } from '../../src/domain/progress/messages.ts';
import { readRecord, writeRecord } from '../../src/domain/progress/storage.ts';
import { QUIZ_ATTEMPTS } from '../../src/domain/quiz/attempts.ts';
import { IMPORTS } from './cases.ts';
import { MemoryStore } from './support.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');

function browserWithProgress() {
  const store = new MemoryStore();
  let cards = withNewPerDay(emptyProgress(), 7);
  cards = applyRating(cards, 'd/a', 3, new Date('2026-11-30T12:00:00.000Z')).progress;
  cards = applyRating(cards, 'd/c', 1, new Date('2026-11-30T12:05:00.000Z')).progress;
  const attempts = {
    attempts: [
      {
        quizId: 'caching',
        at: '2026-11-28T10:00:00.000Z',
        score: 2,
        max: 3,
        retry: false,
        questions: { q: { score: 2, max: 3, topic: 'cost' } },
      },
    ],
  };
  writeRecord(store, flashcardRecord, cards);
  writeRecord(store, QUIZ_ATTEMPTS, attempts);
  return { store, cards, attempts };
}

describe('reliability: bad imports', () => {
  it.each(IMPORTS.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { store, cards, attempts } = browserWithProgress();
    const before = new Map(store.map);
    let result = importProgress(c.input, store, NOW);
    if (c.name === 'the same file imported twice') result = importProgress(c.input, store, NOW);
    if (c.expect === 'refused') {
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.error).toMatch(
        /\w{3,}.*(Nothing was imported|not a Tradeoffs progress file)/,
      );
      expect(store.map).toEqual(before);
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(importMessage(result.summary)).toMatch(/^Imported /);
    // Lost = 0: every attempt, card and rating this browser had is still there.
    const quiz = readRecord(store, QUIZ_ATTEMPTS, NOW);
    const flash = readRecord(store, flashcardRecord, NOW);
    expect(quiz.status).toBe('ok');
    expect(flash.status).toBe('ok');
    expect(quiz.value.attempts).toEqual(expect.arrayContaining(attempts.attempts));
    for (const id of Object.keys(cards.cards)) expect(flash.value.cards[id]).toBeDefined();
    expect(flash.value.log).toEqual(expect.arrayContaining(cards.log));
    // Accepted and correct: the scheduler takes every stored card (no "Show answer" that throws).
    for (const state of Object.values(flash.value.cards)) expect(() => preview(state, NOW)).not.toThrow();
    if (c.name === 'the same file imported twice') {
      expect(quiz.value.attempts).toHaveLength(2);
      expect(result.summary.quiz).toMatchObject({ added: 0, already: 1 });
    }
    if (c.name.startsWith('only the quiz record'))
      expect(importMessage(result.summary)).toContain(
        'The file has no flashcard progress: yours is left as it was.',
      );
    if (/stability 0|not a date/.test(c.name))
      expect(result.summary.repaired.join(' ')).toMatch(/starts again as new/);
    if (c.name.includes('future')) expect(result.summary.repaired.join(' ')).toMatch(/moved to now/);
  });
});
