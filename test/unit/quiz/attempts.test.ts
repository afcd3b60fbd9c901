import { describe, expect, it } from 'vitest';
import {
  MAX_ATTEMPTS_PER_QUIZ,
  QUIZ_ATTEMPTS,
  addAttempt,
  describeSummary,
  missedQuestions,
  summarize,
} from '../../../src/domain/quiz/attempts.ts';
import { readRecord, writeRecord } from '../../../src/domain/progress/storage.ts';
import type { QuizAttempt } from '../../../src/schemas/progress.ts';

const attempt = (over: Partial<QuizAttempt> & { results?: Record<string, number> }): QuizAttempt => {
  const results = over.results ?? { a: 1, b: 0, c: 1 };
  return {
    quizId: over.quizId ?? 'quiz',
    at: over.at ?? '2026-11-24T10:00:00.000Z',
    retry: over.retry ?? false,
    score: over.score ?? Object.values(results).reduce((s, n) => s + n, 0),
    max: over.max ?? Object.keys(results).length,
    questions: Object.fromEntries(
      Object.entries(results).map(([id, score]) => [id, { score, max: 1, topic: 'cost' }]),
    ),
  };
};

describe('quiz attempts', () => {
  it('best ignores retries; last is the newest', () => {
    let record = QUIZ_ATTEMPTS.empty();
    record = addAttempt(record, attempt({ results: { a: 1, b: 0, c: 0 } }));
    record = addAttempt(record, attempt({ results: { a: 1, b: 1, c: 0 } }));
    record = addAttempt(record, attempt({ results: { c: 1 }, retry: true }));
    record = addAttempt(record, attempt({ quizId: 'other', results: { a: 1 } }));
    expect(summarize(record, 'quiz')).toEqual({
      attempts: 3,
      best: { percent: 66, at: '2026-11-24T10:00:00.000Z' },
      last: { percent: 100, at: '2026-11-24T10:00:00.000Z', retry: true },
    });
    expect(summarize(record, 'never')).toEqual({ attempts: 0 });
    expect(describeSummary(summarize(record, 'quiz'))).toBe('Best 66 % · last 100 % (retry) · 3 attempts');
    expect(describeSummary(summarize(record, 'other'))).toBe('Best 100 % · last 100 % · 1 attempt');
    expect(describeSummary(summarize(record, 'never'))).toBeUndefined();
  });

  it('missed questions: those short of full marks in the last full attempt, minus later right retries', () => {
    let record = addAttempt(QUIZ_ATTEMPTS.empty(), attempt({ results: { a: 0, b: 0, c: 1 } }));
    expect(missedQuestions(record, 'quiz', ['a', 'b', 'c'])).toEqual(['a', 'b']);
    record = addAttempt(record, attempt({ retry: true, results: { a: 1, b: 0 } }));
    expect(missedQuestions(record, 'quiz', ['a', 'b', 'c'])).toEqual(['b']);
    // A question removed from the quiz since is not offered again.
    expect(missedQuestions(record, 'quiz', ['a', 'c'])).toEqual([]);
    // A new full attempt starts over.
    record = addAttempt(record, attempt({ results: { a: 1, b: 1, c: 0 } }));
    expect(missedQuestions(record, 'quiz', ['a', 'b', 'c'])).toEqual(['c']);
  });

  it('nothing to retry before a first full attempt', () => {
    expect(missedQuestions(QUIZ_ATTEMPTS.empty(), 'quiz', ['a'])).toEqual([]);
  });

  it('keeps at most MAX_ATTEMPTS_PER_QUIZ per quiz, dropping the oldest', () => {
    let record = addAttempt(QUIZ_ATTEMPTS.empty(), attempt({ quizId: 'other' }));
    for (let i = 0; i < MAX_ATTEMPTS_PER_QUIZ + 5; i++)
      record = addAttempt(record, attempt({ at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }));
    const mine = record.attempts.filter((a) => a.quizId === 'quiz');
    expect(mine).toHaveLength(MAX_ATTEMPTS_PER_QUIZ);
    expect(mine[0]?.at).toBe('2026-01-01T00:05:00.000Z');
    expect(record.attempts.some((a) => a.quizId === 'other')).toBe(true);
  });

  it('round-trips through storage and rejects a malformed attempt', () => {
    const map = new Map<string, string>();
    const store = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: () => undefined,
    };
    const record = addAttempt(QUIZ_ATTEMPTS.empty(), attempt({}));
    writeRecord(store, QUIZ_ATTEMPTS, record);
    expect(readRecord(store, QUIZ_ATTEMPTS, new Date()).value).toEqual(record);
    map.set(
      QUIZ_ATTEMPTS.key,
      JSON.stringify({ version: 1, data: { attempts: [{ ...attempt({}), at: 'yesterday' }] } }),
    );
    expect(readRecord(store, QUIZ_ATTEMPTS, new Date()).status).toBe('corrupt');
  });
});

it('a quiz taken only as retries has no best score yet', () => {
  const record = addAttempt(QUIZ_ATTEMPTS.empty(), attempt({ retry: true }));
  expect(describeSummary(summarize(record, 'quiz'))).toBe('Best — · last 66 % (retry) · 1 attempt');
});
