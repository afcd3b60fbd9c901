import { describe, expect, it } from 'vitest';
import type { QuizAttempts } from '../../../src/schemas/progress.ts';
import {
  attemptRecord,
  nextOpen,
  pointsText,
  questionVerdict,
  resultSummary,
  retryChoice,
  topicLabel,
} from '../../../src/domain/quiz/session.ts';
import { scoreQuiz } from '../../../src/domain/quiz/scoring.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const qs = [
  { id: 'a', topic: 'cost', points: 1 },
  { id: 'b', topic: 'cold-start', points: 2 },
  { id: 'c', topic: 'cost', points: 1 },
];

describe('what a checked question says', () => {
  it.each([
    [
      { score: 2, max: 2, correct: true },
      { kind: 'right', word: 'Right', points: '2 of 2 points' },
    ],
    [
      { score: 0.5, max: 1, correct: false },
      { kind: 'partial', word: 'Partly right', points: '0.5 of 1 point' },
    ],
    [
      { score: 0, max: 1, correct: false },
      { kind: 'wrong', word: 'Not quite', points: '0 of 1 point' },
    ],
  ])('%o', (score, verdict) => expect(questionVerdict(score)).toEqual(verdict));

  it('labels', () => {
    expect(pointsText(1)).toBe('1 point');
    expect(pointsText(0.25)).toBe('0.25 points');
    expect(topicLabel('cold-start')).toBe('Cold start');
  });
});

describe('nextOpen', () => {
  it('the next unchecked question after this one, wrapping round', () => {
    expect(nextOpen(['a', 'b', 'c'], { a: 1 }, 'a')).toBe('b');
    expect(nextOpen(['a', 'b', 'c'], { b: 1, c: 1 }, 'c')).toBe('a');
    expect(nextOpen(['a', 'b', 'c'], { a: 1, b: 1, c: 1 }, 'b')).toBeUndefined();
  });
});

describe('attemptRecord', () => {
  it('one result per asked question, unanswered ones at 0', () => {
    const scores = { a: { score: 1 }, b: { score: 0.67 } };
    const record = attemptRecord('q', qs, scores, { score: 1.67, max: 4 }, true, NOW);
    expect(record).toEqual({
      ok: true,
      attempt: {
        quizId: 'q',
        at: NOW.toISOString(),
        score: 1.67,
        max: 4,
        retry: true,
        questions: {
          a: { score: 1, max: 1, topic: 'cost' },
          b: { score: 0.67, max: 2, topic: 'cold-start' },
          c: { score: 0, max: 1, topic: 'cost' },
        },
      },
    });
  });

  it('refuses a record that would not pass its own schema (points too small to store)', () => {
    const tiny = [{ id: 'a', topic: 'cost', points: 0.001 }];
    const total = scoreQuiz(tiny, { a: { score: 0, max: 0.001, correct: true } });
    const record = attemptRecord('q', tiny, { a: { score: 0 } }, total, false, NOW);
    expect(record).toEqual({
      ok: false,
      problem: expect.stringMatching(/^it does not match the stored format \(max: /),
    });
  });
});

describe('retryChoice: chosen once, by one rule', () => {
  const attempt = (at: string, questions: Record<string, [number, number]>, retry = false) => ({
    quizId: 'q',
    at,
    score: 0,
    max: 1,
    retry,
    questions: Object.fromEntries(
      Object.entries(questions).map(([id, [score, max]]) => [id, { score, max, topic: 't' }]),
    ),
  });
  const history: QuizAttempts = {
    attempts: [attempt('2026-11-01T00:00:00.000Z', { a: [1, 1], b: [0, 2], c: [0, 1] })],
  };

  it('the questions missed in the stored history', () =>
    expect(retryChoice(history, 'q', ['a', 'b', 'c'])).toEqual({ ids: ['b', 'c'], retry: true }));

  it('when the history has none (not saved), those missed in this visit', () =>
    expect(
      retryChoice({ attempts: [] }, 'q', ['a', 'b', 'c'], {
        active: ['a', 'b'],
        scores: { a: { correct: true }, b: { correct: false } },
      }),
    ).toEqual({ ids: ['b'], retry: true }));

  it('nothing missed anywhere: the whole quiz', () =>
    expect(
      retryChoice({ attempts: [] }, 'q', ['a', 'b'], { active: ['a'], scores: { a: { correct: true } } }),
    ).toEqual({
      ids: ['a', 'b'],
      retry: false,
    }));
});

describe('resultSummary', () => {
  it('score line, topics weakest first, missed questions with their sources, the retry label', () => {
    const total = scoreQuiz(qs, {
      a: { score: 1, max: 1, correct: true },
      b: { score: 1, max: 2, correct: false },
    });
    const long = 'x'.repeat(120);
    const summary = resultSummary(
      total,
      false,
      (id) => (id === 'b' ? long : `Question ${id}`),
      (id) => (id === 'b' ? { href: '/notes/n/#h', heading: 'H' } : undefined),
    );
    expect(summary).toEqual({
      score: '2 of 4 points',
      rest: ' (50 %).',
      topics: [
        { label: 'Cold start', score: '1 / 2', questions: '1' },
        { label: 'Cost', score: '1 / 2', questions: '2' },
      ],
      missed: [
        { id: 'b', title: `${'x'.repeat(110)}…`, source: { href: '/notes/n/#h', heading: 'H' } },
        { id: 'c', title: 'Question c' },
      ],
      retryLabel: 'Retry the 2 I missed',
    });
  });

  it('a retry with one miss, and a perfect attempt', () => {
    const one = scoreQuiz(qs.slice(0, 1), {});
    expect(
      resultSummary(
        one,
        true,
        (id) => id,
        () => undefined,
      ),
    ).toMatchObject({
      rest: ' (0 %) on the questions you retried.',
      retryLabel: 'Retry the one I missed',
    });
    const all = scoreQuiz(qs.slice(0, 1), { a: { score: 1, max: 1, correct: true } });
    expect(
      resultSummary(
        all,
        false,
        (id) => id,
        () => undefined,
      ).retryLabel,
    ).toBeUndefined();
  });
});
