/** Damaged, full or unusual browser storage, as the pages read and write it. */
import { describe, expect, it } from 'vitest';
import { flashcardRecord } from '../../src/domain/flashcards/queue.ts';
import { applyRating } from '../../src/domain/flashcards/rating.ts';
import { preview } from '../../src/domain/flashcards/scheduler.ts';
import { readMessages, writeMessage } from '../../src/domain/progress/messages.ts';
import { KEPT_ASIDE, keptAsideKeys, readRecord, updateRecord } from '../../src/domain/progress/storage.ts';
import { attemptRecord } from '../../src/domain/quiz/session.ts';
import { scoreQuestion, scoreQuiz } from '../../src/domain/quiz/scoring.ts';
import { QuestionSchema } from '../../src/schemas/quiz.ts';
import { STORAGE } from './cases.ts';
import { MemoryStore } from './support.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('reliability: storage faults', () => {
  it.each(STORAGE.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const store = new MemoryStore();
    if (c.input === 'series') {
      // Four different damaged records, one after the other: at most KEPT_ASIDE.copies copies.
      for (let i = 0; i < 4; i++) {
        store.map.set(flashcardRecord.key, `{"broken":${i}`);
        const read = readRecord(store, flashcardRecord, later(i));
        expect(read.status).toBe('corrupt');
        if (i === 3)
          expect(readMessages('flashcard progress', read).join(' ')).toMatch(/oldest copy was removed/);
      }
      expect(keptAsideKeys(store, flashcardRecord.key)).toHaveLength(KEPT_ASIDE.copies);
      return;
    }
    if (c.input === 'full') {
      store.quota = 400;
      const first = updateRecord(store, flashcardRecord, (p) => applyRating(p, 'd/a', 3, NOW).progress, NOW);
      expect(first.ok).toBe(true);
      const second = updateRecord(store, flashcardRecord, (p) => applyRating(p, 'd/b', 3, NOW).progress, NOW);
      expect(second).toMatchObject({ ok: false, code: 'full' });
      if (second.ok) return;
      // Said at once, with the export offered; the rating saved before is still stored.
      expect(writeMessage(second.code, second.problem, 'rating')).toMatch(
        /^Browser storage is full: this rating was not saved\. Export your progress/,
      );
      expect(readRecord(store, flashcardRecord, NOW).value.cards['d/a']).toBeDefined();
      return;
    }
    if (c.input === 'tiny-points') {
      const q = QuestionSchema.parse({
        id: 'q',
        type: 'single',
        topic: 'cost',
        prompt: 'Q?',
        source: 'n#h',
        points: 0.001,
        options: [
          { id: 'a', text: 'A', correct: true, explanation: 'e' },
          { id: 'b', text: 'B', explanation: 'e' },
        ],
      });
      const scores = { q: scoreQuestion(q, { type: 'single', choice: 'a' }) };
      const record = attemptRecord('quiz', [q], scores, scoreQuiz([q], scores), false, NOW);
      // Refused before writing: the stored history (one good attempt) stays readable.
      expect(record).toMatchObject({ ok: false });
      expect(record.ok ? '' : writeMessage('invalid', record.problem, 'result')).toMatch(
        /^This result was not saved: it does not match the stored format \(max: /,
      );
      return;
    }
    store.map.set(flashcardRecord.key, c.input);
    let read = readRecord(store, flashcardRecord, NOW);
    if (c.name.includes('6 visits'))
      for (let i = 1; i < 6; i++) read = readRecord(store, flashcardRecord, later(i));
    const sentences = readMessages('flashcard progress', read).join(' ');
    if (c.expect === 'refused') {
      expect(read.status).toMatch(/corrupt|newer/);
      expect(sentences).toMatch(/could not be read|newer version of the site/);
      // Lost = 0: the damaged record is kept (aside, once) or left untouched.
      const copies = keptAsideKeys(store, flashcardRecord.key);
      if (read.status === 'corrupt') {
        expect(copies).toHaveLength(1);
        expect(store.getItem(copies[0] as string)).toBe(c.input);
      } else expect(store.getItem(flashcardRecord.key)).toBe(c.input);
      // Review goes on: a rating is saved over the kept-aside record, not over a newer one.
      const rated = updateRecord(store, flashcardRecord, (p) => applyRating(p, 'd/x', 3, NOW).progress, NOW);
      expect(rated.ok).toBe(read.status === 'corrupt');
      return;
    }
    expect(read.status).toBe('ok');
    expect(sentences).toMatch(/starts again as new|moved to now/);
    for (const state of Object.values(read.value.cards)) expect(() => preview(state, NOW)).not.toThrow();
    const rated = updateRecord(store, flashcardRecord, (p) => applyRating(p, 'd/a', 3, NOW).progress, NOW);
    expect(rated.ok).toBe(true);
    expect(readRecord(store, flashcardRecord, NOW).repaired).toBeUndefined();
  });
});
