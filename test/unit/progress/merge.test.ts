import { describe, expect, it } from 'vitest';
import { mergeAttempts, mergeFlashcards, reconcileFlashcards } from '../../../src/domain/progress/merge.ts';
import { MAX_ATTEMPTS_PER_QUIZ } from '../../../src/domain/quiz/attempts.ts';
import type { FlashcardProgress, FsrsCardState, QuizAttempt } from '../../../src/schemas/progress.ts';

const attempt = (at: string, quizId = 'q', score = 1): QuizAttempt => ({
  quizId,
  at,
  score,
  max: 2,
  retry: false,
  questions: {},
});
const state = (last_review: string | undefined, reps = 1): FsrsCardState => ({
  due: '2026-12-05T00:00:00.000Z',
  stability: 2,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: 1,
  learning_steps: 0,
  reps,
  lapses: 0,
  state: 2,
  ...(last_review ? { last_review } : {}),
});
const entry = (card: string, at: string, rating = 3) => ({ card, rating, state: 0, at });

describe('mergeAttempts', () => {
  it('keeps every attempt of both once, oldest first', () => {
    const a = attempt('2026-11-01T00:00:00.000Z');
    const b = attempt('2026-11-02T00:00:00.000Z');
    const c = attempt('2026-11-03T00:00:00.000Z', 'other');
    const merged = mergeAttempts({ attempts: [a, c] }, { attempts: [b, a] });
    expect(merged.value.attempts).toEqual([a, b, c]);
    expect(merged).toMatchObject({ added: 1, already: 1, trimmed: 0 });
  });

  it('two attempts at the same moment with different scores are both kept', () => {
    const at = '2026-11-01T00:00:00.000Z';
    const merged = mergeAttempts({ attempts: [attempt(at, 'q', 1)] }, { attempts: [attempt(at, 'q', 2)] });
    expect(merged.value.attempts.map((x) => x.score)).toEqual([1, 2]);
  });

  it('stays within the per-quiz cap, dropping the oldest and saying how many', () => {
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString();
    const local = { attempts: Array.from({ length: MAX_ATTEMPTS_PER_QUIZ }, (_, i) => attempt(day(i + 1))) };
    const merged = mergeAttempts(local, {
      attempts: [attempt(day(0)), attempt(day(100)), attempt(day(5), 'x')],
    });
    const mine = merged.value.attempts.filter((a) => a.quizId === 'q');
    expect(mine).toHaveLength(MAX_ATTEMPTS_PER_QUIZ);
    expect(mine[0]?.at).toBe(day(2));
    expect(mine.at(-1)?.at).toBe(day(100));
    expect(merged.trimmed).toBe(2);
    expect(merged.value.attempts.some((a) => a.quizId === 'x')).toBe(true);
  });
});

describe('mergeFlashcards', () => {
  const local: FlashcardProgress = {
    cards: { 'd/a': state('2026-11-10T00:00:00.000Z'), 'd/b': state('2026-11-20T00:00:00.000Z', 3) },
    log: [entry('d/a', '2026-11-10T00:00:00.000Z'), entry('d/b', '2026-11-20T00:00:00.000Z')],
    settings: { newPerDay: 20 },
  };

  it('per card the later review wins; ratings of both once, in time order; the file’s settings', () => {
    const incoming: FlashcardProgress = {
      cards: {
        'd/a': state('2026-11-15T00:00:00.000Z', 2),
        'd/b': state('2026-11-12T00:00:00.000Z', 9),
        'd/c': state(undefined),
      },
      log: [entry('d/a', '2026-11-15T00:00:00.000Z'), entry('d/a', '2026-11-10T00:00:00.000Z')],
      settings: { newPerDay: 5 },
    };
    const merged = mergeFlashcards(local, incoming);
    expect(merged.value.cards['d/a']).toEqual(incoming.cards['d/a']);
    expect(merged.value.cards['d/b']).toEqual(local.cards['d/b']);
    expect(merged.value.cards['d/c']).toEqual(incoming.cards['d/c']);
    expect(merged.value.log.map((e) => e.at)).toEqual([
      '2026-11-10T00:00:00.000Z',
      '2026-11-15T00:00:00.000Z',
      '2026-11-20T00:00:00.000Z',
    ]);
    expect(merged).toMatchObject({
      cardsAdded: 1,
      cardsUpdated: 1,
      cardsKept: 1,
      reviewsAdded: 1,
      settingsChanged: true,
    });
    expect(merged.value.settings).toEqual({ newPerDay: 5 });
  });

  it('on the same review time, the state with more reviews wins; never reviewed loses to reviewed', () => {
    const t = '2026-11-10T00:00:00.000Z';
    expect(
      mergeFlashcards({ ...local, cards: { x: state(t, 1) } }, { ...local, cards: { x: state(t, 4) } }).value
        .cards.x?.reps,
    ).toBe(4);
    expect(
      mergeFlashcards({ ...local, cards: { x: state(t, 4) } }, { ...local, cards: { x: state(t, 1) } }).value
        .cards.x?.reps,
    ).toBe(4);
    expect(
      mergeFlashcards({ ...local, cards: { x: state(t) } }, { ...local, cards: { x: state(undefined) } })
        .cardsKept,
    ).toBe(1);
  });

  it('merging a copy into itself changes nothing', () => {
    const merged = mergeFlashcards(local, local);
    expect(merged.value).toEqual(local);
    expect(merged).toMatchObject({ cardsAdded: 0, cardsUpdated: 0, reviewsAdded: 0, settingsChanged: false });
  });
});

describe('reconcileFlashcards (another tab wrote)', () => {
  const progress = (
    cards: Record<string, FsrsCardState>,
    log: ReturnType<typeof entry>[],
    newPerDay = 20,
  ): FlashcardProgress => ({ cards, log, settings: { newPerDay } });

  it("a write that missed this tab's last rating: both kept, and ours is written back", () => {
    const mine = progress({ a: state('2026-12-01T10:00:00.000Z'), b: state('2026-12-01T10:02:00.000Z') }, [
      entry('a', '2026-12-01T10:00:00.000Z'),
      entry('b', '2026-12-01T10:02:00.000Z', 1),
    ]);
    // The other tab read before our rating of b reached it, then rated c and set 5 a day.
    const stored = progress(
      { a: state('2026-12-01T10:00:00.000Z'), c: state('2026-12-01T10:03:00.000Z') },
      [entry('a', '2026-12-01T10:00:00.000Z'), entry('c', '2026-12-01T10:03:00.000Z', 4)],
      5,
    );
    const { progress: now, writeBack } = reconcileFlashcards(mine, stored);
    expect(writeBack).toBe(true);
    expect(Object.keys(now.cards).sort()).toEqual(['a', 'b', 'c']);
    expect(now.log.map((e) => e.card)).toEqual(['a', 'b', 'c']);
    expect(now.settings.newPerDay).toBe(5);
  });

  it('nothing of ours missing: no write back (two tabs never echo each other)', () => {
    const mine = progress({ a: state('2026-12-01T10:00:00.000Z') }, [entry('a', '2026-12-01T10:00:00.000Z')]);
    const stored = progress({ a: state('2026-12-01T10:00:00.000Z'), c: state('2026-12-01T10:03:00.000Z') }, [
      entry('a', '2026-12-01T10:00:00.000Z'),
      entry('c', '2026-12-01T10:03:00.000Z'),
    ]);
    const { progress: now, writeBack } = reconcileFlashcards(mine, stored);
    expect(writeBack).toBe(false);
    expect(now).toEqual(stored);
  });
});
